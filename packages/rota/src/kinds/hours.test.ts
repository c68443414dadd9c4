import { describe, expect, test } from 'vitest';
import { brief, evalLines, hardRule, makeProblem } from '../test-fixtures/problems.js';

// From Monday 3 March 2025. D and K are 7.5 h of work (8 h less a 30 min unpaid break), N is 10 h.
const start = '2025-03-03';
const week = makeProblem({ start, days: 7 });

describe('maxWorkPerWeek', () => {
  test('given six 7.5 h shifts (45 h) in a week and 40 h allowed, it penalises by exactly 300 minutes', () => {
    const ev = evalLines(week, { e1: '- D D K K D D' }, [hardRule('maxWorkPerWeek', { minutes: 2400 }, { legalRef: { source: 'AML', section: '§ 10-4 (1)' } })]);
    expect(brief(ev)).toEqual([{ ruleId: 'maxWorkPerWeek', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-09', amount: 300 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari arbeider 45 t 3. mars–9. mars; AML § 10-4 (1) tillater 40 t på sju dager.',
      en: 'Kari works 45 h from 3 March to 9 March; AML § 10-4 (1) allows 40 h in seven days.',
    });
  });

  test('given six shifts from Friday to Wednesday, a rolling window finds 300 minutes over and calendar weeks find none', () => {
    const p = makeProblem({ start, days: 10 });
    const line = { e1: '- - - - D D D D D D' };
    expect(brief(evalLines(p, line, [hardRule('maxWorkPerWeek', { minutes: 2400 })]))).toEqual([
      { ruleId: 'maxWorkPerWeek', employeeId: 'e1', date: '2025-03-06', endDate: '2025-03-12', amount: 300 },
    ]);
    expect(evalLines(p, line, [hardRule('maxWorkPerWeek', { minutes: 2400, mode: 'calendarWeek' })]).score.hard).toBe(0);
  });
});

describe('averageWeeklyHours', () => {
  const twoWeeks = makeProblem({ start, days: 14 });
  const line = { e1: 'D D D D D D - D D D D - - -' };

  test('given 75 h in two weeks and an average of 35.5 h, it penalises by exactly 4500 − 4260 = 240 minutes', () => {
    const ev = evalLines(twoWeeks, line, [hardRule('averageWeeklyHours', { maxAverageMinutes: 2130, periodWeeks: 2, mode: 'blocks' })]);
    expect(brief(ev)).toEqual([{ ruleId: 'averageWeeklyHours', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-16', amount: 240 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari har i snitt 37,5 t per uke 3. mars–16. mars; averageWeeklyHours tillater 35,5 t.',
      en: 'Kari averages 37.5 h a week from 3 March to 16 March; averageWeeklyHours allows 35.5 h.',
    });
  });

  test('given no maxAverageMinutes, the limit is the position: a 50 % position of 35.5 h allows 35.5 h in two weeks', () => {
    const half = makeProblem({ start, days: 14, percent: [50] });
    expect(evalLines(half, line, [hardRule('averageWeeklyHours', { periodWeeks: 2 })]).score.hard).toBe(4500 - 2130);
  });

  test('given the three-shift weighting, Sunday/holiday hours count 70/60 and night hours 75/60, down to the 36 h floor', () => {
    const rule = hardRule('averageWeeklyHours', { maxAverageMinutes: 2280, periodWeeks: 1, weighting: { floorMinutes: 2160 } });
    // K on Saturday 14–22: 4 h in the Sunday window (from 18:00) and 1 h of night (21–22): 240/6 + 60/4 = 55 minutes.
    expect(evalLines(week, { e1: 'D D D D D K -' }, [rule]).score.hard).toBe(2700 - (2280 - 55));
    // Adding D on Sunday (8 h in the window) makes the bonus 135 minutes; the floor of 36 h binds.
    expect(evalLines(week, { e1: 'D D D D - K D' }, [rule]).score.hard).toBe(2700 - 2160);
    const plain = hardRule('averageWeeklyHours', { maxAverageMinutes: 2280, periodWeeks: 1 });
    expect(evalLines(week, { e1: 'D D D D - K D' }, [plain]).score.hard).toBe(2700 - 2280);
  });
});

describe('totalWorkedMinutes', () => {
  const rule = hardRule('totalWorkedMinutes', { min: 2000, max: 2500 });

  test('given 22.5 h against a minimum of 2000 minutes, it penalises by exactly 650', () => {
    const ev = evalLines(week, { e1: 'D D D - - - -' }, [rule]);
    expect(brief(ev)).toEqual([{ ruleId: 'totalWorkedMinutes', employeeId: 'e1', amount: 650 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari har 22,5 t planlagt i perioden, minst 33 t 20 min kreves; totalWorkedMinutes.',
      en: 'Kari has 22.5 h planned in the horizon, at least 33 h 20 min required; totalWorkedMinutes.',
    });
  });

  test('given 45 h against a maximum of 2500 minutes, it penalises by exactly 200', () => {
    expect(evalLines(week, { e1: 'D D D D D D -' }, [rule]).score.hard).toBe(200);
  });
});

describe('contractedHours', () => {
  test('given 30 h planned in a week of a 100 % position of 35.5 h and 60 min tolerance, it penalises by exactly 270', () => {
    const ev = evalLines(week, { e1: 'D D D D - - -' }, [hardRule('contractedHours', { toleranceMinutes: 60 }, { id: 'ks.contractedHours' })]);
    expect(brief(ev)).toEqual([{ ruleId: 'ks.contractedHours', employeeId: 'e1', amount: 270 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari er planlagt 30 t, avtalt er 35,5 t; ks.contractedHours.',
      en: 'Kari is planned 30 h against 35.5 h contracted; ks.contractedHours.',
    });
  });

  test('given a two-day vacation, the contracted minutes shrink to 5/7 of 2130 and 22.5 h planned are 171 minutes short', () => {
    const p = makeProblem({ start, days: 7, extra: { absences: [{ id: 'a', employeeId: 'e1', kind: 'vacation', start: '2025-03-08', end: '2025-03-09' }] } });
    expect(evalLines(p, { e1: 'D D D - - - -' }, [hardRule('contractedHours')]).score.hard).toBe(171);
  });

  test('given a position that starts on Thursday 6 March, only its four days are contracted (4/7 of 2130, 1217 minutes)', () => {
    const p = makeProblem({ start, days: 7, extra: { positions: [{ id: 'p1', employeeId: 'e1', unitId: 'u1', percent: 100, start: '2025-03-06' }] } });
    expect(evalLines(p, { e1: '- - - - - - -' }, [hardRule('contractedHours')]).score.hard).toBe(Math.round((2130 * 4) / 7));
  });

  test('given a 10 % band, 32 h 20 min is inside it (2130 − 213 = 1917 ≤ 1950)', () => {
    const p = makeProblem({ start, days: 7, shiftTypes: [{ id: 'S', name: 'Vakt', start: '08:00', durationMinutes: 390 }] });
    expect(evalLines(p, { e1: 'S S S S S - -' }, [hardRule('contractedHours', { tolerancePercent: 10 })]).score.hard).toBe(0);
  });
});

describe('shiftTypeCount', () => {
  const twoWeeks = makeProblem({ start, days: 14 });

  test('given at most 1 night per 7 days and two nights in the first week, it penalises by exactly 1', () => {
    const ev = evalLines(twoWeeks, { e1: 'N - N - - - - N - - - - - -' }, [hardRule('shiftTypeCount', { labels: ['night'], max: 1, periodDays: 7 })]);
    expect(brief(ev)).toEqual([{ ruleId: 'shiftTypeCount', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-09', amount: 1 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari har 2 nattevakter 3. mars–9. mars, høyst 1; shiftTypeCount.',
      en: 'Kari has 2 night shifts 3 March to 9 March, at most 1; shiftTypeCount.',
    });
  });

  test('given at least 2 day shifts (by id) in the horizon and none worked, it penalises by exactly 2', () => {
    const ev = evalLines(twoWeeks, { e1: 'N - - - - - - - - - - - - -' }, [hardRule('shiftTypeCount', { shiftTypeIds: ['D'], min: 2 })]);
    expect(ev.score.hard).toBe(2);
    expect(ev.violations[0]!.message.nb).toBe('Kari har 0 vakter av typen Dagvakt 3. mars–16. mars, minst 2; shiftTypeCount.');
  });
});

describe('nightWorkerAverage', () => {
  const fourWeeks = makeProblem({ start, days: 28 });
  const nights = { e1: 'N N N N N - - '.repeat(4) };
  // Limit over 28 days: 8 h per 24 h of (28 × 24 h − 4 × 35 h weekly rest) = 10640 minutes.
  const rule = hardRule('nightWorkerAverage', {}, { legalRef: { source: 'AML', section: '§ 10-11 (6)' } });

  test('given 20 ten-hour nights in four weeks (12000 minutes), it penalises by exactly 1360', () => {
    const ev = evalLines(fourWeeks, nights, [rule]);
    expect(brief(ev)).toEqual([{ ruleId: 'nightWorkerAverage', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-30', amount: 1360 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari (nattarbeider) arbeider 200 t 3. mars–30. mars; AML § 10-11 (6) tillater 177 t 20 min.',
      en: 'Kari (night worker) works 200 h from 3 March to 30 March; AML § 10-11 (6) allows 177 h 20 min.',
    });
  });

  test('given 28 day shifts and no nights, or fewer nights than minNightShifts, it penalises by 0', () => {
    expect(evalLines(fourWeeks, { e1: 'D '.repeat(28) }, [rule]).score.hard).toBe(0);
    expect(evalLines(fourWeeks, nights, [hardRule('nightWorkerAverage', { minNightShifts: 21 })]).score.hard).toBe(0);
  });
});
