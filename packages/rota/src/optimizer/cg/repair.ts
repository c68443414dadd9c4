/**
 * Hard repair by rows: where an employee breaks a hard rule of their own (a run, a sum, the weekends),
 * their row over a window of days around it is replaced by the cheapest row that the row program
 * allows there ({@link rowPrograms} over the window, the rest of the horizon fixed, then
 * `priceRows`), priced by what each cell changes in the rules across employees (cover) with
 * everyone else's rows as they are. The window grows (a month, two, four, eight, the horizon) until
 * there is such a row; the evaluator decides whether it is kept. On a year the local search leaves a
 * hundred or so broken runs that its single-cell moves mend slowly, because each employee's hours
 * over the year pin the shifts a stretch of days may hold: on Curtois Instance 22 the local search took
 * over 300 s to make its rota legal; this takes it from 125 hard points to a handful in about 25 s,
 * and lowers the soft points on the way. On request (`minSweepGain`), sweeps of the same move over
 * every employee and window (best responses) then lower the soft points while a sweep still gains
 * (see docs/rota/CG.md, "Rows of single employees").
 */
import type { CompiledRule } from '../../engine/compile-rules.js';
import { IncrementalEvaluator, type Score } from '../../engine/incremental.js';
import type { Assignment } from '../../model/assignment.js';
import { type CompiledProblem, OFF } from '../../model/compile.js';
import { Random } from '../random.js';
import { labelSliced, priceRowsSteps, SLICE_MS } from './pricer.js';
import { type RowProgramsResult, rowPrograms } from './rows.js';

/** Options of {@link repairRows}. */
export interface RowRepairOptions {
  /** Time for the whole repair, milliseconds. */
  timeLimitMs: number;
  /**
   * Labels per bucket in the pricer (default {@link ROW_REPAIR_BUCKET_CAP}): a heuristic pricer, so
   * a row that exists may be missed (the local search's `legalize` and the exhaustive repair take
   * what is left).
   */
  bucketCap?: number;
  /** Weight of a hard point against soft ones in the cells' prices (default 1 000 000). */
  hardWeight?: number;
  /**
   * After the hard repair: sweeps of best responses — each employee's row over windows of
   * `sweepDays` days (overlapping by half, from a random day) replaced by the cheapest one the row
   * program allows against everyone else's rows — until a sweep lowers the soft points by less than
   * this share (default 1: no sweeps; {@link ROW_SWEEP_MIN_GAIN} is the share measured).
   */
  minSweepGain?: number;
  /** Days per window of the sweeps (default 28). */
  sweepDays?: number;
  /** Seed: where each sweep starts. */
  seed?: number;
  /**
   * Abort: returns the best so far. A pricer call runs to its end first: on a year's range up to
   * about 0.7 s (Curtois Instance 22), a month's in about 10 ms.
   */
  signal?: AbortSignal;
  /** Called after every repair kept, with the new score. */
  onImprove?: (assignment: Assignment, score: Score) => void;
}

/** The result of {@link repairRows}. */
export interface RowRepairResult {
  /** The rota after the repairs (the input when none was kept). */
  assignment: Assignment;
  /** Its score under the evaluator. */
  score: Score;
  /** Rows replaced (by the hard repair and by the sweeps). */
  repairs: number;
  /** Pricer calls (windows tried). */
  attempts: number;
  /** Sweeps of best responses made. */
  sweeps: number;
  /** Why nothing was tried (the rules have no row programs), when so. */
  declined?: string;
}

/** Default labels per bucket of {@link repairRows}' pricer: on Curtois Instance 22, 4 repaired as many rows as 16 in a quarter of the time. */
export const ROW_REPAIR_BUCKET_CAP = 4;

/**
 * A least share of the soft points a sweep of best responses must gain for another to follow
 * (`minSweepGain`): on Curtois Instance 22 from the repaired rota (120415 soft) the sweeps took it to
 * 56590, 53303, 52360 and 51625, then gained under 1 % each. Not the default: in `solve` they did not
 * help (docs/rota/CG.md, "Rows of single employees").
 */
export const ROW_SWEEP_MIN_GAIN = 0.02;

/** Half-widths of the windows tried around a broken rule, in days; then the whole horizon. */
const HALF_WIDTHS = [14, 28, 56, 112] as const;

/**
 * Repair the hard rules an employee breaks on their own by replacing their row over a window (see the
 * module's summary), until no hard point is left or every broken rule has been tried; then, with
 * `minSweepGain` below 1, sweep best responses while they gain that share; within `timeLimitMs`. Never makes the score worse: a row
 * is kept only when the evaluator finds fewer hard points, or as many and fewer soft ones.
 */
