/**
 * Column generation with a dive (price-and-dive): a master problem chooses one row per employee from a
 * pool of legal rows, with the rules across employees (`coverage`) encoded over the cells exactly as in
 * the MIP repairs (`buildSubproblem`) and linked to the rows by `x[e,d,o] = Σ_rows [row has o on d] λ`.
 * Its LP relaxation (HiGHS, kept between rounds so each re-solve starts from the last basis) prices
 * every cell through the (smoothed) duals of the linking rows; each employee's {@link priceRows} then
 * finds the rows that would lower the LP, until none does. The dive (on rows of up to four weeks) fixes
 * cells: those whole in the LP, and per step the cells that the largest rows of some employees share
 * with most of the LP; the pricer then keeps to them, a few rounds re-price the rest, and so on until
 * every employee's row is whole (on longer rows it fixes the rows closest to whole): a legal rota (every
 * row is legal under the row program) close to the LP's value. See docs/rota/CG.md.
 */
import { createRequire } from 'node:module';
import type { CompiledRule } from '../../engine/compile-rules.js';
import { RotaError } from '../../errors.js';
import type { Assignment } from '../../model/assignment.js';
import { type CompiledProblem, NOT_PINNED, OFF } from '../../model/compile.js';
import { runHighs } from '../mip/highs.js';
import type { ModelArrays } from '../mip/linear.js';
import { buildSubproblem } from '../mip/model.js';
import { Random } from '../random.js';
import { enumerateRowsSteps, labelSliced, type PricedRow, priceRows, priceRowsSteps, SLICE_MS } from './pricer.js';
import { type RowProgram, type RowWindow, rowPrograms } from './rows.js';

/** Options of {@link columnGeneration}. */
export interface ColumnGenerationOptions {
  /** Time for the whole run (root and dive), milliseconds; the dive speeds up to end by it. */
  timeLimitMs: number;
  /** Share of the time the root may take before the dive starts anyway (default 0.6). */
  rootShare?: number;
  /**
   * Rows added per employee and round. Default: 2 while the master's LP has taken more time than the
   * pricer (its re-solves grow with the columns), else 5 (a pricing call yields them at the same cost).
   */
  rowsPerRound?: number;
  /**
   * What the dive fixes: `cells` (every cell whole in the LP, then the cells most of the LP shares of
   * some employees' largest rows) or `rows` (the employees whose row is closest to whole, to that row,
   * letting the LP settle after each step). Default: `cells` over at most
   * {@link CELL_DIVE_MAX_DAYS} days, else `rows`.
   */
  dive?: 'cells' | 'rows';
  /**
   * Share of the free employees the dive takes per step (their cells, or their rows), beyond those
   * already whole (default 0.2; at least one employee).
   */
  diveStep?: number;
  /**
   * A dive step fixes the cells of an employee's largest row whose share in the LP is at least this
   * (default 0.5; when none is, the largest one).
   */
  diveCellShare?: number;
  /**
   * Dives at most: after the first, while the time left before the master MIP is at least what the
   * last dive took, another from the root by the other kind (`cells` ↔ `rows`), with the rows the dives
   * added; a dive whose LP reaches the best rota's value gives up, and the best rota stands. The dives
   * end sooner at a rota that meets the root's bound, or after {@link DIVES_UNIMPROVED} in a row
   * without a better one. Default {@link DIVES} (1).
   */
  dives?: number;
  /**
   * Branch and price on cells, depth first, when the enumeration below the gap is incomplete (it is
   * then a heuristic) and the rota is within {@link BRANCH_MAX_GAP} of the root's bound: it has the
   * time the master MIP over the enumerated rows would have had, with the rota so far as the bound to
   * beat, and a complete search proves the result optimal (`branched`).
   * Default: over the whole horizon on rows of at most
   * {@link CELL_DIVE_MAX_DAYS} days; `true`: in place of the enumeration, after the first master MIP;
   * `false`: never. Only with exact pricing and a root that converged.
   */
  branch?: boolean;
  /** Seed of the later dives' noise (default 1). */
  seed?: number;
  /** LP solves (with their pricing) after each dive step by cells (default 4): the dive re-prices, but does not wait for the LP to settle. */
  diveRounds?: number;
  /**
   * Dual smoothing in [0, 1): the rows are priced under `s × the last prices + (1 − s) × the LP's
   * duals`, and under the LP's own when those find none (0 = the LP's own). It damps the duals' swings
   * between rounds, so fewer LP solves reach the optimum, at the cost of a second scan when the smoothed
   * prices find nothing. Default: 0.5 while the LP has taken more time than the pricer, else 0.
   */
  smoothing?: number;
  /**
   * Labels per bucket in the pricer (default: no cap, exact; see {@link priceRows}). With a cap the
   * root's LP value is no longer a bound, and the enumeration cannot prove a rota optimal.
   */
  bucketCap?: number;
  /**
   * After the dive and a first master MIP: add every row whose reduced cost under the root's duals is
   * below the gap between that rota and the root's bound ({@link enumerateRows}), then solve the
   * master MIP again over the pool (default: true over the whole horizon, false in a window, whose
   * short runs the windows' sweep needs; either way only after a root that converged).
   */
  enumerate?: boolean;
  /**
   * Abort: ends the run with the rota of the rows chosen so far (the rest by their largest share in
   * the last LP), seen within about 40 ms (its LP and pricer run in slices); aborted before every
   * employee has a first row (an aborted signal at the start), it declines (`reason: 'aborted'`).
   */
  signal?: AbortSignal;
  /** Called after each LP solve. */
  onRound?: (r: ColumnGenerationRound) => void;
  /**
   * Keep the root after the run for a later branch and price (`resume` in the result; over the whole
   * horizon, when the root converged with exact pricing and the rota is not proven optimal). The
   * caller must call `resume.release()`. Default false.
   */
  keep?: boolean;
  /**
   * Only the days `fromDay … toDay` are free; every other cell keeps its value in `base` (a window
   * of a long horizon, see {@link RowWindow}). The rows of `base` in the window are columns from the
   * start, so the result is never worse than `base` under the master (the evaluator decides); a base
   * row that breaks its row program costs the master a million points more, so that a base that is
   * not legal yet is mended where the window can mend it.
   */
  window?: RowWindow;
}

/**
 * The longest row (in days) on which the dive fixes cells by default; longer rows dive by rows.
 * Measured (docs/rota/OPTIMIZER.md, "Column generation by cells"): by cells, Curtois Instance 12 (28 days)
 * at 60 s ends at 4044 against 4614; on Instance 16 (56 days) the cell dive's start was 3325–3529
 * against 3227 by rows, and the run at 10 minutes 3230 against 3225.
 */
export const CELL_DIVE_MAX_DAYS = 28;

/**
 * Dives by default (see `dives`): one. A second dive (by rows after the dive by cells) gave the better
 * start on some 28-day Curtois instances (7, 8 and 9, column generation alone for 26 s: 1058 against
 * 1355, 1311 against 1507, 541 against 645), but its time came out of the master MIP's: in `solve` at
 * 60 s, Instance 8 with seed 2 ended at 1403 against 1313 with one dive (docs/rota/CG.md).
 */
export const DIVES = 1;

/** Dives in a row without a better rota after which the dives end (the master MIP has the rest of their time). */
export const DIVES_UNIMPROVED = 4;

/**
 * Branch and price follows an incomplete enumeration only when the rota is within this share of the
 * root's bound (see `branch`); further away the master MIP over the enumerated rows has the time. On
 * Curtois Instance 7 (a rota about 10 % above the bound after the first master MIP) branch and price
 * gave the start from which `solve` reached 1056 and 1057, where the master MIP's start (1159–1261) led
 * to 1152–1156 in three runs of four; on 8 (16 % above) it solved 2–3 nodes in 7 s, and the master MIP
 * it replaced made 8's start (1316 against 1510–1612). Two instances: a rule of thumb, not a law.
 */
