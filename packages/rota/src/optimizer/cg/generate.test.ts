import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compileRules } from '../../engine/compile-rules.js';
import { evaluateAssignment } from '../../engine/evaluate.js';
import { curtoisToProblem, parseCurtois } from '../../io/curtois.js';
import { compileProblem } from '../../model/compile.js';
import type { RuleInput } from '../../rules/rule.js';
import { makeProblem } from '../../test-fixtures/problems.js';
import { type ColumnGenerationOptions, columnGeneration } from './generate.js';
import { rowPrograms } from './rows.js';
import { columnGenerationWindows } from './windows.js';

const parsed = parseCurtois(readFileSync(fileURLToPath(new URL('../../../fixtures/curtois/Instance1.txt', import.meta.url)), 'utf8'));
if (!parsed.ok) throw new Error('fixture Instance1 does not parse');
const curtois = curtoisToProblem(parsed.instance, { id: 'Instance1' });
const model = compileProblem(curtois.problem);
const compiled = compileRules(model, curtois.rules);

/** A legal but poor rota of Instance1: column generation out of time after its first LP (each employee's row by its largest share). */
async function poorRota() {
  const poor = await columnGeneration(model, compiled, { timeLimitMs: 1 });
  if (poor.declined) throw new Error(poor.reason);
  return poor;
}

describe('rowPrograms', () => {
  test('given Curtois Instance1, a program for each of its 8 employees and the coverage rule left to the master', () => {
    const rp = rowPrograms(model, compiled);
    expect(rp.ok).toBe(true);
    if (!rp.ok) return;
    expect(rp.programs).toHaveLength(8);
    expect(rp.master.map((c) => c.rule.id)).toEqual(['curtois.cover']);
    // Every staff line of the instance bounds the minutes (min and max) and the weekends.
    for (const p of rp.programs) {
      expect(p.counters.some((c) => c.min > 0 && Number.isFinite(c.max))).toBe(true);
      expect(p.weekends?.max).toBeGreaterThanOrEqual(0);
    }
  });

  const small = makeProblem({ start: '2025-03-03', days: 14, employees: 2, extra: { demand: [{ id: 'dD', shiftTypeId: 'D', min: 1 }] } });
  const reasonFor = (rules: RuleInput[], problem = small) => {
    const m = compileProblem(problem);
    const rp = rowPrograms(m, compileRules(m, rules));
    return rp.ok ? 'ok' : rp.reason;
  };
  test.each([
    [[{ id: 'c', kind: 'shiftTypeCount', level: 'soft', params: { max: 3 } }], 'c (shiftTypeCount): a soft shiftTypeCount'],
    [[{ id: 'c', kind: 'shiftTypeCount', level: 'hard', params: { max: 3, periodDays: 7 } }], 'c (shiftTypeCount): periods shorter than the horizon'],
    [[{ id: 'w', kind: 'weeklyRest', level: 'hard', params: { minutes: 2100 } }], 'w (weeklyRest): no row encoding'],
    [[{ id: 'n', kind: 'consecutiveWorkDays', level: 'hard', params: { labels: ['night'], max: 3 } }], 'n (consecutiveWorkDays): runs of selected shifts'],
    [[{ id: 'cov', kind: 'coverage', level: 'hard', params: { target: 'min' } }], 'cov (coverage): hard coverage'],
    [[{ id: 'wk', kind: 'weekendWork', level: 'hard', params: { maxInWindow: { count: 1, window: 3 } } }], 'wk (weekendWork): weekends in windows or by time'],
    [[{ id: 'f', kind: 'fairness', level: 'soft', params: { labels: ['night'] } }], 'f (fairness): a soft fairness'],
  ] as [RuleInput[], string][])('given %j, it declines: %s', (rules, reason) => {
    expect(reasonFor(rules)).toBe(reason);
  });

  test('given a window outside the horizon, it declines with the window and the horizon', () => {
    const rp = rowPrograms(model, compiled, { base: new Int16Array(model.employees * model.days), fromDay: 10, toDay: 14 });
    expect(rp).toEqual({ ok: false, reason: 'window 10…14 outside the horizon of 14 days' });
  });

  test('given a base that works every day (over its hours), a window of days 3–5 may add no hours: its bound is 0, not below', () => {
    const base = new Int16Array(model.employees * model.days).fill(-1);
    for (let d = 0; d < model.days; d++) base[d] = 0;
    const rp = rowPrograms(model, compiled, { base, fromDay: 3, toDay: 5 });
    expect(rp.ok).toBe(true);
    if (!rp.ok) return;
    const hours = rp.programs[0]!.counters.find((c) => c.min > 0 || c.value.some((v) => v > 1))!;
    expect(hours.max).toBe(0);
    // Another employee, off everywhere: the usual bound.
    expect(rp.programs[1]!.counters.find((c) => c.value === hours.value)!.max).toBeGreaterThan(0);
  });

  test('given history before the horizon, it declines', () => {
    const withHistory = makeProblem({ start: '2025-03-03', days: 14, employees: 1, extra: { history: [{ employeeId: 'e1', date: '2025-03-02', shiftTypeId: 'N' }] } });
    expect(reasonFor([{ id: 'r', kind: 'requests', level: 'soft', params: {} }], withHistory)).toBe('history before the horizon');
  });

  test('given two minimum runs of work with different boundary rules for one employee, it declines', () => {
    expect(
      reasonFor([
        { id: 'a', kind: 'consecutiveWorkDays', level: 'hard', params: { min: 2, exemptAtBoundaries: true } },
        { id: 'b', kind: 'consecutiveWorkDays', level: 'hard', params: { min: 3, exemptAtBoundaries: false } },
      ]),
    ).toBe('b (consecutiveWorkDays): minimum runs with different boundary rules');
  });
});

