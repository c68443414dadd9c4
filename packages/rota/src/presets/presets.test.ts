import { describe, expect, test } from 'vitest';
import { parseRules } from '../engine/compile-rules.js';
import { evaluate } from '../engine/evaluate.js';
import { RotaError } from '../errors.js';
import type { RuleInput } from '../rules/rule.js';
import { makeProblem, rota } from '../test-fixtures/problems.js';
import { amlChapter10 } from './aml.js';
import { coreRules } from './core.js';
import { combineRules, ksTurnus } from './ks.js';

const byId = (rules: readonly RuleInput[]) => new Map(rules.map((r) => [r.id, r]));

function outOfRange(fn: () => unknown): RotaError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RotaError);
    expect((e as RotaError).code).toBe('RULE_OPTION_OUT_OF_RANGE');
    return e as RotaError;
  }
  throw new Error('expected RULE_OPTION_OUT_OF_RANGE');
}

describe('amlChapter10', () => {
  test('given no options (averaging by representatives, 38 h week), it emits these rules with these paragraphs', () => {
    const rules = amlChapter10();
    expect(rules.map((r) => [r.id, r.kind, r.level, r.legalRef?.section])).toEqual([
      ['aml.10-4.daily', 'maxWorkIn24h', 'hard', '§ 10-5 (2)'],
      ['aml.10-5.norm', 'averageWeeklyHours', 'hard', '§ 10-4 (4)'],
      ['aml.10-5.average48', 'averageWeeklyHours', 'hard', '§ 10-5 (2)'],
      ['aml.10-5.singleWeek', 'maxWorkPerWeek', 'hard', '§ 10-5 (2)'],
      ['aml.10-6.total24h', 'maxWorkIn24h', 'hard', '§ 10-6 (8)'],
      ['aml.10-8.dailyRest', 'minRestBetweenShifts', 'hard', '§ 10-8 (1)'],
      ['aml.10-8.weeklyRest', 'weeklyRest', 'hard', '§ 10-8 (2)'],
      ['aml.10-8.sundayHoliday', 'sundayHolidayOff', 'hard', '§ 10-8 (4)'],
      ['aml.10-9.breaks', 'breaks', 'hard', '§ 10-9 (1)'],
      ['aml.10-11.nightWorker', 'nightWorkerAverage', 'hard', '§ 10-11 (6)'],
    ]);
    const r = byId(rules);
    expect(r.get('aml.10-4.daily')!.params).toEqual({ minutes: 750 });
    expect(r.get('aml.10-5.norm')!.params).toEqual({ maxAverageMinutes: 38 * 60, periodWeeks: 52, mode: 'blocks' });
    expect(r.get('aml.10-5.average48')!.params).toEqual({ maxAverageMinutes: 48 * 60, periodWeeks: 8, mode: 'rolling' });
    expect(r.get('aml.10-5.singleWeek')!.params).toEqual({ minutes: 54 * 60, mode: 'calendarWeek' });
    expect(r.get('aml.10-8.dailyRest')!.params).toEqual({ minutes: 660 });
    expect(r.get('aml.10-8.weeklyRest')!.params).toEqual({ minutes: 2100, mode: 'calendarWeek' });
    for (const rule of rules) {
      expect(rule.legalRef!.source).toBe('AML');
      expect(rule.legalRef!.url).toMatch(/^https:\/\/lovdata\.no\/lov\/2005-06-17-62\/§10-\d+$/);
    }
    expect(() => parseRules(rules)).not.toThrow();
  });

  test('given no averaging and a 40 h week, the limits are 9 h per 24 h (§ 10-4 (1)) and 40 h in any 7 days', () => {
    const r = byId(amlChapter10({ averaging: 'none', weeklyNormHours: 40 }));
    expect(r.get('aml.10-4.daily')).toMatchObject({ params: { minutes: 540 }, legalRef: { section: '§ 10-4 (1)' } });
    expect(r.get('aml.10-4.weekly')).toMatchObject({ kind: 'maxWorkPerWeek', params: { minutes: 2400, mode: 'rolling' }, legalRef: { section: '§ 10-4 (1)' } });
    expect(r.has('aml.10-5.norm')).toBe(false);
  });

  test('given an individual agreement, 10 h per 24 h and 50 h a single week (§ 10-5 (1)); the 36 h week cites § 10-4 (5)', () => {
    const r = byId(amlChapter10({ averaging: 'individual', weeklyNormHours: 36 }));
    expect(r.get('aml.10-4.daily')!.params).toEqual({ minutes: 600 });
    expect(r.get('aml.10-5.singleWeek')).toMatchObject({ params: { minutes: 3000 }, legalRef: { section: '§ 10-5 (1)' } });
    expect(r.get('aml.10-5.norm')).toMatchObject({ params: { maxAverageMinutes: 2160 }, legalRef: { section: '§ 10-4 (5)' } });
  });

  test('given reductions by agreement (8 h daily, 28 h weekly rest), the rules cite § 10-8 (3)', () => {
    const r = byId(amlChapter10({ dailyRestMinutes: 480, weeklyRestMinutes: 1680, weeklyRestMode: 'rolling', sundayHolidayOff: 'average' }));
    expect(r.get('aml.10-8.dailyRest')).toMatchObject({ params: { minutes: 480 }, legalRef: { section: '§ 10-8 (3)' } });
    expect(r.get('aml.10-8.weeklyRest')).toMatchObject({ params: { minutes: 1680, mode: 'rolling' }, legalRef: { section: '§ 10-8 (3)' } });
    expect(r.get('aml.10-8.sundayHoliday')!.params).toEqual({ mode: 'average', averagingWeeks: 26 });
  });

  test('given the three-shift weighting (38 h week), the norm rule weights Sunday/holiday and night hours down to 36 h (§ 10-4 (6))', () => {
    const r = byId(amlChapter10({ threeShiftWeighting: true }));
    expect(r.get('aml.10-5.norm')).toMatchObject({ params: { weighting: { floorMinutes: 2160 } }, legalRef: { section: '§ 10-4 (6)' } });
  });

  test('given the three-shift weighting without averaging, the weighted 38 h norm applies to every 7 days', () => {
    const r = byId(amlChapter10({ averaging: 'none', threeShiftWeighting: true }));
    expect(r.get('aml.10-4.weekly')).toMatchObject({
      kind: 'averageWeeklyHours',
      params: { maxAverageMinutes: 2280, periodWeeks: 1, mode: 'rolling', weighting: { floorMinutes: 2160 } },
      legalRef: { section: '§ 10-4 (6)' },
    });
  });

  test('given averaging by the Labour Inspectorate, 13 h per 24 h, the norm over 26-week blocks, 48 h over 8 weeks (§ 10-5 (3)) and no single-week cap', () => {
    const r = byId(amlChapter10({ averaging: 'labourInspectorate' }));
    expect(r.get('aml.10-4.daily')).toMatchObject({ params: { minutes: 780 }, legalRef: { section: '§ 10-5 (3)' } });
    expect(r.get('aml.10-5.norm')!.params).toMatchObject({ periodWeeks: 26 });
    expect(r.get('aml.10-5.average48')!.legalRef!.section).toBe('§ 10-5 (3)');
    expect(r.has('aml.10-5.singleWeek')).toBe(false);
  });

  test('given nightWorkerAverage false, the § 10-11 (6) rule is left out', () => {
    expect(byId(amlChapter10({ nightWorkerAverage: false })).has('aml.10-11.nightWorker')).toBe(false);
  });

  test('given options outside the law, it throws RULE_OPTION_OUT_OF_RANGE naming the option', () => {
    expect(outOfRange(() => amlChapter10({ dailyRestMinutes: 420 })).details).toMatchObject({ option: 'dailyRestMinutes', value: 420 });
    expect(outOfRange(() => amlChapter10({ weeklyRestMinutes: 1500 })).details).toMatchObject({ option: 'weeklyRestMinutes', value: 1500 });
    expect(outOfRange(() => amlChapter10({ threeShiftWeighting: true, weeklyNormHours: 40 })).details).toMatchObject({ option: 'threeShiftWeighting' });
    expect(outOfRange(() => amlChapter10({ weeklyNormHours: 39 as 38 })).details).toMatchObject({ option: 'weeklyNormHours', value: 39 });
    expect(outOfRange(() => amlChapter10({ averaging: 'weekly' as 'none' })).details).toMatchObject({ option: 'averaging' });
    expect(outOfRange(() => amlChapter10({ dailyRestMinutes: 25 * 60 })).message).toContain('dailyRestMinutes');
  });

  test('given the issue’s rota (evening 4 March, day 5 March), the preset reports the § 10-8 (1) message', () => {
    const p = makeProblem({ start: '2025-03-03', days: 7 });
    const ev = evaluate(p, rota(p, { e1: '- K D - - - -' }), amlChapter10());
    expect(ev.score.hard).toBe(1);
    expect(ev.violations.map((v) => v.ruleId)).toEqual(['aml.10-8.dailyRest']);
    expect(ev.violations[0]!.message.nb).toBe('Kari har 9 t hvile mellom kveldsvakt 4. mars og dagvakt 5. mars; AML § 10-8 (1) krever 11 t.');
    expect(ev.violations[0]!.legalRef).toMatchObject({ source: 'AML', section: '§ 10-8 (1)', url: 'https://lovdata.no/lov/2005-06-17-62/§10-8' });
  });
});