export const BRANCH_MAX_GAP = 0.12;

/** Time kept after the branch and price (at most a tenth of what is left), milliseconds: the rota is built and returned. */
export const BRANCH_RESERVE_MS = 200;

/** How much at random the dives after the first two add to the employees' shares when ranking them. */
export const DIVE_NOISE = 0.2;

/** Partial rows one employee's enumeration below the gap may hold before it gives up (see `enumerate`). */
export const ENUMERATION_MAX_LABELS = 200_000;
/**
 * Rows the enumeration below the gap may add in all (an equal share per employee; an employee with more
 * tries a quarter of the gap, up to three times, and then keeps its cheapest). A larger master MIP
 * overran its time limit in HiGHS: on Curtois Instance 7, 14 500 rows, 23 s against 10.
 */
export const ENUMERATION_MAX_ROWS = 5_000;

/** One round of {@link columnGeneration}. */
export interface ColumnGenerationRound {
  /** `root` or `dive`. */
  phase: 'root' | 'dive';
  /** The LP's value (soft points, with the encoding's constant). */
  lp: number;
  /** Rows in the pool. */
  columns: number;
  /** Employees whose row is fixed. */
  fixed: number;
  /** Milliseconds since the start. */
  ms: number;
}

/** The result of {@link columnGeneration}. */
export type ColumnGenerationResult =
  | {
      readonly declined: false;
      /** One legal row per employee (under the row programs; the caller checks it with the evaluator). */
      readonly assignment: Assignment;
      /** The LP value at the end of the root (a lower bound on the soft score when the pricing was exact). */
      readonly rootLp: number;
      /** True when the root ended because no row lowered the LP (not by its share of the time). */
      readonly rootConverged: boolean;
      /**
       * The rows enumerated below the gap (see `enumerate`): how many, how many were new to the pool,
       * and whether they are complete for the rota returned: every employee's enumeration finished
       * (within {@link ENUMERATION_MAX_LABELS} partial rows and its share of {@link ENUMERATION_MAX_ROWS})
       * up to a reduced cost that any better rota's rows stay under. Undefined when none ran.
       */
      readonly enumerated?: { readonly rows: number; readonly added: number; readonly complete: boolean };
      /**
       * The branch and price (see `branch`): the nodes whose LP it solved, and whether it searched them
       * all (then no rota beats the one returned). Undefined when none ran.
       */
      readonly branched?: { readonly nodes: number; readonly complete: boolean };
      /**
       * True when the rota is proven optimal (over the free cells): the root was exact and converged,
       * and either the rota meets the root's bound, or the enumeration was complete and HiGHS solved the
       * master MIP over the pool to optimality, or the branch and price searched every node.
       */
      readonly optimal: boolean;
      /**
       * A proven lower bound on the soft score over the free cells: the rota's own when `optimal`, else
       * the root's LP value when the pricing was exact and the root converged (rounded up when every
       * cost is a whole number); undefined otherwise.
       */
      readonly lowerBound?: number;
      /** LP solves. */
      readonly rounds: number;
      /** Rows generated. */
      readonly columns: number;
      /** Milliseconds. */
      readonly ms: number;
      /**
       * The root kept for a later branch and price (with `keep`, over the whole horizon, when the root
       * converged with exact pricing and the rota is not proven optimal); call `release` when done.
       */
      readonly resume?: ColumnGenerationResume;
    }
  | { readonly declined: true; readonly reason: string };

/**
 * Column generation's root, kept after the run (`keep`) for a branch and price against a better
 * rota found since, such as the MIP repairs' best: with a tighter bound to beat it drops more nodes.
 * One call at a time; HiGHS's model is held until `release`.
 */
export interface ColumnGenerationResume {
  /** The root's bound on the soft score (rounded up when every cost is a whole number). */
  readonly lowerBound: number;
  /**
   * Branch and price from the root (see {@link ColumnGenerationOptions.branch}) for up to
   * `timeLimitMs`, for a rota of value below `cutoff` (in the master's terms: the soft score of a rota
   * the rules encode exactly). `start`, a rota, adds its legal rows to the pool. Returns the best rota
   * found below the cutoff, if any; `complete`: every node was searched, so none is better than what
   * it returns (or, when it returns none, than `cutoff`). After `release`, or during another call, it
   * returns `{ complete: false, nodes: 0 }`.
   */
  branch(options: { timeLimitMs: number; cutoff: number; start?: Assignment; signal?: AbortSignal }): Promise<{
    readonly assignment?: Assignment;
    readonly value?: number;
    readonly complete: boolean;
    readonly nodes: number;
  }>;
  /** Frees the kept root (HiGHS's model); idempotent. */
  release(): void;
}

interface HighsModule {
  createModel(source?: unknown): HighsModel;
  constants: { modelStatus: Record<string, number> };
}

/** The master LP did not solve to optimality (internal: `columnGeneration` then declines). */
class MasterFailed extends Error {}
/** HiGHS's callback channel of simplex iterations (`highs.constants.callbackType.simplexInterrupt`). */
const SIMPLEX_INTERRUPT = 1;
interface HighsModel {
  options: { set(o: Record<string, unknown>): void };
  addRows(data: unknown): void;
  addCols(data: unknown): void;
  clearIntegrality(): void;
  changeColBounds(i: number, lo: number, hi: number): void;

  run(callbacks?: Record<number, (event: { interrupt(): void }) => void>): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { colValue: Float64Array; rowDual: Float64Array };
  dispose(): void;
}

let highsReady: Promise<HighsModule> | undefined;
function loadHighs(): Promise<HighsModule> {
  highsReady ??= (createRequire(import.meta.url)('highs') as () => Promise<HighsModule>)();
  return highsReady;
}

/**
 * Run column generation and a dive on a problem whose rules {@link rowPrograms} can express; declines
 * (with the reason) otherwise, or when some employee has no legal row at all.
 */
