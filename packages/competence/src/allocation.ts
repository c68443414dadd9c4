import {
  addDays,
  type DomainIssue,
  type Employee,
  type EmployeeInput,
  EmployeeSchema,
  fromZodIssues,
  type Role,
  type ShiftInstance,
  type ShiftType,
  type ShiftTypeInput,
  ShiftTypeSchema,
  shiftInstance,
  type Task,
} from '@omsorg/domain';
import type { Catalogue } from './catalogue/schema.js';
import { issue } from './errors.js';
import { occurrenceMinutes, type TaskOccurrence } from './occurrences.js';
import { type CompetenceSlot, candidateSlots, type PerformBasis, performBasis } from './roles.js';

/** Options of {@link allocateOccurrences}. */
export interface AllocationOptions {
  catalogue: Catalogue;
  /** Shift types a task may be placed in, in order of preference among equally good fits. */
  shiftTypes: readonly ShiftTypeInput[];
  /**
   * Roles that work each shift type (by id); a shift type not listed is worked by every role. E.g.
   * `{ S: ['serviceWorker'] }` when the service shift is staffed by service workers only.
   */
  shiftRoles?: Readonly<Record<string, readonly Role[]>>;
  /**
   * Shift types (by id) each role works; a role not listed works every shift type. E.g.
   * `{ serviceWorker: ['S'] }` when service workers only work the service shift.
   */
  roleShifts?: Readonly<Partial<Record<Role, readonly string[]>>>;
  /**
   * Staff. When given, a task is only given to a role (and qualification) that someone in the
   * resident's team (soneteam) holds; residents without a team, or whose team has no listed
   * employee, draw on all staff.
   */
  staff?: readonly EmployeeInput[];
}

/** One occurrence placed: the role (and delegated qualification) that does it, in which shift. */
export interface Allocation {
  occurrenceId: string;
  taskId: string;
  /** The lowest role that may do the task and is available. */
  role: Role;
  /** Set when the role does the task by delegation with this procedure qualification. */
  qualificationId?: string;
  /** On what basis the role may do it. */
  basis: PerformBasis;
  shiftTypeId: string;
  /** The local date the shift starts on (a night shift starts the evening before an early task). */
  shiftDate: string;
  /** Planned start instant (ISO), inside both the task's window and the shift. */
  plannedStart: string;
  /** Staff-minutes: duration × staff. */
  minutes: number;
  /** Staff needed at once. */
  staff: number;
  unitId: string;
  wardId?: string;
  teamId?: string;
}

/** An occurrence the allocation could not place, with the reason as an issue code. */
export interface Unallocated {
  occurrenceId: string;
  taskId: string;
  /** Staff-minutes of the occurrence. */
  minutes: number;
  reason: 'UNKNOWN_TASK' | 'NO_SHIFT_COVERS_WINDOW';
}

/** Result of {@link allocateOccurrences}. */
export interface AllocationResult {
  allocations: Allocation[];
  unallocated: Unallocated[];
  issues: DomainIssue[];
}

interface Placement {
  shift: ShiftType;
  instance: ShiftInstance;
  start: number;
  distance: number;
  order: number;
}

const MS_PER_MINUTE = 60_000;

/**
 * Right competence to the right service (rett kompetanse til rett tjeneste): give each occurrence to
 * the lowest-qualified role that may do it — a delegated role holding the procedure qualification
 * before the task's own minimum role — that is available in the resident's team and works a shift
 * covering the task's time window. Among shifts, the one that lets the task start closest to its
 * scheduled time wins (then the order of `shiftTypes`). When nobody in the team holds a slot the
 * lowest slot is used anyway, with a `NO_QUALIFIED_STAFF_IN_TEAM` warning, so the demand shows the
 * gap. Never throws for bad data.
 */
