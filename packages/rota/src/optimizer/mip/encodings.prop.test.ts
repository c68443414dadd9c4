import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { z } from 'zod';
import { type CompiledRule, compileRules } from '../../engine/compile-rules.js';
import { IncrementalEvaluator } from '../../engine/incremental.js';
import { createCatalogue } from '../../kinds/catalogue.js';
import { type CompiledProblem, compileProblem, OFF } from '../../model/compile.js';
import { defineRuleKind, PairConstraint, type RuleKindDefinition } from '../../rules/kind.js';
import type { Rule, RuleInput } from '../../rules/rule.js';
import { makeProblem } from '../../test-fixtures/problems.js';
import { buildSubproblem, encodedScore, type Subproblem } from './model.js';

// Three weeks from Saturday 1 March 2025 (a weekend split at the start), three employees, four shift types.
const problem = makeProblem({
  start: '2025-03-01',
  days: 21,
  employees: 3,
  extra: {
    demand: [
      { id: 'dD', shiftTypeId: 'D', min: 1, preferred: 2, max: 2, weightUnder: 3, weightOver: 2 },
      { id: 'dK', shiftTypeId: 'K', min: 1, competence: { roles: ['healthWorker'] } },
      { id: 'dN', shiftTypeId: 'N', min: 1, weekdays: [5, 6, 7], weightUnder: 5 },
    ],
    absences: [
      { id: 'a1', employeeId: 'e2', kind: 'vacation', start: '2025-03-05', end: '2025-03-08' },
      { id: 'a2', employeeId: 'e3', kind: 'dayOff', start: '2025-03-12', end: '2025-03-12' },
    ],
    requests: [
      { id: 'r1', employeeId: 'e1', date: '2025-03-03', kind: 'on', shiftTypeId: 'D', weight: 2 },
      { id: 'r2', employeeId: 'e1', date: '2025-03-10', kind: 'off', weight: 3 },
      { id: 'r3', employeeId: 'e3', date: '2025-03-15', kind: 'off', shiftTypeId: 'N', weight: 1 },
      { id: 'r4', employeeId: 'e2', date: '2025-03-20', kind: 'on', weight: 4 },
    ],
  },
});

