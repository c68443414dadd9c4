/**
 * A large-neighbourhood search made of MIP repairs: neighbourhoods in turn — all employees over a
 * window of days, a few employees over the whole horizon, twice as many over twice the window — each
 * re-optimised by {@link mipRepairDetailed} and kept when the evaluator finds it no worse.
 */
import type { CompiledRule } from '../../engine/compile-rules.js';
import { compareScores, IncrementalEvaluator, type Score } from '../../engine/incremental.js';
import type { Assignment } from '../../model/assignment.js';
import type { CompiledProblem } from '../../model/compile.js';
import { Random } from '../random.js';
import { mipRepairDetailed } from './repair.js';

/** Options of {@link mipLns}. */
export interface MipLnsOptions {
  /** Total time for the whole loop, milliseconds. */
  timeLimitMs: number;
  /** Time limit of one repair (default 2000 ms). */
  repairTimeLimitMs?: number;
  /**
   * Free cells per neighbourhood to start with, roughly (default 120: e.g. 16 employees × 7 days). It
   * adapts: it grows by a tenth after a neighbourhood solved to optimality without improvement (the
   * neighbourhood was too small to escape), up to three times its start, and shrinks by a sixth after one
   * that hit its time limit.
   */
  cellBudget?: number;
  /** Seed of the neighbourhood choice. */
  seed: number;
  /** Stop once the score is at least this good. */
  targetScore?: Score;
  /** Stop after this many repairs; with a node limit in `highsOptions` and no binding time limit, a run is repeatable. */
  maxRepairs?: number;
  /** Abort: stops the current repair and returns the best so far. */
  signal?: AbortSignal;
  /** Called after every strict improvement with the new best. */
  onImprove?: (assignment: Assignment, score: Score) => void;
  /** Further HiGHS options for every repair (e.g. `{ mip_max_nodes: 500 }` for repeatable runs). */
  highsOptions?: Readonly<Record<string, number | string | boolean>>;
}

/** The result of {@link mipLns}. */
export interface MipLnsResult {
  /** The best assignment (the input when nothing better was found). */
  assignment: Assignment;
  /** Its score under the evaluator. */
  score: Score;
  /** Repairs run. */
  repairs: number;
  /** Repairs that improved the score strictly. */
  improvements: number;
  /** True when the rules have a kind without MIP encoding: nothing was tried. */
  declined: boolean;
}

/** One neighbourhood: free employees and days. */
export interface Neighbourhood {
  /** Free employees. */
  employees: number[];
  /** First free day. */
  fromDay: number;
  /** Last free day (inclusive). */
  toDay: number;
}

/** The i-th neighbourhood of the cycle for a problem of E employees × D days. */
export function neighbourhood(i: number, employees: number, days: number, budget: number, rng: Random): Neighbourhood {
  const order = Array.from({ length: employees }, (_, e) => e);
  for (let j = order.length - 1; j > 0; j--) {
    const t = rng.int(j + 1);
    [order[j], order[t]] = [order[t]!, order[j]!];
  }
  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
  const mode = i % 3;
  if (mode === 1) {
    const k = clamp(Math.floor(budget / days), 2, employees);
    return { employees: order.slice(0, k).sort((a, b) => a - b), fromDay: 0, toDay: days - 1 };
  }
  const share = mode === 0 ? employees : clamp(Math.floor(employees / 2), 2, employees);
  const span = clamp(Math.floor(budget / share), Math.min(days, 3), days);
  const fromDay = rng.int(Math.max(1, days - span + 1));
  return { employees: order.slice(0, share).sort((a, b) => a - b), fromDay, toDay: fromDay + span - 1 };
}

/**
 * Improve an assignment by MIP repairs of neighbourhoods until the time limit, the target or an abort.
 * Every accepted step is verified by the incremental evaluator (see {@link mipRepairDetailed}).
 */
export async function mipLns(model: CompiledProblem, rules: readonly CompiledRule[], assignment: Assignment, options: MipLnsOptions): Promise<MipLnsResult> {
  const t0 = performance.now();
  const rng = new Random(options.seed);
  const initialBudget = options.cellBudget ?? 120;
  let budget = initialBudget;
  // Growth is capped: a neighbourhood near the whole problem is the slow whole-problem MIP again.
  const maxBudget = Math.min(model.employees * model.days, 3 * initialBudget);
  let best = assignment;
  let score: Score = new IncrementalEvaluator(model, rules, assignment).score;
  let repairs = 0;
  let improvements = 0;
  for (let i = 0; performance.now() - t0 < options.timeLimitMs && !options.signal?.aborted; i++) {
    if (options.targetScore && compareScores(score, options.targetScore) <= 0) break;
    if (options.maxRepairs !== undefined && repairs >= options.maxRepairs) break;
    const n = neighbourhood(i, model.employees, model.days, Math.round(budget), rng);
    const left = options.timeLimitMs - (performance.now() - t0);
    const out = await mipRepairDetailed(model, rules, best, {
      ...n,
      timeLimitMs: Math.max(10, Math.min(options.repairTimeLimitMs ?? 2000, left)),
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
      ...(options.highsOptions !== undefined ? { highsOptions: options.highsOptions } : {}),
    });
    if (out.reason === 'declined') return { assignment: best, score, repairs, improvements, declined: true };
    repairs++;
    const better = out.assignment !== undefined && compareScores(out.after, score) < 0;
    if (out.status === 'optimal' && !better) budget = Math.min(maxBudget, budget * 1.1);
    else if (out.status === 'timeLimit') budget = Math.max(20, budget / 1.2);
    if (!out.assignment) continue;
    best = out.assignment;
    score = out.after;
    if (better) {
      improvements++;
      options.onImprove?.(best, score);
    }
  }
  return { assignment: best, score, repairs, improvements, declined: false };
}
