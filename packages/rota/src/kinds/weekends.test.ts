import { describe, expect, test } from 'vitest';
import { brief, evalLines, hardRule, makeProblem, SHIFT_TYPES } from '../test-fixtures/problems.js';

// Three weeks from Monday 3 March 2025: weekends 8–9, 15–16 and 22–23 March.
const threeWeeks = makeProblem({ start: '2025-03-03', days: 21 });
const off = (n: number) => '- '.repeat(n);

describe('weekendWork', () => {
  const everyThird = hardRule('weekendWork', { maxInWindow: { count: 1, window: 3 } }, { id: 'ks.weekends' });

  test('given work on Saturday 8 and Sunday 16 March, 1 in 3 weekends is exceeded by exactly 1', () => {
    const ev = evalLines(threeWeeks, { e1: `${off(5)}D ${off(7)}D ${off(7)}` }, [everyThird]);
    expect(brief(ev)).toEqual([{ ruleId: 'ks.weekends', employeeId: 'e1', date: '2025-03-08', endDate: '2025-03-23', amount: 1 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari arbeider 2 av 3 helger 8. mars–23. mars, høyst 1; ks.weekends.',
      en: 'Kari works 2 of 3 weekends from 8 March to 23 March, at most 1; ks.weekends.',
    });
  });

  test('given a Friday night shift (21:30–07:30 into Saturday), the weekend is worked by `time` but not by `dates`', () => {
    const line = { e1: `${off(4)}N ${off(8)}D ${off(7)}` }; // N Friday 7 March, D Sunday 16 March
    expect(evalLines(threeWeeks, line, [everyThird]).score.hard).toBe(1);
    expect(evalLines(threeWeeks, line, [hardRule('weekendWork', { definition: 'dates', maxInWindow: { count: 1, window: 3 } })]).score.hard).toBe(0);
  });

  test('given a Friday evening shift (ends 22:00 Friday), the weekend is not worked by either definition', () => {
    expect(evalLines(threeWeeks, { e1: `${off(4)}K ${off(8)}D ${off(7)}` }, [everyThird]).score.hard).toBe(0);
  });

  test('given at most 1 weekend in total and two worked, it penalises by exactly 1', () => {
    const ev = evalLines(threeWeeks, { e1: `${off(5)}D ${off(13)}D -` }, [hardRule('weekendWork', { maxTotal: 1 })]);
    expect(brief(ev)).toEqual([{ ruleId: 'weekendWork', employeeId: 'e1', amount: 1 }]);
    expect(ev.violations[0]!.message.nb).toBe('Kari arbeider 2 helger, høyst 1; weekendWork.');
  });

  test('given a horizon that starts on a Sunday, that Sunday is a weekend of its own', () => {
    const p = makeProblem({ start: '2025-03-02', days: 14 });
    const ev = evalLines(p, { e1: `D ${off(5)}D ${off(7)}` }, [hardRule('weekendWork', { maxInWindow: { count: 1, window: 2 } })]);
    expect(brief(ev)).toEqual([{ ruleId: 'weekendWork', employeeId: 'e1', date: '2025-03-02', endDate: '2025-03-09', amount: 1 }]);
  });
});

describe('completeWeekends', () => {
  const week = makeProblem({ start: '2025-03-03', days: 7 });

  test('given work on Saturday only, it penalises by exactly 1', () => {
    const ev = evalLines(week, { e1: '- - - - - D -' }, [hardRule('completeWeekends')]);
    expect(brief(ev)).toEqual([{ ruleId: 'completeWeekends', employeeId: 'e1', date: '2025-03-08', endDate: '2025-03-09', amount: 1 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari arbeider bare én dag av helgen 8. mars; completeWeekends.',
      en: 'Kari works only one day of the weekend of 8 March; completeWeekends.',
    });
  });

  test('given D on Saturday and K on Sunday, it penalises by 1 only with sameShiftType', () => {
    expect(evalLines(week, { e1: '- - - - - D K' }, [hardRule('completeWeekends')]).score.hard).toBe(0);
    expect(evalLines(week, { e1: '- - - - - D K' }, [hardRule('completeWeekends', { sameShiftType: true })]).score.hard).toBe(1);
    expect(evalLines(week, { e1: '- - - - - K K' }, [hardRule('completeWeekends', { sameShiftType: true })]).score.hard).toBe(0);
  });
});

describe('sundayHolidayOff (AML § 10-8 (4))', () => {
  const rule = hardRule('sundayHolidayOff', {}, { legalRef: { source: 'AML', section: '§ 10-8 (4)' } });

  test('given work on Sunday 9 and Sunday 16 March, it penalises by exactly 1', () => {
    const ev = evalLines(threeWeeks, { e1: `${off(6)}D ${off(6)}D ${off(7)}` }, [rule]);
    expect(brief(ev)).toEqual([{ ruleId: 'sundayHolidayOff', employeeId: 'e1', date: '2025-03-09', endDate: '2025-03-16', amount: 1 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari arbeider både søn-/helgedagen 9. mars og den neste, 16. mars; AML § 10-8 (4) krever fri påfølgende søn- og helgedag.',
      en: 'Kari works the Sunday/holiday 9 March and the next one, 16 March; AML § 10-8 (4) requires the next one off.',
    });
  });

  test('given Sunday 9 March and an evening shift Saturday 15 March (18:00–22:00 is in the Sunday window), it penalises by 1; a Saturday day shift does not', () => {
    expect(evalLines(threeWeeks, { e1: `${off(6)}D ${off(5)}K ${off(8)}` }, [rule]).score.hard).toBe(1);
    expect(evalLines(threeWeeks, { e1: `${off(6)}D ${off(5)}D ${off(8)}` }, [rule]).score.hard).toBe(0);
  });

  test('given Easter 2025, Maundy Thursday and Good Friday are one period, and a Saturday 09–17 shift touches the Easter window from 15:00', () => {
    const p = makeProblem({ start: '2025-04-14', days: 14, shiftTypes: [...SHIFT_TYPES, { id: 'M', name: 'Mellomvakt', start: '09:00', durationMinutes: 480, unpaidBreakMinutes: 30, labels: ['day'] }] });
    expect(evalLines(p, { e1: `${off(3)}D D ${off(9)}` }, [rule]).score.hard).toBe(0);
    expect(evalLines(p, { e1: `${off(3)}D - - D ${off(7)}` }, [rule]).score.hard).toBe(1);
    expect(evalLines(p, { e1: `${off(3)}D - M ${off(8)}` }, [rule]).score.hard).toBe(1);
    // The same shift on an ordinary Saturday (26 April; window from 18:00) does not touch Sunday 27 April.
    expect(evalLines(p, { e1: `${off(6)}D ${off(5)}M -` }, [rule]).score.hard).toBe(0);
  });

  test('given 17 May 2025 (a Saturday), the window opens at 22:00 on Friday: a night shift reaches it, an evening shift to 22:00 does not', () => {
    const p = makeProblem({ start: '2025-05-12', days: 14 });
    expect(evalLines(p, { e1: `${off(4)}N ${off(8)}D` }, [rule]).score.hard).toBe(1);
    expect(evalLines(p, { e1: `${off(4)}K ${off(8)}D` }, [rule]).score.hard).toBe(0);
  });

  test('given average mode, working 2 of the 2 Sundays in the horizon exceeds every other by exactly 1; 1 of 2 is fine', () => {
    const p = makeProblem({ start: '2025-03-03', days: 14 });
    const avg = hardRule('sundayHolidayOff', { mode: 'average', averagingWeeks: 26 });
    const ev = evalLines(p, { e1: `${off(6)}D ${off(6)}D` }, [avg]);
    expect(brief(ev)).toEqual([{ ruleId: 'sundayHolidayOff', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-16', amount: 1 }]);
    expect(ev.violations[0]!.message.en).toBe('Kari works 2 Sundays/holidays from 3 March to 16 March, at most 1; sundayHolidayOff.');
    expect(evalLines(p, { e1: `${off(6)}D ${off(7)}` }, [avg]).score.hard).toBe(0);
  });
});