// Every encoded kind, with most of its parameters, hard and soft, some scoped.
const rules: RuleInput[] = [
  { id: 'cov.pref', kind: 'coverage', level: 'soft', weight: 2, params: { target: 'preferred' } },
  { id: 'cov.min', kind: 'coverage', level: 'hard', params: { target: 'min' } },
  { id: 'cov.max', kind: 'coverage', level: 'soft', params: { target: 'max' } },
  { id: 'req', kind: 'requests', level: 'soft', params: {} },
  { id: 'abs', kind: 'absences', level: 'hard', params: { kinds: ['vacation'] } },
  { id: 'abs.soft', kind: 'absences', level: 'soft', weight: 7, params: {} },
  { id: 'succ', kind: 'forbiddenSuccession', level: 'hard', params: { pairs: [{ from: 'K', to: 'D' }, { from: 'N', to: 'D' }, { from: 'N', to: 'K' }] } },
  { id: 'count.n', kind: 'shiftTypeCount', level: 'soft', weight: 3, params: { labels: ['night'], max: 2, periodDays: 7 } },
  { id: 'count.d', kind: 'shiftTypeCount', level: 'hard', params: { shiftTypeIds: ['D', 'LV'], min: 3 }, scope: { employeeIds: ['e1', 'e3'] } },
  { id: 'minutes', kind: 'totalWorkedMinutes', level: 'hard', params: { min: 4000, max: 6000, measure: 'nominal' } },
  { id: 'minutes.real', kind: 'totalWorkedMinutes', level: 'soft', params: { max: 5000 } },
  { id: 'run.max', kind: 'consecutiveWorkDays', level: 'hard', params: { max: 4 } },
  { id: 'run.min', kind: 'consecutiveWorkDays', level: 'hard', params: { min: 3, exemptAtBoundaries: false } },
  { id: 'run.nights', kind: 'consecutiveWorkDays', level: 'soft', weight: 2, params: { labels: ['night'], min: 2, max: 3 } },
  { id: 'off.min', kind: 'consecutiveDaysOff', level: 'hard', params: { min: 2, exemptAtBoundaries: true } },
  { id: 'off.max', kind: 'consecutiveDaysOff', level: 'soft', params: { max: 3 }, scope: { roles: ['healthWorker'] } },
  { id: 'weekend.dates', kind: 'weekendWork', level: 'hard', params: { definition: 'dates', maxTotal: 1 } },
  { id: 'weekend.time', kind: 'weekendWork', level: 'soft', weight: 4, params: { definition: 'time', maxInWindow: { count: 1, window: 2 } } },
  // Encoded from the compiled constraint itself (pair and cell costs).
  { id: 'rest', kind: 'minRestBetweenShifts', level: 'hard', params: { minutes: 660 } },
  { id: 'rest.long', kind: 'minRestBetweenShifts', level: 'soft', weight: 2, params: { minutes: 900, penalty: 'minutes' } },
  { id: 'overlap', kind: 'oneShiftPerDay', level: 'hard', params: {} },
  { id: 'elig', kind: 'competenceEligibility', level: 'hard', params: { requirements: [{ shifts: { shiftTypeIds: ['N'] }, competence: { roles: ['nurse'] } }] } },
  { id: 'long', kind: 'longShiftConsent', level: 'soft', weight: 3, params: {} },
  { id: 'breaks', kind: 'breaks', level: 'soft', params: {} },
  // Window sums read from the compiled constraint.
  { id: 'week.rolling', kind: 'maxWorkPerWeek', level: 'hard', params: { minutes: 2400 } },
  { id: 'week.calendar', kind: 'maxWorkPerWeek', level: 'soft', weight: 2, params: { minutes: 1800, mode: 'calendarWeek', measure: 'nominal' } },
  { id: 'contracted', kind: 'contractedHours', level: 'soft', params: { toleranceMinutes: 30, tolerancePercent: 1.5 } },
  { id: 'avg.rolling', kind: 'averageWeeklyHours', level: 'hard', params: { periodWeeks: 2, maxAverageMinutes: 1900 } },
  { id: 'avg.blocks', kind: 'averageWeeklyHours', level: 'soft', weight: 2, params: { periodWeeks: 1, mode: 'blocks' } },
  // The three-shift weighting: a limit of max(floor, 1900 − bonus) per week, both sides reached.
  { id: 'avg.weighted', kind: 'averageWeeklyHours', level: 'hard', params: { periodWeeks: 1, maxAverageMinutes: 1900, weighting: { floorMinutes: 1500 } } },
  { id: 'avg.weighted.soft', kind: 'averageWeeklyHours', level: 'soft', params: { periodWeeks: 2, mode: 'blocks', maxAverageMinutes: 1700, weighting: { floorMinutes: 1400, nightFactor: 1.5 } } },
  { id: 'complete', kind: 'completeWeekends', level: 'soft', weight: 3, params: {} },
  { id: 'complete.same', kind: 'completeWeekends', level: 'hard', params: { sameShiftType: true } },
  { id: '24h.fixed', kind: 'maxWorkIn24h', level: 'hard', params: { minutes: 600 } },
  { id: '24h.noon', kind: 'maxWorkIn24h', level: 'soft', weight: 2, params: { minutes: 780, dayStartMinute: 720 } },
  { id: '24h.rolling', kind: 'maxWorkIn24h', level: 'soft', params: { minutes: 780, period: 'rolling', penalty: 'minutes' } },
  // Weekly rest, Sundays/holidays, night workers and fairness (indicator, AND and unary columns).
  { id: 'weekly', kind: 'weeklyRest', level: 'hard', params: { minutes: 2100 } },
  { id: 'weekly.rolling', kind: 'weeklyRest', level: 'soft', weight: 2, params: { minutes: 1680, mode: 'rolling' } },
  { id: 'sunday', kind: 'sundayHolidayOff', level: 'hard', params: {} },
  { id: 'sunday.avg', kind: 'sundayHolidayOff', level: 'soft', weight: 2, params: { mode: 'average', averagingWeeks: 2 } },
  { id: 'nightworker', kind: 'nightWorkerAverage', level: 'soft', params: { maxAveragePer24h: 300, periodWeeks: 1, minNightShifts: 2 } },
  { id: 'nightworker.hard', kind: 'nightWorkerAverage', level: 'hard', params: { maxAveragePer24h: 360, periodWeeks: 2, minNightShifts: 3 } },
  { id: 'fair.weekend', kind: 'fairness', level: 'soft', params: { days: 'weekend' } },
  { id: 'fair.nights', kind: 'fairness', level: 'soft', weight: 3, params: { labels: ['night'] }, scope: { employeeIds: ['e1', 'e2'] } },
  { id: 'fair.sunday', kind: 'fairness', level: 'soft', params: { days: 'sundayHoliday' } },
];

