import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compileRules } from '../../engine/compile-rules.js';
import { evaluate } from '../../engine/evaluate.js';
import { compareScores, IncrementalEvaluator } from '../../engine/incremental.js';
import { curtoisToProblem, parseCurtois } from '../../io/curtois.js';
import { rotaFromAssignment } from '../../model/assignment.js';
import { compileProblem } from '../../model/compile.js';
import { constructGreedy, fixedCells, pinnedStart } from '../construct.js';
import { Random } from '../random.js';
import { checkHighsOptions } from './highs.js';
import { buildSubproblem, encodedScore } from './model.js';
import { mipRepair, mipRepairDetailed, solveExact } from './repair.js';

const text = readFileSync(fileURLToPath(new URL('../../../fixtures/curtois/Instance1.txt', import.meta.url)), 'utf8');
const parsed = parseCurtois(text);
if (!parsed.ok) throw new Error('fixture Instance1 does not parse');
const { problem, rules } = curtoisToProblem(parsed.instance, { id: 'Instance1' });
const model = compileProblem(problem);
const compiled = compileRules(model, rules);
const greedy = constructGreedy(model, fixedCells(model), pinnedStart(model));

describe('solveExact', () => {
  test('given Curtois Instance1, it reaches the optimum 607 with hard 0 under evaluate, and the MIP objective equals the score', { timeout: 60_000 }, async () => {
    const r = await solveExact(model, compiled, { timeLimitMs: 50_000 });
    expect(r).toBeDefined();
    const check = evaluate(problem, rotaFromAssignment(model, r!.assignment), rules);
    expect(check.score).toEqual({ hard: 0, soft: 607 });
    expect(r!.score).toEqual({ hard: 0, soft: 607 });
    expect(r!.objective).toBeCloseTo(607, 6);
    expect(r!.optimal).toBe(true);
    // The whole-problem MIP scores the solution exactly as the evaluator.
    const sub = buildSubproblem(model, compiled, r!.assignment)!;
    expect(encodedScore(sub, r!.assignment).soft).toBeCloseTo(607, 6);
    // A repair of the whole problem from the optimum proves it: nothing better, and a soft bound of
    // 607 in the evaluator's terms (the MIP's bound plus the terms it does not see); so does one of
    // an employee's first week, whose own optimum is the same rota.
    const whole = await mipRepairDetailed(model, compiled, r!.assignment, { timeLimitMs: 30_000 });
    expect(whole).toMatchObject({ status: 'optimal', reason: 'notBetter', after: { hard: 0, soft: 607 } });
    expect(whole.softBound).toBeCloseTo(607, 4);
    const part = await mipRepairDetailed(model, compiled, r!.assignment, { employees: [0], fromDay: 0, toDay: 6, timeLimitMs: 30_000 });
    expect(part.status).toBe('optimal');
    expect(part.softBound).toBeCloseTo(607, 4);
  });

  test.each([300, 1500])('given an abort %i ms into a long solve, it stops within 200 ms of it, and the next job is solved (by a new worker when the old one was ended)', { timeout: 30_000 }, async (after) => {
    const ac = new AbortController();
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = performance.now();
      ac.abort();
    }, after);
    const r = await solveExact(model, compiled, { timeLimitMs: 25_000, signal: ac.signal });
    // (HiGHS may prove the optimum first, in about a second or in 10–30 s: then there was no abort to see.)
    if (abortedAt > 0) expect(performance.now() - abortedAt).toBeLessThan(200);
    else expect(r?.optimal).toBe(true);
    expect(await checkHighsOptions({ mip_heuristic_effort: 0.1 })).toEqual([]);
  });
});

describe('mipRepair', () => {
  test('given random neighbourhoods of a greedy Instance1 rota, a repair is never worse under a fresh evaluation, leaves the other cells alone, and improves at least once', { timeout: 30_000 }, async () => {
    const rng = new Random(11);
    let a = greedy;
    let improved = 0;
    for (let i = 0; i < 6; i++) {
      const fromDay = rng.int(10);
      const employees = [rng.int(8), rng.int(8), rng.int(8)];
      const before = new IncrementalEvaluator(model, compiled, a).score;
      const out = await mipRepairDetailed(model, compiled, a, { employees, fromDay, toDay: fromDay + 4, timeLimitMs: 5000 });
      expect(out.before).toEqual(before);
      expect(out.reason === undefined || out.reason === 'notBetter').toBe(true);
      if (!out.assignment) continue;
      const fresh = evaluate(problem, rotaFromAssignment(model, out.assignment), rules).score;
      expect(fresh).toEqual(out.after);
      expect(compareScores(fresh, before)).toBeLessThanOrEqual(0);
      if (compareScores(fresh, before) < 0) improved++;
      // Cells outside the neighbourhood never move.
      out.assignment.forEach((v, k) => {
        const e = Math.floor(k / model.days);
        const d = k % model.days;
        if (!employees.includes(e) || d < fromDay || d > fromDay + 4) expect(v).toBe(a[k]);
      });
      a = out.assignment;
    }
    expect(improved).toBeGreaterThan(0);
  });

  test('given an illegal start, hard rules enter as weighted slack and the repair lowers the hard score', { timeout: 30_000 }, async () => {
    // Everyone works every day: breaks days off, run lengths and hours.
    const all = new Int16Array(model.employees * model.days).fill(0);
    const before = new IncrementalEvaluator(model, compiled, all).score;
    expect(before.hard).toBeGreaterThan(0);
    const out = await mipRepair(model, compiled, all, { employees: [0, 1], timeLimitMs: 5000 });
    expect(out).toBeDefined();
    const after = evaluate(problem, rotaFromAssignment(model, out!), rules).score;
    expect(after.hard).toBeLessThan(before.hard);
  });

  test('given a rule without an encoding (weekly rest counted in minutes short), it declines: undefined, reason declined, input untouched', async () => {
    const withRest = compileRules(model, [...rules, { id: 'rest', kind: 'weeklyRest', level: 'hard', params: { minutes: 2100, penalty: 'minutes' } }]);
    const copy = Int16Array.from(greedy);
    const out = await mipRepairDetailed(model, withRest, copy, { employees: [0], timeLimitMs: 1000 });
    expect(out.assignment).toBeUndefined();
    expect(out.reason).toBe('declined');
    expect(copy).toEqual(greedy);
    expect(await solveExact(model, withRest, { timeLimitMs: 1000 })).toBeUndefined();
  });

  test('given an aborted signal, it returns at once without a result', async () => {
    const ac = new AbortController();
    ac.abort();
    const t0 = performance.now();
    const out = await mipRepairDetailed(model, compiled, greedy, { timeLimitMs: 30_000, signal: ac.signal });
    expect(out.assignment).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
