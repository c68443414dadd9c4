import { addDays, minutesInDailyWindow, shiftInstance } from '@omsorg/domain';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../engine/evaluate.js';
import { makeProblem, rota } from '../test-fixtures/problems.js';
import type { SupplementRates } from './kpis.js';

// Week of Monday 3 March 2025, ward of 10 residents. Kari: nurse, 100 %; Ola: health worker, 50 % (35.5 h norm).
// Kari: D Monday–Thursday, K (14–22) Saturday and Sunday. Ola: one night (21:30–07:30) on Monday.
const p = makeProblem({ start: '2025-03-03', days: 7, employees: 2, percent: [100, 50] });
const r = rota(p, { e1: 'D D D D - K K', e2: 'N - - - - - -' });

/** Round numbers so each supplement is easy to work out by hand. */
const RATES: SupplementRates = {
  hourlyWage: { default: 300, nurse: 400 },
  evening: { from: '17:00', to: '21:00', percent: 0, minPerHour: 50 },
  night: { from: '21:00', to: '06:00', percent: 25, minPerHour: 0 },
  weekend: { percent: 0, minPerHour: 100 },
  holiday: { percent: 50, minPerHour: 0 },
};

describe('computeKpis', () => {
  const { kpis } = evaluate(p, r, [], { kpi: { supplements: RATES } });

  test('given a 100 % and a 50 % position and 10 residents: stillingssnitt 75 %, full-time share 0.5, 1.5 FTE, staffing ratio 0.15', () => {
    expect(kpis).toMatchObject({ employees: 2, averagePositionPercent: 75, fullTimeShare: 0.5, fte: 1.5, residents: 10, staffingRatio: 0.15 });
  });

  test('given a 100 % temp employed 2 of the 4 weeks beside a 50 % for all 4: 0.5 + 0.5 FTE, stillingssnitt weighted by days (200/3 %), full-time share 1/3', () => {
    const base = makeProblem({ start: '2025-03-03', days: 28, employees: 2, percent: [100, 50] });
    const temp = makeProblem({
      start: '2025-03-03',
      days: 28,
      employees: 2,
      percent: [100, 50],
      extra: { positions: [{ ...base.positions[0]!, start: '2025-03-17', end: '2025-04-30' }, base.positions[1]!] },
    });
    const k = evaluate(temp, { cells: [] }, []).kpis;
    expect(k.fte).toBeCloseTo(1, 10);
    expect(k.averagePositionPercent).toBeCloseTo(200 / 3, 10);
    expect(k.fullTimeShare).toBeCloseTo(1 / 3, 10);
    expect(k.perEmployee[0]!.contractedMinutes).toBe(4260);
  });

  test('given six 7.5 h shifts for Kari and one 10 h night for Ola: planned against contracted (35.5 h and 17.75 h)', () => {
    expect(kpis.perEmployee.map((x) => [x.employeeId, x.plannedMinutes, x.contractedMinutes, x.balanceMinutes])).toEqual([
      ['e1', 2700, 2130, 570],
      ['e2', 600, 1065, -465],
    ]);
    expect(kpis.plannedHours).toBe(55);
    expect(kpis.contractedHours).toBe(53.25);
  });

  test('given the weekend evening shifts: 16 weekend hours, 1 worked weekend, 2 Sunday/holiday shifts for Kari; 1 night for Ola', () => {
    expect(kpis.perEmployee.map((x) => [x.weekendMinutes, x.workedWeekends, x.sundayHolidayShifts, x.nights, x.longShifts])).toEqual([
      [960, 1, 2, 0, 0],
      [0, 0, 0, 1, 0],
    ]);
  });

  test('given the rates, the cost is wage plus evening, night, weekend and holiday supplements, worked out by hand', () => {
    // Kari (400/h): 6 × 7.5 h = 18000. Saturday K: evening 4 h × 50, night 1 h × 100, weekend 8 h × 100,
    // holiday 4 h (from 18:00) × 200 = 1900. Sunday K: 200 + 100 + 800 + 8 h × 200 = 2700.
    // Ola (300/h): 10 h = 3000; night 8.5 h × 75 = 637.5.
    expect(kpis.perEmployee.map((x) => x.cost)).toEqual([18000 + 1900 + 2700, 3638]);
    expect(kpis.supplementCost).toBe(Math.round(1900 + 2700 + 637.5));
    expect(kpis.cost).toBe(22600 + 3638);
  });

  test.each([
    // 25→26 Oct 2025 (03:00 CEST → 02:00 CET): that night lasts 11 h, 9.5 h of them in 21:00–06:00.
    ['2025-10-22', 6 * 10 + 11, 6 * 8.5 + 9.5],
    // 29→30 Mar 2025 (02:00 CET → 03:00 CEST): 9 h, 7.5 h of them at night.
    ['2025-03-27', 6 * 10 + 9, 6 * 8.5 + 7.5],
    // No change within the week.
    ['2025-06-02', 7 * 10, 7 * 8.5],
  ])('given a 21:30–07:30 night every night of the week from %s, the cost is the real hours at 400/h and the real night hours at 100/h', (start, hours, nightHours) => {
    const q = makeProblem({ start, days: 7 });
    const onlyNight: SupplementRates = { ...RATES, evening: { ...RATES.evening, minPerHour: 0 }, weekend: { percent: 0, minPerHour: 0 }, holiday: { percent: 0, minPerHour: 0 } };
    const k = evaluate(q, rota(q, { e1: 'N N N N N N N' }), [], { kpi: { supplements: onlyNight } }).kpis;
    expect(k.perEmployee[0]!.plannedMinutes).toBe(hours * 60);
    expect(k.perEmployee[0]!.cost).toBe(hours * 400 + nightHours * 100);
  });

  test('given an 18:00–08:00 shift on each day of the autumn change week in turn, each costs what the calendar gives for its own date', () => {
    const shift = { id: 'X', name: 'Kveld og natt', start: '18:00', durationMinutes: 840, labels: ['night'] };
    const q = makeProblem({ start: '2025-10-22', days: 7, shiftTypes: [shift] });
    const rates: SupplementRates = { ...RATES, weekend: { percent: 0, minPerHour: 0 }, holiday: { percent: 0, minPerHour: 0 } };
    const costs = Array.from({ length: 7 }, (_, d) => {
      const line = Array.from({ length: 7 }, (_, i) => (i === d ? 'X' : '-')).join(' ');
      return evaluate(q, rota(q, { e1: line }), [], { kpi: { supplements: rates } }).kpis.perEmployee[0]!.cost;
    });
    const expected = Array.from({ length: 7 }, (_, d) => {
      const inst = shiftInstance(addDays('2025-10-22', d), shift);
      const evening = minutesInDailyWindow(inst.start, inst.end, 17 * 60, 21 * 60);
      const night = minutesInDailyWindow(inst.start, inst.end, 21 * 60, 6 * 60);
      return Math.round((inst.minutes / 60) * 400 + (evening / 60) * 50 + (night / 60) * 100);
    });
    // The night of the 25th is an hour longer (15 h), and so is its night supplement.
    expect(expected[3]! - expected[2]!).toBe(400 + 100);
    expect(costs).toEqual(expected);
  });

  test('given no residents anywhere, the staffing ratio is 0 rather than infinite', () => {
    const q = makeProblem({ start: '2025-03-03', days: 7, extra: { wards: [{ id: 'w1', unitId: 'u1', name: 'Avdeling 1' }] } });
    expect(evaluate(q, rota(q, { e1: 'D - - - - - -' }), []).kpis).toMatchObject({ residents: 0, staffingRatio: 0 });
  });

  test('given a Friday night shift into Saturday and a long shift, the weekend is worked by time and the long shift counted', () => {
    const q = makeProblem({ start: '2025-03-03', days: 7, longShiftsAgreed: [true] });
    const k = evaluate(q, rota(q, { e1: 'LV - - - N - -' }), []).kpis.perEmployee[0]!;
    expect([k.weekendMinutes, k.workedWeekends, k.longShifts, k.nights]).toEqual([450, 1, 1, 1]);
  });
});