const model = compileProblem(problem);
const compiled = compileRules(model, rules);
const cellsArb = fc.array(fc.integer({ min: -1, max: model.options - 1 }), { minLength: model.employees * model.days, maxLength: model.employees * model.days });

/** The MIP's score changes from `a` to `b` exactly as the evaluator's does (hard with slack, soft). */
function expectSameChange(sub: Subproblem, a: Int16Array, b: Int16Array, rules: readonly CompiledRule[] = compiled): void {
  const encA = encodedScore(sub, a);
  const encB = encodedScore(sub, b);
  const evA = new IncrementalEvaluator(sub.model, rules, a).score;
  const evB = new IncrementalEvaluator(sub.model, rules, b).score;
  expect(encB.hard - encA.hard).toBeCloseTo(evB.hard - evA.hard, 6);
  expect(encB.soft - encA.soft).toBeCloseTo(evB.soft - evA.soft, 6);
}

describe('MIP encodings', () => {
  test.prop([cellsArb, fc.constantFrom<'constraint' | 'penalty'>('constraint', 'penalty'), fc.boolean()], { numRuns: 60 })(
    'given any rota, the whole-problem MIP (cover targets in one row or a row per side) scores it as the evaluator: soft exactly; hard exactly with slack, legal iff legal with constraints',
    (cells, hardMode, oneRowTargets) => {
      const a = Int16Array.from(cells);
      const sub = buildSubproblem(model, compiled, a, { hardMode, oneRowTargets })!;
      expect(sub).toBeDefined();
      const enc = encodedScore(sub, a);
      const ev = new IncrementalEvaluator(model, compiled, a).score;
      if (hardMode === 'penalty') expect(enc.hard).toBeCloseTo(ev.hard, 6);
      else expect(enc.hard === 0).toBe(ev.hard === 0);
      expect(enc.soft).toBeCloseTo(ev.soft, 6);
    },
    30_000,
  );

  test.prop(
    [cellsArb, cellsArb, fc.subarray([0, 1, 2], { minLength: 1 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })],
    { numRuns: 60 },
  )('given a neighbourhood, the change in the MIP score of any change of its free cells equals the change in the evaluator score', (base, other, employees, d1, d2) => {
    const a = Int16Array.from(base);
    const fromDay = Math.min(d1, d2);
    const toDay = Math.max(d1, d2);
    const b = Int16Array.from(a);
    for (const e of employees) for (let d = fromDay; d <= toDay; d++) b[e * model.days + d] = other[e * model.days + d]!;
    const sub = buildSubproblem(model, compiled, a, { employees, fromDay, toDay, hardMode: 'penalty' })!;
    expectSameChange(sub, a, b);
  });

  test.prop([cellsArb, cellsArb, fc.subarray([0, 1, 2], { minLength: 1 }), fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 8 })], {
    numRuns: 60,
  })('given free days that are not one range, only those days are free, and the MIP and the evaluator agree on every change of them', (base, other, employees, freeDays) => {
    const a = Int16Array.from(base);
    const b = Int16Array.from(a);
    for (const e of employees) for (const d of freeDays) b[e * model.days + d] = other[e * model.days + d]!;
    const sub = buildSubproblem(model, compiled, a, { employees, days: freeDays, hardMode: 'penalty' })!;
    for (const k of sub.cells) {
      expect(employees).toContain(Math.floor(k / model.days));
      expect(freeDays).toContain(k % model.days);
    }
    expectSameChange(sub, a, b);
  });

  test('given weekly rest counted in minutes short, which its encoding does not cover, the MIP declines (undefined)', { timeout: 30_000 }, () => {
    const withExtra = compileRules(model, [...rules, { id: 'extra', kind: 'weeklyRest', level: 'hard', params: { minutes: 2100, penalty: 'minutes' } }]);
    expect(buildSubproblem(model, withExtra, new Int16Array(model.employees * model.days).fill(-1))).toBeUndefined();
  });

  test('given the fixture rules, every rule of the kinds read from their constraints costs something on some rota (the property above is not vacuous for them)', { timeout: 30_000 }, () => {
    const ids = [
      ...['rest', 'rest.long', 'overlap', 'elig', 'long', 'breaks', 'week.rolling', 'week.calendar', 'contracted', 'avg.rolling', 'avg.blocks', 'avg.weighted', 'avg.weighted.soft'],
      ...['complete', 'complete.same'],
      ...['24h.fixed', '24h.noon', '24h.rolling', 'weekly', 'weekly.rolling', 'sunday', 'sunday.avg', 'nightworker', 'nightworker.hard', 'fair.weekend', 'fair.nights', 'fair.sunday'],
    ];
    const seen = new Set<string>();
    const rng = fc.sample(cellsArb, { numRuns: 60, seed: 7 });
    for (const cells of rng) {
      const inc = new IncrementalEvaluator(model, compiled, Int16Array.from(cells));
      inc.rules.forEach((r, i) => {
        if (inc.penalties[i]! > 0) seen.add(r.rule.id);
      });
    }
    expect(ids.filter((id) => !seen.has(id))).toEqual([]);
  });
});

