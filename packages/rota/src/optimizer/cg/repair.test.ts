import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileRules } from '../../engine/compile-rules.js';
import { evaluateAssignment } from '../../engine/evaluate.js';
import { curtoisToProblem, parseCurtois } from '../../io/curtois.js';
import { compileProblem, OFF } from '../../model/compile.js';
import { makeProblem } from '../../test-fixtures/problems.js';
import { ROW_SWEEP_MIN_GAIN, repairRows } from './repair.js';

const parsed = parseCurtois(readFileSync(fileURLToPath(new URL('../../../fixtures/curtois/Instance1.txt', import.meta.url)), 'utf8'));
if (!parsed.ok) throw new Error('fixture Instance1 does not parse');
const curtois = curtoisToProblem(parsed.instance, { id: 'Instance1' });
const model = compileProblem(curtois.problem);
const compiled = compileRules(model, curtois.rules);
const { employees: E, days: D } = model;

describe('repairRows', () => {
  test('given Curtois Instance1 with everyone on every day (runs and hours over their maxima), it leaves no hard point, at the score a fresh evaluation gives', async () => {
    const all = new Int16Array(E * D).fill(0);
    const before = evaluateAssignment(model, compiled, all).score;
    expect(before.hard).toBeGreaterThan(0);
    const r = await repairRows(model, compiled, all, { timeLimitMs: 20_000 });
    expect(r.declined).toBeUndefined();
    expect(r.score.hard).toBe(0);
    expect(r.repairs).toBeGreaterThan(0);
    expect(r.attempts).toBeGreaterThanOrEqual(r.repairs);
    expect(evaluateAssignment(model, compiled, r.assignment).score).toEqual(r.score);
    // The input is not written to.
    expect(all.every((o) => o === 0)).toBe(true);
  });

  test('given a legal rota (no sweeps by default), it tries nothing and returns it as it is', async () => {
    // Instance1's hours have a minimum, so a rota of days off is not legal: repair it first.
    const start = (await repairRows(model, compiled, new Int16Array(E * D).fill(OFF), { timeLimitMs: 20_000, minSweepGain: 1 })).assignment;
    expect(evaluateAssignment(model, compiled, start).score.hard).toBe(0);
    const again = await repairRows(model, compiled, start, { timeLimitMs: 20_000 });
    expect(again).toMatchObject({ attempts: 0, repairs: 0, sweeps: 0 });
    expect(Array.from(again.assignment)).toEqual(Array.from(start));
  });

  test('given that legal rota and sweeps of week-long windows, they lower its soft points, stop once a sweep gains under 2 %, and keep it legal', async () => {
    const start = (await repairRows(model, compiled, new Int16Array(E * D).fill(OFF), { timeLimitMs: 20_000, minSweepGain: 1 })).assignment;
    const before = evaluateAssignment(model, compiled, start).score;
    const r = await repairRows(model, compiled, start, { timeLimitMs: 20_000, sweepDays: 7, minSweepGain: ROW_SWEEP_MIN_GAIN });
    expect(r.score.hard).toBe(0);
    expect(r.score.soft).toBeLessThan(before.soft);
    expect(r.sweeps).toBeGreaterThanOrEqual(2);
    // Each sweep: every employee in each window of 7 days, one starting every 3 days (5 or 6 windows over 14 days).
    expect(r.attempts % E).toBe(0);
    expect(r.attempts).toBeGreaterThanOrEqual(r.sweeps * 5 * E);
    expect(r.attempts).toBeLessThanOrEqual(r.sweeps * 6 * E);
    expect(evaluateAssignment(model, compiled, r.assignment).score).toEqual(r.score);
  });

  test('given rules without row programs, it declines with the reason and returns the rota unchanged', async () => {
    const problem = makeProblem({ start: '2025-03-03', days: 7, employees: 2 });
    const m = compileProblem(problem);
    const rules = compileRules(m, [{ id: 'w', kind: 'weeklyRest', level: 'hard', params: { minutes: 2100 } }]);
    const a = new Int16Array(m.employees * m.days).fill(0);
    const r = await repairRows(m, rules, a, { timeLimitMs: 1000 });
    expect(r.declined).toBe('w (weeklyRest): no row encoding');
    expect(r.repairs).toBe(0);
    expect(Array.from(r.assignment)).toEqual(Array.from(a));
  });

  test('given an aborted signal, it returns at once with the rota unchanged', async () => {
    const controller = new AbortController();
    controller.abort();
    const all = new Int16Array(E * D).fill(0);
    const r = await repairRows(model, compiled, all, { timeLimitMs: 20_000, signal: controller.signal });
    expect(r.repairs).toBe(0);
    expect(Array.from(r.assignment)).toEqual(Array.from(all));
  });

  test('property: from any rota of Instance1, never a worse score, hard points never more, the score a fresh evaluation gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -1, max: 0 }), { minLength: E * D, maxLength: E * D }), async (cells) => {
        const a = Int16Array.from(cells);
        const before = evaluateAssignment(model, compiled, a).score;
        const r = await repairRows(model, compiled, a, { timeLimitMs: 5_000 });
        expect(r.score.hard).toBeLessThanOrEqual(before.hard);
        if (r.score.hard === before.hard) expect(r.score.soft).toBeLessThanOrEqual(before.soft);
        expect(evaluateAssignment(model, compiled, r.assignment).score).toEqual(r.score);
      }),
      { numRuns: 15 },
    );
  });

  test('property: with a pricer that keeps one label per bucket (a heuristic that may offer a worse row) and sweeps, still never a worse score: the evaluator decides', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -1, max: 0 }), { minLength: E * D, maxLength: E * D }), fc.integer({ min: 2, max: 14 }), async (cells, sweepDays) => {
        const a = Int16Array.from(cells);
        const before = evaluateAssignment(model, compiled, a).score;
        const r = await repairRows(model, compiled, a, { timeLimitMs: 5_000, bucketCap: 1, minSweepGain: 0.001, sweepDays });
        expect(r.score.hard).toBeLessThanOrEqual(before.hard);
        if (r.score.hard === before.hard) expect(r.score.soft).toBeLessThanOrEqual(before.soft);
        expect(evaluateAssignment(model, compiled, r.assignment).score).toEqual(r.score);
      }),
      { numRuns: 15 },
    );
  });
});
