import { describe, expect, test } from 'vitest';
import { brief, evalLines, hardRule, makeProblem } from '../test-fixtures/problems.js';

// Week of Monday 3 March 2025.
const week = makeProblem({ start: '2025-03-03', days: 7 });

describe('consecutiveWorkDays', () => {
  test('given 5 working days in a row and max 3, it penalises by exactly 2 (days over) for that run', () => {
    const ev = evalLines(week, { e1: 'D D K K D - -' }, [hardRule('consecutiveWorkDays', { max: 3 }, { id: 'ks.maxConsecutive' })]);
    expect(brief(ev)).toEqual([{ ruleId: 'ks.maxConsecutive', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-07', amount: 2 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari arbeider 5 dager på rad 3. mars–7. mars, høyst 3; ks.maxConsecutive.',
      en: 'Kari works 5 days in a row 3 March to 7 March, at most 3; ks.maxConsecutive.',
    });
  });

  test('given min 2, a single working day inside the horizon costs 1, runs touching the horizon ends are exempt', () => {
    const ev = evalLines(week, { e1: 'D - D - D D D' }, [hardRule('consecutiveWorkDays', { min: 2 })]);
    expect(brief(ev)).toEqual([{ ruleId: 'consecutiveWorkDays', employeeId: 'e1', date: '2025-03-05', endDate: '2025-03-05', amount: 1 }]);
    expect(ev.violations[0]!.message.nb).toBe('Kari arbeider bare 1 dag på rad 5. mars–5. mars, minst 2; consecutiveWorkDays.');
  });

  test('given min 2 without exemptAtBoundaries, the runs on the first and last day count too', () => {
    const ev = evalLines(week, { e1: 'D - D - D - D' }, [hardRule('consecutiveWorkDays', { min: 2, exemptAtBoundaries: false })]);
    expect(brief(ev).map((v) => v.date)).toEqual(['2025-03-03', '2025-03-05', '2025-03-07', '2025-03-09']);
    expect(ev.score.hard).toBe(4);
  });

  test('given a night selector and max 2, only unbroken runs of night shifts count: N N N - = 1, N D N = 0', () => {
    const rule = hardRule('consecutiveWorkDays', { max: 2, labels: ['night'] });
    const ev = evalLines(week, { e1: 'N N N - - - -' }, [rule]);
    expect(ev.score.hard).toBe(1);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari har 3 nattevakter på rad 3. mars–5. mars, høyst 2; consecutiveWorkDays.',
      en: 'Kari works 3 night shifts in a row 3 March to 5 March, at most 2; consecutiveWorkDays.',
    });
    expect(evalLines(week, { e1: 'N D N - - - -' }, [rule]).score.hard).toBe(0);
  });
});

describe('consecutiveDaysOff', () => {
  test('given min 2, a lone day off inside the horizon costs exactly 1', () => {
    const ev = evalLines(week, { e1: 'D - D - - D D' }, [hardRule('consecutiveDaysOff', { min: 2 })]);
    expect(brief(ev)).toEqual([{ ruleId: 'consecutiveDaysOff', employeeId: 'e1', date: '2025-03-04', endDate: '2025-03-04', amount: 1 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari har bare 1 fridag på rad 4. mars–4. mars, minst 2; consecutiveDaysOff.',
      en: 'Kari has only 1 day off in a row 4 March to 4 March, at least 2; consecutiveDaysOff.',
    });
  });

  test('given max 3, four days off from the first day cost 1 (max applies at the boundaries too)', () => {
    expect(brief(evalLines(week, { e1: '- - - - D D D' }, [hardRule('consecutiveDaysOff', { max: 3 })]))).toEqual([
      { ruleId: 'consecutiveDaysOff', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-06', amount: 1 },
    ]);
  });

  test('given min 2 and a lone day off on the last day, it is exempt by default and costs 1 without the exemption', () => {
    expect(evalLines(week, { e1: 'D D D D D D -' }, [hardRule('consecutiveDaysOff', { min: 2 })]).score.hard).toBe(0);
    expect(evalLines(week, { e1: 'D D D D D D -' }, [hardRule('consecutiveDaysOff', { min: 2, exemptAtBoundaries: false })]).score.hard).toBe(1);
  });
});

describe('forbiddenSuccession', () => {
  const rule = hardRule('forbiddenSuccession', { pairs: [{ from: 'K', to: 'D' }] });

  test('given an evening shift followed by a day shift, it penalises by exactly 1; D followed by K is allowed', () => {
    const ev = evalLines(week, { e1: 'K D K - D K -' }, [rule]);
    expect(brief(ev)).toEqual([{ ruleId: 'forbiddenSuccession', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-04', amount: 1 }]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari har kveldsvakt 3. mars fulgt av dagvakt 4. mars; forbiddenSuccession.',
      en: 'Kari has the evening shift on 3 March followed by the day shift on 4 March; forbiddenSuccession.',
    });
  });

  test('given a pair with an unknown shift type, it never penalises', () => {
    expect(evalLines(week, { e1: 'K D K D - - -' }, [hardRule('forbiddenSuccession', { pairs: [{ from: 'K', to: 'X' }] })]).score.hard).toBe(0);
  });
});