export async function repairRows(model: CompiledProblem, rules: readonly CompiledRule[], assignment: Assignment, options: RowRepairOptions): Promise<RowRepairResult> {
  const t0 = performance.now();
  const { days: D, options: O } = model;
  const inc = new IncrementalEvaluator(model, rules, assignment);
  const whole = rowPrograms(model, rules, { base: inc.assignment, fromDay: 0, toDay: 0 });
  if (!whole.ok) return { assignment: Int16Array.from(assignment), score: inc.score, repairs: 0, attempts: 0, sweeps: 0, declined: whole.reason };
  const cap = options.bucketCap ?? ROW_REPAIR_BUCKET_CAP;
  const hardWeight = options.hardWeight ?? 1_000_000;
  const deadline = t0 + options.timeLimitMs;
  const out = () => performance.now() >= deadline || options.signal?.aborted === true;
  let repairs = 0;
  let attempts = 0;
  let lastBreath = performance.now();
  const breathe = async () => {
    if (performance.now() - lastBreath <= 20) return;
    await new Promise((resolve) => setImmediate(resolve));
    lastBreath = performance.now();
  };
  // Broken rules tried without a repair (employee and first day), not tried again.
  const tried = new Set<number>();
  /** Replace e's row over `from … to` by the cheapest legal one there, if the evaluator keeps it. */
  // (An employee's program over a window depends only on their own cells outside it, so a sweep builds
  // the window's programs once for everyone.)
  const attempt = async (e: number, from: number, to: number, bucketCap: number, programs?: RowProgramsResult): Promise<'kept' | 'none' | 'worse' | 'declined'> => {
    attempts++;
    const W = to - from + 1;
    const rp = programs ?? rowPrograms(model, rules, { base: inc.assignment, fromDay: from, toDay: to });
    if (!rp.ok) return 'declined';
    // Each cell's price: what it changes in the rules across employees, e's window off otherwise.
    const rest = Int16Array.from(inc.assignment);
    for (let d = from; d <= to; d++) rest[e * D + d] = OFF;
    const across = new IncrementalEvaluator(model, rp.master, rest);
    const base = across.hard * hardWeight + across.soft;
    const price = new Float64Array(W * O);
    for (let d = from; d <= to; d++) {
      for (let o = 0; o < O; o++) {
        across.set(e, d, o);
        price[(d - from) * O + o] = across.hard * hardWeight + across.soft - base;
        across.set(e, d, OFF);
      }
    }
    // The pricer a slice at a time (a year's range takes up to 0.7 s a call): an abort is seen between slices.
    const rows = (await labelSliced(priceRowsSteps(rp.programs[e]!, W, O, { price, bucketCap, deadline }), SLICE_MS, options.signal))?.rows ?? [];
    if (rows.length === 0) return 'none';
    const before = inc.score;
    const old = inc.assignment.slice(e * D + from, e * D + to + 1);
    const row = rows[0]!.row;
    for (let d = 0; d < W; d++) inc.set(e, from + d, row[d]! >= O ? OFF : row[d]!);
    const after = inc.score;
    if (after.hard < before.hard || (after.hard === before.hard && after.soft < before.soft)) return 'kept';
    for (let d = 0; d < W; d++) inc.set(e, from + d, old[d]!);
    return 'worse';
  };
  while (inc.hard > 0 && !out()) {
    const spots = inc.hardHotSpots();
    let pick = -1;
    for (let i = 0; i < spots.count; i++) {
      if (spots.employee[i]! >= 0 && !tried.has(spots.employee[i]! * D + spots.day[i]!)) {
        pick = i;
        break;
      }
    }
    if (pick < 0) break;
    const e = spots.employee[pick]!;
    const d0 = spots.day[pick]!;
    const d1 = spots.endDay[pick]!;
    let kept = false;
    // Growing windows, then the whole horizon.
    const windows: [number, number][] = HALF_WIDTHS.map((h) => [Math.max(0, d0 - h), Math.min(D - 1, d1 + h)]);
    windows.push([0, D - 1]);
    let lastSpan = -1;
    for (const [from, to] of windows) {
      if (out()) break;
      // A window no wider than the last was tried already.
      if (to - from <= lastSpan) continue;
      lastSpan = to - from;
      const r = await attempt(e, from, to, cap);
      if (r === 'declined') break;
      if (r === 'kept') {
        kept = true;
        break;
      }
      await breathe();
    }
    if (kept) {
      repairs++;
      options.onImprove?.(inc.assignment, inc.score);
    } else tried.add(e * D + d0);
    await breathe();
  }
  // Best responses, sweep after sweep, while they gain.
  const minGain = options.minSweepGain ?? 1;
  const L = Math.min(D, Math.max(1, options.sweepDays ?? 28));
  const step = Math.max(1, Math.floor(L / 2));
  const rng = new Random(options.seed ?? 1);
  let sweeps = 0;
  while (minGain < 1 && !out()) {
    sweeps++;
    const start = inc.score;
    for (let from = -rng.int(step); from < D && !out(); from += step) {
      const a = Math.max(0, from);
      const b = Math.min(D - 1, from + L - 1);
      const programs = rowPrograms(model, rules, { base: inc.assignment, fromDay: a, toDay: b });
      for (let e = 0; e < model.employees && !out(); e++) {
        if ((await attempt(e, a, b, cap, programs)) === 'kept') {
          repairs++;
          options.onImprove?.(inc.assignment, inc.score);
        }
        await breathe();
      }
    }
    const end = inc.score;
    if (end.hard === start.hard && start.soft - end.soft < minGain * start.soft) break;
  }
  return { assignment: Int16Array.from(inc.assignment), score: inc.score, repairs, attempts, sweeps };
}
