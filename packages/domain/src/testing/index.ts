/**
 * `@omsorg/domain/testing`: fast-check arbitraries producing valid, cross-consistent problems and
 * rotas, for property tests in this and other packages.
 *
 * @packageDocumentation
 */
import fc from 'fast-check';
import { addDays, dateRange, formatLocalDate } from '../calendar/dates.js';
import { ROLES, type Role } from '../schemas/primitives.js';
import { type Problem, ProblemSchema } from '../schemas/problem.js';
import type { Rota } from '../schemas/rota.js';
import type { ShiftTypeInput } from '../schemas/shifts.js';

/** A palette of realistic Norwegian shift types: day, evening, night, long day (langvakt). */
export const SAMPLE_SHIFT_TYPES: readonly ShiftTypeInput[] = [
  { id: 'D', name: 'Dagvakt', code: 'D', start: '07:00', durationMinutes: 480, unpaidBreakMinutes: 30, labels: ['day'] },
  { id: 'A', name: 'Aftenvakt', code: 'A', start: '14:30', durationMinutes: 480, unpaidBreakMinutes: 30, labels: ['evening'] },
  { id: 'N', name: 'Nattevakt', code: 'N', start: '21:30', durationMinutes: 600, unpaidBreakMinutes: 0, labels: ['night'] },
  { id: 'LV', name: 'Langvakt', code: 'LV', start: '08:00', durationMinutes: 750, unpaidBreakMinutes: 45, labels: ['day', 'long'] },
];

/** Options for {@link problemArbitrary}. */
export interface ProblemArbitraryOptions {
  /** Employees, inclusive range. Default 2–10. */
  employees?: { min: number; max: number };
  /** Horizon in whole weeks, inclusive range. Default 1–4. */
  weeks?: { min: number; max: number };
  /** Number of shift types taken from {@link SAMPLE_SHIFT_TYPES}, inclusive range. Default 1–4. */
  shiftTypes?: { min: number; max: number };
  /** Start dates are Mondays in these years. Default 2024–2027 (covers DST changes and Easter). */
  years?: { min: number; max: number };
}

const QUALIFICATIONS = [
  { id: 'insulin', name: { nb: 'Insulin', en: 'Insulin' } },
  { id: 'catheter', name: { nb: 'Kateter', en: 'Catheter' } },
];

