import {
  addDays,
  dateRange,
  daysBetween,
  isoWeekday,
  isPublicHoliday,
  localToInstant,
  nightMinutes,
  type Problem,
  type ResolvedDemand,
  type RotaCell,
  resolveDemand,
  type ShiftType,
  shiftInstance,
  weekendMinutes,
} from '@omsorg/domain';
import { type SundayHolidayPeriod, sundayHolidayPeriods } from './windows.js';

/** Value of an off cell in an assignment array. */
export const OFF = -1;

/** How many days before the horizon {@link CompiledProblem.history} keeps at most (8 weeks). */
export const HISTORY_LOOKBACK_DAYS = 56;

/**
 * The problem's `history` compiled: the cells worked in the last days before the horizon, fixed
 * facts that rules looking back in time seed their state from. History day `h` (0 = oldest kept) is
 * day index `h - days` of the horizon (negative); cells are `e * days + h`. Employees without a
 * history cell on a kept day were off that day.
 */
export interface CompiledHistory {
  /** Number of history days kept before the horizon (0 when the problem has no history). */
  readonly days: number;
  /** Local dates of the kept history days, oldest first. */
  readonly dates: readonly string[];
  /** Option worked per history cell, or {@link OFF}. */
  readonly option: Int16Array;
  /** Real start minute of the shift per history cell (negative: before the horizon's first midnight). */
  readonly start: Int32Array;
  /** Real end minute of the shift per history cell. */
  readonly end: Int32Array;
  /** Minutes of the shift from Saturday 00:00 to Monday 00:00, per history cell. */
  readonly weekend: Int32Array;
  /** Real worked minutes (real length minus unpaid break), per history cell. */
  readonly work: Int32Array;
  /** Nominal worked minutes (wall-clock length minus unpaid break), per history cell. */
  readonly nominalWork: Int32Array;
  /** Minutes in the night window 21:00–06:00, per history cell. */
  readonly night: Int32Array;
  /** Minutes inside a Sunday/holiday window of AML § 10-10, per history cell. */
  readonly sundayHoliday: Int32Array;
}

/**
 * A problem compiled to integer arrays for fast evaluation. Cells are `e * days + d`; an
 * assignment holds an option index (a shift type in a ward) or {@link OFF}. Times are integer
 * minutes from the horizon's first local midnight, as real instants (DST-correct).
 */
export interface CompiledProblem {
  /** The source problem. */
  readonly problem: Problem;
  /** Number of employees. */
  readonly employees: number;
  /** Number of days in the horizon. */
  readonly days: number;
  /** Number of shift types. */
  readonly shifts: number;
  /** Number of options (shift type × ward, or shift type alone). */
  readonly options: number;
  /** Local dates of the horizon. */
  readonly dates: readonly string[];
  /** Employee ids by index. */
  readonly employeeIds: readonly string[];
  /** Employee index by id. */
  readonly employeeIndex: ReadonlyMap<string, number>;
  /** Shift type ids by index. */
  readonly shiftIds: readonly string[];
  /** Shift type index by id. */
  readonly shiftIndex: ReadonlyMap<string, number>;
  /** Shift type of each option. */
  readonly optionShift: Int16Array;
  /** Ward id of each option (undefined when options carry no ward). */
  readonly optionWard: readonly (string | undefined)[];
  /** Real start minute of shift s on day d, at `d * shifts + s`. */
  readonly start: Int32Array;
  /** Real end minute of shift s on day d. */
  readonly end: Int32Array;
  /** Real worked minutes (real length minus unpaid break). */
  readonly work: Int32Array;
  /** Nominal worked minutes (wall-clock length minus unpaid break). */
  readonly nominalWork: Int32Array;
  /** Minutes in the night window 21:00–06:00 (AML § 10-11). */
  readonly night: Int32Array;
  /** Minutes from Saturday 00:00 to Monday 00:00. */
  readonly weekend: Int32Array;
  /** Minutes inside a Sunday/holiday window of AML § 10-10. */
  readonly sundayHoliday: Int32Array;
  /** Index of the Sunday/holiday period the shift touches, or -1. */
  readonly sundayHolidayPeriod: Int16Array;
  /** Number of Sunday/holiday periods. */
  readonly sundayHolidayPeriods: number;
  /** ISO weekday per day (1 = Monday). */
  readonly weekday: Int8Array;
  /** 1 when the day is a public holiday. */
  readonly holiday: Uint8Array;
  /** 1 when the employee holds a position on the day (between a position's start and end), at `e * days + d`. */
  readonly employed: Uint8Array;
  /** 1 when the employee is available on the day (employed and no absence), at `e * days + d`. */
  readonly available: Uint8Array;
  /** Absence index per cell, or -1. */
  readonly absenceAt: Int32Array;
  /** 1 when employee e may work option o (ward eligibility), at `e * options + o`. */
  readonly allowed: Uint8Array;
  /** Sum of position percentages per employee. */
  readonly percent: Float64Array;
  /** Contracted minutes per employee over the horizon (positions × weekly norm, absences removed). */
  readonly contracted: Float64Array;
  /** Demand resolved per day. */
  readonly demand: readonly (readonly ResolvedDemand[])[];
  /** Pinned value per cell, or -2 when not pinned. */
  readonly pinned: Int16Array;
  /** The cells worked just before the horizon, for rules that look back across its start. */
  readonly history: CompiledHistory;
  /** Minutes from the horizon's first local midnight to an instant. */
  minuteOf(instant: Date): number;
}

