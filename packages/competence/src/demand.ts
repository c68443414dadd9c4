import { type Demand, ROLE_LEVEL, type Role, type ShiftType, type ShiftTypeInput, ShiftTypeSchema, shiftInstance } from '@omsorg/domain';
import type { Allocation, AllocationResult } from './allocation.js';
import { rolesAtOrAbove, STAFFING_ROLES } from './roles.js';

/** Options of {@link deriveDemand}. */
export interface DeriveDemandOptions {
  /** The shift types the allocation used (their length gives each person's capacity). */
  shiftTypes: readonly ShiftTypeInput[];
  /**
   * Share of a shift's paid time a person spends on the tasks from service decisions (the rest goes
   * to reports, documentation, breaks in the paid time, unplanned needs). Default 0.8.
   */
  utilisation?: number;
  /** Prefix of the demand line ids. Default `competence-`. */
  idPrefix?: string;
}

/**
 * Demand of one role (and delegated qualification) in one shift on one date, for one team or ward:
 * task minutes allocated and the staff that takes.
 */
export interface DemandCell {
  /** Local date the shift starts. */
  date: string;
  shiftTypeId: string;
  unitId: string;
  wardId?: string;
  teamId?: string;
  role: Role;
  qualificationId?: string;
  /** Staff-minutes of tasks allocated to this cell. */
  taskMinutes: number;
  /** Number of task occurrences. */
  occurrences: number;
  /** Staff needed: task minutes over one person's capacity, rounded up, and at least the largest `staff` of a task. */
  staff: number;
}

/** Per-role totals over the period. */
export interface RoleDemandTotal {
  /** Staff-minutes of tasks. */
  taskMinutes: number;
  /** Sum of staff over cells: person-shifts. */
  personShifts: number;
}

/** Result of {@link deriveDemand}. */
export interface DerivedDemand {
  /**
   * Demand lines (`@omsorg/domain` `Demand`), one set per date, shift type and ward (or unit). Lines
   * nest: the line for a role level counts every role at or above it (a nurse may fill a health
   * worker's place), and its `min` is the staff needed at that level and above. Delegated tasks add
   * a line with the qualification.
   */
  demand: Demand[];
  /** The per-role breakdown behind the lines. */
  cells: DemandCell[];
  /** Totals per role over the period. */
  byRole: Record<Role, RoleDemandTotal>;
  /** Staff-minutes allocated (equal to the sum of `cells[].taskMinutes`). */
  allocatedMinutes: number;
  /** Staff-minutes the allocation could not place. */
  unallocatedMinutes: number;
}

function cellKey(a: Pick<Allocation, 'shiftDate' | 'shiftTypeId' | 'unitId' | 'wardId' | 'teamId' | 'role' | 'qualificationId'>): string {
  return keyOf(a.shiftDate, a);
}

function keyOf(date: string, a: Pick<DemandCell, 'shiftTypeId' | 'unitId' | 'wardId' | 'teamId' | 'role' | 'qualificationId'>): string {
  return [date, a.shiftTypeId, a.unitId, a.wardId ?? '', a.teamId ?? '', a.role, a.qualificationId ?? ''].join('|');
}

/**
 * Service-driven staffing (tjenestestyrt bemanning): turn allocated task occurrences into demand per
 * role per shift. Each team's cell needs ⌈task minutes ÷ (paid shift minutes × utilisation)⌉ people,
 * at least the largest number a single task needs at once; teams do not share staff, wards and
 * units do. Total task minutes are conserved: `allocatedMinutes` equals the allocations' minutes.
 */
