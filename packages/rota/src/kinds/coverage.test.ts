import { describe, expect, test } from 'vitest';
import { evaluate } from '../engine/evaluate.js';
import { brief, evalLines, hardRule, makeProblem } from '../test-fixtures/problems.js';

// Monday 3 and Tuesday 4 March 2025. Kari (e1) is a nurse; Ola (e2) and Nora (e3) are health workers.
// Demand: day shift min 1, preferred 2, max 2; night shift min 1 nurse.
const p = makeProblem({
  start: '2025-03-03',
  days: 2,
  employees: 3,
  extra: {
    demand: [
      { id: 'day', shiftTypeId: 'D', min: 1, preferred: 2, max: 2 },
      { id: 'night', shiftTypeId: 'N', min: 1, competence: { roles: ['nurse'] } },
    ],
  },
});
const lines = { e1: 'K D', e2: 'D D', e3: 'D D' };

describe('coverage', () => {
  test('given no nurse on either night, target min penalises by exactly 1 person per night', () => {
    const ev = evalLines(p, lines, [hardRule('coverage', { target: 'min' }, { id: 'core.coverMin' })]);
    expect(brief(ev)).toEqual([
      { ruleId: 'core.coverMin', date: '2025-03-03', amount: 1 },
      { ruleId: 'core.coverMin', date: '2025-03-04', amount: 1 },
    ]);
    expect(ev.violations[0]!.message).toEqual({
      nb: '3. mars: 0 på nattevakt (sykepleier), behovet er 1; core.coverMin.',
      en: '3 March: 0 on the night shift (nurse), 1 needed; core.coverMin.',
    });
  });

  test('given a health worker on the night shift, it does not count towards the nurse line', () => {
    expect(evalLines(p, { e1: '- -', e2: 'N N', e3: 'D D' }, [hardRule('coverage')]).score.hard).toBe(2);
  });

  test('given three on the day shift on 4 March, target max penalises by exactly 1', () => {
    const ev = evalLines(p, lines, [hardRule('coverage', { target: 'max' })]);
    expect(brief(ev)).toEqual([{ ruleId: 'coverage', date: '2025-03-04', amount: 1 }]);
    expect(ev.violations[0]!.message.nb).toBe('4. mars: 3 på dagvakt, høyst 2; coverage.');
  });

  test('given target preferred with 10 per person under and 1 over, it penalises 10 + 10 (nights) + 1 (third day shift) = 21', () => {
    const ev = evalLines(p, lines, [{ id: 'pref', kind: 'coverage', level: 'soft', params: { target: 'preferred', weightUnder: 10, weightOver: 1 } }]);
    expect(ev.score).toEqual({ hard: 0, soft: 21 });
  });

  test('given a demand line with its own weightUnder 4, that weight replaces the rule default', () => {
    const q = makeProblem({ start: '2025-03-03', days: 1, extra: { demand: [{ shiftTypeId: 'D', min: 2, weightUnder: 4 }] } });
    expect(evalLines(q, { e1: 'D' }, [hardRule('coverage')]).score.hard).toBe(4);
  });
});

describe('coverage per ward', () => {
  test('given demand of one day shift in each of two wards and Kari in ward w1 only, ward w2 is short by exactly 1', () => {
    const p2 = makeProblem({
      start: '2025-03-03',
      days: 1,
      extra: {
        wards: [
          { id: 'w1', unitId: 'u1', name: 'Avdeling 1' },
          { id: 'w2', unitId: 'u1', name: 'Avdeling 2' },
        ],
        demand: [
          { shiftTypeId: 'D', wardId: 'w1', min: 1 },
          { shiftTypeId: 'D', wardId: 'w2', min: 1 },
        ],
      },
    });
    const ev = evaluate(p2, { cells: [{ employeeId: 'e1', date: '2025-03-03', shiftTypeId: 'D', wardId: 'w1' }] }, [hardRule('coverage')]);
    expect(brief(ev)).toEqual([{ ruleId: 'coverage', date: '2025-03-03', amount: 1 }]);
    expect(ev.violations[0]!.message.en).toBe('3 March: 0 on the day shift (w2), 1 needed; coverage.');
  });
});

describe('fairness', () => {
  const week = makeProblem({ start: '2025-03-03', days: 7, employees: 2 });
  const rule = { id: 'ks.fairWeekends', kind: 'fairness', level: 'soft' as const, weight: 3, params: { days: 'weekend' } };

  test('given Kari on both weekend days and Ola on none, the squared deviations sum to exactly 2 (weighted 6)', () => {
    const ev = evalLines(week, { e1: 'D - - - - D D', e2: 'D D - - - - -' }, [rule]);
    expect(ev.score.soft).toBe(6);
    expect(brief(ev)).toEqual([
      { ruleId: 'ks.fairWeekends', employeeId: 'e1', amount: 1 },
      { ruleId: 'ks.fairWeekends', employeeId: 'e2', amount: 1 },
    ]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari har 2 helgevakter (per heltid), snittet er 1; ks.fairWeekends.',
      en: 'Kari has 2 weekend shifts (per full-time share), the mean is 1; ks.fairWeekends.',
    });
  });

  test('given Ola in a 50 % position with one weekend shift, his share per full time is 2 and the spread is 0', () => {
    const half = makeProblem({ start: '2025-03-03', days: 7, employees: 2, percent: [100, 50] });
    expect(evalLines(half, { e1: '- - - - - D D', e2: '- - - - - D -' }, [rule]).score.soft).toBe(0);
  });

  test('given the night label, two nights against none spread by 2; with Sunday/holiday days a Saturday evening shift (from 18:00 in the window) counts, a Saturday day shift does not', () => {
    const nights = evalLines(week, { e1: 'N N - - - - -', e2: '- - - - - - -' }, [{ ...rule, weight: 1, params: { labels: ['night'] } }]);
    expect(nights.score.soft).toBe(2);
    expect(nights.violations[0]!.message).toEqual({
      nb: 'Kari har 2 nattevakter (per heltid), snittet er 1; ks.fairWeekends.',
      en: 'Kari has 2 night shifts (per full-time share), the mean is 1; ks.fairWeekends.',
    });
    const ev = evalLines(week, { e1: '- - - - - K -', e2: '- - - - - D -' }, [{ ...rule, weight: 1, params: { days: 'sundayHoliday' } }]);
    expect(ev.score.soft).toBe(0.5);
    expect(ev.violations.map((v) => [v.employeeId, v.amount])).toEqual([
      ['e1', 0.25],
      ['e2', 0.25],
    ]);
  });
});
