import { addDays, type Problem, type RotaCell } from '@omsorg/domain';
import { describe, expect, test } from 'vitest';
import { compileProblem, OFF } from '../model/compile.js';
import { brief, evalLines, hardRule, makeProblem } from '../test-fixtures/problems.js';

// Horizons from Monday 3 March 2025 (no DST change, no holiday); the history lies in the days before.
// Shifts: D 07–15 (7.5 h worked), K 14–22, N 21:30–07:30 (10 h), LV 08–20:30.
const START = '2025-03-03';
const aml = (section: string) => ({ legalRef: { source: 'AML', section } });

/** History cells for Kari (e1): shift type ids on the given dates. */
function history(cells: Record<string, string | null>): RotaCell[] {
  return Object.entries(cells).map(([date, shiftTypeId]) => ({ employeeId: 'e1', date, shiftTypeId }));
}
/** A week (or `days`) from `start` with Kari's history. */
function withHistory(cells: Record<string, string | null>, days = 7, start = START): Problem {
  return makeProblem({ start, days, extra: { history: history(cells) } });
}
/** The dates of the `n` days before 3 March, oldest first. */
const before = (n: number) => Array.from({ length: n }, (_, i) => addDays(START, i - n));
const nightBefore = { '2025-03-02': 'N' };

describe('the compiled history', () => {
  test('given cells on 1 and 2 March and one 70 days back, it keeps 56 days, the shifts as real (negative) minutes, and drops the old cell', () => {
    const model = compileProblem(withHistory({ '2025-03-01': 'D', '2025-03-02': 'N', '2024-12-20': 'D' }));
    const h = model.history;
    expect(h.days).toBe(56);
    expect([h.dates[0], h.dates[55]]).toEqual(['2025-01-06', '2025-03-02']);
    expect([h.option[55], h.start[55], h.end[55], h.work[55]]).toEqual([2, -150, 450, 600]);
    expect([h.option[54], h.start[54], h.end[54]]).toEqual([0, -2460, -1980]);
    expect(Array.from(h.option).filter((o) => o !== OFF)).toHaveLength(2);
  });

  test('given no history, it keeps 0 days', () => {
    expect(compileProblem(makeProblem({ start: START, days: 7 })).history.days).toBe(0);
  });
});