describe('ksTurnus', () => {
  test('given no long shifts, every 3rd weekend, and long shifts forbidden', () => {
    const r = byId(ksTurnus());
    expect(r.get('ks.weekends')).toMatchObject({ kind: 'weekendWork', level: 'hard', params: { definition: 'time', maxInWindow: { count: 1, window: 3 } } });
    expect(r.get('ks.weekends')!.description!.en).toBe('Work at most every 3rd weekend');
    expect(r.get('ks.noLongShifts')).toMatchObject({ kind: 'shiftTypeCount', params: { labels: ['long'], max: 0 } });
  });

  test('given long shifts, every 4th weekend and no ban on long shifts; weekendFrequency overrides both', () => {
    const r = byId(ksTurnus({ longShifts: true }));
    expect(r.get('ks.weekends')!.params).toMatchObject({ maxInWindow: { count: 1, window: 4 } });
    expect(r.get('ks.weekends')!.description!.nb).toBe('Arbeid høyst hver 4. helg');
    expect(r.has('ks.noLongShifts')).toBe(false);
    expect(byId(ksTurnus({ longShifts: true, weekendFrequency: 2 })).get('ks.weekends')!.params).toMatchObject({ maxInWindow: { window: 2 } });
  });

  test('given a three-week rota working weekends 1 and 3, 1 in 3 is broken and 1 in 4 with long shifts is broken too; weekends 1 and 4 only break 1 in 4', () => {
    const p = makeProblem({ start: '2025-03-03', days: 28, longShiftsAgreed: [true] });
    const only = (rules: RuleInput[]) => rules.filter((r) => r.id === 'ks.weekends');
    const w13 = rota(p, { e1: `${'- '.repeat(5)}LV ${'- '.repeat(13)}LV ${'- '.repeat(8)}` });
    expect(evaluate(p, w13, only(ksTurnus())).score.hard).toBe(1);
    expect(evaluate(p, w13, only(ksTurnus({ longShifts: true }))).score.hard).toBe(1);
    const w14 = rota(p, { e1: `${'- '.repeat(5)}LV ${'- '.repeat(20)}LV -` });
    expect(evaluate(p, w14, only(ksTurnus())).score.hard).toBe(0);
    expect(evaluate(p, w14, only(ksTurnus({ longShifts: true }))).score.hard).toBe(1);
  });

  test('given options outside the agreement, it throws RULE_OPTION_OUT_OF_RANGE', () => {
    outOfRange(() => ksTurnus({ weekendFrequency: 9 }));
    outOfRange(() => ksTurnus({ contractedTolerancePercent: 25 }));
    outOfRange(() => ksTurnus({ weeklyHours: 40 as 37.5 }));
  });
});