export async function columnGeneration(model: CompiledProblem, rules: readonly CompiledRule[], options: ColumnGenerationOptions): Promise<ColumnGenerationResult> {
  const t0 = performance.now();
  const elapsed = () => performance.now() - t0;
  const wrong = optionProblem(options);
  if (wrong) throw new RotaError('OPTION_INVALID', `columnGeneration: ${wrong}`);
  const { employees: E, days: D, options: O } = model;
  // The abort in force: the run's, then a `resume.branch` call's.
  let signal = options.signal;
  const window = options.window;
  const rp = rowPrograms(model, rules, window);
  if (!rp.ok) return { declined: true, reason: rp.reason };
  // The cells outside the free days: the window's base, or (the whole horizon) the pinned cells.
  const base = window ? window.base : Int16Array.from(model.pinned, (p) => (p === NOT_PINNED ? OFF : p));
  const from = window?.fromDay ?? 0;
  // Days of the rows: the window's (the rows' day 0 is `from`).
  const W = window ? window.toDay - from + 1 : D;
  const sub = buildSubproblem(model, rp.master, base, { fromDay: from, toDay: from + W - 1, oneRowTargets: true, ...(window?.days ? { days: window.days } : {}) });
  if (!sub) return { declined: true, reason: 'the rules across employees have no MIP encoding' };
  // Each employee's program; the dive narrows one (its fixed cells) by a copy with the other options forbidden.
  const programs = [...rp.programs];
  // Milliseconds in the LP and in the pricer so far: while the LP takes more, rounds add fewer rows and
  // price under smoothed duals (both cut LP time); while the pricer does, more rows per call and the LP's own duals.
  let lpMs = 0;
  let priceMs = 0;
  const lpBound = () => lpMs >= priceMs;
  const perRound = () => options.rowsPerRound ?? (lpBound() ? 2 : 5);
  // The pricer keeps 8 labels per bucket while that finds rows, and the full `bucketCap` once it does not.
  const bucketCap = options.bucketCap ?? Number.POSITIVE_INFINITY;
  let cap = Math.min(8, bucketCap);
  // The pricer runs in slices with turns of the event loop between them; undefined once aborted.
  const price = async (p: RowProgram, prices?: Float64Array, below?: number, count = perRound()) =>
    (await labelSliced(priceRowsSteps(p, W, O, { count, bucketCap: cap, ...(prices ? { price: prices } : {}), ...(below !== undefined ? { below } : {}) }), SLICE_MS, signal))?.rows;

  // Initial rows: each employee's cheapest rows on their own costs.
  const initial: PricedRow[][] = [];
  let lastTurn = performance.now();
  for (const p of programs) {
    const rows = await price(p, undefined, undefined, 3);
    // Aborted before every employee has a row: no rota to give.
    if (!rows) return { declined: true, reason: 'aborted' };
    initial.push(rows);
    if (performance.now() - lastTurn > 20) {
      await new Promise((resolve) => setImmediate(resolve));
      lastTurn = performance.now();
    }
  }
  // In a window, each employee's row in the base is a column too (the master starts where the base is).
  /** Employee e's row of the free days in a rota (off as option O, as the rows have it). */
  const rowIn = (rota: Assignment, e: number) =>
    Int16Array.from({ length: W }, (_, d) => {
      const o = rota[e * D + from + d]!;
      return o === OFF ? O : o;
    });
  const baseRows = window ? Array.from({ length: E }, (_, e) => rowIn(base, e)) : [];
  const empty = initial.findIndex((rows) => rows.length === 0);
  if (empty >= 0 && !window) return { declined: true, reason: `no legal row for ${model.employeeIds[empty]}` };

  const highs = await loadHighs();
  // The cells' columns x[e,d,o] are replaced by the rows that choose them: x = Σ_rows [row has o on d] λ,
  // so a row's column carries, in every constraint of the master, the sum of its cells' coefficients.
  // The x columns leave the master, and so do the rows "one option per cell" (the convexity rows, one
  // per employee, imply them).
  const full = sub.lm.toArrays();
  const xCol = new Int32Array(E * D * O).fill(-1);
  const isX = new Uint8Array(full.numCols);
  sub.cells.forEach((k, i) => {
    const opts = sub.cellOptions[i]!;
    for (let j = 0; j < opts.length; j++) {
      xCol[k * O + opts[j]!] = sub.cellFirst[i]! + j;
      isX[sub.cellFirst[i]! + j] = 1;
    }
  });
  // The first rows are the cells' "one option" rows (buildSubproblem adds one per free cell first).
  for (let i = 0; i < sub.cells.length; i++) {
    const n = sub.cellOptions[i]!.length;
    if (full.starts[i + 1]! - full.starts[i]! !== n || full.indices[full.starts[i]!] !== sub.cellFirst[i] || full.rowUpper[i] !== 1) {
      return { declined: true, reason: 'the master has an unexpected layout' };
    }
  }
  const { arrays, rowMap } = withoutCells(full, isX, sub.cells.length);
  // The x columns' entries, column-wise, in the master's rows.
  const colStart = new Int32Array(full.numCols + 1);
  for (let r = 0; r < full.numRows; r++) for (let i = full.starts[r]!; i < full.starts[r + 1]!; i++) if (rowMap[r]! >= 0) colStart[full.indices[i]! + 1]!++;
  for (let c = 0; c < full.numCols; c++) colStart[c + 1]! += colStart[c]!;
  const colRowIdx = new Int32Array(colStart[full.numCols]!);
  const colVal = new Float64Array(colStart[full.numCols]!);
  {
    const fill = colStart.slice(0, full.numCols);
    for (let r = 0; r < full.numRows; r++) {
      if (rowMap[r]! < 0) continue;
      for (let i = full.starts[r]!; i < full.starts[r + 1]!; i++) {
        const c = full.indices[i]!;
        colRowIdx[fill[c]!] = rowMap[r]!;
        colVal[fill[c]!] = full.values[i]!;
        fill[c]!++;
      }
    }
  }
  const lp = highs.createModel({
    numCols: arrays.numCols,
    numRows: arrays.numRows,
    colCost: arrays.colCost,
    colLower: arrays.colLower,
    colUpper: arrays.colUpper,
    rowLower: arrays.rowLower,
    rowUpper: arrays.rowUpper,
    matrix: { format: 'csr', numRows: arrays.numRows, numCols: arrays.numCols, starts: arrays.starts, indices: arrays.indices, values: arrays.values },
  });
  const optimal = highs.constants.modelStatus.optimal;
  let released = false;
  let resumed = false;
  let resume: ColumnGenerationResume | undefined;
  try {
    // Primal simplex: a re-solve after new columns starts from a primal feasible basis (measured on
    // Curtois Instance 12: the root in about 17 s against 20–27 s with HiGHS's default choice).
    lp.options.set({ output_flag: false, presolve: 'off', simplex_strategy: 4 });
    lp.clearIntegrality();
    const convex = arrays.numRows;
    {
      const lower = new Float64Array(E).fill(1);
      lp.addRows({ lower, upper: lower, matrix: { format: 'csr', numRows: E, numCols: arrays.numCols, starts: new Int32Array(E + 1), indices: new Int32Array(0), values: new Float64Array(0) } });
    }
    const firstLambda = arrays.numCols;
    const colEmployee: number[] = [];
    // Each row's column in the master, kept for the restricted master MIP at the end.
    const colEntries: { rows: Int32Array; values: Float64Array; cost: number }[] = [];
    const colRow: Int16Array[] = [];
    const seen = new Set<string>();
    const addColumns = (batch: { e: number; row: Int16Array; cost: number }[]): number => {
      const fresh = batch.filter((c) => {
        const key = `${c.e}:${c.row.join(',')}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      if (fresh.length === 0) return 0;
      const cost = new Float64Array(fresh.length);
      const starts = new Int32Array(fresh.length + 1);
      const indices: number[] = [];
      const values: number[] = [];
      fresh.forEach((c, j) => {
        cost[j] = c.cost;
        const coef = new Map<number, number>();
        for (let d = 0; d < W; d++) {
          const o = c.row[d]!;
          const x = o < O ? xCol[(c.e * D + from + d) * O + o]! : -1;
          if (x < 0) continue;
          for (let i = colStart[x]!; i < colStart[x + 1]!; i++) coef.set(colRowIdx[i]!, (coef.get(colRowIdx[i]!) ?? 0) + colVal[i]!);
        }
        for (const r of [...coef.keys()].sort((a, b) => a - b)) {
          if (coef.get(r) === 0) continue;
          indices.push(r);
          values.push(coef.get(r)!);
        }
        indices.push(convex + c.e);
        values.push(1);
        colEntries.push({ rows: Int32Array.from(indices.slice(starts[j]!)), values: Float64Array.from(values.slice(starts[j]!)), cost: c.cost });
        starts[j + 1] = indices.length;
        colEmployee.push(c.e);
        colRow.push(c.row);
      });
      lp.addCols({ cost, lower: new Float64Array(fresh.length), upper: new Float64Array(fresh.length).fill(1), matrix: { format: 'csc', numRows: convex + E, numCols: fresh.length, starts, indices: Int32Array.from(indices), values: Float64Array.from(values) } });
      return fresh.length;
    };
    addColumns(initial.flatMap((rows, e) => rows.map((r) => ({ e, row: r.row, cost: r.cost }))));
    if (window) addColumns(baseRows.map((row, e) => ({ e, row, cost: rowCost(programs[e]!, row, O, W) })));

    const fixed = new Int32Array(E).fill(-1);
    // Give the event loop a turn every 20 ms or so, so that an abort (or a worker's message) is seen.
    let lastBreath = performance.now();
    const breathe = async () => {
      if (performance.now() - lastBreath < 20) return;
      await new Promise((resolve) => setImmediate(resolve));
      lastBreath = performance.now();
    };
    // The master's LP in slices of SLICE_MS: HiGHS's simplex is interrupted by its own callback, the
    // event loop has a turn (an abort is seen), and the next run goes on from the basis it had. False
    // when aborted, or past `deadline` (elapsed ms), before the LP was solved: an LP of a dive step on
    // Instance 18's 84 days (`columnGenerationMaxDays: 84`) ran for minutes past the run's limit.
    const interrupted = highs.constants.modelStatus.interrupted;
    const solveLp = async (deadline = Number.POSITIVE_INFINITY): Promise<boolean> => {
      for (;;) {
        const sliceEnd = performance.now() + SLICE_MS;
        lp.run({
          [SIMPLEX_INTERRUPT]: (event) => {
            if (performance.now() > sliceEnd) event.interrupt();
          },
        });
        if (lp.getModelStatus() !== interrupted) return true;
        await new Promise((resolve) => setImmediate(resolve));
        lastBreath = performance.now();
        if (signal?.aborted || elapsed() >= deadline) return false;
      }
    };
    // The last LP solution (its column values padded with zeros for the rows added since).
    let latest: { value: number; x: Float64Array<ArrayBufferLike> } = { value: Number.NaN, x: new Float64Array(0) };
    const current = () => {
      if (latest.x.length < firstLambda + colRow.length) {
        const x = new Float64Array(firstLambda + colRow.length);
        x.set(latest.x);
        latest = { value: latest.value, x };
      }
      return latest;
    };
    let rounds = 0;
    let rootLp = Number.NaN;
    let rootConverged = false;
    const prices = new Float64Array(W * O);
    let cursor = 0;
    const smoothingNow = () => options.smoothing ?? (lpBound() ? 0.5 : 0);
    let center: Float64Array | undefined;
    /** `prices` ← each of employee e's cells' price under the duals `dual` (minus its coefficients times the duals). */
    const cellPrices = (e: number, dual: Float64Array) => {
      prices.fill(0);
      for (let d = 0; d < W; d++) {
        for (let o = 0; o < O; o++) {
          const x = xCol[(e * D + from + d) * O + o]!;
          if (x < 0) continue;
          let v = 0;
          for (let k = colStart[x]!; k < colStart[x + 1]!; k++) v -= colVal[k]! * dual[colRowIdx[k]!]!;
          prices[d * O + o] = v;
        }
      }
    };
    // The LP's duals when the root ended (for the enumeration of rows before the master MIP).
    let rootDual: Float64Array | undefined;
    /**
     * Partial pricing under the duals `dual`: from where the last scan stopped, until a quarter of
     * the free employees (at least 8) have rows to add, or everyone was scanned.
     */
    const scanEmployees = async (dual: Float64Array) => {
      const batch: { e: number; row: Int16Array; cost: number }[] = [];
      let free = 0;
      for (let e = 0; e < E; e++) if (fixed[e]! < 0) free++;
      const want = Math.max(8, Math.ceil(free / 4));
      let found = 0;
      let i = 0;
      for (; i < E && found < want && !signal?.aborted; i++) {
        const e = (cursor + i) % E;
        if (fixed[e]! >= 0) continue;
        cellPrices(e, dual);
        const t = performance.now();
        const rows = await price(programs[e]!, prices, dual[convex + e]! - 1e-6);
        if (!rows) break;
        priceMs += performance.now() - t;
        await breathe();
        if (rows.length > 0) found++;
        for (const r of rows) batch.push({ e, row: r.row, cost: r.cost });
      }
      cursor = (cursor + i) % E;
      return { batch, found, want };
    };
    /** Solve the LP and generate rows for the free employees until none lowers it, `until` passes or `maxRounds` LP solves. */
    const generate = async (phase: 'root' | 'dive', until: number, maxRounds = Number.POSITIVE_INFINITY): Promise<{ value: number; x: Float64Array }> => {
      for (let round = 1; ; round++) {
        await breathe();
        const t = performance.now();
        // Past the run's end (or a later `until`, in a `resume.branch`) the LP is given up; the first one is always solved.
        const solved = await solveLp(Number.isNaN(latest.value) ? Number.POSITIVE_INFINITY : Math.max(until, limit));
        lpMs += performance.now() - t;
        // Aborted while the LP was solved: the last solution stands.
        if (!solved) return current();
        rounds++;
        if (lp.getModelStatus() !== optimal) throw new MasterFailed(String(lp.getModelStatus()));
        const value = lp.getObjectiveValue() + sub.lm.objectiveConstant;
        const sol = lp.getSolution();
        latest = { value, x: sol.colValue };
        // (Not during a `resume.branch`: the run's callback is over.)
        if (!resumed) options.onRound?.({ phase, lp: value, columns: colRow.length, fixed: fixed.filter((f) => f >= 0).length, ms: elapsed() });
        if (elapsed() >= until || round >= maxRounds || signal?.aborted) return current();
        const dual = sol.rowDual;
        if (phase === 'root') rootDual = dual;
        // Smoothed duals (a running mean) price the rows; when they find none, the LP's own do.
        const smoothing = smoothingNow();
        if (!center || smoothing <= 0) center = Float64Array.from(dual);
        else for (let r = 0; r < dual.length; r++) center[r] = smoothing * center[r]! + (1 - smoothing) * dual[r]!;
        let scan = await scanEmployees(center);
        let added = addColumns(scan.batch);
        if (added === 0 && smoothing > 0) {
          center = Float64Array.from(dual);
          scan = await scanEmployees(center);
          added = addColumns(scan.batch);
        }
        if (signal?.aborted) return current();
        if (added === 0) {
          if (cap >= bucketCap || scan.found >= scan.want) {
            if (phase === 'root') rootConverged = true;
            return current();
          }
          cap = bucketCap;
        }
      }
    };
    const limit = options.timeLimitMs;
    let state = await generate('root', limit * (options.rootShare ?? 0.6));
    rootLp = state.value;
    const rootPrograms = programs.slice();
    // Integral costs: the master's own columns, its constant and every cost the rows are made of.
    const whole = (a: ArrayLike<number>) => {
      for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]!) && !Number.isInteger(a[i]!)) return false;
      return true;
    };
    const integral = Number.isInteger(sub.lm.objectiveConstant) && whole(arrays.colCost) && rootPrograms.every((p) => whole(p.cell) && whole(p.pair));
    /** The bound a root LP value gives: rounded up (less a tolerance) when every cost is integral. */
    const lowerBoundOf = (lpValue: number) => (integral ? Math.ceil(lpValue - 1e-6) : lpValue);
    /** Whether a rota of value `v` meets the root's bound (only a bound when the root converged with exact pricing): then it is optimal. */
    const atBound = (v: number) => rootConverged && !Number.isFinite(bucketCap) && v <= lowerBoundOf(rootLp) + 1e-6;
    // The dive ends by four fifths of the time; the restricted master MIP has the rest.
    const diveUntil = limit * 0.8;
    const diveStep = options.diveStep ?? 0.2;
    const theta = options.diveCellShare ?? 0.5;
    const diveBy = options.dive ?? (W <= CELL_DIVE_MAX_DAYS ? 'cells' : 'rows');
    const diveRounds = options.diveRounds ?? 4;
    // The dive by cells: a cell whose share in the LP is whole, and per step, for a share of the
    // employees, the cells of their largest row that hold at least `diveCellShare` of the LP (all from
    // one row, so that row stays possible). A fixed cell forbids its other options to the pricer and
    // sets every row without it to zero. On Instance 12 the dive by rows made the LP jump from the
    // optimum (4040 → 5000 and more) where fixing cells keeps it near; on Instance 16 (56 days) the
    // reverse (docs/rota/CG.md).
    const O1 = O + 1;
    const cellFixed = new Int16Array(E * W).fill(-1);
    const cellShare = new Float64Array(E * W * O1);
    // Rows set to zero by a fixed cell (by index in the pool).
    let dead = new Uint8Array(0);
    // The rows whose bounds a dive changed (set back before the next dive).
    const touched: number[] = [];
    const bound = (j: number, lower: number, upper: number) => {
      lp.changeColBounds(firstLambda + j, lower, upper);
      touched.push(j);
    };
    const fixCell = (e: number, d: number, o: number) => {
      cellFixed[e * W + d] = o;
      const p = programs[e]!;
      const cell = Float64Array.from(p.cell);
      for (let q = 0; q <= O; q++) if (q !== o) cell[d * O1 + q] = Number.POSITIVE_INFINITY;
      programs[e] = { ...p, cell };
      for (let j = 0; j < colRow.length; j++) {
        if (colEmployee[j] !== e || colRow[j]![d] === o || dead[j]) continue;
        dead[j] = 1;
        bound(j, 0, 0);
      }
    };
    // The rows a branch and price node holds at zero (1: free; by index in the pool), set back by `backToRoot`.
    let upper = new Uint8Array(0);
    /** The dives' and the last node's changes undone: every row free, every program the root's. */
    const backToRoot = () => {
      for (const j of touched) lp.changeColBounds(firstLambda + j, 0, 1);
      touched.length = 0;
      for (let j = 0; j < upper.length; j++) if (!upper[j]) lp.changeColBounds(firstLambda + j, 0, 1);
      upper = new Uint8Array(0);
      for (let e = 0; e < E; e++) programs[e] = rootPrograms[e]!;
      fixed.fill(-1);
      cellFixed.fill(-1);
      dead.fill(0);
    };
    /**
     * Branch and price, depth first, until `until`: a node is the root with some cells fixed to an
     * option or that option forbidden there (the pricer sees the same, the rows against them are held at
     * zero); its LP is solved with rows priced until none lowers it, so its value bounds every rota
     * below it. A node whose bound cannot beat the best rota so far (`cutoff`, then the best found:
     * its value rounded up when the costs are integral) is dropped, a node whose rows are whole is a
     * rota, and otherwise the cell whose share in the LP is nearest a half is branched on: fixed to
     * that option first when it holds at least half, else forbidden first. `complete`: every node was
     * searched, so the best rota (or the cutoff's) is optimal.
     */
    const branchAndPrice = async (until: number, cutoff: number) => {
      type Branch = { e: number; d: number; o: number; fix: boolean };
      const path: Branch[] = [];
      const pending: { depth: number; branch: Branch }[] = [];
      let bestValue = cutoff;
      let best: { value: number; fixed: Int32Array } | undefined;
      let nodes = 0;
      /** The node of `path`: each employee's program and the rows' bounds. */
      const apply = () => {
        const cells = new Map<number, Float64Array>();
        for (const b of path) {
          let cell = cells.get(b.e);
          if (!cell) {
            cell = Float64Array.from(rootPrograms[b.e]!.cell);
            cells.set(b.e, cell);
          }
          if (b.fix) {
            for (let q = 0; q <= O; q++) if (q !== b.o) cell[b.d * O1 + q] = Number.POSITIVE_INFINITY;
          } else cell[b.d * O1 + b.o] = Number.POSITIVE_INFINITY;
        }
        for (let e = 0; e < E; e++) {
          const cell = cells.get(e);
          programs[e] = cell ? { ...rootPrograms[e]!, cell } : rootPrograms[e]!;
        }
        if (upper.length < colRow.length) {
          const grown = new Uint8Array(colRow.length).fill(1);
          grown.set(upper);
          upper = grown;
        }
        for (let j = 0; j < colRow.length; j++) {
          const e = colEmployee[j]!;
          const row = colRow[j]!;
          let ok = 1;
          for (const b of path) if (b.e === e && (row[b.d] === b.o) !== b.fix) ok = 0;
          if (ok !== upper[j]) {
            upper[j] = ok;
            lp.changeColBounds(firstLambda + j, 0, ok);
          }
        }
      };
      /** Whether the path's bound is above `bestValue` (the node cannot hold a better rota). */
      const cannotBeat = (v: number) => lowerBoundOf(v) >= bestValue - 1e-6;
      for (;;) {
        if (elapsed() >= until || signal?.aborted) return { best, complete: false, nodes };
        apply();
        nodes++;
        // Every employee needs a row the node allows: its cheapest on its own costs, or the node is empty.
        let empty = false;
        const have = new Uint8Array(E);
        for (let j = 0; j < colRow.length; j++) if (upper[j]) have[colEmployee[j]!] = 1;
        for (let e = 0; e < E && !empty; e++) {
          if (have[e]) continue;
          const rows = await price(programs[e]!, undefined, undefined, 1);
          if (!rows) return { best, complete: false, nodes };
          if (rows.length === 0) empty = true;
          else addColumns(rows.map((r) => ({ e, row: r.row, cost: r.cost })));
        }
        if (!empty) {
          try {
            state = await generate('dive', until);
          } catch (err) {
            if (!(err instanceof MasterFailed)) throw err;
            // Infeasible: the node is empty. Any other status (HiGHS's "unknown" on a degenerate LP) is
            // no bound: the search ends, incomplete.
            if (err.message !== String(highs.constants.modelStatus.infeasible)) return { best, complete: false, nodes };
            empty = true;
          }
          if (!empty && (elapsed() >= until || signal?.aborted)) return { best, complete: false, nodes };
        }
        let pick: Branch | undefined;
        if (!empty && !cannotBeat(state.value)) {
          // The cells' shares; the rows whole for every employee make a rota.
          cellShare.fill(0);
          const top = new Float64Array(E);
          const topRow = new Int32Array(E).fill(-1);
          for (let j = 0; j < colRow.length; j++) {
            const v = state.x[firstLambda + j]!;
            if (v <= 1e-9) continue;
            const e = colEmployee[j]!;
            if (v > top[e]!) {
              top[e] = v;
              topRow[e] = j;
            }
            const row = colRow[j]!;
            for (let d = 0; d < W; d++) cellShare[(e * W + d) * O1 + row[d]!]! += v;
          }
          if (top.every((v) => v >= 1 - 1e-6)) {
            bestValue = state.value;
            best = { value: state.value, fixed: Int32Array.from(topRow) };
          } else {
            let most = 0;
            for (let k = 0; k < E * W * O1; k++) {
              const v = cellShare[k]!;
              if (Math.min(v, 1 - v) > most) {
                most = Math.min(v, 1 - v);
                const o = k % O1;
                const ed = (k - o) / O1;
                // First the branch the LP leans to: fixed when it has at least half, else forbidden.
                pick = { e: Math.floor(ed / W), d: ed % W, o, fix: v >= 0.5 };
              }
            }
          }
        }
        if (pick) {
          pending.push({ depth: path.length, branch: { ...pick, fix: !pick.fix } });
          path.push(pick);
          continue;
        }
        // Dropped, empty or a rota: back to the last branch not taken.
        const next = pending.pop();
        if (!next) return { best, complete: true, nodes };
        path.length = next.depth;
        path.push(next.branch);
      }
    };
    /**
     * One dive from the LP in `state`, by `by`, to be done by `until`: true when every employee ends
     * fixed to a row, false when it gave up because its LP reached `cutoff` (a better dive's rota).
     * `noise` > 0 ranks the employees by their largest share plus up to `noise` at random.
     */
    const dive = async (by: 'cells' | 'rows', until: number, cutoff: number, noise: number): Promise<boolean> => {
      for (;;) {
        if (state.value >= cutoff) return false;
        if (dead.length < colRow.length) {
          const grown = new Uint8Array(colRow.length);
          grown.set(dead);
          dead = grown;
        }
        // Each employee's largest row share, and the cells' shares.
        const share = new Float64Array(E).fill(-1);
        const best = new Int32Array(E).fill(-1);
        cellShare.fill(0);
        for (let j = 0; j < colRow.length; j++) {
          if (dead[j]) continue;
          const e = colEmployee[j]!;
          const v = state.x[firstLambda + j]!;
          if (fixed[e]! < 0 && v > share[e]!) {
            share[e] = v;
            best[e] = j;
          }
          if (v <= 1e-9 || by === 'rows') continue;
          const row = colRow[j]!;
          for (let d = 0; d < W; d++) cellShare[(e * W + d) * O1 + row[d]!]! += v;
        }
        const rank = Float64Array.from(share, (v) => (noise > 0 ? v + noise * random.next() : v));
        const ranked = (list: number[]) => list.sort((a, b) => rank[b]! - rank[a]! || a - b);
        // An employee whose row is whole is fixed to it.
        for (let e = 0; e < E; e++) {
          if (fixed[e]! >= 0 || share[e]! <= 1 - 1e-6) continue;
          fixed[e] = best[e]!;
          bound(best[e]!, 1, 1);
        }
        const free: number[] = [];
        for (let e = 0; e < E; e++) if (fixed[e]! < 0) free.push(e);
        if (free.length === 0) return true;
        if (elapsed() >= until || signal?.aborted === true) {
          // Out of time: every employee still free takes its largest row (aborted before any LP was
          // solved: its first row).
          for (const e of free) {
            const j = best[e]! >= 0 ? best[e]! : colEmployee.indexOf(e);
            fixed[e] = j;
            bound(j, 1, 1);
          }
          return true;
        }
        if (by === 'rows') {
          // The employees closest to whole are fixed to their largest row; the LP settles (up to half the time left).
          const fractional = ranked(free).slice(0, Math.max(1, Math.ceil(free.length * diveStep)));
          for (const e of fractional) {
            fixed[e] = best[e]!;
            bound(best[e]!, 1, 1);
          }
          if (fractional.length === free.length) return true;
          state = await generate('dive', elapsed() + Math.max(0, (until - elapsed()) / 2));
          continue;
        }
        // Whole cells of the free employees; then, for the employees whose largest row share is
        // largest, the cells of that row that hold at least `theta` of the LP.
        for (const e of free) {
          for (let d = 0; d < W; d++) {
            if (cellFixed[e * W + d]! >= 0) continue;
            for (let o = 0; o <= O; o++) if (cellShare[(e * W + d) * O1 + o]! > 1 - 1e-6) fixCell(e, d, o);
          }
        }
        const order = ranked(free.filter((e) => best[e]! >= 0));
        let steps = 0;
        for (const e of order) {
          if (steps >= Math.max(1, Math.ceil(free.length * diveStep))) break;
          const row = colRow[best[e]!]!;
          let any = false;
          for (let d = 0; d < W; d++) {
            if (cellFixed[e * W + d]! >= 0) continue;
            if (cellShare[(e * W + d) * O1 + row[d]!]! >= theta) {
              fixCell(e, d, row[d]!);
              any = true;
            }
          }
          if (!any) {
            // No cell reaches theta: the largest one of the row.
            let top = -1;
            for (let d = 0; d < W; d++) if (cellFixed[e * W + d]! < 0 && (top < 0 || cellShare[(e * W + d) * O1 + row[d]!]! > cellShare[(e * W + top) * O1 + row[top]!]!)) top = d;
            if (top >= 0) fixCell(e, top, row[top]!);
          }
          steps++;
        }
        // Time left is shared by the steps still to come.
        const left = until - elapsed();
        state = await generate('dive', elapsed() + Math.max(0, left / 2), diveRounds);
      }
    };
    // Dives from the root, the first by `diveBy`, the next (while the time left is at least what the
    // last one took) by the other kind, from the root again with the rows the dives added: the best
    // rota stands, and the master MIP has every dive's rows.
    const other = diveBy === 'cells' ? 'rows' : 'cells';
    const maxDives = options.dives ?? DIVES;
    let dived: { value: number; fixed: Int32Array; x: Float64Array } | undefined;
    const random = new Random(options.seed ?? 1);
    let stale = 0;
    for (let k = 0; ; k++) {
      const began = elapsed();
      // The first two dives rank by the LP alone, the next ones with noise (else they would repeat).
      const done = await dive(k % 2 === 0 ? diveBy : other, diveUntil, dived ? dived.value - 1e-6 : Number.POSITIVE_INFINITY, k < 2 ? 0 : DIVE_NOISE);
      // (An abort while the LP is solved again leaves the dive's rota as it is.)
      if (signal?.aborted || (done && !(await solveLp(limit)))) break;
      const v = done ? lp.getObjectiveValue() + sub.lm.objectiveConstant : Number.POSITIVE_INFINITY;
      if (done && (!dived || v < dived.value - 1e-6)) {
        dived = { value: v, fixed: Int32Array.from(fixed), x: Float64Array.from(lp.getSolution().colValue) };
        stale = 0;
      } else stale++;
      // Done: the dives' count, the time, a rota at the root's bound, or DIVES_UNIMPROVED dives in a
      // row without a better rota.
      if (k + 1 >= maxDives || diveUntil - elapsed() < elapsed() - began || atBound(v) || stale >= DIVES_UNIMPROVED) break;
      backToRoot();
      state = await generate('dive', diveUntil, 1);
    }
    // The restricted master as a MIP over every row generated, from the best dive's rota, in the worker
    // (it stops on an abort): the pool often holds a better combination than the dive took.
    const chosen = Int32Array.from(dived?.fixed ?? fixed);
    // The restricted master as a MIP over the rows in the pool, from `start` (a value per column), for
    // up to `ms`: its rows are chosen when it beats `value` (the rota's score in the master), `proven`
    // tells whether HiGHS ended optimal, and its column values are returned (a start for the next).
    let value = Number.POSITIVE_INFINITY;
    let proven = false;
    let enumerated: { rows: number; added: number; complete: boolean } | undefined;
    const master = async (ms: number, start: Float64Array): Promise<Float64Array | undefined> => {
      const rmp = restrictedMaster(arrays, E, colEntries);
      const padded = new Float64Array(rmp.numCols);
      padded.set(start.subarray(0, Math.min(start.length, rmp.numCols)));
      const out = await runHighs({ model: rmp, start: padded, timeLimitMs: ms, ...(signal ? { signal } : {}) });
      if (!out.values || out.objective === undefined) return undefined;
      const v = out.values;
      if (out.objective + sub.lm.objectiveConstant < value - 1e-6) {
        value = out.objective + sub.lm.objectiveConstant;
        for (let j = 0; j < colRow.length; j++) if (v[firstLambda + j]! > 0.5) chosen[colEmployee[j]!] = j;
      }
      proven = out.status === 'optimal';
      return v;
    };
    // Branch and price after an incomplete enumeration (see `branch`): exact pricing and a converged root only.
    const branching = (options.branch ?? (!window && W <= CELL_DIVE_MAX_DAYS)) && rootConverged && !Number.isFinite(bucketCap);
    let searched: { complete: boolean; nodes: number } | undefined;
    /** Branch and price from the root for the time left (less a reserve), to beat `value`; its rota replaces the one in hand when better. */
    const branchFrom = async () => {
      backToRoot();
      cap = bucketCap;
      const out = await branchAndPrice(limit - Math.min(BRANCH_RESERVE_MS, (limit - elapsed()) * 0.1), value);
      searched = { complete: out.complete, nodes: out.nodes };
      if (out.best && out.best.value < value - 1e-6) {
        value = out.best.value;
        chosen.set(out.best.fixed);
      }
    };
    let start: Float64Array = dived?.x ?? new Float64Array(0);
    if (dived) value = dived.value;
    // (Not at the root's bound: that rota is optimal.)
    if (dived && !atBound(value) && limit - elapsed() > 100 && !signal?.aborted) {
      // First over the rows generated, with half the time left when the enumeration (or, with `branch`
      // true, branch and price in its place) may follow.
      const branchNow = options.branch === true && branching;
      const enumerate = (options.enumerate ?? !window) && !branchNow;
      start = (await master((limit - elapsed()) * ((enumerate && rootConverged) || branchNow ? 0.5 : 1), start)) ?? start;
      // Then every row whose reduced cost under the root's duals is below the gap between that rota
      // and the root's bound: no row beyond can be in a better rota (were the root's LP exact), so
      // when each employee's enumeration is complete, the master MIP over the pool is the whole problem.
      // With integral costs (every cost of the master and of the rows a whole number, as in Curtois's
      // instances), the bound rounds up, and a better rota is at least 1 better: the rows that can be
      // in one are those with a reduced cost up to value − 1 − the root's LP.
      const better = (v: number) => (integral ? v - 1 : v) - rootLp;
      const gap = better(value);
      if (enumerate && rootConverged && rootDual && gap >= -1e-6 && value > lowerBoundOf(rootLp) + 1e-6 && limit - elapsed() > 100 && !signal?.aborted) {
        const batch: { e: number; row: Int16Array; cost: number }[] = [];
        // Every employee's rows up to this reduced cost are in the pool (−∞: some employee's were not all enumerated).
        let within = gap;
        // The enumeration takes at most half the time left; the master MIP has the rest.
        const enumerateUntil = elapsed() + (limit - elapsed()) / 2;
        for (let e = 0; e < E; e++) {
          // Out of time or aborted: the rota in hand stands, the enumeration is incomplete.
          if (elapsed() >= enumerateUntil || signal?.aborted) {
            within = Number.NEGATIVE_INFINITY;
            break;
          }
          cellPrices(e, rootDual);
          // Below the whole gap when that is complete within the limits; else a quarter of it, and so on
          // (then the rows closest to the LP's, a heuristic).
          let delta = gap;
          for (let tries = 0; ; tries++) {
            const out = await labelSliced(enumerateRowsSteps(rootPrograms[e]!, W, O, { price: prices, below: rootDual[convex + e]! + delta + 1e-6, maxLabels: ENUMERATION_MAX_LABELS, deadline: t0 + enumerateUntil }), SLICE_MS, signal);
            if (!out) break;
            const fits = out.complete && out.rows.length <= ENUMERATION_MAX_ROWS / E;
            if (fits || tries >= 3) {
              within = fits ? Math.min(within, delta) : Number.NEGATIVE_INFINITY;
              for (const r of out.rows.slice(0, Math.ceil(ENUMERATION_MAX_ROWS / E))) batch.push({ e, row: r.row, cost: r.cost });
              break;
            }
            delta /= 4;
          }
          await breathe();
        }
        const added = addColumns(batch);
        // Incomplete, the enumeration is a heuristic: with the rota close to the bound, branch and price
        // has the time instead (see `branch`).
        const close = value - lowerBoundOf(rootLp) <= BRANCH_MAX_GAP * Math.max(1, Math.abs(value));
        if (branching && close && !(within > Number.NEGATIVE_INFINITY && better(value) <= within + 1e-9) && limit - elapsed() > 100 && !signal?.aborted) {
          await branchFrom();
        } else if (added > 0) {
          proven = false;
          if (limit - elapsed() > 100 && !signal?.aborted) await master((limit - elapsed()) * 0.8, start);
        }
        // A rota better than the master MIP's has only rows up to better(value) each: when those are
        // all in the pool, HiGHS's optimum over it is the problem's.
        enumerated = { rows: batch.length, added, complete: within > Number.NEGATIVE_INFINITY && better(value) <= within + 1e-9 };
      } else if (branchNow && !atBound(value) && limit - elapsed() > 100 && !signal?.aborted) await branchFrom();
    }
    /** The rota of one pool row per employee (`rows[e]`, an index in the pool), the cells outside the free days from `base`. */
    const rotaOf = (rows: ArrayLike<number>) => {
      const out = Int16Array.from(base);
      for (let e = 0; e < E; e++) {
        const row = colRow[rows[e]!]!;
        for (let d = 0; d < W; d++) out[e * D + from + d] = row[d]! >= O ? OFF : row[d]!;
      }
      return out;
    };
    const assignment = rotaOf(chosen);
    // Optimal when the root's bound is exact and either meets the rota, or the enumeration closed the
    // gap, or branch and price searched every node.
    const provenOptimal =
      !Number.isFinite(bucketCap) &&
      rootConverged &&
      value < Number.POSITIVE_INFINITY &&
      (value <= lowerBoundOf(rootLp) + 1e-6 || (proven && enumerated?.complete === true) || searched?.complete === true);
    const exactRoot = !Number.isFinite(bucketCap) && rootConverged;
    const lowerBound = provenOptimal ? value : exactRoot ? lowerBoundOf(rootLp) : undefined;
    // Kept for a later branch and price (`keep`): the root stays in HiGHS until `release`.
    if (options.keep && exactRoot && !window && !provenOptimal && !signal?.aborted) {
      let busy = false;
      resume = {
        lowerBound: lowerBoundOf(rootLp),
        branch: async (o) => {
          if (released || busy) return { complete: false, nodes: 0 };
          busy = true;
          resumed = true;
          signal = o.signal;
          try {
            if (o.start) {
              // The start's rows join the pool (those legal under their program): columns near a good rota.
              const batch: { e: number; row: Int16Array; cost: number }[] = [];
              for (let e = 0; e < E; e++) {
                const row = rowIn(o.start, e);
                const cost = rowCost(rootPrograms[e]!, row, O, W);
                if (cost < BROKEN_ROW_COST) batch.push({ e, row, cost });
              }
              addColumns(batch);
            }
            backToRoot();
            cap = bucketCap;
            const out = await branchAndPrice(elapsed() + Math.max(0, o.timeLimitMs), o.cutoff);
            return { ...(out.best ? { assignment: rotaOf(out.best.fixed), value: out.best.value } : {}), complete: out.complete, nodes: out.nodes };
          } catch (err) {
            // A master LP HiGHS could not solve outside a node: the search ends, incomplete.
            if (err instanceof MasterFailed) return { complete: false, nodes: 0 };
            throw err;
          } finally {
            signal = options.signal;
            busy = false;
          }
        },
        release: () => {
          if (released) return;
          released = true;
          lp.dispose();
        },
      };
    }
    return { declined: false, assignment, rootLp, rootConverged, ...(enumerated ? { enumerated } : {}), ...(searched ? { branched: searched } : {}), optimal: provenOptimal, ...(lowerBound !== undefined ? { lowerBound } : {}), rounds, columns: colRow.length, ms: elapsed(), ...(resume ? { resume } : {}) };
  } catch (err) {
    if (err instanceof MasterFailed) return { declined: true, reason: `the master LP did not solve (HiGHS model status ${err.message})` };
    throw err;
  } finally {
    // (A kept root is released by `resume.release`.)
    if (!resume) {
      released = true;
      lp.dispose();
    }
  }
}

/** What is wrong with the options of {@link columnGeneration} (the first thing found), or undefined. */
function optionProblem(o: ColumnGenerationOptions): string | undefined {
  const whole = (v: number | undefined) => v === undefined || (Number.isInteger(v) && v >= 1);
  if (o.smoothing !== undefined && !(o.smoothing >= 0 && o.smoothing < 1)) return `smoothing must be in [0, 1), got ${o.smoothing}`;
  if (o.diveCellShare !== undefined && !(o.diveCellShare > 0 && o.diveCellShare <= 1)) return `diveCellShare must be in (0, 1], got ${o.diveCellShare}`;
  if (o.dive !== undefined && o.dive !== 'cells' && o.dive !== 'rows') return `dive must be 'cells' or 'rows', got ${String(o.dive)}`;
  if (o.diveStep !== undefined && !(o.diveStep > 0 && o.diveStep <= 1)) return `diveStep must be in (0, 1], got ${o.diveStep}`;
  if (!whole(o.dives)) return `dives must be a whole number ≥ 1, got ${o.dives}`;
  if (!whole(o.diveRounds)) return `diveRounds must be a whole number ≥ 1, got ${o.diveRounds}`;
  if (!whole(o.rowsPerRound)) return `rowsPerRound must be a whole number ≥ 1, got ${o.rowsPerRound}`;
  return undefined;
}

/**
 * The restricted master as a MIP: the master's own columns and rows,
 * one convexity row per employee, and a binary column per generated row.
 */
function restrictedMaster(base: ModelArrays, employees: number, rows: readonly { rows: Int32Array; values: Float64Array; cost: number }[]): ModelArrays {
  const n0 = base.numCols;
  const m0 = base.numRows;
  const numCols = n0 + rows.length;
  const numRows = m0 + employees;
  // Entries per row: the base's, then the generated columns'.
  const count = new Int32Array(numRows + 1);
  for (let r = 0; r < m0; r++) count[r + 1] = base.starts[r + 1]! - base.starts[r]!;
  for (const c of rows) for (let i = 0; i < c.rows.length; i++) count[c.rows[i]! + 1]!++;
  for (let r = 0; r < numRows; r++) count[r + 1]! += count[r]!;
  const starts = Int32Array.from(count);
  const fill = count.slice(0, numRows);
  const indices = new Int32Array(starts[numRows]!);
  const values = new Float64Array(starts[numRows]!);
  for (let r = 0; r < m0; r++) {
    for (let i = base.starts[r]!; i < base.starts[r + 1]!; i++) {
      indices[fill[r]!] = base.indices[i]!;
      values[fill[r]!] = base.values[i]!;
      fill[r]!++;
    }
  }
  rows.forEach((c, j) => {
    for (let i = 0; i < c.rows.length; i++) {
      const r = c.rows[i]!;
      indices[fill[r]!] = n0 + j;
      values[fill[r]!] = c.values[i]!;
      fill[r]!++;
    }
  });
  const colCost = new Float64Array(numCols);
  colCost.set(base.colCost);
  const colLower = new Float64Array(numCols);
  colLower.set(base.colLower);
  const colUpper = new Float64Array(numCols).fill(1);
  colUpper.set(base.colUpper);
  const integrality = new Int32Array(numCols).fill(1);
  integrality.set(base.integrality);
  rows.forEach((c, j) => {
    colCost[n0 + j] = c.cost;
  });
  const rowLower = new Float64Array(numRows).fill(1);
  rowLower.set(base.rowLower);
  const rowUpper = new Float64Array(numRows).fill(1);
  rowUpper.set(base.rowUpper);
  return { numCols, numRows, colCost, colLower, colUpper, rowLower, rowUpper, starts, indices, values, integrality };
}

/**
 * The master without the cells' columns (`isX`) and without the first `cellRows` rows (one per free
 * cell: at most one option, which the convexity rows imply). Other rows keep their other entries;
 * `rowMap` gives each old row's new index, −1 for a dropped one.
 */
function withoutCells(m: ModelArrays, isX: Uint8Array, cellRows: number): { arrays: ModelArrays; rowMap: Int32Array } {
  const colMap = new Int32Array(m.numCols).fill(-1);
  let nc = 0;
  for (let c = 0; c < m.numCols; c++) if (!isX[c]) colMap[c] = nc++;
  const rowMap = new Int32Array(m.numRows).fill(-1);
  let nr = 0;
  for (let r = cellRows; r < m.numRows; r++) rowMap[r] = nr++;
  const starts = new Int32Array(nr + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower = new Float64Array(nr);
  const rowUpper = new Float64Array(nr);
  for (let r = cellRows; r < m.numRows; r++) {
    const to = rowMap[r]!;
    for (let i = m.starts[r]!; i < m.starts[r + 1]!; i++) {
      const c = colMap[m.indices[i]!]!;
      if (c < 0) continue;
      indices.push(c);
      values.push(m.values[i]!);
    }
    starts[to + 1] = indices.length;
    rowLower[to] = m.rowLower[r]!;
    rowUpper[to] = m.rowUpper[r]!;
  }
  const pick = <T extends Float64Array | Int32Array>(a: T): T => {
    const b = new (a.constructor as new (n: number) => T)(nc);
    for (let c = 0; c < m.numCols; c++) if (colMap[c]! >= 0) b[colMap[c]!] = a[c]!;
    return b;
  };
  return {
    arrays: { numCols: nc, numRows: nr, colCost: pick(m.colCost), colLower: pick(m.colLower), colUpper: pick(m.colUpper), rowLower, rowUpper, starts, indices: Int32Array.from(indices), values: Float64Array.from(values), integrality: pick(m.integrality) },
    rowMap,
  };
}

/** What a row that breaks its program costs in the master, on top of its soft cost: the master takes it only when it must. */
const BROKEN_ROW_COST = 1e6;

/**
 * A row's own cost under its program (cells and pairs) — plus {@link BROKEN_ROW_COST} when the row
 * breaks the program (a base that is not legal yet), as the pricer finds when the row is the only
 * path it may take.
 */
function rowCost(p: RowProgram, row: Int16Array, options: number, days: number): number {
  const O1 = options + 1;
  const only = new Float64Array(p.cell.length).fill(Number.POSITIVE_INFINITY);
  for (let d = 0; d < days; d++) only[d * O1 + row[d]!] = p.cell[d * O1 + row[d]!]!;
  const [priced] = priceRows({ ...p, cell: only }, days, options, { count: 1, bucketCap: Number.POSITIVE_INFINITY });
  if (priced) return priced.cost;
  let cost = BROKEN_ROW_COST;
  for (let d = 0; d < days; d++) {
    const c = p.cell[d * O1 + row[d]!]!;
    if (Number.isFinite(c)) cost += c;
    if (d > 0 && row[d - 1]! < options && row[d]! < options) {
      const pc = p.pair[((d - 1) * options + row[d - 1]!) * options + row[d]!]!;
      if (Number.isFinite(pc)) cost += pc;
    }
  }
  return cost;
}
