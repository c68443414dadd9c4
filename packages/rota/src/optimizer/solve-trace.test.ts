import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { curtoisToProblem, parseCurtois } from '../io/curtois.js';
import { defaultCatalogue } from '../kinds/catalogue.js';
import { repairHighsOptions, type SolveOptions, solve } from './solve.js';

const parsed = parseCurtois(readFileSync(fileURLToPath(new URL('../../fixtures/curtois/Instance1.txt', import.meta.url)), 'utf8'));
if (!parsed.ok) throw new Error('fixture Instance1 does not parse');
const { problem, rules } = curtoisToProblem(parsed.instance, { id: 'Instance1' });

describe('solve trace', () => {
  test.each(['off', 'auto'] as const)(
    'given Instance1 for 1.5 s (MIP %s), the trace runs forward in time within the run, each point no worse than the one before, and ends at the result',
    async (mip) => {
      const result = await solve(problem, rules, { timeLimitMs: 1_500, seed: 5, mip });
      const t = result.trace;
      for (let i = 1; i < t.length; i++) {
        expect(t[i]!.ms).toBeGreaterThanOrEqual(t[i - 1]!.ms);
        expect(t[i]!.hard < t[i - 1]!.hard || (t[i]!.hard === t[i - 1]!.hard && t[i]!.soft <= t[i - 1]!.soft)).toBe(true);
      }
      expect(t.at(-1)!.ms).toBeLessThanOrEqual(result.elapsedMs);
      expect(result.elapsedMs).toBeLessThan(1_500 + 500);
      expect([t.at(-1)!.hard, t.at(-1)!.soft]).toEqual([result.score.hard, result.score.soft]);
    },
  );
});

