import { type DomainIssue, ROLE_LEVEL, type Role, type Task } from '@omsorg/domain';
import type { Catalogue } from '../catalogue/schema.js';
import { issue } from '../errors.js';
import { lowestRoleFor, STAFFING_ROLES } from '../roles.js';
import type { TimeStudyRow } from './parse.js';

/** How one role spends its time in a time study, and how much of it lies below its level. */
export interface RoleTimeShare {
  role: Role;
  /** Distinct employees of the role among rows that name one. */
  employees: number;
  /** All minutes recorded for the role. */
  totalMinutes: number;
  /** Minutes on tasks that a lower role may do (with delegation where the task allows it). */
  belowLevelMinutes: number;
  /** `totalMinutes` in hours. */
  totalHours: number;
  /** `belowLevelMinutes` in hours. */
  belowLevelHours: number;
  /** `belowLevelMinutes ÷ totalMinutes` (0 when no time is recorded). */
  share: number;
  /** Below-level minutes by the lowest role that may do the task. */
  couldBeDoneBy: Partial<Record<Role, number>>;
  /** The five tasks with most below-level minutes, largest first. */
  topTasks: { taskId: string; minutes: number }[];
}

/** The figures of one unit or team. */
export interface GroupTimeShares {
  /** Unit or team id. */
  id: string;
  roles: RoleTimeShare[];
}

/** Result of {@link analyseTaskMapping}. */
export interface TaskMappingReport {
  /** Every row. */
  overall: RoleTimeShare[];
  /** Rows with a `unitId`, per unit. */
  byUnit: GroupTimeShares[];
  /** Rows with a `teamId`, per team. */
  byTeam: GroupTimeShares[];
  /** Rows whose task the catalogue does not know (counted in totals, never below level). */
  issues: DomainIssue[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function shares(rows: readonly { row: TimeStudyRow; task: Task | undefined }[]): RoleTimeShare[] {
  const out: RoleTimeShare[] = [];
  for (const role of [...STAFFING_ROLES, 'student' as const].reverse()) {
    const mine = rows.filter((r) => r.row.role === role);
    if (mine.length === 0) continue;
    let total = 0;
    let below = 0;
    const couldBeDoneBy: Partial<Record<Role, number>> = {};
    const byTask = new Map<string, number>();
    for (const { row, task } of mine) {
      total += row.minutes;
      if (!task) continue;
      const lowest = lowestRoleFor(task);
      if (ROLE_LEVEL[lowest] >= ROLE_LEVEL[role]) continue;
      below += row.minutes;
      couldBeDoneBy[lowest] = (couldBeDoneBy[lowest] ?? 0) + row.minutes;
      byTask.set(task.id, (byTask.get(task.id) ?? 0) + row.minutes);
    }
    out.push({
      role,
      employees: new Set(mine.flatMap((r) => (r.row.employeeId === undefined ? [] : [r.row.employeeId]))).size,
      totalMinutes: total,
      belowLevelMinutes: below,
      totalHours: round2(total / 60),
      belowLevelHours: round2(below / 60),
      share: total > 0 ? below / total : 0,
      couldBeDoneBy,
      topTasks: [...byTask]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 5)
        .map(([taskId, minutes]) => ({ taskId, minutes })),
    });
  }
  return out;
}

function grouped(rows: readonly { row: TimeStudyRow; task: Task | undefined }[], key: 'unitId' | 'teamId'): GroupTimeShares[] {
  const groups = new Map<string, { row: TimeStudyRow; task: Task | undefined }[]>();
  for (const r of rows) {
    const id = r.row[key];
    if (id === undefined) continue;
    const list = groups.get(id);
    if (list) list.push(r);
    else groups.set(id, [r]);
  }
  return [...groups]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([id, list]) => ({ id, roles: shares(list) }));
}

/**
 * Task-mapping analysis (oppgavekartlegging): per role, the hours recorded and the hours on tasks a
 * lower role may do — with delegation where the catalogue allows it — as a share of the role's time;
 * overall, per unit and per team. Roles are listed highest first. This is the figure behind "nurses
 * and social educators spend over half their time on tasks others are competent to do".
 */
export function analyseTaskMapping(rows: readonly TimeStudyRow[], catalogue: Catalogue): TaskMappingReport {
  const tasks = new Map(catalogue.tasks.map((t) => [t.id, t]));
  const issues: DomainIssue[] = [];
  const joined = rows.map((row, i) => {
    const task = tasks.get(row.taskId);
    if (!task) issues.push(issue('UNKNOWN_REFERENCE', ['rows', i, 'taskId'], `Ukjent oppgave «${row.taskId}»`, `Unknown task "${row.taskId}"`, 'warning'));
    return { row, task };
  });
  return { overall: shares(joined), byUnit: grouped(joined, 'unitId'), byTeam: grouped(joined, 'teamId'), issues };
}
