import {
  addDays,
  dateRange,
  isoWeekday,
  isPublicHoliday,
  localToInstant,
  nightMinutes,
  type Problem,
  type ResolvedDemand,
  type RotaCell,
  resolveDemand,
  shiftInstance,
  weekendMinutes,
} from '@omsorg/domain';
import { sundayHolidayPeriods } from './windows.js';

/** Value of an off cell in an assignment array. */
export const OFF = -1;

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
  const start = new Int32Array(days * S);
  const end = new Int32Array(days * S);
  const work = new Int32Array(days * S);
  const nominalWork = new Int32Array(days * S);
  const night = new Int32Array(days * S);
  const weekend = new Int32Array(days * S);
  const sundayHoliday = new Int32Array(days * S);
  const sundayHolidayPeriod = new Int16Array(days * S).fill(-1);
  const periods = sundayHolidayPeriods(dates[0]!, addDays(dates[days - 1]!, 1));
  for (let d = 0; d < days; d++) {
    for (let s = 0; s < S; s++) {
      const st = problem.shiftTypes[s]!;
      const inst = shiftInstance(dates[d]!, st);
      const k = d * S + s;
      start[k] = minuteOf(inst.start);
      end[k] = minuteOf(inst.end);
      work[k] = inst.minutes - st.unpaidBreakMinutes;
      nominalWork[k] = st.durationMinutes - st.unpaidBreakMinutes;
      night[k] = nightMinutes(inst.start, inst.end);
      weekend[k] = weekendMinutes(inst.start, inst.end);
      periods.forEach((p, pi) => {
        const overlap = Math.min(p.end.getTime(), inst.end.getTime()) - Math.max(p.start.getTime(), inst.start.getTime());
        if (overlap > 0) {
          sundayHoliday[k]! += Math.round(overlap / 60_000);
          if (sundayHolidayPeriod[k] === -1) sundayHolidayPeriod[k] = pi;
        }
      });
    }
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
    minuteOf,
  };
}