describe('coreRules and combineRules', () => {
  test('given no options, core rules are one shift at a time, eligibility, absences, min/max cover (hard) and preferred cover and wishes (soft)', () => {
    expect(coreRules().map((r) => [r.id, r.kind, r.level])).toEqual([
      ['core.oneShift', 'oneShiftPerDay', 'hard'],
      ['core.eligibility', 'competenceEligibility', 'hard'],
      ['core.absences', 'absences', 'hard'],
      ['core.coverMin', 'coverage', 'hard'],
      ['core.coverMax', 'coverage', 'hard'],
      ['core.coverPreferred', 'coverage', 'soft'],
      ['core.requests', 'requests', 'soft'],
    ]);
  });

  test('given a local rule with a preset rule’s id, combineRules replaces it in place', () => {
    const local: RuleInput = { id: 'aml.10-8.dailyRest', kind: 'minRestBetweenShifts', level: 'hard', params: { minutes: 600 }, legalRef: { source: 'local', section: 'avtale 2025' } };
    const combined = combineRules(coreRules(), amlChapter10(), ksTurnus({ longShifts: true }), [local]);
    const hits = combined.filter((r) => r.id === 'aml.10-8.dailyRest');
    expect(hits).toEqual([local]);
    expect(combined.length).toBe(coreRules().length + amlChapter10().length + ksTurnus({ longShifts: true }).length);
    expect(combined.findIndex((r) => r.id === 'aml.10-8.dailyRest')).toBe(coreRules().length + 5);
    expect(() => parseRules(combined)).not.toThrow();
  });

  test('given weight 0 on a soft rule, it is left out of the score and the rule list', () => {
    const p = makeProblem({ start: '2025-03-03', days: 7 });
    const r = rota(p, { e1: 'D D D D D D D' });
    const rules = combineRules(ksTurnus(), [{ id: 'ks.maxConsecutive', kind: 'consecutiveWorkDays', level: 'soft', weight: 0, params: { max: 6 } }]);
    const on = evaluate(p, r, ksTurnus());
    const off = evaluate(p, r, rules);
    expect(on.rules.find((x) => x.ruleId === 'ks.maxConsecutive')!.score).toBe(20);
    expect(off.rules.some((x) => x.ruleId === 'ks.maxConsecutive')).toBe(false);
    expect(off.violations.some((v) => v.ruleId === 'ks.maxConsecutive')).toBe(false);
    expect(on.score.soft - off.score.soft).toBe(20);
  });
});