describe('MIP encodings read from the constraint (pair and cell costs, window sums)', () => {
  // The same three weeks, with history: Kari (e1) worked nights on the three days before the horizon.
  const withHistory = makeProblem({
    start: '2025-03-01',
    days: 21,
    employees: 3,
    // Positions of 75 % and 62.5 %: weekly limits of 1597.5 and 1331.25 minutes, which the kind rounds.
    percent: [75, 62.5, 100],
    extra: {
      history: [
        ...['2025-02-26', '2025-02-27', '2025-02-28'].map((date) => ({ employeeId: 'e1', date, shiftTypeId: 'N' })),
        { employeeId: 'e2', date: '2025-02-28', shiftTypeId: 'K' },
        // Erik (e3) worked the Sunday before the horizon: its first Sunday is his next one.
        { employeeId: 'e3', date: '2025-02-23', shiftTypeId: 'D' },
      ],
    },
  });
  const hModel = compileProblem(withHistory);
  const hRules: RuleInput[] = [
    { id: 'rest', kind: 'minRestBetweenShifts', level: 'hard', params: { minutes: 660 } },
    { id: 'rest.long', kind: 'minRestBetweenShifts', level: 'soft', weight: 2, params: { minutes: 900, penalty: 'minutes' } },
    { id: 'overlap', kind: 'oneShiftPerDay', level: 'soft', weight: 5, params: {} },
    // Rolling windows that start in the history.
    { id: 'week', kind: 'maxWorkPerWeek', level: 'soft', weight: 3, params: { minutes: 1500 } },
    { id: 'avg', kind: 'averageWeeklyHours', level: 'soft', params: { periodWeeks: 2, maxAverageMinutes: 1200 } },
    { id: 'avg.position', kind: 'averageWeeklyHours', level: 'soft', weight: 2, params: { periodWeeks: 1 } },
    { id: 'avg.weighted', kind: 'averageWeeklyHours', level: 'soft', params: { periodWeeks: 1, weighting: { floorMinutes: 1100, nightFactor: 1.5 } } },
    { id: '24h.rolling', kind: 'maxWorkIn24h', level: 'soft', params: { minutes: 780, period: 'rolling', penalty: 'minutes' } },
    { id: '24h.noon', kind: 'maxWorkIn24h', level: 'soft', params: { minutes: 780, dayStartMinute: 720 } },
    // Weekly rest in windows that start in the history; the Sunday before the horizon; scaled fairness shares.
    { id: 'weekly', kind: 'weeklyRest', level: 'soft', weight: 2, params: { minutes: 2100, mode: 'rolling' } },
    { id: 'weekly.calendar', kind: 'weeklyRest', level: 'soft', params: { minutes: 1680 } },
    { id: 'sunday', kind: 'sundayHolidayOff', level: 'soft', weight: 3, params: {} },
    { id: 'nightworker', kind: 'nightWorkerAverage', level: 'soft', params: { maxAveragePer24h: 300, periodWeeks: 1, minNightShifts: 2 } },
    { id: 'fair.weekend', kind: 'fairness', level: 'soft', params: { days: 'weekend' } },
    { id: 'fair.all', kind: 'fairness', level: 'soft', weight: 0.5, params: { perPositionPercent: true } },
    // Runs that continue the history's (Kari's three nights, Ola's evening, Nora's days off).
    { id: 'run.max', kind: 'consecutiveWorkDays', level: 'soft', weight: 2, params: { max: 4 } },
    { id: 'run.min', kind: 'consecutiveWorkDays', level: 'soft', params: { min: 3 } },
    { id: 'run.nights', kind: 'consecutiveWorkDays', level: 'soft', params: { labels: ['night'], min: 2, max: 3, exemptAtBoundaries: false } },
    { id: 'off.min', kind: 'consecutiveDaysOff', level: 'soft', params: { min: 2 } },
    { id: 'off.max', kind: 'consecutiveDaysOff', level: 'soft', params: { max: 6 } },
    // Weekends before the horizon in the windows that reach back; the history's days of the first weekend.
    { id: 'weekend.window', kind: 'weekendWork', level: 'soft', weight: 3, params: { maxInWindow: { count: 1, window: 3 } } },
    { id: 'weekend.total', kind: 'weekendWork', level: 'soft', params: { definition: 'dates', maxTotal: 1 } },
    { id: 'succ', kind: 'forbiddenSuccession', level: 'soft', weight: 4, params: { pairs: [{ from: 'N', to: 'D' }, { from: 'K', to: 'D' }] } },
  ];
  const hCompiled = compileRules(hModel, hRules);
  const hCells = fc.array(fc.integer({ min: -1, max: hModel.options - 1 }), { minLength: hModel.employees * hModel.days, maxLength: hModel.employees * hModel.days });

  test.prop([hCells, hCells, fc.subarray([0, 1, 2], { minLength: 1 }), fc.integer({ min: 0, max: 20 })], { numRuns: 60 })(
    'given history before the horizon and a neighbourhood from day 0, the MIP and the evaluator agree on the change (the pair with the last history day and the windows that start in the history included)',
    (base, other, employees, toDay) => {
      const a = Int16Array.from(base);
      const b = Int16Array.from(a);
      for (const e of employees) for (let d = 0; d <= toDay; d++) b[e * hModel.days + d] = other[e * hModel.days + d]!;
      const sub = buildSubproblem(hModel, hCompiled, a, { employees, fromDay: 0, toDay, hardMode: 'penalty' })!;
      expect(sub).toBeDefined();
      expectSameChange(sub, a, b, hCompiled);
    },
  );

  test('given at least 5 working days in a row (hard, as constraints) and history: Kari (3 nights before) with 1 more day is illegal, with 2 legal; Nora (off before) with 2 days illegal — in the MIP as in the evaluator', () => {
    const cr = compileRules(hModel, [{ id: 'run5', kind: 'consecutiveWorkDays', level: 'hard', params: { min: 5 } }]);
    const N = hModel.optionShift.indexOf(hModel.shiftIndex.get('N')!);
    const D = hModel.optionShift.indexOf(hModel.shiftIndex.get('D')!);
    const check = (a: Int16Array, legal: boolean) => {
      const sub = buildSubproblem(hModel, cr, a, { fromDay: 0, toDay: 6 })!;
      expect(new IncrementalEvaluator(hModel, cr, a).score.hard === 0).toBe(legal);
      expect(encodedScore(sub, a).hard === 0).toBe(legal);
    };
    const a = new Int16Array(hModel.employees * hModel.days).fill(OFF);
    a[0] = N;
    check(a, false);
    a[1] = N;
    check(a, true);
    a[2 * hModel.days] = D;
    a[2 * hModel.days + 1] = D;
    check(a, false);
  });

  test('given Kari on a day shift on day 0 after her history night: the hard rest rule costs 1 in the MIP of day 0, as in the evaluator', () => {
    const a = new Int16Array(hModel.employees * hModel.days).fill(OFF);
    const day = hModel.optionShift.indexOf(hModel.shiftIndex.get('D')!);
    a[0] = day;
    const sub = buildSubproblem(hModel, hCompiled, a, { employees: [0], fromDay: 0, toDay: 0, hardMode: 'penalty' })!;
    expect(new IncrementalEvaluator(hModel, hCompiled, a).score.hard).toBe(1);
    expect(encodedScore(sub, a).hard).toBe(1);
  });

  test('given an employee hired mid-horizon (position from 10 March) and a day shift on 5 March: absences cost 1 in the MIP of that day, as in the evaluator (the days before a position count)', () => {
    const hired = makeProblem({
      start: '2025-03-01',
      days: 14,
      employees: 1,
      extra: { positions: [{ id: 'p1', employeeId: 'e1', unitId: 'u1', percent: 100, weeklyHoursNorm: 35.5, start: '2025-03-10' }] },
    });
    const m = compileProblem(hired);
    const cr = compileRules(m, [{ id: 'abs', kind: 'absences', level: 'hard', params: { kinds: ['vacation'] } }]);
    const a = new Int16Array(m.days).fill(OFF);
    a[4] = 0;
    const sub = buildSubproblem(m, cr, a, { fromDay: 0, toDay: 13, hardMode: 'penalty' })!;
    expect(new IncrementalEvaluator(m, cr, a).score.hard).toBe(1);
    expect(encodedScore(sub, a).hard).toBe(1);
    a[4] = OFF;
    a[10] = 0;
    expect(new IncrementalEvaluator(m, cr, a).score.hard).toBe(0);
    expect(encodedScore(sub, a).hard).toBe(0);
  });

  test('given a horizon that starts on Sunday after a worked Saturday in the history, and Sunday off: complete weekends cost 1 in the MIP of day 0, as in the evaluator', () => {
    const sunday = makeProblem({ start: '2025-03-02', days: 14, employees: 1, extra: { history: [{ employeeId: 'e1', date: '2025-03-01', shiftTypeId: 'D' }] } });
    const m = compileProblem(sunday);
    const cr = compileRules(m, [{ id: 'complete', kind: 'completeWeekends', level: 'soft', params: {} }]);
    const a = new Int16Array(m.days).fill(OFF);
    const sub = buildSubproblem(m, cr, a, { fromDay: 0, toDay: 0 })!;
    expect(new IncrementalEvaluator(m, cr, a).score.soft).toBe(1);
    expect(encodedScore(sub, a).soft).toBe(1);
    a[0] = 0;
    expect(new IncrementalEvaluator(m, cr, a).score.soft).toBe(0);
    expect(encodedScore(sub, a).soft).toBe(0);
  });

  // A Monday start after Sundays worked in the history: Kari (e1) worked 23 February and 2 March (the
  // history's own pair, not the horizon's), Per (e2) 2 March only.
  const monday = makeProblem({
    start: '2025-03-03',
    days: 14,
    employees: 2,
    extra: {
      history: [
        { employeeId: 'e1', date: '2025-02-23', shiftTypeId: 'D' },
        { employeeId: 'e1', date: '2025-03-02', shiftTypeId: 'D' },
        { employeeId: 'e2', date: '2025-03-02', shiftTypeId: 'N' },
      ],
    },
  });
  const mModel = compileProblem(monday);
  const mRules = compileRules(mModel, [
    { id: 'sunday', kind: 'sundayHolidayOff', level: 'soft', weight: 3, params: {} },
    { id: 'weekly', kind: 'weeklyRest', level: 'soft', params: { minutes: 2100, mode: 'rolling' } },
  ]);
  const mCells = fc.array(fc.integer({ min: -1, max: mModel.options - 1 }), { minLength: mModel.employees * mModel.days, maxLength: mModel.employees * mModel.days });

  test.prop([mCells, mCells, fc.integer({ min: 0, max: 13 })], { numRuns: 60 })(
    'given a Monday start after Sundays worked in the history, the MIP and the evaluator agree on any change from day 0 (Sundays/holidays, weekly rest)',
    (base, other, toDay) => {
      const a = Int16Array.from(base);
      const b = Int16Array.from(a);
      for (let e = 0; e < 2; e++) for (let d = 0; d <= toDay; d++) b[e * mModel.days + d] = other[e * mModel.days + d]!;
      const sub = buildSubproblem(mModel, mRules, a, { fromDay: 0, toDay })!;
      expect(sub).toBeDefined();
      expectSameChange(sub, a, b, mRules);
    },
  );

  test('given that Monday start and Kari on a day shift on Sunday 9 March: the next-Sunday rule costs 1 (period 2 March, history) in the MIP as in the evaluator, 0 with 9 March off', () => {
    const a = new Int16Array(mModel.employees * mModel.days).fill(OFF);
    const day = mModel.optionShift.indexOf(mModel.shiftIndex.get('D')!);
    const sundayRule = [mRules[0]!];
    const sundayOnly = buildSubproblem(mModel, sundayRule, a, { employees: [0], fromDay: 0, toDay: 13 })!;
    expect(new IncrementalEvaluator(mModel, sundayRule, a).score.soft).toBe(0);
    expect(encodedScore(sundayOnly, a).soft).toBe(0);
    a[6] = day;
    expect(new IncrementalEvaluator(mModel, sundayRule, a).score.soft).toBe(3);
    expect(encodedScore(sundayOnly, a).soft).toBe(3);
  });

  // A custom kind on the generic pair base: no two worked days in a row on different shift types.
  class SameShift extends PairConstraint {
    pairCost(_e: number, _d: number, o1: number, o2: number): number {
      return this.model.optionShift[o1] === this.model.optionShift[o2] ? 0 : 1;
    }
  }
  class SameShiftCountedOnce extends SameShift {
    override row(e: number, a: Int16Array): number {
      return Math.min(1, super.row(e, a));
    }
  }
  const custom = (name: string, make: (m: CompiledProblem, r: Rule, s: Uint8Array) => PairConstraint) =>
    defineRuleKind({ kind: name, description: { nb: name, en: name }, unit: 'pairs', params: z.object({}), compile: (m, r, _p, s) => make(m, r, s), message: () => ({ nb: name, en: name }) });
  const catalogue = createCatalogue([
    custom('sameShift', (m, r, s) => new SameShift(m, r, s)),
    custom('sameShiftOnce', (m, r, s) => new SameShiftCountedOnce(m, r, s)),
  ] as unknown as RuleKindDefinition<never>[]);

  test.prop([hCells, hCells, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })], { numRuns: 30 })(
    'given a custom kind that only defines pairCost, the MIP encodes it and agrees with the evaluator on any change',
    (base, other, d1, d2) => {
      const cr = compileRules(hModel, [{ id: 'same', kind: 'sameShift', level: 'soft', params: {} }], catalogue);
      const [fromDay, toDay] = [Math.min(d1, d2), Math.max(d1, d2)];
      const a = Int16Array.from(base);
      const b = Int16Array.from(a);
      for (let e = 0; e < 3; e++) for (let d = fromDay; d <= toDay; d++) b[e * hModel.days + d] = other[e * hModel.days + d]!;
      const sub = buildSubproblem(hModel, cr, a, { fromDay, toDay })!;
      expect(sub).toBeDefined();
      expectSameChange(sub, a, b, cr);
    },
  );

  test('given a custom pair kind that overrides how its terms add up (row), the MIP declines (undefined)', () => {
    const cr = compileRules(hModel, [{ id: 'once', kind: 'sameShiftOnce', level: 'soft', params: {} }], catalogue);
    expect(buildSubproblem(hModel, cr, new Int16Array(hModel.employees * hModel.days).fill(OFF))).toBeUndefined();
  });
});
