/**
 * Column generation over windows of a long horizon: every employee's row over a window of days is
 * re-chosen by {@link columnGeneration} with the rest of the horizon fixed (the row programs carry the
 * fixed cells' runs, sums and weekends, see `RowWindow`), and the result is kept when the evaluator
 * finds the whole rota no worse. The windows sweep the horizon, overlapping by half, from a random
 * day; a sweep that finds nothing makes them half as long again. On a half-year or a year, where
 * column generation over the whole horizon cannot converge in a run's time (the pricer's time grows
 * fast with the days), this moves a whole window of everyone's rows at once — what the MIP repairs
 * cannot do at that size. Most windows are two halves far apart (`pairShare`): with the days between
 * held, a row may move work from one half to the other, so a sum over the year (hours, shifts of a
 * type, weekends) is no longer pinned to each part of the year as the start left it.
 */
import type { CompiledRule } from '../../engine/compile-rules.js';
import { compareScores, IncrementalEvaluator, type Score } from '../../engine/incremental.js';
import { RotaError } from '../../errors.js';
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
  /**
   * Time for one window's column generation to start with, milliseconds (default 6000); a window whose
   * root did not converge in its share of the time makes the next ones get half as much again, up to
   * five times this.
   */
  windowTimeMs?: number;
  /**
   * Share of the windows that are two halves far apart rather than one range (default 0.75): each half
   * is half a window long, the first where the sweep is, the second anywhere else in the horizon, and
   * the days between them stay as they are. Only such a pair can move a sum over the horizon (hours,
   * shifts of a type, weekends) from one part of it to another: on Curtois Instance 20 in 2 minutes from
   * the same rota, pairs of 7 days reached 5210 where single windows of 14 reached 5329; in `solve` at
   * 10 minutes, Instance 18 ended at 4774 with 0.75 against 5008 with 0 (20: 5361 against 5314).
   */
  pairShare?: number;
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
 * The windows of {@link columnGenerationWindows} one at a time: sweeps of the horizon with windows of
 * `days` days overlapping by half, from a random day, the last flush with the horizon's end; after a
 * sweep in which no window improved, the windows grow by half (up to the horizon). `stalled` is true
 * once a sweep of the whole horizon found nothing. A share `pairShare` of them are pairs: the first
 * half of the sweep's window and as many days elsewhere, not touching it.
 */
class WindowSweep {
  /** Days per window now. */
  span: number;
  /** True once a sweep over windows of the whole horizon found nothing. */
  stalled = false;
  private starts: number[] = [];
  private at = 0;
  private improved = false;

  /** Windows over `horizon` days, `days` long to start with, `pairShare` of them pairs; `rng` places them. */
  constructor(
    private readonly horizon: number,
    days: number,
    private readonly pairShare: number,
    private readonly rng: Random,
  ) {
    this.span = Math.max(1, Math.min(horizon, Math.round(days)));
  }

  /** The next window: its free days, first and last (`fromDay`, `toDay`, as a `RowWindow` takes them). */
  next(): { fromDay: number; toDay: number; days: number[] } {
    if (this.at === this.starts.length) {
      if (this.starts.length > 0 && !this.improved) {
        if (this.span === this.horizon) this.stalled = true;
        this.span = Math.min(this.horizon, Math.round(this.span * 1.5));
      }
      const D = this.horizon;
      const stride = Math.max(1, Math.floor(this.span / 2));
      this.starts = [];
      for (let s = this.rng.int(stride); s < D - this.span; s += stride) this.starts.push(s);
      this.starts.push(D - this.span);
      if (this.starts[0] !== 0 && this.rng.next() < 0.5) this.starts.unshift(0);
      this.at = 0;
      this.improved = false;
    }
    const from = this.starts[this.at++]!;
    const half = Math.floor(this.span / 2);
    if (half >= 1 && this.horizon >= 4 * half + 2 && this.rng.next() < this.pairShare) {
      let other: number;
      do other = this.rng.int(this.horizon - half + 1);
      while (other + half >= from && other <= from + half);
      const days: number[] = [];
      for (let i = 0; i < half; i++) days.push(from + i, other + i);
      days.sort((x, y) => x - y);
      return { fromDay: days[0]!, toDay: days[days.length - 1]!, days };
    }
    return { fromDay: from, toDay: from + this.span - 1, days: Array.from({ length: this.span }, (_, i) => from + i) };
  }

  /** Report whether the last window improved the rota. */
  report(improved: boolean): void {
    if (improved) this.improved = true;
  }
}