/** Sentinel in {@link CompiledProblem.pinned} for a cell that is free. */
export const NOT_PINNED = -2;

/** Options of {@link compileProblem}. */
export interface CompileOptions {
  /** Cells the planner fixed; the optimizer never moves them. */
  pinned?: readonly RotaCell[];
}

/** Compile a validated problem to typed arrays. */
export function compileProblem(problem: Problem, options: CompileOptions = {}): CompiledProblem {
  const days = problem.horizon.days;
  const dates = dateRange(problem.horizon.start, days);
  const E = problem.employees.length;
  const S = problem.shiftTypes.length;
  const employeeIds = problem.employees.map((e) => e.id);
  const employeeIndex = new Map(employeeIds.map((id, i) => [id, i]));
  const shiftIds = problem.shiftTypes.map((s) => s.id);
  const shiftIndex = new Map(shiftIds.map((id, i) => [id, i]));

  // Options: a shift type in a ward when demand is per ward, else a shift type alone.
  const wardDemand = problem.demand.some((d) => d.wardId !== undefined);
  const wardIds = wardDemand ? problem.wards.map((w) => w.id) : [];
  const optionShiftList: number[] = [];
  const optionWard: (string | undefined)[] = [];
  problem.shiftTypes.forEach((s, si) => {
    if (wardIds.length === 0) {
      optionShiftList.push(si);
      optionWard.push(undefined);
      return;
    }
    for (const w of problem.wards) {
      if (s.unitId !== undefined && s.unitId !== w.unitId) continue;
      optionShiftList.push(si);
      optionWard.push(w.id);
    }
  });
  const O = optionShiftList.length;

  const t0 = localToInstant(problem.horizon.start, 0).getTime();
  const minuteOf = (instant: Date) => Math.round((instant.getTime() - t0) / 60_000);
  const facts = shiftFacts(days * S);
  const { start, end, work, nominalWork, night, weekend, sundayHoliday } = facts;
  const sundayHolidayPeriod = new Int16Array(days * S).fill(-1);
  const periods = sundayHolidayPeriods(dates[0]!, addDays(dates[days - 1]!, 1));
  for (let d = 0; d < days; d++) {
    for (let s = 0; s < S; s++) sundayHolidayPeriod[d * S + s] = fillShift(facts, d * S + s, dates[d]!, problem.shiftTypes[s]!, periods, minuteOf);
  }
  const weekday = Int8Array.from(dates, (d) => isoWeekday(d));
  const holiday = Uint8Array.from(dates, (d) => (isPublicHoliday(d) ? 1 : 0));

  const dayOf = new Map(dates.map((d, i) => [d, i]));
  const available = new Uint8Array(E * days).fill(1);
  const absenceAt = new Int32Array(E * days).fill(-1);
  problem.absences.forEach((a, ai) => {
    const e = employeeIndex.get(a.employeeId);
    if (e === undefined) return;
    for (let d = 0; d < days; d++) {
      const date = dates[d]!;
      if (date >= a.start && date <= a.end) {
        available[e * days + d] = 0;
        absenceAt[e * days + d] = ai;
      }
    }
  });

  // A day outside every position of an employee (a summer temp before June, a leaver after the end
  // date) is not theirs to work. An employee without positions is taken as employed throughout.
  const employed = new Uint8Array(E * days).fill(1);
  problem.employees.forEach((emp, e) => {
    const positions = problem.positions.filter((p) => p.employeeId === emp.id);
    if (positions.length === 0) return;
    for (let d = 0; d < days; d++) {
      const date = dates[d]!;
      if (!positions.some((p) => date >= p.start && (p.end === undefined || date <= p.end))) {
        employed[e * days + d] = 0;
        available[e * days + d] = 0;
      }
    }
  });

  const allowed = new Uint8Array(E * O).fill(1);
  const percent = new Float64Array(E);
  const contracted = new Float64Array(E);
  problem.employees.forEach((emp, e) => {
    const positions = problem.positions.filter((p) => p.employeeId === emp.id);
    const wards = new Set(positions.map((p) => p.wardId).filter((w): w is string => w !== undefined));
    if (wardIds.length > 0 && wards.size > 0) {
      for (let o = 0; o < O; o++) allowed[e * O + o] = wards.has(optionWard[o]!) ? 1 : 0;
    }
    for (const p of positions) {
      percent[e]! += p.percent;
      const perDay = ((p.percent / 100) * p.weeklyHoursNorm * 60) / 7;
      for (let d = 0; d < days; d++) {
        const date = dates[d]!;
        if (date < p.start || (p.end !== undefined && date > p.end)) continue;
        if (available[e * days + d] === 1) contracted[e]! += perDay;
      }
    }
  });

  const pinned = new Int16Array(E * days).fill(NOT_PINNED);
  for (const cell of options.pinned ?? []) {
    const e = employeeIndex.get(cell.employeeId);
    const d = dayOf.get(cell.date);
    if (e === undefined || d === undefined) continue;
    pinned[e * days + d] = cell.shiftTypeId === null ? OFF : optionFor(cell.shiftTypeId, cell.wardId);
  }
  function optionFor(shiftTypeId: string, wardId: string | undefined): number {
    const s = shiftIndex.get(shiftTypeId);
    for (let o = 0; o < O; o++) if (optionShiftList[o] === s && (wardId === undefined || optionWard[o] === wardId)) return o;
    return OFF;
  }
  const history = compileHistory(problem, employeeIndex, (cell) => (cell.shiftTypeId === null ? OFF : optionFor(cell.shiftTypeId, cell.wardId)), minuteOf);

  return {
    problem,
    employees: E,
    days,
    shifts: S,
    options: O,
    dates,
    employeeIds,
    employeeIndex,
    shiftIds,
    shiftIndex,
    optionShift: Int16Array.from(optionShiftList),
    optionWard,
    start,
    end,
    work,
    nominalWork,
    night,
    weekend,
    sundayHoliday,
    sundayHolidayPeriod,
    sundayHolidayPeriods: periods.length,
    weekday,
    holiday,
    employed,
    available,
    absenceAt,
    allowed,
    percent,
    contracted,
    demand: resolveDemand(problem),
    pinned,
    history,
    minuteOf,
  };
}