export function deriveDemand(allocation: Pick<AllocationResult, 'allocations' | 'unallocated'>, options: DeriveDemandOptions): DerivedDemand {
  const utilisation = options.utilisation ?? 0.8;
  if (!(utilisation > 0 && utilisation <= 1)) throw new RangeError(`utilisation must be in (0, 1], got ${utilisation}`);
  const prefix = options.idPrefix ?? 'competence-';
  const shifts = new Map<string, ShiftType>();
  for (const raw of options.shiftTypes) {
    const parsed = ShiftTypeSchema.safeParse(raw);
    if (parsed.success) shifts.set(parsed.data.id, parsed.data);
  }
  const cells = new Map<string, DemandCell & { maxStaff: number }>();
  let allocatedMinutes = 0;
  for (const a of allocation.allocations) {
    allocatedMinutes += a.minutes;
    const key = cellKey(a);
    const cell = cells.get(key);
    if (cell) {
      cell.taskMinutes += a.minutes;
      cell.occurrences += 1;
      cell.maxStaff = Math.max(cell.maxStaff, a.staff);
    } else {
      cells.set(key, {
        date: a.shiftDate,
        shiftTypeId: a.shiftTypeId,
        unitId: a.unitId,
        ...(a.wardId !== undefined ? { wardId: a.wardId } : {}),
        ...(a.teamId !== undefined ? { teamId: a.teamId } : {}),
        role: a.role,
        ...(a.qualificationId !== undefined ? { qualificationId: a.qualificationId } : {}),
        taskMinutes: a.minutes,
        occurrences: 1,
        staff: 0,
        maxStaff: a.staff,
      });
    }
  }
  const capacity = new Map<string, number>();
  const out: DemandCell[] = [];
  for (const { maxStaff, ...cell } of cells.values()) {
    const ckey = `${cell.date}|${cell.shiftTypeId}`;
    let cap = capacity.get(ckey);
    if (cap === undefined) {
      const shift = shifts.get(cell.shiftTypeId);
      // A shift type the options do not list: one person per full 8 hours of tasks.
      cap = shift ? Math.max(1, (shiftInstance(cell.date, shift).minutes - shift.unpaidBreakMinutes) * utilisation) : 480;
      capacity.set(ckey, cap);
    }
    out.push({ ...cell, staff: Math.max(maxStaff, Math.ceil(cell.taskMinutes / cap - 1e-9)) });
  }
  out.sort((a, b) => (keyOf(a.date, a) < keyOf(b.date, b) ? -1 : 1));

  const byRole = Object.fromEntries(STAFFING_ROLES.map((r) => [r, { taskMinutes: 0, personShifts: 0 }])) as Record<Role, RoleDemandTotal>;
  byRole.student = { taskMinutes: 0, personShifts: 0 };
  for (const c of out) {
    byRole[c.role].taskMinutes += c.taskMinutes;
    byRole[c.role].personShifts += c.staff;
  }
  return {
    demand: demandLines(out, prefix),
    cells: out,
    byRole,
    allocatedMinutes,
    unallocatedMinutes: allocation.unallocated.reduce((s, u) => s + u.minutes, 0),
  };
}

function demandLines(cells: readonly DemandCell[], prefix: string): Demand[] {
  const groups = new Map<string, DemandCell[]>();
  for (const c of cells) {
    const key = `${c.date}|${c.shiftTypeId}|${c.unitId}|${c.wardId ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const lines: Demand[] = [];
  for (const group of groups.values()) {
    const { date, shiftTypeId, unitId, wardId } = group[0]!;
    const place = { unitId, ...(wardId !== undefined ? { wardId } : {}) };
    const base = `${prefix}${date}-${shiftTypeId}-${wardId ?? unitId}`;
    const levels = [...new Set(group.map((c) => ROLE_LEVEL[c.role]))].sort((a, b) => a - b);
    for (const level of levels) {
      const lowest = STAFFING_ROLES.find((r) => ROLE_LEVEL[r] === level)!;
      const min = group.filter((c) => ROLE_LEVEL[c.role] >= level).reduce((s, c) => s + c.staff, 0);
      lines.push({ id: `${base}-${lowest}`, date, shiftTypeId, ...place, competence: { roles: rolesAtOrAbove(lowest) }, min, preferred: min });
    }
    const quals = [...new Set(group.flatMap((c) => (c.qualificationId === undefined ? [] : [c.qualificationId])))].sort();
    for (const q of quals) {
      const holders = group.filter((c) => c.qualificationId === q);
      const lowest = holders.reduce((r, c) => (ROLE_LEVEL[c.role] < ROLE_LEVEL[r] ? c.role : r), holders[0]!.role);
      const min = holders.reduce((s, c) => s + c.staff, 0);
      lines.push({ id: `${base}-${q}`, date, shiftTypeId, ...place, competence: { roles: rolesAtOrAbove(lowest), qualificationId: q }, min, preferred: min });
    }
  }
  return lines;
}