export function allocateOccurrences(occurrences: readonly TaskOccurrence[], options: AllocationOptions): AllocationResult {
  const issues: DomainIssue[] = [];
  const shiftTypes: ShiftType[] = [];
  options.shiftTypes.forEach((raw, i) => {
    const parsed = ShiftTypeSchema.safeParse(raw);
    if (parsed.success) shiftTypes.push(parsed.data);
    else for (const x of fromZodIssues(parsed.error.issues)) issues.push({ ...x, path: ['shiftTypes', i, ...x.path] });
  });
  const staff: Employee[] = [];
  (options.staff ?? []).forEach((raw, i) => {
    const parsed = EmployeeSchema.safeParse(raw);
    if (parsed.success) staff.push(parsed.data);
    else for (const x of fromZodIssues(parsed.error.issues)) issues.push({ ...x, path: ['staff', i, ...x.path] });
  });
  const tasks = new Map(options.catalogue.tasks.map((t) => [t.id, t]));
  const slotsByTask = new Map<string, CompetenceSlot[]>();
  // The shift instances that can hold a task on a date: those starting the day before, on it, and after.
  const around = new Map<string, { shift: ShiftType; order: number; instance: ShiftInstance; start: number; end: number }[]>();
  const instancesAround = (date: string) => {
    let list = around.get(date);
    if (!list) {
      list = [addDays(date, -1), date, addDays(date, 1)].flatMap((d) =>
        shiftTypes.map((shift, order) => {
          const instance = shiftInstance(d, shift);
          return { shift, order, instance, start: instance.start.getTime(), end: instance.end.getTime() };
        }),
      );
      around.set(date, list);
    }
    return list;
  };
  const works = (shift: ShiftType, role: Role) => {
    const roles = options.shiftRoles?.[shift.id];
    const shiftIds = options.roleShifts?.[role];
    return (roles === undefined || roles.includes(role)) && (shiftIds === undefined || shiftIds.includes(shift.id));
  };
  // Slots held per team ('' = all staff): `role` and `role|qualification`.
  const held = new Map<string, Set<string>>([['', new Set()]]);
  for (const e of staff) {
    for (const team of e.teamId !== undefined ? ['', e.teamId] : ['']) {
      let set = held.get(team);
      if (!set) {
        set = new Set();
        held.set(team, set);
      }
      set.add(e.role);
      for (const q of e.qualifications) set.add(`${e.role}|${q}`);
    }
  }
  const available = (slot: CompetenceSlot, teamId: string | undefined) => {
    if (options.staff === undefined) return true;
    const set = (teamId !== undefined ? held.get(teamId) : undefined) ?? held.get('')!;
    return set.has(slot.qualificationId === undefined ? slot.role : `${slot.role}|${slot.qualificationId}`);
  };
  const place = (o: TaskOccurrence, role: Role): Placement | undefined => {
    const earliest = Date.parse(o.earliestStart);
    const latest = Date.parse(o.latestStart);
    const scheduled = Date.parse(o.scheduledAt);
    let best: Placement | undefined;
    for (const { shift, order, instance, start: shiftStart, end: shiftEnd } of instancesAround(o.date)) {
      if (!works(shift, role)) continue;
      const lo = Math.max(earliest, shiftStart);
      const hi = Math.min(latest, shiftEnd - o.durationMinutes * MS_PER_MINUTE);
      if (lo > hi) continue;
      const start = Math.min(hi, Math.max(lo, scheduled));
      const distance = Math.abs(start - scheduled);
      if (!best || distance < best.distance || (distance === best.distance && order < best.order)) best = { shift, instance, start, distance, order };
    }
    return best;
  };

  const allocations: Allocation[] = [];
  const unallocated: Unallocated[] = [];
  // One warning per task and team, not per occurrence.
  const gaps = new Map<string, { index: number; task: Task; teamId: string | undefined; count: number }>();
  occurrences.forEach((o, i) => {
    const task: Task | undefined = tasks.get(o.taskId);
    if (!task) {
      unallocated.push({ occurrenceId: o.id, taskId: o.taskId, minutes: occurrenceMinutes(o), reason: 'UNKNOWN_TASK' });
      issues.push(issue('UNKNOWN_REFERENCE', ['occurrences', i, 'taskId'], `Ukjent oppgave «${o.taskId}»`, `Unknown task "${o.taskId}"`));
      return;
    }
    let slots = slotsByTask.get(task.id);
    if (!slots) {
      slots = candidateSlots(task);
      slotsByTask.set(task.id, slots);
    }
    let chosen: { slot: CompetenceSlot; placement: Placement } | undefined;
    let fallback: { slot: CompetenceSlot; placement: Placement } | undefined;
    for (const slot of slots) {
      const placement = place(o, slot.role);
      if (!placement) continue;
      if (available(slot, o.teamId)) {
        chosen = { slot, placement };
        break;
      }
      fallback ??= { slot, placement };
    }
    if (!chosen && fallback) {
      chosen = fallback;
      const key = `${task.id}|${o.teamId ?? ''}`;
      const gap = gaps.get(key);
      if (gap) gap.count += 1;
      else gaps.set(key, { index: i, task, teamId: o.teamId, count: 1 });
    }
    if (!chosen) {
      unallocated.push({ occurrenceId: o.id, taskId: o.taskId, minutes: occurrenceMinutes(o), reason: 'NO_SHIFT_COVERS_WINDOW' });
      issues.push(
        issue(
          'NO_SHIFT_COVERS_WINDOW',
          ['occurrences', i],
          `Ingen vakt dekker tidsvinduet for «${task.name.nb}» ${o.date} kl. ${o.time}`,
          `No shift covers the time window of "${task.name.en}" on ${o.date} at ${o.time}`,
        ),
      );
      return;
    }
    const { slot, placement } = chosen;
    const qualifications = slot.qualificationId === undefined ? [] : [slot.qualificationId];
    allocations.push({
      occurrenceId: o.id,
      taskId: task.id,
      role: slot.role,
      ...(slot.qualificationId !== undefined ? { qualificationId: slot.qualificationId } : {}),
      basis: performBasis(task, { role: slot.role, qualifications })!,
      shiftTypeId: placement.shift.id,
      shiftDate: placement.instance.date,
      plannedStart: new Date(placement.start).toISOString(),
      minutes: occurrenceMinutes(o),
      staff: o.staff,
      unitId: o.unitId,
      ...(o.wardId !== undefined ? { wardId: o.wardId } : {}),
      ...(o.teamId !== undefined ? { teamId: o.teamId } : {}),
    });
  });
  for (const { index, task, teamId, count } of gaps.values()) {
    const team = teamId === undefined ? { nb: 'blant de ansatte', en: 'among the staff' } : { nb: `i team «${teamId}»`, en: `in team "${teamId}"` };
    issues.push(
      issue(
        'NO_QUALIFIED_STAFF_IN_TEAM',
        ['occurrences', index],
        `Ingen ${team.nb} kan utføre «${task.name.nb}» (${count} ganger); behovet er lagt på laveste egnede rolle`,
        `Nobody ${team.en} may do "${task.name.en}" (${count} times); the demand is put on the lowest suitable role`,
        'warning',
      ),
    );
  }
  return { allocations, unallocated, issues };
}