/** A Monday in the given years, as `YYYY-MM-DD`. */
export function mondayArbitrary(years: { min: number; max: number } = { min: 2024, max: 2027 }): fc.Arbitrary<string> {
  return fc
    .record({ year: fc.integer(years), week: fc.integer({ min: 0, max: 51 }) })
    .map(({ year, week }) => {
      const jan1 = formatLocalDate(year, 1, 1);
      const wd = (new Date(`${jan1}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
      return addDays(jan1, (7 - wd) % 7 + week * 7);
    });
}

/**
 * Valid, cross-consistent planning problems: every reference resolves, absences never overlap,
 * demand only asks for competence someone has. Values are schema-parsed (defaults applied).
 */
export function problemArbitrary(options: ProblemArbitraryOptions = {}): fc.Arbitrary<Problem> {
  const empRange = options.employees ?? { min: 2, max: 10 };
  const weekRange = options.weeks ?? { min: 1, max: 4 };
  const shiftRange = options.shiftTypes ?? { min: 1, max: 4 };
  return fc
    .record({
      start: mondayArbitrary(options.years),
      weeks: fc.integer(weekRange),
      shiftCount: fc.integer(shiftRange),
      employees: fc.array(
        fc.record({
          role: fc.constantFrom<Role>(...ROLES.filter((r) => r !== 'student')),
          quals: fc.subarray(QUALIFICATIONS.map((q) => q.id)),
          percent: fc.constantFrom(40, 50, 60, 75, 80, 90, 100),
          longShiftsAgreed: fc.boolean(),
        }),
        { minLength: empRange.min, maxLength: empRange.max },
      ),
      seedBits: fc.array(fc.nat(1_000_000), { minLength: 64, maxLength: 64 }),
    })
    .map(({ start, weeks, shiftCount, employees, seedBits }) => {
      let k = 0;
      const next = (mod: number) => (seedBits[k++ % seedBits.length]! + k * 7919) % mod;
      const days = weeks * 7;
      const dates = dateRange(start, days);
      const shiftTypes = SAMPLE_SHIFT_TYPES.slice(0, shiftCount);
      const emps = employees.map((e, i) => ({
        id: `e${i + 1}`,
        name: `Ansatt ${i + 1}`,
        role: e.role,
        qualifications: e.quals,
        teamId: 't1',
      }));
      const roles = [...new Set(emps.map((e) => e.role))];
      const demand = shiftTypes.flatMap((s, i) => [
        { id: `dm-${s.id}-all`, shiftTypeId: s.id, min: Math.min(1, emps.length), preferred: 1 + (next(2) === 0 ? 1 : 0), max: 3, competence: {} },
        ...(i === 0 && roles[0] ? [{ id: `dm-${s.id}-${roles[0]}`, shiftTypeId: s.id, dayTypes: ['weekday' as const], min: 0, preferred: 1, competence: { roles: [roles[0]] } }] : []),
      ]);
      const absences = emps.flatMap((e, i) => {
        if (next(3) !== 0) return [];
        const from = next(days);
        const len = 1 + next(5);
        return [{ id: `ab${i}`, employeeId: e.id, kind: 'vacation' as const, start: dates[from]!, end: addDays(dates[from]!, len - 1) }];
      });
      const requests = emps.flatMap((e, i) => {
        const n = next(3);
        return Array.from({ length: n }, (_, j) => ({
          id: `rq${i}-${j}`,
          employeeId: e.id,
          date: dates[next(days)]!,
          kind: next(2) === 0 ? ('on' as const) : ('off' as const),
          ...(next(2) === 0 ? { shiftTypeId: shiftTypes[next(shiftTypes.length)]!.id } : {}),
          weight: 1 + next(3),
        }));
      });
      return ProblemSchema.parse({
        id: 'generated',
        name: 'Generert problem',
        horizon: { start, days },
        units: [{ id: 'u1', name: 'Sykehjem', kind: 'nursingHome' }],
        wards: [{ id: 'w1', unitId: 'u1', name: 'Avdeling 1', residents: 8 + next(20) }],
        teams: [{ id: 't1', unitId: 'u1', name: 'Team 1', kind: 'wardTeam' }],
        qualifications: QUALIFICATIONS,
        employees: emps,
        positions: employees.map((e, i) => ({
          id: `p${i + 1}`,
          employeeId: `e${i + 1}`,
          unitId: 'u1',
          wardId: 'w1',
          percent: e.percent,
          weeklyHoursNorm: 35.5,
          start: addDays(start, -365),
          longShiftsAgreed: e.longShiftsAgreed,
        })),
        shiftTypes,
        demand,
        absences,
        requests,
      });
    });
}

/**
 * Random rotas for a problem: each employee-day is off or one of the problem's shift types
 * (`offShare` is the rough probability of off, default 0.5).
 */
export function rotaArbitrary(problem: Problem, offShare = 0.5): fc.Arbitrary<Rota> {
  const dates = dateRange(problem.horizon.start, problem.horizon.days);
  const cells = problem.employees.length * dates.length;
  const shiftIds = problem.shiftTypes.map((s) => s.id);
  return fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: cells, maxLength: cells }).map((draws) => ({
    start: problem.horizon.start,
    days: problem.horizon.days,
    cells: problem.employees.flatMap((e, ei) =>
      dates.map((date, di) => {
        const u = draws[ei * dates.length + di]!;
        const shift = u < offShare ? null : shiftIds[Math.min(shiftIds.length - 1, Math.floor(((u - offShare) / (1 - offShare)) * shiftIds.length))]!;
        return { employeeId: e.id, date, shiftTypeId: shift };
      }),
    ),
  }));
}

/** A problem together with a random rota for it. */
export function problemWithRotaArbitrary(options: ProblemArbitraryOptions = {}): fc.Arbitrary<{ problem: Problem; rota: Rota }> {
  return problemArbitrary(options).chain((problem) => rotaArbitrary(problem).map((rota) => ({ problem, rota })));
}