describe('columnGeneration', () => {
  test('given Curtois Instance1 (optimum 607), it returns a legal rota within 2 % of it, whose soft score a fresh evaluation confirms, and a root LP no higher than that score', async () => {
    const r = await columnGeneration(model, compiled, { timeLimitMs: 20_000 });
    expect(r.declined).toBe(false);
    if (r.declined) return;
    const ev = evaluateAssignment(model, compiled, r.assignment);
    expect(ev.score.hard).toBe(0);
    expect(ev.score.soft).toBeGreaterThanOrEqual(607);
    expect(ev.score.soft).toBeLessThanOrEqual(619);
    expect(r.rootLp).toBeLessThanOrEqual(ev.score.soft + 1e-6);
    expect(r.columns).toBeGreaterThan(8);
    expect(r.rootConverged).toBe(true);
  });

  test('given Curtois Instance1 and exact pricing (the default), the root LP (558) is a bound, the rows below the gap are all enumerated, and the master MIP over them proves 607 optimal', async () => {
    const r = await columnGeneration(model, compiled, { timeLimitMs: 20_000 });
    expect(r.declined).toBe(false);
    if (r.declined) return;
    expect(r.rootLp).toBeCloseTo(558, 6);
    expect(r.enumerated?.complete).toBe(true);
    expect(r.enumerated?.rows).toBeGreaterThan(0);
    expect(r.optimal).toBe(true);
    expect(r.lowerBound).toBeCloseTo(607, 6);
    expect(evaluateAssignment(model, compiled, r.assignment).score).toEqual({ hard: 0, soft: 607 });
  });

  test('given enumerate false, or a cap of 8 labels per bucket (the root LP no longer a bound), it never claims optimal on Instance1', async () => {
    const off = await columnGeneration(model, compiled, { timeLimitMs: 20_000, enumerate: false });
    expect(off).toMatchObject({ declined: false, optimal: false, lowerBound: expect.closeTo(558, 6) });
    expect(off.declined === false && off.enumerated).toBeUndefined();
    const capped = await columnGeneration(model, compiled, { timeLimitMs: 20_000, bucketCap: 8 });
    expect(capped).toMatchObject({ declined: false, optimal: false });
    expect(capped.declined === false && capped.lowerBound).toBeUndefined();
  });

  test('given dual smoothing 0 or 0.5, the root reaches the same LP value (the optimum does not depend on the prices the rows were found with)', async () => {
    const values: number[] = [];
    for (const smoothing of [0, 0.5]) {
      const r = await columnGeneration(model, compiled, { timeLimitMs: 20_000, smoothing });
      expect(r.declined).toBe(false);
      if (r.declined) return;
      expect(r.rootConverged).toBe(true);
      values.push(r.rootLp);
    }
    expect(values[1]).toBeCloseTo(values[0]!, 6);
  });

  test('given the dive by rows, by whole cells only with one round per step and one row per round, or four dives (two with noise, seed 7), the rota is legal and within 5 % of the optimum (607)', async () => {
    const variants: ColumnGenerationOptions[] = [
      { timeLimitMs: 20_000, dive: 'rows' },
      { timeLimitMs: 20_000, dives: 4, seed: 7 },
      { timeLimitMs: 20_000, diveCellShare: 1, diveRounds: 1, rowsPerRound: 1 },
    ];
    for (const options of variants) {
      const r = await columnGeneration(model, compiled, options);
      expect(r.declined).toBe(false);
      if (r.declined) return;
      const ev = evaluateAssignment(model, compiled, r.assignment);
      expect(ev.score.hard).toBe(0);
      expect(ev.score.soft).toBeLessThanOrEqual(637);
    }
  });

  test('given smoothing 1 or −0.1, diveCellShare 0, diveStep 1.5, diveRounds 0.5, dives 0, rowsPerRound 0 or dive "employees": OPTION_INVALID naming the option', async () => {
    for (const [name, value] of [
      ['dive', 'employees'],
      ['smoothing', 1],
      ['smoothing', -0.1],
      ['diveCellShare', 0],
      ['diveStep', 1.5],
      ['diveRounds', 0.5],
      ['dives', 0],
      ['rowsPerRound', 0],
    ] as const) {
      await expect(columnGeneration(model, compiled, { timeLimitMs: 1000, [name]: value })).rejects.toMatchObject({
        code: 'OPTION_INVALID',
        message: expect.stringContaining(`${name} must be`),
      });
    }
  });

  test('given pinned cells (a day off and two shifts), the rota keeps them and stays legal', async () => {
    const [e0, e1] = curtois.problem.employees.map((e) => e.id);
    const d = (i: number) => model.dates[i]!;
    const shift = curtois.problem.shiftTypes[0]!.id;
    const pinned = [
      { employeeId: e0!, date: d(2), shiftTypeId: null },
      { employeeId: e0!, date: d(3), shiftTypeId: shift },
      { employeeId: e1!, date: d(10), shiftTypeId: shift },
    ];
    const m = compileProblem(curtois.problem, { pinned });
    const c = compileRules(m, curtois.rules);
    const r = await columnGeneration(m, c, { timeLimitMs: 20_000 });
    expect(r.declined).toBe(false);
    if (r.declined) return;
    expect(evaluateAssignment(m, c, r.assignment).score.hard).toBe(0);
    for (const p of pinned) {
      const k = m.employeeIndex.get(p.employeeId)! * m.days + m.dates.indexOf(p.date);
      expect(r.assignment[k]).toBe(m.pinned[k]);
    }
  });

  test('given an aborted signal, it declines at once (no employee has a row yet); given 1 ms, a legal rota (one row per employee)', async () => {
    const controller = new AbortController();
    controller.abort();
    const t = performance.now();
    expect(await columnGeneration(model, compiled, { timeLimitMs: 20_000, signal: controller.signal })).toEqual({ declined: true, reason: 'aborted' });
    expect(performance.now() - t).toBeLessThan(2000);
    const r = await columnGeneration(model, compiled, { timeLimitMs: 1 });
    expect(r.declined).toBe(false);
    if (r.declined) return;
    expect(r.rootConverged).toBe(false);
    expect(evaluateAssignment(model, compiled, r.assignment).score.hard).toBe(0);
  });

  test('given a rule it cannot express, it declines with the reason', async () => {
    const rules: RuleInput[] = [...curtois.rules, { id: 'weekly', kind: 'weeklyRest', level: 'hard', params: { minutes: 2100 } }];
    const r = await columnGeneration(model, compileRules(model, rules), { timeLimitMs: 1000 });
    expect(r).toEqual({ declined: true, reason: 'weekly (weeklyRest): no row encoding' });
  });

  test('given a poor legal rota and a window of days 4–10, the rota it returns keeps every cell outside the window, is legal and scores better', async () => {
    const poor = await poorRota();
    const before = evaluateAssignment(model, compiled, poor.assignment).score;
    expect(before.hard).toBe(0);
    const r = await columnGeneration(model, compiled, { timeLimitMs: 10_000, window: { base: poor.assignment, fromDay: 4, toDay: 10 } });
    expect(r.declined).toBe(false);
    if (r.declined) return;
    for (let e = 0; e < model.employees; e++) {
      for (let d = 0; d < model.days; d++) if (d < 4 || d > 10) expect(r.assignment[e * model.days + d]).toBe(poor.assignment[e * model.days + d]);
    }
    const after = evaluateAssignment(model, compiled, r.assignment).score;
    expect(after.hard).toBe(0);
    expect(after.soft).toBeLessThan(before.soft);
  });

  test('given a base whose window breaks a hard rule (one employee on every day of it), the window mends it: legal, and the cells outside the window kept', async () => {
    const legal = await poorRota();
    const broken = Int16Array.from(legal.assignment);
    for (let d = 3; d <= 11; d++) broken[d] = 0;
    expect(evaluateAssignment(model, compiled, broken).score.hard).toBeGreaterThan(0);
    const r = await columnGeneration(model, compiled, { timeLimitMs: 10_000, window: { base: broken, fromDay: 3, toDay: 11 } });
    if (r.declined) throw new Error(r.reason);
    expect(evaluateAssignment(model, compiled, r.assignment).score.hard).toBe(0);
    for (let e = 0; e < model.employees; e++) for (const d of [0, 1, 2, 12, 13]) expect(r.assignment[e * model.days + d]).toBe(broken[e * model.days + d]);
  });
});

