import { describe, expect, test } from 'vitest';
import { assignmentFromRota } from '../model/assignment.js';
import { compileProblem, OFF } from '../model/compile.js';
import { amlChapter10 } from '../presets/aml.js';
import { coreRules } from '../presets/core.js';
import { combineRules, ksTurnus } from '../presets/ks.js';
import { makeProblem, rota } from '../test-fixtures/problems.js';
import { compileRules } from './compile-rules.js';
import { evaluateAssignment } from './evaluate.js';
import { IncrementalEvaluator } from './incremental.js';

// Two weeks, three employees, all presets: rules with state in every shape (windows, runs, cover, weekends).
const p = makeProblem({ start: '2025-03-03', days: 14, employees: 3, extra: { demand: [{ shiftTypeId: 'D', min: 1, preferred: 2 }] } });
const rules = combineRules(coreRules(), amlChapter10(), ksTurnus());
const model = compileProblem(p);
const A = assignmentFromRota(model, rota(p, { e1: 'D D K K - - D D D N N - - -', e2: '- - D D D D D - - K K K - -', e3: 'N N - - D D - K - - D D D D' }));
const B = assignmentFromRota(model, rota(p, { e1: '- - - - D D D D D D D - - -', e2: 'K K K K - - - D D D - - D D', e3: '- - N N N - - - - - - - K K' }));

const fresh = (a: Int16Array) => new IncrementalEvaluator(model, rules, a).score;
/** Scores agree up to float rounding (fairness sums squares of fractional shares). */
function expectScore(actual: { hard: number; soft: number }, expected: { hard: number; soft: number }) {
  expect(actual.hard).toBeCloseTo(expected.hard, 9);
  expect(actual.soft).toBeCloseTo(expected.soft, 9);
}

describe('IncrementalEvaluator', () => {
  test('given a set and its undo, the score returns exactly to where it was', () => {
    const inc = new IncrementalEvaluator(model, rules, A);
    const before = inc.score;
    const old = inc.get(1, 5);
    inc.set(1, 5, OFF);
    expectScore(inc.score, fresh(inc.assignment));
    inc.set(1, 5, old);
    expectScore(inc.score, before);
  });

  test('given a block swap, the score equals a fresh evaluation of the swapped rota', () => {
    const inc = new IncrementalEvaluator(model, rules, A);
    inc.swap(0, 2, 3, 4);
    expectScore(inc.score, fresh(inc.assignment));
    expect(Array.from(inc.assignment.slice(3, 7))).toEqual(Array.from(A.slice(2 * 14 + 3, 2 * 14 + 7)));
  });

  test('given compiled rules shared with a second evaluator (or evaluateAssignment) on another rota, the first stays correct', () => {
    const compiled = compileRules(model, rules);
    const first = new IncrementalEvaluator(model, compiled, A);
    // Both re-initialise the shared constraints' state for rota B.
    const second = new IncrementalEvaluator(model, compiled, B);
    evaluateAssignment(model, compiled, B);
    for (const [e, d, o] of [
      [0, 4, 0],
      [1, 0, OFF],
      [2, 9, 1],
      [0, 12, 2],
    ] as const) {
      first.set(e, d, o);
      expectScore(first.score, fresh(first.assignment));
    }
    second.set(2, 2, OFF);
    expectScore(second.score, fresh(second.assignment));
    first.set(2, 2, OFF);
    expectScore(first.score, fresh(first.assignment));
  });
});
