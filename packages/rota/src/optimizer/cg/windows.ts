/**
 * Column generation over windows of a long horizon: every employee's row over a window of days is
 * re-chosen by {@link columnGeneration} with the rest of the horizon fixed (the row programs carry the
 * fixed cells' runs, sums and weekends, see `RowWindow`), and the result is kept when the evaluator
 * finds the whole rota no worse. The windows sweep the horizon, overlapping by half, from a random
 * day; a sweep that finds nothing makes them half as long again. On a half-year or a year, where column generation over the whole horizon cannot converge in
 * a run's time (the pricer's time grows fast with the days), this moves a whole window of everyone's
 * rows at once — what the MIP repairs cannot do at that size.
 */
import type { CompiledRule } from '../../engine/compile-rules.js';
import { compareScores, IncrementalEvaluator, type Score } from '../../engine/incremental.js';
import type { Assignment } from '../../model/assignment.js';
import type { CompiledProblem } from '../../model/compile.js';
import { Random } from '../random.js';
import { columnGeneration } from './generate.js';

/** Options of {@link columnGenerationWindows}. */
export interface ColumnGenerationWindowsOptions {
  /** Time for the whole loop, milliseconds. */
  timeLimitMs: number;
  /** Days per window to start with (default 14; the horizon when shorter); they grow by half after a sweep that finds nothing. */
  windowDays?: number;
  /** Time for one window's column generation, milliseconds (default 6000). */
  windowTimeMs?: number;
  /** Seed: where the sweep starts. */
  seed: number;
  /** Stop once the score is at least this good. */
  targetScore?: Score;
  /** Abort: stops the current window and returns the best so far. */
  signal?: AbortSignal;
  /** Called after every strict improvement with the new best. */
  onImprove?: (assignment: Assignment, score: Score) => void;
}

/** The result of {@link columnGenerationWindows}. */
export interface ColumnGenerationWindowsResult {
  /** The best assignment (the input when nothing better was found). */
  assignment: Assignment;
  /** Its score under the evaluator. */
  score: Score;
  /** Windows solved. */
  windows: number;
  /** Windows that improved the score strictly. */
  improvements: number;
  /** Days per window at the end (the windows grow after a sweep that found nothing). */
  windowDays: number;
  /** Why nothing was tried (the rules have no row programs), when so. */
  declined?: string;
}

/**
 * Improve a legal assignment by column generation over windows of days until the time limit, the
 * target or an abort. Every kept step is a full evaluation of the rota that is no worse.
 */
export async function columnGenerationWindows(
  model: CompiledProblem,
  rules: readonly CompiledRule[],
  assignment: Assignment,
  options: ColumnGenerationWindowsOptions,
): Promise<ColumnGenerationWindowsResult> {
  const t0 = performance.now();
  const D = model.days;
  const E = model.employees;
  let span = Math.max(1, Math.min(D, Math.round(options.windowDays ?? 14)));
  const windowMs = options.windowTimeMs ?? 6000;
  const rng = new Random(options.seed);
  const inc = new IncrementalEvaluator(model, rules, assignment);
  let best = Int16Array.from(assignment);
  let score = inc.score;
  let windows = 0;
  let improvements = 0;
  // One sweep: windows every half window from a random offset, the last one flush with the horizon's end.
  const sweep = (): number[] => {
    const stride = Math.max(1, Math.floor(span / 2));
    const starts: number[] = [];
    for (let s = rng.int(stride); s < D - span; s += stride) starts.push(s);
    starts.push(D - span);
    if (starts[0] !== 0 && rng.next() < 0.5) starts.unshift(0);
    return starts;
  };
  let starts = sweep();
  let at = 0;
  let improvedInSweep = false;
  while (!options.signal?.aborted) {
    const left = options.timeLimitMs - (performance.now() - t0);
    if (left < Math.min(windowMs, 1000)) break;
    if (options.targetScore && compareScores(score, options.targetScore) <= 0) break;
    if (at === starts.length) {
      // A sweep that found nothing: the windows are local optima of their size, so they grow by half
      // (up to the horizon; a stalled sweep of the whole horizon ends the loop).
      if (!improvedInSweep) {
        if (span === D) break;
        span = Math.min(D, Math.round(span * 1.5));
      }
      starts = sweep();
      at = 0;
      improvedInSweep = false;
    }
    const fromDay = starts[at++]!;
    const toDay = fromDay + span - 1;
    const out = await columnGeneration(model, rules, {
      timeLimitMs: Math.min(windowMs, left),
      window: { base: best, fromDay, toDay },
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    });
    if (out.declined) {
      if (windows === 0) return { assignment: best, score, windows, improvements, windowDays: span, declined: out.reason };
      continue;
    }
    windows++;
    for (let e = 0; e < E; e++) for (let d = fromDay; d <= toDay; d++) inc.set(e, d, out.assignment[e * D + d]!);
    const c = compareScores(inc.score, score);
    if (c < 0) {
      improvements++;
      improvedInSweep = true;
      score = inc.score;
      best = Int16Array.from(inc.assignment);
      options.onImprove?.(best, score);
    } else if (c === 0) {
      // As good: kept (the next windows start from it), not counted.
      best = Int16Array.from(inc.assignment);
    } else {
      for (let e = 0; e < E; e++) for (let d = fromDay; d <= toDay; d++) inc.set(e, d, best[e * D + d]!);
    }
  }
  return { assignment: best, score, windows, improvements, windowDays: span };
}