describe('columnGeneration over two ranges of days', () => {
  test('given a poor legal rota and the free days 1–3 and 9–11, the rota keeps days 4–8 and the rest as they were, is legal and no worse', async () => {
    const poor = await poorRota();
    const before = evaluateAssignment(model, compiled, poor.assignment).score;
    const free = [1, 2, 3, 9, 10, 11];
    const r = await columnGeneration(model, compiled, { timeLimitMs: 10_000, window: { base: poor.assignment, fromDay: 1, toDay: 11, days: free } });
    if (r.declined) throw new Error(r.reason);
    for (let e = 0; e < model.employees; e++) {
      for (let d = 0; d < model.days; d++) if (!free.includes(d)) expect(r.assignment[e * model.days + d]).toBe(poor.assignment[e * model.days + d]);
    }
    const after = evaluateAssignment(model, compiled, r.assignment).score;
    expect(after.hard).toBe(0);
    expect(after.soft).toBeLessThan(before.soft);
  });
});

describe('columnGenerationWindows', () => {
  test('given a poor legal rota of Curtois Instance1, week-long windows bring it within 5 % of the optimum (607), at the score a fresh evaluation gives', { timeout: 30_000 }, async () => {
    const poor = await poorRota();
    const before = evaluateAssignment(model, compiled, poor.assignment).score;
    const improved: number[] = [];
    const r = await columnGenerationWindows(model, compiled, poor.assignment, { timeLimitMs: 8000, windowDays: 7, windowTimeMs: 1500, seed: 1, onImprove: (_a, s) => improved.push(s.soft) });
    expect(r.declined).toBeUndefined();
    expect(r.windows).toBeGreaterThan(1);
    expect(r.improvements).toBe(improved.length);
    const ev = evaluateAssignment(model, compiled, r.assignment).score;
    expect(ev).toEqual(r.score);
    expect(ev.hard).toBe(0);
    expect(before.soft).toBeGreaterThan(640);
    expect(ev.soft).toBeLessThanOrEqual(637);
    expect(r.windowDays).toBeGreaterThan(7);
  });

  test('given pairShare NaN or 1.5, windowDays 0 or 2.5, or windowTimeMs 0: OPTION_INVALID naming the option, before any window', async () => {
    const a = new Int16Array(model.employees * model.days).fill(-1);
    const wrong: [string, number][] = [
      ['pairShare', Number.NaN],
      ['pairShare', 1.5],
      ['windowDays', 0],
      ['windowDays', 2.5],
      ['windowTimeMs', 0],
    ];
    for (const [name, value] of wrong) {
      await expect(columnGenerationWindows(model, compiled, a, { timeLimitMs: 2000, seed: 1, [name]: value })).rejects.toMatchObject({
        code: 'OPTION_INVALID',
        message: expect.stringContaining(`${name} must be`),
      });
    }
  });

  test('given a rule it cannot express, it declines with the reason and returns the input', async () => {
    const rules: RuleInput[] = [...curtois.rules, { id: 'weekly', kind: 'weeklyRest', level: 'hard', params: { minutes: 2100 } }];
    const a = new Int16Array(model.employees * model.days).fill(-1);
    const r = await columnGenerationWindows(model, compileRules(model, rules), a, { timeLimitMs: 2000, seed: 1 });
    expect(r.declined).toBe('weekly (weeklyRest): no row encoding');
    expect(r.assignment).toEqual(a);
    expect(r.windows).toBe(0);
  });
});