/** Instance1 stretched to six weeks: cover repeated, contract limits and weekends three times over. */
function sixWeeks(text: string): string {
  return text
    .replace(/(SECTION_HORIZON\n(?:#.*\n)*)14\n/, (_m, head: string) => `${head}42\n`)
    .replace(/^([A-H]),D=14,4320,3360,5,2,2,1$/gm, '$1,D=42,12960,10080,5,2,2,3')
    .replace(/^(\d+),D,(\d+),100,1$/gm, (_m, d: string, n: string) => [0, 14, 28].map((k) => `${Number(d) + k},D,${n},100,1`).join('\n'));
}

describe('solve phases', () => {
  const names = (r: { phases: { name: string }[] }) => r.phases.map((p) => p.name);
  const wellFormed = (r: Awaited<ReturnType<typeof solve>>) => {
    let last = 0;
    for (const p of r.phases) {
      expect(p.startMs).toBeGreaterThanOrEqual(last - 1e-6);
      expect(p.endMs).toBeGreaterThanOrEqual(p.startMs);
      last = p.endMs;
      if (p.name !== 'construction' && p.name !== 'columnGeneration') {
        expect(p.after.hard < p.before.hard || (p.after.hard === p.before.hard && p.after.soft <= p.before.soft + 1e-9)).toBe(true);
      }
    }
    expect(last).toBeLessThanOrEqual(r.elapsedMs);
    expect(r.phases.at(-1)!.after).toEqual(r.score);
  };

  test('given Instance1 (14 days) for 3 s without MIP: construction, local search, then the last tenth, each after no worse than its before, the last ending at the result', async () => {
    const r = await solve(problem, rules, { timeLimitMs: 3_000, seed: 5, mip: 'off' });
    expect(names(r).slice(0, 2)).toEqual(['construction', 'localSearch']);
    expect(names(r).at(-1)).toBe('finalSearch');
    wellFormed(r);
  });

  test('given Instance1 stretched to 42 days: column generation, then windows, then MIP repairs; with columnGenerationWindowShare 0 no windows; on 14 days none either', async () => {
    const text = readFileSync(fileURLToPath(new URL('../../fixtures/curtois/Instance1.txt', import.meta.url)), 'utf8');
    const long = parseCurtois(sixWeeks(text));
    if (!long.ok) throw new Error('the six-week Instance1 does not parse');
    const six = curtoisToProblem(long.instance, { id: 'Instance1x3' });
    expect(six.problem.horizon.days).toBe(42);
    // Without the enumeration, which proves this one optimal before the windows.
    const withWindows = await solve(six.problem, six.rules, { timeLimitMs: 6_000, seed: 1, columnGenerationEnumerate: false });
    expect(names(withWindows).slice(0, 4)).toEqual(['construction', 'columnGeneration', 'windows', 'mipRepair']);
    wellFormed(withWindows);
    const without = await solve(six.problem, six.rules, { timeLimitMs: 3_000, seed: 1, columnGenerationWindowShare: 0, columnGenerationEnumerate: false });
    expect(names(without).slice(0, 3)).toEqual(['construction', 'columnGeneration', 'mipRepair']);
    const short = await solve(problem, rules, { timeLimitMs: 1_500, seed: 1 });
    expect(names(short)).not.toContain('windows');
    expect(names(short).slice(0, 2)).toEqual(['construction', 'columnGeneration']);
  }, 30_000);
});

describe('solve with workers (portfolio in worker threads)', () => {
  const bounded = { timeLimitMs: 60_000, maxIterations: 30_000, mip: 'off' } as const;

  test('given 2 workers and an iteration bound, the result is the better of the single-thread runs with seeds 11 and 12, and repeats exactly', async () => {
    const [a, b] = [await solve(problem, rules, { ...bounded, seed: 11 }), await solve(problem, rules, { ...bounded, seed: 12 })];
    const better = a.score.hard < b.score.hard || (a.score.hard === b.score.hard && a.score.soft <= b.score.soft) ? a : b;
    const portfolio = await solve(problem, rules, { ...bounded, seed: 11, workers: 2 });
    expect(portfolio.rota.cells).toEqual(better.rota.cells);
    expect(portfolio.score).toEqual(better.score);
    expect(portfolio.iterations).toBe(a.iterations + b.iterations);
    expect(portfolio.phases[0]!.name).toBe('portfolio');
    expect(portfolio.phases.slice(1).map((p) => p.name)).toEqual(better.phases.map((p) => p.name));
    expect(portfolio.phases[0]!.after).toEqual(better.score);
    const again = await solve(problem, rules, { ...bounded, seed: 11, workers: 2 });
    expect(again.rota.cells).toEqual(portfolio.rota.cells);
  }, 60_000);

  test.each([['auto'], ['off']] as const)('given an abort once the workers report progress (column generation %s), a 60 s portfolio run returns its best so far within about a second', async (cg) => {
    const controller = new AbortController();
    let abortedAt = 0;
    const result = await solve(problem, rules, {
      timeLimitMs: 60_000,
      seed: 3,
      workers: 2,
      columnGeneration: cg,
      signal: controller.signal,
      onProgress: (p) => {
        if (abortedAt === 0 && (cg === 'auto' || p.iterations > 0)) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    expect(abortedAt).toBeGreaterThan(0);
    expect(performance.now() - abortedAt).toBeLessThan(1_500);
    expect(result.stoppedBy).toBe('abort');
    expect(result.feasible).toBe(true);
  }, 30_000);

  test('given workers 0 or 1.5: OPTION_INVALID; given a custom catalogue with 2 workers: WORKERS_UNSUPPORTED', async () => {
    await expect(solve(problem, rules, { timeLimitMs: 100, seed: 1, workers: 0 })).rejects.toMatchObject({ code: 'OPTION_INVALID' });
    await expect(solve(problem, rules, { timeLimitMs: 100, seed: 1, workers: 1.5 })).rejects.toMatchObject({ code: 'OPTION_INVALID' });
    await expect(solve(problem, rules, { timeLimitMs: 100, seed: 1, workers: 2, catalogue: defaultCatalogue })).rejects.toMatchObject({ code: 'WORKERS_UNSUPPORTED' });
  });

  test('given columnGenerationWindowShare or columnGenerationWindowPairShare −0.1 or 1.5, columnGenerationMaxDays −1 or NaN, columnGenerationWindowDays 0 or 3.5, or mipCellBudget 0.5, NaN or Infinity: OPTION_INVALID naming it, before any search', async () => {
    const wrong: [keyof SolveOptions, number][] = [
      ['columnGenerationWindowShare', -0.1],
      ['columnGenerationWindowShare', 1.5],
      ['columnGenerationWindowPairShare', -0.1],
      ['columnGenerationWindowPairShare', 1.5],
      ['columnGenerationMaxDays', -1],
      ['columnGenerationMaxDays', Number.NaN],
      ['columnGenerationWindowDays', 0],
      ['columnGenerationWindowDays', 3.5],
      ['mipCellBudget', 0.5],
      ['mipCellBudget', Number.NaN],
      ['mipCellBudget', Number.POSITIVE_INFINITY],
    ];
    for (const [name, value] of wrong) {
      const t = performance.now();
      await expect(solve(problem, rules, { timeLimitMs: 5000, seed: 1, [name]: value })).rejects.toMatchObject({ code: 'OPTION_INVALID', message: expect.stringContaining(name) });
      expect(performance.now() - t).toBeLessThan(1000);
    }
  });
});

describe('solve with highsOptions', () => {
  test('given 181 days: no HiGHS options of its own; given 182 or 364: mip_heuristic_effort 0.3; the caller\'s options win and add', () => {
    expect(repairHighsOptions(28)).toEqual({});
    expect(repairHighsOptions(181)).toEqual({});
    expect(repairHighsOptions(182)).toEqual({ mip_heuristic_effort: 0.3 });
    expect(repairHighsOptions(364, { mip_heuristic_effort: 0.05 })).toEqual({ mip_heuristic_effort: 0.05 });
    expect(repairHighsOptions(364, { presolve: 'off' })).toEqual({ mip_heuristic_effort: 0.3, presolve: 'off' });
    expect(repairHighsOptions(28, { presolve: 'off' })).toEqual({ presolve: 'off' });
  });

  test('given an unknown HiGHS option, a wrong value, one the repair sets itself or one the WebAssembly build lacks: OPTION_INVALID naming each', async () => {
    const rejected = solve(problem, rules, { timeLimitMs: 1_000, seed: 1, highsOptions: { no_such_option: 1, mip_heuristic_effort: 7, time_limit: 5, threads: 2 } });
    await expect(rejected).rejects.toMatchObject({ code: 'OPTION_INVALID' });
    const message = await rejected.catch((e: Error) => e.message);
    expect(message).toContain('no_such_option = 1: HiGHS rejects it');
    expect(message).toContain('mip_heuristic_effort = 7: HiGHS rejects it');
    expect(message).toContain('time_limit: set by each repair itself');
    expect(message).toContain("threads = 2: Option 'threads' is not supported");
  }, 30_000);

  test('given mipCellBudget 30 on Instance1 for 1.5 s without column generation, the MIP repairs run and the rota is legal and its score a fresh evaluation', async () => {
    const result = await solve(problem, rules, { timeLimitMs: 1_500, seed: 2, mipCellBudget: 30, columnGeneration: 'off' });
    expect(result.feasible).toBe(true);
    expect(result.score).toEqual(result.evaluation.score);
    expect(result.phases.some((p) => p.name === 'mipRepair')).toBe(true);
  }, 30_000);

  test('given mip_heuristic_effort 0.3 on Instance1 for 1.5 s, the rota is legal and its score a fresh evaluation', async () => {
    const result = await solve(problem, rules, { timeLimitMs: 1_500, seed: 2, highsOptions: { mip_heuristic_effort: 0.3 } });
    expect(result.feasible).toBe(true);
    expect(result.score).toEqual(result.evaluation.score);
  }, 30_000);
});
