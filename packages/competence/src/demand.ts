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
 * The demand of one team (or, for residents without a team, one ward or unit) in one shift on one
 * date: the task minutes per role and qualification, and the people that takes per role.
 */
export interface DemandCell {
  /** Local date the shift starts. */
  date: string;
  shiftTypeId: string;
  unitId: string;
  wardId?: string;
  teamId?: string;
  /** Staff-minutes of tasks allocated to each role (delegated tasks included). */
  minutesByRole: Partial<Record<Role, number>>;
  /** Staff-minutes of delegated tasks per procedure qualification. */
  minutesByQualification: Record<string, number>;
  /** Staff-minutes of all tasks in the cell. */
  taskMinutes: number;
  /** Number of task occurrences. */
  occurrences: number;
  /**
   * People needed per role: the lowest-qualified mix. A person of a higher role takes spare lower
   * tasks, so a role with few minutes may need nobody of its own.
   */
  staffByRole: Partial<Record<Role, number>>;
  /** People needed who hold each delegated qualification (counted within `staffByRole`). */
  staffByQualification: Record<string, number>;
  /** People needed in all. */
  staff: number;
}

/** Per-role totals over the period. */
export interface RoleDemandTotal {
  /** Staff-minutes of tasks. */
  taskMinutes: number;
  /** People needed, summed over shifts: person-shifts. */
  personShifts: number;
}

/** Result of {@link deriveDemand}. */
export interface DerivedDemand {
  /**
   * Demand lines (`@omsorg/domain` `Demand`), one set per date, shift type and ward (or unit). Lines
   * nest: the line for a role level counts every role at or above it, and its `min` is the people
   * needed for the tasks of that level and above. Delegated tasks add a line with the qualification.
   */
  demand: Demand[];
  /** The per-team breakdown behind the lines. */
  cells: DemandCell[];
  /** Totals per role over the period. */
  byRole: Record<Role, RoleDemandTotal>;
  /** Staff-minutes allocated (equal to the sum of `cells[].taskMinutes`). */
  allocatedMinutes: number;
  /** Staff-minutes the allocation could not place. */
  unallocatedMinutes: number;
}

interface Bucket {
  cell: Omit<DemandCell, 'staffByRole' | 'staffByQualification' | 'staff'>;
  /** Largest number of people one task needs at once, per role and per qualification. */
  maxStaffByRole: Partial<Record<Role, number>>;
  maxStaffByQualification: Record<string, number>;
  /** Lowest role doing each qualification's tasks. */
  qualificationRole: Record<string, Role>;
}

const EPS = 1e-9;

function placeKey(a: Pick<Allocation, 'shiftTypeId' | 'unitId' | 'wardId' | 'teamId'>, date: string, withTeam: boolean): string {
  return [date, a.shiftTypeId, a.unitId, a.wardId ?? '', withTeam ? (a.teamId ?? '') : ''].join('|');
}

/** Levels present in a cell, highest first, with the people needed at that level and above. */
function nestedNeed(b: Bucket, capacity: number): { level: number; need: number }[] {
  const levels = [...new Set(Object.keys(b.cell.minutesByRole).map((r) => ROLE_LEVEL[r as Role]))].sort((x, y) => y - x);
  const out: { level: number; need: number }[] = [];
  let minutes = 0;
  let maxStaff = 0;
  for (const level of levels) {
    for (const [role, m] of Object.entries(b.cell.minutesByRole) as [Role, number][]) {
      if (ROLE_LEVEL[role] !== level) continue;
      minutes += m;
      maxStaff = Math.max(maxStaff, b.maxStaffByRole[role] ?? 0);
    }
    out.push({ level, need: Math.max(maxStaff, Math.ceil(minutes / capacity - EPS)) });
  }
  return out;
}

/** Split the people of one level among its roles (nurse and social educator share level 4). */
function splitLevel(b: Bucket, level: number, people: number, capacity: number): Partial<Record<Role, number>> {
  const roles = (Object.keys(b.cell.minutesByRole) as Role[]).filter((r) => ROLE_LEVEL[r] === level).sort((x, y) => STAFFING_ROLES.indexOf(x) - STAFFING_ROLES.indexOf(y));
  const out: Partial<Record<Role, number>> = {};
  let left = people;
  // The highest role of the level (e.g. nurse) takes what the others do not need of their own.
  for (const role of roles.slice(0, -1)) {
    const own = Math.min(left, Math.ceil((b.cell.minutesByRole[role] ?? 0) / capacity - EPS));
    out[role] = own;
    left -= own;
  }
  const last = roles.at(-1);
  if (last !== undefined) out[last] = left;
  return out;
}