/** The window options {@link windowOptionProblem} checks. */
type WindowOptionValues = { [K in 'windowDays' | 'pairShare' | 'windowTimeMs']?: number | undefined };

/**
 * What is wrong with the window options, or undefined when they are in range: a window is a whole
 * number of days ≥ 1, a pair share is in [0, 1], a window's time is a positive number of milliseconds.
 * `names` are the options' names in the message (`solve` calls them `columnGenerationWindowDays` …).
 */
export function windowOptionProblem(values: WindowOptionValues, names: Readonly<Record<keyof WindowOptionValues, string>> = { windowDays: 'windowDays', pairShare: 'pairShare', windowTimeMs: 'windowTimeMs' }): string | undefined {
  const { windowDays, pairShare, windowTimeMs } = values;
  if (windowDays !== undefined && !(Number.isInteger(windowDays) && windowDays >= 1)) return `${names.windowDays} must be a whole number of days ≥ 1, got ${windowDays}`;
  if (pairShare !== undefined && !(pairShare >= 0 && pairShare <= 1)) return `${names.pairShare} must be in [0, 1], got ${pairShare}`;
  if (windowTimeMs !== undefined && !(windowTimeMs > 0)) return `${names.windowTimeMs} must be a positive number of milliseconds, got ${windowTimeMs}`;
  return undefined;
}

/**
 * Labels per bucket the pricer keeps in a window (`priceRows`' `bucketCap`): capped as before exact
 * pricing became the default, since a window's root gives no bound that is used. At 10 minutes, seed 1,
 * exact against 32: Curtois Instance 18 5084 against 4859, Instance 20 5418 against 5578 — within the
 * spread of runs, so the windows keep the behaviour measured before.
 */
export const WINDOW_BUCKET_CAP = 32;

/**
 * Improve a legal assignment by column generation over windows of days until the time limit, the
 * target or an abort. Every kept step is a full evaluation of the rota that is no worse. Options out
 * of range throw a {@link RotaError} `OPTION_INVALID`.
 */
export async function columnGenerationWindows(
  model: CompiledProblem,
  rules: readonly CompiledRule[],
  assignment: Assignment,
  options: ColumnGenerationWindowsOptions,
): Promise<ColumnGenerationWindowsResult> {
  const t0 = performance.now();
  const invalid = windowOptionProblem(options);
  if (invalid) throw new RotaError('OPTION_INVALID', `columnGenerationWindows: ${invalid}`);
  const D = model.days;
  const E = model.employees;
  const firstWindowMs = options.windowTimeMs ?? 6000;
  let windowMs = firstWindowMs;
  const sweep = new WindowSweep(D, options.windowDays ?? 14, options.pairShare ?? 0.75, new Random(options.seed));
  const inc = new IncrementalEvaluator(model, rules, assignment);
  let best = Int16Array.from(assignment);
  let score = inc.score;
  let windows = 0;
  let improvements = 0;
  while (!options.signal?.aborted) {
    const left = options.timeLimitMs - (performance.now() - t0);
    if (left < Math.min(windowMs, 1000)) break;
    if (options.targetScore && compareScores(score, options.targetScore) <= 0) break;
    const { fromDay, toDay, days: free } = sweep.next();
    if (sweep.stalled) break;
    const out = await columnGeneration(model, rules, {
      timeLimitMs: Math.min(windowMs, left),
      // Capped pricing, as before exact pricing became the default: a window's root needs no bound.
      bucketCap: WINDOW_BUCKET_CAP,
      window: { base: best, fromDay, toDay, ...(free.length < toDay - fromDay + 1 ? { days: free } : {}) },
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    });
    if (out.declined) {
      if (windows === 0) return { assignment: best, score, windows, improvements, windowDays: sweep.span, declined: out.reason };
      continue;
    }
    windows++;
    // A root cut short leaves the dive a poor LP: the next windows get more time.
    if (!out.rootConverged) windowMs = Math.min(5 * firstWindowMs, windowMs * 1.5);
    for (let e = 0; e < E; e++) for (const d of free) inc.set(e, d, out.assignment[e * D + d]!);
    const c = compareScores(inc.score, score);
    sweep.report(c < 0);
    if (c < 0) {
      improvements++;
      score = inc.score;
      best = Int16Array.from(inc.assignment);
      options.onImprove?.(best, score);
    } else if (c === 0) {
      // As good: kept (the next windows start from it), not counted.
      best = Int16Array.from(inc.assignment);
    } else {
      for (let e = 0; e < E; e++) for (const d of free) inc.set(e, d, best[e * D + d]!);
    }
  }
  return { assignment: best, score, windows, improvements, windowDays: sweep.span };
}
