import { describe, expect, test } from 'vitest';
import { brief, evalLines, hardRule, makeProblem, SHIFT_TYPES } from '../test-fixtures/problems.js';
import { compileProblem } from './compile.js';

// Clock changes in Europe/Oslo: 30 March and 26 October 2025, 29 March and 25 October 2026 (Sundays).
// These tests hold whatever the process time zone is (CI runs them under TZ=UTC and TZ=Europe/Oslo).
const shiftTypes = [...SHIFT_TYPES, { id: 'E', name: 'Kveldsvakt', start: '14:30', durationMinutes: 480, unpaidBreakMinutes: 30, labels: ['evening'] }];
const weekend = (saturday: string) => makeProblem({ start: saturday, days: 2, shiftTypes });
const restRule = hardRule('minRestBetweenShifts', { minutes: 660, penalty: 'minutes' }, { legalRef: { source: 'AML', section: '§ 10-8 (1)' } });

describe('rest between an evening shift 14:30–22:30 on Saturday and a day shift 07:00 on Sunday', () => {
  test.each([
    ['an ordinary weekend', '2025-03-22', 510],
    ['the spring change 2025', '2025-03-29', 450],
    ['the autumn change 2025', '2025-10-25', 570],
    ['the spring change 2026', '2026-03-28', 450],
    ['the autumn change 2026', '2026-10-24', 570],
  ])('given %s (Saturday %s), the real rest is %i minutes', (_what, saturday, rest) => {
    const ev = evalLines(weekend(saturday), { e1: 'E D' }, [restRule]);
    expect(brief(ev)).toEqual([{ ruleId: 'minRestBetweenShifts', employeeId: 'e1', date: saturday, endDate: ev.violations[0]!.endDate, amount: 660 - rest }]);
  });

  test('given the spring change 2025, the message reports 7.5 h', () => {
    const ev = evalLines(weekend('2025-03-29'), { e1: 'E D' }, [restRule]);
    expect(ev.violations[0]!.message.nb).toBe('Kari har 7,5 t hvile mellom kveldsvakt 29. mars og dagvakt 30. mars; AML § 10-8 (1) krever 11 t.');
  });
});

describe('a night shift 21:30–07:30 across the change', () => {
  const total = (measure: 'real' | 'nominal') => hardRule('totalWorkedMinutes', { max: 0, measure });

  test.each([
    ['2025-03-22', 600],
    ['2025-03-29', 540],
    ['2025-10-25', 660],
    ['2026-03-28', 540],
    ['2026-10-24', 660],
  ])('given a night shift on Saturday %s, totalWorkedMinutes counts %i real minutes and 600 nominal', (saturday, real) => {
    const p = weekend(saturday);
    expect(evalLines(p, { e1: 'N -' }, [total('real')]).score.hard).toBe(real);
    expect(evalLines(p, { e1: 'N -' }, [total('nominal')]).score.hard).toBe(600);
  });

  test('given the compiled model, 21:30–06:00 is 8.5 h of night (21–06) normally, 7.5 h in spring and 9.5 h in autumn', () => {
    const nightMinutes = (saturday: string) => {
      const m = compileProblem(weekend(saturday));
      return m.night[0 * m.shifts + m.shiftIndex.get('N')!];
    };
    expect(nightMinutes('2025-03-22')).toBe(510);
    expect(nightMinutes('2025-03-29')).toBe(450);
    expect(nightMinutes('2025-10-25')).toBe(570);
  });

  test('given max 10 h within 24 h, only the autumn night (11 real hours) breaks it, by 60 minutes', () => {
    const rule = hardRule('maxWorkIn24h', { minutes: 600, penalty: 'minutes' });
    expect(evalLines(weekend('2025-10-25'), { e1: 'N -' }, [rule]).score.hard).toBe(60);
    expect(evalLines(weekend('2025-03-29'), { e1: 'N -' }, [rule]).score.hard).toBe(0);
  });
});

describe('weekly rest across the change', () => {
  // D Monday–Friday, weekend off: rest from Friday 15:00 to Monday 00:00 is 57 h, 56 h in the spring week, 58 h in autumn.
  const rule = hardRule('weeklyRest', { minutes: 57 * 60, penalty: 'minutes' });
  test.each([
    ['2025-03-17', 0],
    ['2025-03-24', 60],
    ['2025-10-20', 0],
    ['2026-03-23', 60],
  ])('given the week of %s, it penalises by %i minutes', (monday, short) => {
    expect(evalLines(makeProblem({ start: monday, days: 7 }), { e1: 'D D D D D - -' }, [rule]).score.hard).toBe(short);
  });
});