/**
 * Service-driven staffing (tjenestestyrt bemanning): turn allocated task occurrences into demand per
 * role per shift. Within each team, the people needed at a role level and above is ⌈task minutes of
 * that level and above ÷ (paid shift minutes × utilisation)⌉, at least the largest number a single
 * task needs at once; each delegated qualification likewise. Teams do not share staff; wards and units
 * add up their teams. Total task minutes are conserved: `allocatedMinutes` equals the sum over cells.
 * Night shifts that start the evening before the period (for tasks just after midnight) are kept,
 * dated that evening.
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

  const buckets = new Map<string, Bucket>();
  let allocatedMinutes = 0;
  for (const a of allocation.allocations) {
    allocatedMinutes += a.minutes;
    const key = placeKey(a, a.shiftDate, true);
    let b = buckets.get(key);
    if (!b) {
      b = {
        cell: {
          date: a.shiftDate,
          shiftTypeId: a.shiftTypeId,
          unitId: a.unitId,
          ...(a.wardId !== undefined ? { wardId: a.wardId } : {}),
          ...(a.teamId !== undefined ? { teamId: a.teamId } : {}),
          minutesByRole: {},
          minutesByQualification: {},
          taskMinutes: 0,
          occurrences: 0,
        },
        maxStaffByRole: {},
        maxStaffByQualification: {},
        qualificationRole: {},
      };
      buckets.set(key, b);
    }
    const c = b.cell;
    c.taskMinutes += a.minutes;
    c.occurrences += 1;
    c.minutesByRole[a.role] = (c.minutesByRole[a.role] ?? 0) + a.minutes;
    b.maxStaffByRole[a.role] = Math.max(b.maxStaffByRole[a.role] ?? 0, a.staff);
    if (a.qualificationId !== undefined) {
      const q = a.qualificationId;
      c.minutesByQualification[q] = (c.minutesByQualification[q] ?? 0) + a.minutes;
      b.maxStaffByQualification[q] = Math.max(b.maxStaffByQualification[q] ?? 0, a.staff);
      const current = b.qualificationRole[q];
      if (current === undefined || ROLE_LEVEL[a.role] < ROLE_LEVEL[current]) b.qualificationRole[q] = a.role;
    }
  }

  const capacityCache = new Map<string, number>();
  const capacityOf = (date: string, shiftTypeId: string) => {
    const key = `${date}|${shiftTypeId}`;
    let cap = capacityCache.get(key);
    if (cap === undefined) {
      const shift = shifts.get(shiftTypeId);
      // A shift type the options do not list: one person per 8 hours of tasks.
      cap = shift ? Math.max(1, (shiftInstance(date, shift).minutes - shift.unpaidBreakMinutes) * utilisation) : 480;
      capacityCache.set(key, cap);
    }
    return cap;
  };

  const byRole = Object.fromEntries([...STAFFING_ROLES, 'student' as const].map((r) => [r, { taskMinutes: 0, personShifts: 0 }])) as Record<Role, RoleDemandTotal>;
  const cells: DemandCell[] = [];
  // Lines per place (no team): people needed per level and per qualification, summed over teams.
  const places = new Map<string, { cell: DemandCell; teams: { level: number; need: number }[][]; quals: Map<string, { role: Role; need: number }> }>();
  for (const [key, b] of [...buckets].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    const cap = capacityOf(b.cell.date, b.cell.shiftTypeId);
    const nested = nestedNeed(b, cap);
    const staffByRole: Partial<Record<Role, number>> = {};
    nested.forEach(({ level, need }, i) => {
      const above = i === 0 ? 0 : nested[i - 1]!.need;
      Object.assign(staffByRole, splitLevel(b, level, need - above, cap));
    });
    const staffByQualification: Record<string, number> = {};
    for (const [q, m] of Object.entries(b.cell.minutesByQualification)) staffByQualification[q] = Math.max(b.maxStaffByQualification[q] ?? 0, Math.ceil(m / cap - EPS));
    const cell: DemandCell = { ...b.cell, staffByRole, staffByQualification, staff: nested.at(-1)?.need ?? 0 };
    cells.push(cell);
    for (const [role, m] of Object.entries(cell.minutesByRole) as [Role, number][]) byRole[role].taskMinutes += m;
    for (const [role, n] of Object.entries(staffByRole) as [Role, number][]) byRole[role].personShifts += n;

    const pkey = key.slice(0, key.lastIndexOf('|'));
    let place = places.get(pkey);
    if (!place) {
      place = { cell, teams: [], quals: new Map() };
      places.set(pkey, place);
    }
    place.teams.push(nested);
    for (const [q, need] of Object.entries(staffByQualification)) {
      const role = b.qualificationRole[q]!;
      const current = place.quals.get(q);
      place.quals.set(q, { role: current && ROLE_LEVEL[current.role] < ROLE_LEVEL[role] ? current.role : role, need: (current?.need ?? 0) + need });
    }
  }

  const demand: Demand[] = [];
  for (const { cell, teams, quals } of places.values()) {
    const { date, shiftTypeId, unitId, wardId } = cell;
    const where = { unitId, ...(wardId !== undefined ? { wardId } : {}) };
    const base = `${prefix}${date}-${shiftTypeId}-${wardId ?? unitId}`;
    const present = [...new Set(teams.flatMap((t) => t.map((x) => x.level)))].sort((x, y) => x - y);
    for (const level of present) {
      const lowest = STAFFING_ROLES.find((r) => ROLE_LEVEL[r] === level)!;
      // Each team's people at this level and above: its need at its lowest level at or above this one.
      const min = teams.reduce((sum, t) => sum + (t.filter((x) => x.level >= level).at(-1)?.need ?? 0), 0);
      demand.push({ id: `${base}-${lowest}`, date, shiftTypeId, ...where, competence: { roles: rolesAtOrAbove(lowest) }, min, preferred: min });
    }
    for (const [q, { role, need }] of [...quals].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      demand.push({ id: `${base}-${q}`, date, shiftTypeId, ...where, competence: { roles: rolesAtOrAbove(role), qualificationId: q }, min: need, preferred: need });
    }
  }
  return { demand, cells, byRole, allocatedMinutes, unallocatedMinutes: allocation.unallocated.reduce((s, u) => s + u.minutes, 0) };
}