describe('minRestBetweenShifts with history', () => {
  const rule = hardRule('minRestBetweenShifts', { minutes: 660 }, aml('§ 10-8 (1)'));

  test('given a night 21:30–07:30 on the day before the horizon, a day shift 07:00 on day 1 breaks 11 h daily rest: exactly one violation of 1 on day 1, naming the history date', () => {
    const ev = evalLines(withHistory(nightBefore), { e1: 'D - - - - - -' }, [rule]);
    expect(brief(ev)).toEqual([{ ruleId: 'minRestBetweenShifts', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-03', amount: 1 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari har 0 t hvile mellom nattevakt 2. mars og dagvakt 3. mars; AML § 10-8 (1) krever 11 t.',
      en: 'Kari has 0 h rest between the night shift on 2 March and the day shift on 3 March; AML § 10-8 (1) requires 11 h.',
    });
  });

  test('given the same with history empty, none', () => {
    expect(evalLines(makeProblem({ start: START, days: 7 }), { e1: 'D - - - - - -' }, [rule]).violations).toEqual([]);
  });

  test('given the night before and day 1 off, or too little rest wholly inside the history (K 1 March, D 2 March), none', () => {
    expect(evalLines(withHistory(nightBefore), { e1: '- D - - - - -' }, [rule]).violations).toEqual([]);
    expect(evalLines(withHistory({ '2025-03-01': 'K', '2025-03-02': 'D' }), { e1: 'LV - - - - - -' }, [rule]).violations).toEqual([]);
  });

  test('given penalty "minutes", the night before and D on day 1 cost exactly the 690 minutes short', () => {
    expect(evalLines(withHistory(nightBefore), { e1: 'D - - - - - -' }, [hardRule('minRestBetweenShifts', { minutes: 660, penalty: 'minutes' })]).score.hard).toBe(690);
  });
});

describe('oneShiftPerDay and forbiddenSuccession with history', () => {
  test('given the night before the horizon (ends 07:30) and D 07:00 on day 1, the shifts overlap: exactly 1 on 3 March', () => {
    const ev = evalLines(withHistory(nightBefore), { e1: 'D - - - - - -' }, [hardRule('oneShiftPerDay')]);
    expect(brief(ev)).toEqual([{ ruleId: 'oneShiftPerDay', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-03', amount: 1 }]);
    expect(ev.violations[0]!.message.en).toBe('Kari has overlapping shifts on 2 March and 3 March; oneShiftPerDay.');
  });

  test('given N→D forbidden, the night before and D on day 1 cost exactly 1; LV on day 1 (not forbidden) 0', () => {
    const rule = hardRule('forbiddenSuccession', { pairs: [{ from: 'N', to: 'D' }] });
    const ev = evalLines(withHistory(nightBefore), { e1: 'D - - - - - -' }, [rule]);
    expect(brief(ev)).toEqual([{ ruleId: 'forbiddenSuccession', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-03', amount: 1 }]);
    expect(ev.violations[0]!.message.nb).toBe('Kari har nattevakt 2. mars fulgt av dagvakt 3. mars; forbiddenSuccession.');
    expect(evalLines(withHistory(nightBefore), { e1: 'LV - - - - - -' }, [rule]).score.hard).toBe(0);
  });
});

describe('maxWorkIn24h with history', () => {
  const rolling = hardRule('maxWorkIn24h', { minutes: 600, period: 'rolling' });

  test('given the night before (10 h) and D on day 1 (7.5 h) within the 24 hours from 21:30, exactly 1 on 3 March; without history 0', () => {
    const ev = evalLines(withHistory(nightBefore), { e1: 'D - - - - - -' }, [rolling]);
    expect(brief(ev)).toEqual([{ ruleId: 'maxWorkIn24h', employeeId: 'e1', date: '2025-03-03', amount: 1 }]);
    expect(ev.violations[0]!.message.nb).toBe('Kari arbeider 17,5 t i løpet av 24 timer fra 2. mars; maxWorkIn24h tillater 10 t.');
    expect(evalLines(makeProblem({ start: START, days: 7 }), { e1: 'D - - - - - -' }, [rolling]).score.hard).toBe(0);
  });

  test('given fixed periods from 06:00, the night before (from 21:30) and D on day 1 (07:00) lie in different periods: 0; with the divider at 08:00 they share one: 1', () => {
    expect(evalLines(withHistory(nightBefore), { e1: 'D - - - - - -' }, [hardRule('maxWorkIn24h', { minutes: 600, dayStartMinute: 360 })]).score.hard).toBe(0);
    expect(evalLines(withHistory(nightBefore), { e1: 'D - - - - - -' }, [hardRule('maxWorkIn24h', { minutes: 600, dayStartMinute: 480 })]).score.hard).toBe(1);
  });
});

describe('weeklyRest with history', () => {
  const rule = hardRule('weeklyRest', { minutes: 2100 });
  // Wednesday 5 March to Sunday 9 March: the calendar week from Monday 3 March straddles the start.
  const wed = (cells: Record<string, string>) => withHistory(cells, 5, '2025-03-05');

  test('given D on Monday and Tuesday in the history and D every horizon day, the week 3–9 March has no 35 h rest: exactly 1, reported on 5 March', () => {
    const ev = evalLines(wed({ '2025-03-03': 'D', '2025-03-04': 'D' }), { e1: 'D D D D D' }, [rule]);
    expect(brief(ev)).toEqual([{ ruleId: 'weeklyRest', employeeId: 'e1', date: '2025-03-05', endDate: '2025-03-09', amount: 1 }]);
    expect(ev.violations[0]!.message.en).toBe('Kari has at most 16 h continuous rest in the week 3 March–9 March; weeklyRest requires 35 h.');
  });

  test('given the same rota without history, the straddling week is not checked: 0; with Friday to Sunday off, 0', () => {
    expect(evalLines(makeProblem({ start: '2025-03-05', days: 5 }), { e1: 'D D D D D' }, [rule]).score.hard).toBe(0);
    expect(evalLines(wed({ '2025-03-03': 'D', '2025-03-04': 'D' }), { e1: 'D D - - -' }, [rule]).score.hard).toBe(0);
  });

  test('given a rolling window whose rest the history alone already breaks, the horizon is charged only what it takes away (minutes)', () => {
    // History D 25 Feb–2 March; window 25 Feb–3 March has 33 h rest (2 March 15:00 → 4 March 00:00) without the horizon.
    const cells = Object.fromEntries(before(6).map((d) => [d, 'D']));
    const minutes = hardRule('weeklyRest', { minutes: 2100, mode: 'rolling', penalty: 'minutes' });
    // Off on 3 March: the windows from 25 Feb (33 h) and 26 Feb (57 h) are the history's own: 0.
    expect(evalLines(withHistory(cells, 14), { e1: '- - - - - - - - - - - - - -' }, [minutes]).score.hard).toBe(0);
    // D on 3 March: the window from 25 Feb falls to 16 h (1140 min short, 1020 more than the history's own 120),
    // the one from 26 Feb to 33 h (120 min short).
    expect(evalLines(withHistory(cells, 14), { e1: 'D - - - - - - - - - - - - -' }, [minutes]).score.hard).toBe(1020 + 120);
  });
});

describe('consecutiveWorkDays and consecutiveDaysOff with history', () => {
  const max6 = hardRule('consecutiveWorkDays', { max: 6 });
  const fiveDays = Object.fromEntries(before(5).map((d) => [d, 'D']));

  test('given 5 worked days before the horizon and 3 at its start, the run is 8 days: exactly 2 over, on 3–5 March, naming 26 February', () => {
    const ev = evalLines(withHistory(fiveDays), { e1: 'D D D - - - -' }, [max6]);
    expect(brief(ev)).toEqual([{ ruleId: 'consecutiveWorkDays', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-05', amount: 2 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari arbeider 8 dager på rad 26. februar–5. mars, høyst 6; consecutiveWorkDays.',
      en: 'Kari works 8 days in a row 26 February to 5 March, at most 6; consecutiveWorkDays.',
    });
  });

  test('given the same with history empty, or day 1 off, none', () => {
    expect(evalLines(makeProblem({ start: START, days: 7 }), { e1: 'D D D - - - -' }, [max6]).score.hard).toBe(0);
    expect(evalLines(withHistory(fiveDays), { e1: '- D D D D D D' }, [max6]).score.hard).toBe(0);
  });

  test('given min 2, a lone shift on day 1 is exempt without history, and costs 1 when the history shows 2 March off', () => {
    const min2 = hardRule('consecutiveWorkDays', { min: 2 });
    expect(evalLines(makeProblem({ start: START, days: 7 }), { e1: 'D - D D - - -' }, [min2]).score.hard).toBe(0);
    expect(evalLines(withHistory({ '2025-02-28': 'D' }), { e1: 'D - D D - - -' }, [min2]).score.hard).toBe(1);
    expect(evalLines(withHistory({ '2025-03-02': 'D' }), { e1: 'D - D D - - -' }, [min2]).score.hard).toBe(0);
  });

  test('given max 3 days off, off on 1–2 March (after D on 28 February) and off on 3–4 March make 4 off in a row: exactly 1', () => {
    const ev = evalLines(withHistory({ '2025-02-28': 'D' }), { e1: '- - D D D D D' }, [hardRule('consecutiveDaysOff', { max: 3 })]);
    expect(brief(ev)).toEqual([{ ruleId: 'consecutiveDaysOff', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-04', amount: 1 }]);
    expect(ev.violations[0]!.message.en).toBe('Kari has 4 days off in a row 1 March to 4 March, at most 3; consecutiveDaysOff.');
  });
});

describe('weekendWork with history', () => {
  const everyThird = hardRule('weekendWork', { maxInWindow: { count: 1, window: 3 } }, { id: 'ks.weekends' });
  const threeWeeks = (cells: Record<string, string>) => withHistory(cells, 21);
  const off = (n: number) => '- '.repeat(n);

  test('given Saturday 22 February worked in the history and Saturday 8 March in the horizon, 1 in 3 weekends is exceeded: exactly 1, on 3–9 March', () => {
    const ev = evalLines(threeWeeks({ '2025-02-22': 'D' }), { e1: `${off(5)}D ${off(15)}` }, [everyThird]);
    expect(brief(ev)).toEqual([{ ruleId: 'ks.weekends', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-09', amount: 1 }]);
    expect(ev.violations[0]!.message.en).toBe('Kari works 2 of 3 weekends from 22 February to 9 March, at most 1; ks.weekends.');
  });

  test('given the same without history, or with the history weekend three weekends back (15 February), none', () => {
    expect(evalLines(makeProblem({ start: START, days: 21 }), { e1: `${off(5)}D ${off(15)}` }, [everyThird]).score.hard).toBe(0);
    expect(evalLines(threeWeeks({ '2025-02-15': 'D' }), { e1: `${off(5)}D ${off(15)}` }, [everyThird]).score.hard).toBe(0);
  });

  test('given two history weekends in a row (22 February, 1 March) and the horizon weekends off, the history’s own excess is not reported', () => {
    expect(evalLines(threeWeeks({ '2025-02-22': 'D', '2025-03-01': 'D' }), { e1: off(21) }, [everyThird]).violations).toEqual([]);
  });

  test('given a night from Sunday 2 March into Monday (weekend minutes by `time`), it counts as that weekend worked: the windows from 22 February and 1 March each exceed by 1', () => {
    expect(evalLines(threeWeeks(nightBefore), { e1: `${off(5)}D ${off(15)}` }, [everyThird]).score.hard).toBe(2);
  });
});

describe('completeWeekends with history', () => {
  const rule = hardRule('completeWeekends');
  // A horizon from Sunday 9 March: its first weekend's Saturday (8 March) lies in the history.
  const fromSunday = (cells: Record<string, string | null>) => withHistory(cells, 7, '2025-03-09');

  test('given Saturday 8 March worked in the history and Sunday 9 March off, the weekend is split: exactly 1 on 9 March, naming 8 March', () => {
    const ev = evalLines(fromSunday({ '2025-03-08': 'D' }), { e1: '- D D D D - -' }, [rule]);
    expect(brief(ev)).toEqual([{ ruleId: 'completeWeekends', employeeId: 'e1', date: '2025-03-09', endDate: '2025-03-09', amount: 1 }]);
    expect(ev.violations[0]!.message.en).toBe('Kari works only one day of the weekend of 8 March; completeWeekends.');
  });

  test('given the Saturday worked and the Sunday worked too, none; without history, a Sunday alone on day 1 is not judged', () => {
    expect(evalLines(fromSunday({ '2025-03-08': 'D' }), { e1: 'D - D D D - -' }, [rule]).score.hard).toBe(0);
    expect(evalLines(makeProblem({ start: '2025-03-09', days: 7 }), { e1: 'D - D D D - -' }, [rule]).score.hard).toBe(0);
  });
});

describe('sundayHolidayOff with history', () => {
  const rule = hardRule('sundayHolidayOff', { mode: 'next' });

  test('given Sunday 2 March worked in the history and Sunday 9 March in the horizon, exactly 1 on 9 March, naming 2 March', () => {
    const ev = evalLines(withHistory({ '2025-03-02': 'D' }, 14), { e1: '- - - - - - D - - - - - - -' }, [rule]);
    expect(brief(ev)).toEqual([{ ruleId: 'sundayHolidayOff', employeeId: 'e1', date: '2025-03-09', endDate: '2025-03-09', amount: 1 }]);
    expect(ev.violations[0]!.message.en).toBe('Kari works the Sunday/holiday 2 March and the next one, 9 March; sundayHolidayOff requires the next one off.');
  });

  test('given Sunday 23 February and 2 March worked in the history and the horizon Sundays off, none; without history, none', () => {
    expect(evalLines(withHistory({ '2025-02-23': 'D', '2025-03-02': 'D' }, 14), { e1: '- - - - - - - - - - - - - -' }, [rule]).violations).toEqual([]);
    expect(evalLines(makeProblem({ start: START, days: 14 }), { e1: '- - - - - - D - - - - - - -' }, [rule]).score.hard).toBe(0);
  });

  test('given a horizon starting Sunday 9 March, a history Sunday 2 March and D on 9 March, exactly 1 on 9 March', () => {
    const ev = evalLines(withHistory({ '2025-03-02': 'D' }, 7, '2025-03-09'), { e1: 'D - - - - - -' }, [rule]);
    expect(brief(ev)).toEqual([{ ruleId: 'sundayHolidayOff', employeeId: 'e1', date: '2025-03-09', endDate: '2025-03-09', amount: 1 }]);
  });
});

describe('maxWorkPerWeek and averageWeeklyHours with history', () => {
  // D on 26 February–2 March (37.5 h), with 25 February known to be off (an explicit off cell).
  const fiveDays = { '2025-02-25': null, ...Object.fromEntries(before(5).map((d) => [d, 'D'])) };

  test('given D on 26 February–2 March (37.5 h) and D on 3 March, the rolling weeks from 25 and 26 February hold 45 h: exactly 300 minutes over each, on 3 March', () => {
    const ev = evalLines(withHistory(fiveDays), { e1: 'D - - - - - -' }, [hardRule('maxWorkPerWeek', { minutes: 2400 })]);
    expect(brief(ev)).toEqual([
      { ruleId: 'maxWorkPerWeek', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-03', amount: 300 },
      { ruleId: 'maxWorkPerWeek', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-04', amount: 300 },
    ]);
    expect(ev.violations[0]!.message.en).toBe('Kari works 45 h from 25 February to 3 March; maxWorkPerWeek allows 40 h in seven days.');
  });

  test('given the same without history, 0; given 45 h wholly in the history (D 24 February–2 March) and 3 March off, 0', () => {
    expect(evalLines(makeProblem({ start: START, days: 7 }), { e1: 'D - - - - - -' }, [hardRule('maxWorkPerWeek', { minutes: 2400 })]).score.hard).toBe(0);
    const six = Object.fromEntries(before(7).map((d) => [d, 'D']));
    expect(evalLines(withHistory(six), { e1: '- - - - - - -' }, [hardRule('maxWorkPerWeek', { minutes: 2400 })]).score.hard).toBe(0);
  });

  test('given a calendar-week limit and a horizon from Wednesday 5 March, the week from Monday 3 March counts the history: 360 minutes over', () => {
    const ev = evalLines(withHistory({ '2025-03-03': 'LV', '2025-03-04': 'LV' }, 5, '2025-03-05'), { e1: 'D D D - -' }, [hardRule('maxWorkPerWeek', { minutes: 2400, mode: 'calendarWeek' })]);
    // LV works 705 min: 1410 + 3 × 450 = 2760, 360 over.
    expect(brief(ev)).toEqual([{ ruleId: 'maxWorkPerWeek', employeeId: 'e1', date: '2025-03-05', endDate: '2025-03-09', amount: 360 }]);
  });

  test('given an average of 37.5 h over 1-week rolling periods, the same history and D on 3 March cost 2 × 450 minutes', () => {
    expect(evalLines(withHistory(fiveDays), { e1: 'D - - - - - -' }, [hardRule('averageWeeklyHours', { periodWeeks: 1, maxAverageMinutes: 2250 })]).score.hard).toBe(900);
  });
});
