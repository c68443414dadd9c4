import { describe, expect, test } from 'vitest';
import { brief, evalLines, hardRule, makeProblem } from '../test-fixtures/problems.js';

// Week of Monday 3 March 2025 (no DST change, no holiday). Shifts: D 07–15, K 14–22, N 21:30–07:30, LV 08–20:30.
const week = makeProblem({ start: '2025-03-03', days: 7 });
const aml = (section: string) => ({ legalRef: { source: 'AML', section } });

describe('minRestBetweenShifts', () => {
  const rule = hardRule('minRestBetweenShifts', { minutes: 660 }, aml('§ 10-8 (1)'));

  test('given an evening shift 4 March (ends 22:00) and a day shift 5 March (07:00), it penalises by exactly 1 and says so in nb and en', () => {
    const ev = evalLines(week, { e1: '- K D - - - -' }, [rule]);
    expect(ev.score).toEqual({ hard: 1, soft: 0 });
    expect(brief(ev)).toEqual([{ ruleId: 'minRestBetweenShifts', employeeId: 'e1', date: '2025-03-04', endDate: '2025-03-05', amount: 1 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari har 9 t hvile mellom kveldsvakt 4. mars og dagvakt 5. mars; AML § 10-8 (1) krever 11 t.',
      en: 'Kari has 9 h rest between the evening shift on 4 March and the day shift on 5 March; AML § 10-8 (1) requires 11 h.',
    });
    expect(ev.violations[0]!.legalRef).toEqual({ source: 'AML', section: '§ 10-8 (1)' });
  });

  test('given the same rota with penalty "minutes", it penalises by exactly the 120 minutes short', () => {
    const ev = evalLines(week, { e1: '- K D - - - -' }, [hardRule('minRestBetweenShifts', { minutes: 660, penalty: 'minutes' })]);
    expect(ev.score.hard).toBe(120);
  });

  test('given a night shift (ends 07:30) followed by a day shift (07:00), the rest is 0 h and 690 minutes short', () => {
    const ev = evalLines(week, { e1: 'N D - - - - -' }, [hardRule('minRestBetweenShifts', { minutes: 660, penalty: 'minutes' })]);
    expect(brief(ev)).toEqual([{ ruleId: 'minRestBetweenShifts', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-04', amount: 690 }]);
    expect(ev.violations[0]!.message.nb).toBe('Kari har 0 t hvile mellom nattevakt 3. mars og dagvakt 4. mars; minRestBetweenShifts krever 11 t.');
  });

  test('given day shifts every day (16 h rest), it penalises by 0', () => {
    expect(evalLines(week, { e1: 'D D D D D D D' }, [rule]).score.hard).toBe(0);
  });

  test('given exactly the required rest (K 14–22, then D 07:00 with 9 h required), it penalises by 0', () => {
    expect(evalLines(week, { e1: 'K D - - - - -' }, [hardRule('minRestBetweenShifts', { minutes: 540 })]).score.hard).toBe(0);
  });
});

describe('weeklyRest', () => {
  const rule = hardRule('weeklyRest', { minutes: 2100 }, aml('§ 10-8 (2)'));

  test('given D D D K - D D (longest rest Wednesday 22:00 to Friday 07:00 = 33 h), it penalises by exactly 1', () => {
    const ev = evalLines(week, { e1: 'D D D K - D D' }, [rule]);
    expect(brief(ev)).toEqual([{ ruleId: 'weeklyRest', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-09', amount: 1 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari har høyst 33 t sammenhengende hvile i uken 3. mars–9. mars; AML § 10-8 (2) krever 35 t.',
      en: 'Kari has at most 33 h continuous rest in the week 3 March–9 March; AML § 10-8 (2) requires 35 h.',
    });
  });

  test('given the same rota with penalty "minutes", it penalises by the 120 minutes short', () => {
    expect(evalLines(week, { e1: 'D D D K - D D' }, [hardRule('weeklyRest', { minutes: 2100, penalty: 'minutes' })]).score.hard).toBe(120);
  });

  test('given D D D D D - - (Friday 15:00 to Monday 00:00 = 57 h), it penalises by 0', () => {
    expect(evalLines(week, { e1: 'D D D D D - -' }, [rule]).score.hard).toBe(0);
  });

  test('given 8 days - D D D D D D D, calendar weeks find 1 short week and rolling windows find 2', () => {
    const p = makeProblem({ start: '2025-03-03', days: 8 });
    const line = { e1: '- D D D D D D D' };
    expect(evalLines(p, line, [rule]).score.hard).toBe(1);
    const rolling = evalLines(p, line, [hardRule('weeklyRest', { minutes: 2100, mode: 'rolling', penalty: 'minutes' })]);
    // Window 3–9 March: Monday 00:00 to Tuesday 07:00 = 31 h. Window 4–10 March: 16 h between day shifts.
    expect(brief(rolling).map((v) => [v.date, v.amount])).toEqual([
      ['2025-03-03', 2100 - 31 * 60],
      ['2025-03-04', 2100 - 16 * 60],
    ]);
  });

  test('given a night shift Sunday 9 March that ends 07:30 inside the next week, that week’s rest is counted from 07:30 (23.5 h)', () => {
    const p = makeProblem({ start: '2025-03-03', days: 14 });
    const withNight = evalLines(p, { e1: '- - - - - - N - D D D D D D' }, [hardRule('weeklyRest', { minutes: 2100, penalty: 'minutes' })]);
    expect(brief(withNight)).toEqual([{ ruleId: 'weeklyRest', employeeId: 'e1', date: '2025-03-10', endDate: '2025-03-16', amount: 2100 - 1410 }]);
    const without = evalLines(p, { e1: '- - - - - - - - D D D D D D' }, [hardRule('weeklyRest', { minutes: 2100, penalty: 'minutes' })]);
    expect(without.score.hard).toBe(2100 - 31 * 60);
  });
});

describe('maxWorkIn24h', () => {
  const rule = hardRule('maxWorkIn24h', { minutes: 540 }, aml('§ 10-4 (1)'));

  test('given one long shift (08:00–20:30, 45 min unpaid break = 11 h 45 min), it penalises by exactly 1, or 165 minutes', () => {
    const ev = evalLines(week, { e1: '- LV - - - - -' }, [rule]);
    expect(brief(ev)).toEqual([{ ruleId: 'maxWorkIn24h', employeeId: 'e1', date: '2025-03-04', amount: 1 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari arbeider 11 t 45 min i løpet av 24 timer fra 4. mars; AML § 10-4 (1) tillater 9 t.',
      en: 'Kari works 11 h 45 min within 24 hours from 4 March; AML § 10-4 (1) allows 9 h.',
    });
    expect(evalLines(week, { e1: '- LV - - - - -' }, [hardRule('maxWorkIn24h', { minutes: 540, penalty: 'minutes' })]).score.hard).toBe(165);
  });

  test('given K on 4 March and D on 5 March, fixed 24-hour periods from 00:00 hold one shift each: 0', () => {
    expect(evalLines(week, { e1: '- K D - - - -' }, [rule]).score.hard).toBe(0);
  });

  test('given K on 4 March and D (07:00) on 5 March with the day divider at 08:00, both fall in the period from 4 March 08:00: 900 minutes', () => {
    const ev = evalLines(week, { e1: '- K D - - - -' }, [hardRule('maxWorkIn24h', { minutes: 540, dayStartMinute: 480, penalty: 'minutes' })]);
    expect(brief(ev)).toEqual([{ ruleId: 'maxWorkIn24h', employeeId: 'e1', date: '2025-03-04', amount: 900 - 540 }]);
  });

  test('given K on 4 March and D on 5 March and rolling periods, the 24 h from 14:00 hold 7.5 h + 7/8 of the next 7.5 h = 844 minutes', () => {
    const ev = evalLines(week, { e1: '- K D - - - -' }, [hardRule('maxWorkIn24h', { minutes: 540, period: 'rolling', penalty: 'minutes' })]);
    expect(brief(ev)).toEqual([{ ruleId: 'maxWorkIn24h', employeeId: 'e1', date: '2025-03-04', amount: 844 - 540 }]);
  });

  test('given day shifts every day, it penalises by 0', () => {
    expect(evalLines(week, { e1: 'D D D D D D D' }, [rule]).score.hard).toBe(0);
  });
});

describe('oneShiftPerDay', () => {
  test('given a night shift (until 07:30) and a day shift the next morning (from 07:00), it penalises by exactly 1', () => {
    const ev = evalLines(makeProblem({ start: '2025-03-03', days: 7, employees: 2 }), { e1: 'N D - - - - -', e2: 'N - D - - - -' }, [hardRule('oneShiftPerDay', {}, { id: 'core.oneShift' })]);
    expect(brief(ev)).toEqual([{ ruleId: 'core.oneShift', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-04', amount: 1 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari har overlappende vakter 3. mars og 4. mars; core.oneShift.',
      en: 'Kari has overlapping shifts on 3 March and 4 March; core.oneShift.',
    });
  });
});