/**
 * Compile the history cells of the last {@link HISTORY_LOOKBACK_DAYS} days before the horizon. The
 * history is known from its earliest cell (worked or an explicit off cell) on; later days without a
 * cell were off.
 */
function compileHistory(problem: Problem, employeeIndex: ReadonlyMap<string, number>, optionOf: (cell: RotaCell) => number, minuteOf: (instant: Date) => number): CompiledHistory {
  const first = problem.horizon.start;
  let earliest = first;
  for (const c of problem.history) if (c.date < earliest) earliest = c.date;
  const H = Math.min(HISTORY_LOOKBACK_DAYS, daysBetween(earliest, first));
  const E = problem.employees.length;
  const dates = dateRange(addDays(first, -H), H);
  const option = new Int16Array(E * H).fill(OFF);
  const facts = shiftFacts(E * H);
  const periods = H > 0 ? sundayHolidayPeriods(dates[0]!, first) : [];
  const dayOf = new Map(dates.map((d, i) => [d, i]));
  for (const cell of problem.history) {
    const e = employeeIndex.get(cell.employeeId);
    const h = dayOf.get(cell.date);
    if (e === undefined || h === undefined || cell.shiftTypeId === null) continue;
    const o = optionOf(cell);
    const st = problem.shiftTypes.find((s) => s.id === cell.shiftTypeId);
    if (o === OFF || st === undefined) continue;
    option[e * H + h] = o;
    fillShift(facts, e * H + h, cell.date, st, periods, minuteOf);
  }
  return { days: H, dates, option, ...facts };
}

/** The facts of a shift on a date, as the per-shift arrays of {@link CompiledProblem} and {@link CompiledHistory} hold them. */
interface ShiftFacts {
  start: Int32Array;
  end: Int32Array;
  work: Int32Array;
  nominalWork: Int32Array;
  night: Int32Array;
  weekend: Int32Array;
  sundayHoliday: Int32Array;
}

function shiftFacts(n: number): ShiftFacts {
  const a = () => new Int32Array(n);
  return { start: a(), end: a(), work: a(), nominalWork: a(), night: a(), weekend: a(), sundayHoliday: a() };
}

/** Fill slot k with the shift type st worked on date; returns the first Sunday/holiday period it touches, or -1. */
function fillShift(f: ShiftFacts, k: number, date: string, st: ShiftType, periods: readonly SundayHolidayPeriod[], minuteOf: (instant: Date) => number): number {
  const inst = shiftInstance(date, st);
  f.start[k] = minuteOf(inst.start);
  f.end[k] = minuteOf(inst.end);
  f.work[k] = inst.minutes - st.unpaidBreakMinutes;
  f.nominalWork[k] = st.durationMinutes - st.unpaidBreakMinutes;
  f.night[k] = nightMinutes(inst.start, inst.end);
  f.weekend[k] = weekendMinutes(inst.start, inst.end);
  let first = -1;
  periods.forEach((p, pi) => {
    const overlap = Math.min(p.end.getTime(), inst.end.getTime()) - Math.max(p.start.getTime(), inst.start.getTime());
    if (overlap > 0) {
      f.sundayHoliday[k]! += Math.round(overlap / 60_000);
      if (first === -1) first = pi;
    }
  });
  return first;
}
