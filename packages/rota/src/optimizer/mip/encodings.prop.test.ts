import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compileRules } from '../../engine/compile-rules.js';
import { IncrementalEvaluator } from '../../engine/incremental.js';
import { compileProblem } from '../../model/compile.js';
import type { RuleInput } from '../../rules/rule.js';
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
];

const model = compileProblem(problem);
const compiled = compileRules(model, rules);
const cellsArb = fc.array(fc.integer({ min: -1, max: model.options - 1 }), { minLength: model.employees * model.days, maxLength: model.employees * model.days });

/** The MIP's score changes from `a` to `b` exactly as the evaluator's does (hard with slack, soft). */
function expectSameChange(sub: Subproblem, a: Int16Array, b: Int16Array): void {
  const encA = encodedScore(sub, a);
  const encB = encodedScore(sub, b);
  const evA = new IncrementalEvaluator(model, compiled, a).score;
  const evB = new IncrementalEvaluator(model, compiled, b).score;
  expect(encB.hard - encA.hard).toBeCloseTo(evB.hard - evA.hard, 6);
  expect(encB.soft - encA.soft).toBeCloseTo(evB.soft - evA.soft, 6);
}

describe('MIP encodings', () => {
  test.prop([cellsArb, fc.constantFrom<'constraint' | 'penalty'>('constraint', 'penalty')], { numRuns: 60 })(
    'given any rota, the whole-problem MIP scores it as the evaluator: soft exactly; hard exactly with slack, legal iff legal with constraints',
    (cells, hardMode) => {
      const a = Int16Array.from(cells);
      const sub = buildSubproblem(model, compiled, a, { hardMode })!;
      expect(sub).toBeDefined();
      const enc = encodedScore(sub, a);
      const ev = new IncrementalEvaluator(model, compiled, a).score;
      if (hardMode === 'penalty') expect(enc.hard).toBeCloseTo(ev.hard, 6);
      else expect(enc.hard === 0).toBe(ev.hard === 0);
      expect(enc.soft).toBeCloseTo(ev.soft, 6);
    },
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

  test.each(['minRestBetweenShifts', 'weeklyRest', 'fairness'])('given a rule of kind %s, which has no encoding, the MIP declines (undefined)', (kind) => {
    const params = kind === 'minRestBetweenShifts' ? { minutes: 660 } : kind === 'weeklyRest' ? { minutes: 2100 } : {};
    const withExtra = compileRules(model, [...rules, { id: 'extra', kind, level: 'hard', params }]);
    expect(buildSubproblem(model, withExtra, new Int16Array(model.employees * model.days).fill(-1))).toBeUndefined();
  });
});
