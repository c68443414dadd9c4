/**
 * The pricer of the column generation: the cheapest rows of one employee under prices per cell, by
 * dynamic programming over the days (a resource-constrained shortest path). A label is a partial row
 * up to a day: its last option, the length of the run it ends with, whether that run began on day 0,
 * its sums (the counters), its worked weekends. Labels that agree on everything that decides the rest
 * (last option, run, the counters with a lower bound) compete in one bucket, where a label is dropped
 * when another is no dearer and uses no more of any bounded resource (the counters with only an
 * upper bound, the weekends). A bucket keeps at most `bucketCap` labels (the cheapest): beyond that the
 * pricer is a heuristic, which column generation tolerates (a missed column only slows it down, and
 * every row it returns is legal under the row program). A program over a window of the horizon starts
 * from the fixed run before it and ends against the fixed run after it (`before`, `after`).
 */
import type { RowProgram, RunBounds } from './rows.js';

/** A row the pricer found: an option per day (`options` for OFF), its soft cost and its reduced cost. */
export interface PricedRow {
  /** Option per day; the program's `options` index means OFF. */
  readonly row: Int16Array;
  /** The row's own soft cost (cells and pairs). */
  readonly cost: number;
  /** Cost plus the prices of its cells. */
  readonly reduced: number;
}

/** Options of {@link priceRows}. */
export interface PriceOptions {
  /** Price added to a worked cell: `price[d * options + o]` (e.g. duals of the master's linking rows). */
  readonly price?: Float64Array;
  /** Return at most this many rows (the cheapest by reduced cost; default 1). */
  readonly count?: number;
  /** Only rows with a reduced cost below this (default: any). */
  readonly below?: number;
  /** Labels kept per bucket (default 32). */
  readonly bucketCap?: number;
  /** Give up (no rows) once `performance.now()` passes this, checked once per day of the row. */
  readonly deadline?: number;
}

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

/**
 * The cheapest rows (by cost plus prices) of a row program over `days` days with `options` options;
 * empty when no row satisfies the program.
 */
export function priceRows(program: RowProgram, days: number, options: number, opts: PriceOptions = {}): PricedRow[] {
  return label(program, days, options, opts, false, Number.POSITIVE_INFINITY).rows;
}

/** Options of {@link enumerateRows}. */
export interface EnumerateOptions {
  /** Price added to a worked cell, as in {@link PriceOptions}. */
  readonly price?: Float64Array;
  /** Every row with a reduced cost below this. */
  readonly below: number;
  /** Give up (`complete: false`) past this many partial rows (default 2 000 000). */
  readonly maxLabels?: number;
  /** Give up (no rows, `complete: false`) once `performance.now()` passes this, checked once per day of the row. */
  readonly deadline?: number;
}

/**
 * Every row of a row program whose reduced cost (cost plus prices) is below `below`, cheapest first —
 * no row is left out for being dominated. Partial rows are dropped only when the cost to go (exact
 * but for the weekends and the sums with only a maximum that its table has no room for) shows they
 * cannot end below it, so the work follows the number of rows found. `complete` is false when `maxLabels` stopped it (the rows are then
 * those found among the partial rows kept).
 */
export function enumerateRows(program: RowProgram, days: number, options: number, opts: EnumerateOptions): { rows: PricedRow[]; complete: boolean } {
  return label(program, days, options, { ...(opts.price ? { price: opts.price } : {}), below: opts.below, count: Number.POSITIVE_INFINITY, ...(opts.deadline !== undefined ? { deadline: opts.deadline } : {}) }, true, opts.maxLabels ?? 2_000_000);
}

/** Largest cost-to-go table (days × states) the pricer builds for one call; beyond it, a weaker bound. */
const COST_TO_GO_CELLS = 4_000_000;
/**
 * Cost-to-go tables no pricing holds now, kept for the next. A pricing in progress holds its own: run
 * in slices, two pricings (two column generations in one process) take turns, and one table shared
 * between them would bound each by the other's costs.
 */
const freeTables: Float64Array[] = [];

/** The outcome of one pricing or enumeration: the rows, and whether no limit cut it short. */
interface Labelled {
  rows: PricedRow[];
  complete: boolean;
}

/** {@link labelSteps} run to its end at once. */
function label(program: RowProgram, days: number, options: number, opts: PriceOptions, enumerate: boolean, maxLabels: number): Labelled {
  const steps = labelSteps(program, days, options, opts, enumerate, maxLabels);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Longest slice of work, milliseconds, before the event loop has a turn (so that an abort is seen):
 * one pricer call or enumeration (one employee's row over four weeks under exact pricing takes up to
 * about 0.3 s on Curtois Instance 12, a year's range up to 0.7 s), and one solve of column
 * generation's master LP (up to about a second on Instance 12).
 */
export const SLICE_MS = 40;

/**
 * Run a pricing or an enumeration a slice of time at a time, with a turn of the event loop between
 * slices, so that an abort is seen while it works (one employee's row over four weeks under exact
 * pricing takes up to about 0.3 s on Curtois Instance 12, a year's row up to 0.7 s). Undefined when
 * `signal` was aborted before it ended (or before it began).
 */
export async function labelSliced(steps: Generator<undefined, Labelled, undefined>, sliceMs: number, signal?: AbortSignal): Promise<Labelled | undefined> {
  if (signal?.aborted) return undefined;
  let sliceEnd = performance.now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() < sliceEnd) continue;
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) return undefined;
    sliceEnd = performance.now() + sliceMs;
  }
}

/** {@link priceRows} as steps (one a day of the row, and one a day of its cost-to-go table), for {@link labelSliced}. */
export function priceRowsSteps(program: RowProgram, days: number, options: number, opts: PriceOptions = {}): Generator<undefined, Labelled, undefined> {
  return labelSteps(program, days, options, opts, false, Number.POSITIVE_INFINITY);
}

/** {@link enumerateRows} as steps, for {@link labelSliced}. */
export function enumerateRowsSteps(program: RowProgram, days: number, options: number, opts: EnumerateOptions): Generator<undefined, Labelled, undefined> {
  return labelSteps(program, days, options, { ...(opts.price ? { price: opts.price } : {}), below: opts.below, count: Number.POSITIVE_INFINITY, ...(opts.deadline !== undefined ? { deadline: opts.deadline } : {}) }, true, opts.maxLabels ?? 2_000_000);
}

function* labelSteps(program: RowProgram, days: number, options: number, opts: PriceOptions, enumerate: boolean, maxLabels: number): Generator<undefined, Labelled, undefined> {
  const lease: { table?: Float64Array } = {};
  try {
    return yield* labelStepsWith(lease, program, days, options, opts, enumerate, maxLabels);
  } finally {
    // Back to the free tables once done (a pricing given up half-way leaves its table to the GC).
    if (lease.table && freeTables.length < 2) freeTables.push(lease.table);
  }
}

function* labelStepsWith(
  lease: { table?: Float64Array },
  program: RowProgram,
  days: number,
  options: number,
  opts: PriceOptions,
  enumerate: boolean,
  maxLabels: number,
): Generator<undefined, Labelled, undefined> {
  const D = days;
  const O = options;
  const O1 = O + 1;
  const price = opts.price;
  const cap = opts.bucketCap ?? 32;
  const { pair, work, off, before, after } = program;
  // A counter whose bounds the fixed cells outside a window already break: no row.
  for (const c of program.counters) if (c.max < 0) return { rows: [], complete: true };
  // An option that alone passes a counter's maximum (a shift type someone may work 0 times) is
  // forbidden on its cell, so that counter need not be carried.
  let cell = program.cell;
  for (const c of program.counters) {
    if (!Number.isFinite(c.max) || c.value.some((v) => v < 0)) continue;
    for (let d = 0; d < D; d++) {
      for (let o = 0; o < O; o++) {
        if (c.value[d * O + o]! <= c.max || cell[d * O1 + o] === Number.POSITIVE_INFINITY) continue;
        if (cell === program.cell) cell = Float64Array.from(cell);
        cell[d * O1 + o] = Number.POSITIVE_INFINITY;
      }
    }
  }
  if (program.weekends && program.weekends.max < 0) return { rows: [], complete: true };
  // Counters: with a lower bound they are part of the bucket key (scaled by their values' gcd, capped
  // at the bound when there is no upper bound); with only an upper bound they are dominance dimensions.
  const keyed: { value: Int32Array; g: number; min: number; max: number; cap: number; radix: number; remain: Float64Array }[] = [];
  const capped: { value: Int32Array; max: number; remain: Float64Array }[] = [];
  for (const c of program.counters) {
    // remain[d]: the most the days d… can still add (over the options each cell allows).
    const remain = new Float64Array(D + 1);
    for (let d = D - 1; d >= 0; d--) {
      let best = 0;
      for (let o = 0; o < O; o++) if (cell[d * O1 + o] !== Number.POSITIVE_INFINITY) best = Math.max(best, c.value[d * O + o]!);
      remain[d] = remain[d + 1]! + best;
    }
    // A bound the row cannot reach is no bound.
    if (c.max >= remain[0]! && c.min <= 0) continue;
    if (c.min > 0) {
      let g = 0;
      for (let i = 0; i < c.value.length; i++) g = gcd(g, c.value[i]!);
      g = g || 1;
      const capV = Number.isFinite(c.max) ? Math.floor(c.max / g) : Math.ceil(c.min / g);
      keyed.push({ value: c.value, g, min: c.min, max: c.max, cap: capV, radix: capV + 1, remain });
    } else if (Number.isFinite(c.max)) {
      capped.push({ value: c.value, max: c.max, remain });
    }
  }
  // Options whose pair costs to the next day are the same on every day are one class for the bucket
  // key: what follows depends only on the class (the cheaper of two such labels is as good).
  const klass = new Int16Array(O + 2);
  {
    const rep: number[] = [];
    for (let o = 0; o < O; o++) {
      let k = rep.length;
      for (let j = 0; j < rep.length; j++) {
        const a = rep[j]!;
        let same = true;
        for (let d = 0; d + 1 < D && same; d++) {
          for (let o2 = 0; o2 < O; o2++) {
            if (pair[(d * O + a) * O + o2] !== pair[(d * O + o) * O + o2]) {
              same = false;
              break;
            }
          }
        }
        if (same) {
          k = j;
          break;
        }
      }
      if (k === rep.length) rep.push(o);
      klass[o] = k;
    }
    klass[O] = rep.length;
    klass[O + 1] = rep.length + 1;
  }
  const wk = program.weekends;
  const ND = capped.length + (wk ? 1 : 0);
  // Per dominance dimension, its bound and the most the days d… can still add (for the weekends, the
  // weekends not over before d): a label whose value plus that stays within the bound can never be
  // stopped by it, so that dimension does not count against it when labels are compared. On Curtois
  // Instance 8 most labels differ only in shift counts far below their maxima: exact pricing (no cap
  // per bucket) took 234 ms per call before, 11 ms with this.
  const dimMax = new Float64Array(ND);
  const dimStep = new Float64Array(ND);
  const dimRemain: Float64Array[] = [];
  for (let j = 0; j < capped.length; j++) {
    const { max, remain } = capped[j]!;
    // The largest one day can add: the largest step of its remainder.
    let step = 0;
    for (let d = 0; d < D; d++) step = Math.max(step, remain[d]! - remain[d + 1]!);
    dimMax[j] = max;
    dimStep[j] = step;
    dimRemain.push(remain);
  }
  if (wk) {
    const rem = new Float64Array(D + 1);
    for (let d = D - 1; d >= 0; d--) rem[d] = rem[d + 1]! + (wk.of[d]! >= 0 && (d === D - 1 || wk.of[d + 1] !== wk.of[d]) ? 1 : 0);
    dimMax[ND - 1] = wk.max;
    dimStep[ND - 1] = 1;
    dimRemain.push(rem);
  }
  const NK = keyed.length;
  const runCap = Math.max(Number.isFinite(work.max) ? work.max : work.min, Number.isFinite(off.max) ? off.max : off.min, 1);
  // Bucket key radices: last (O + 2 incl. "none"), run, init, weekend bit, keyed counters.
  let keySpace = (O + 2) * (runCap + 1) * 4;
  for (const k of keyed) keySpace *= k.radix;
  const numericKey = keySpace < 2 ** 50;

  let size = 1 << 12;
  let reduced = new Float64Array(size);
  let cost = new Float64Array(size);
  let parent = new Int32Array(size);
  let last = new Int16Array(size);
  let run = new Int16Array(size);
  let flags = new Uint8Array(size); // bit 0: run began on day 0; bit 1: this weekend counted
  let kv = new Int32Array(size * Math.max(1, NK));
  let dv = new Int32Array(size * Math.max(1, ND));
  const grow = () => {
    size *= 2;
    const g = <T extends Float64Array | Int32Array | Int16Array | Uint8Array>(a: T, m: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size * m);
      b.set(a);
      return b;
    };
    reduced = g(reduced, 1);
    cost = g(cost, 1);
    parent = g(parent, 1);
    last = g(last, 1);
    run = g(run, 1);
    flags = g(flags, 1);
    kv = g(kv, Math.max(1, NK));
    dv = g(dv, Math.max(1, ND));
  };
  // The last option of the label before day 0: none yet, or (in a window) the fixed day before it —
  // off, or worked (CARRY: its pair costs are already on day 0's cells).
  const CARRY = O + 2;
  parent[0] = -1;
  last[0] = before ? (before.worked ? CARRY : O) : O1;
  run[0] = before ? Math.min(before.run, runCap) : 0;
  flags[0] = before ? (before.edge ? 1 : 0) : 1;
  let n = 1;
  let cur: number[] = [0];
  const tk = new Int32Array(Math.max(1, NK));
  const td = new Int32Array(Math.max(1, ND));
  const slack = new Float64Array(Math.max(1, ND));
  const INF = Number.POSITIVE_INFINITY;
  // A bound on what the days after d can still add, resources mostly ignored: each day off at its
  // cost, plus the K most negative gains of working instead (the cheapest option's cost − off's), K the
  // most days the tightest sum with a maximum still allows (all its worked values positive). A label
  // that cannot get below \`below\` even so is dropped.
  const below = opts.below ?? INF;
  let bounding: { value: Int32Array; max: number; least: number; at: number } | undefined;
  for (let i = 0; i < keyed.length; i++) {
    const kc = keyed[i]!;
    if (!Number.isFinite(kc.max)) continue;
    let least = INF;
    for (let d = 0; d < D; d++) for (let o = 0; o < O; o++) if (cell[d * O1 + o] !== INF) least = Math.min(least, kc.value[d * O + o]!);
    if (least > 0 && least < INF && (!bounding || kc.max / least < bounding.max / bounding.least)) bounding = { value: kc.value, max: kc.max, least, at: i };
  }
  // offRest[d]: days d… off; gains[d]: the sorted negative gains of days d…, as prefix sums.
  const offRest = new Float64Array(D + 1);
  const gainPrefix: Float64Array[] = new Array(D + 1);
  gainPrefix[D] = new Float64Array(1);
  {
    const gains: number[] = [];
    for (let d = D - 1; d >= 0; d--) {
      const off = cell[d * O1 + O]!;
      let work = INF;
      for (let o = 0; o < O; o++) {
        const c = cell[d * O1 + o]!;
        if (c !== INF) work = Math.min(work, c + (price ? price[d * O + o]! : 0));
      }
      // An off day that is forbidden: the day must be worked (its cheapest option), else off.
      const base = off === INF ? (work === INF ? 0 : work) : off;
      offRest[d] = offRest[d + 1]! + base;
      const g = off === INF || work === INF ? 0 : work - off;
      if (g < 0) {
        let j = gains.length;
        gains.push(g);
        while (j > 0 && gains[j - 1]! > g) {
          gains[j] = gains[j - 1]!;
          j--;
        }
        gains[j] = g;
      }
      const pre = new Float64Array(gains.length + 1);
      for (let j = 0; j < gains.length; j++) pre[j + 1] = pre[j]! + gains[j]!;
      gainPrefix[d] = pre;
    }
  }
  const restBound = (d: number, used: number): number => {
    const pre = gainPrefix[d]!;
    let k = pre.length - 1;
    if (bounding) k = Math.min(k, Math.max(0, Math.floor((bounding.max - used) / bounding.least)));
    return offRest[d]! + pre[k]!;
  };
  /**
   * What option `o` on day `d` makes of the run of a label whose last option is `lLast` (an option,
   * OFF, none before day 0, or CARRY), run `lRun` days, begun on day 0 when `lInit`: the new label's
   * run × 2 + its init bit, or −1 when a run bound forbids it.
   */
  const runStep = (lLast: number, lRun: number, lInit: number, d: number, o: number): number => {
    const lWorked = lLast < O || lLast === CARRY;
    let r: number;
    let init = lInit;
    if (o < O) {
      if (lWorked) {
        r = lRun + 1;
        if (r > work.max) return -1;
      } else {
        // An off run ends on day d − 1.
        if (lLast === O && lRun < off.min && !(init && off.exemptAtBoundaries)) return -1;
        r = 1;
        init = d === 0 && !before ? 1 : 0;
      }
    } else if (lWorked) {
      if (lRun < work.min && !(init && work.exemptAtBoundaries)) return -1;
      r = 1;
      init = 0;
    } else if (lLast === O) {
      r = lRun + 1;
      if (r > off.max) return -1;
    } else {
      r = 1;
      init = 1;
    }
    return Math.min(r, runCap) * 2 + init;
  };
  // The last run touches the end of the horizon: exempt from its minimum only when the rule says so.
  // In a window that ends before the horizon does, it meets the fixed run after it.
  const fits = (b: RunBounds, length: number, edge: boolean) => length <= b.max && (length >= b.min || (edge && b.exemptAtBoundaries));
  const endOk = (lastWorked: boolean, r: number, init: boolean): boolean => {
    const own = lastWorked ? work : off;
    if (!after) return fits(own, r, true);
    if (lastWorked === after.worked) return fits(own, r + after.run, init || after.edge);
    return fits(own, r, init) && fits(after.worked ? work : off, after.run, after.edge);
  };
  // Cost to go: a backward pass over the labels' states (last option's class, run, init bit, the
  // counters with a lower bound, the weekends where the table stays small and, in an enumeration, the
  // counters with only a maximum that fit) gives the least cost of the days d… from each state after
  // day d − 1. It is exact but for what it leaves out, so a label that cannot end below \`below\` is
  // dropped on the day it is made, and an enumeration does work in proportion to the rows it finds.
  const nC = klass[O]!; // off's class; the worked classes are 0 … nC − 1
  const rep = new Int16Array(nC);
  for (let o = O - 1; o >= 0; o--) rep[klass[o]!] = o;
  // The counters of the cost to go's state: every keyed one, then (in an enumeration, where the bound
  // decides the work) the counters with only a maximum, smallest range first, while the table stays
  // within its size. `dim` is where a label holds the value: its keyed index, or its dominance
  // dimension (a capped counter's raw sum, scaled here by its gcd).
  const toGoDims: { value: Int32Array; g: number; min: number; max: number; cap: number; radix: number; remain: Float64Array; keyedAt: number; dim: number }[] = keyed.map((k, i) => ({ ...k, keyedAt: i, dim: -1 }));
  let KR = 1;
  for (const k of keyed) KR *= k.radix;
  let WB = wk ? (wk.max + 1) * 2 : 1;
  const cells = (kr: number, wb: number) => (D + 1) * (nC + 1) * (runCap + 1) * 2 * kr * wb;
  if (cells(KR, WB) > COST_TO_GO_CELLS) WB = 1;
  if (enumerate) {
    const extra = capped
      .map((c, j) => {
        let g = 0;
        for (let i = 0; i < c.value.length; i++) g = gcd(g, c.value[i]!);
        g = g || 1;
        return { value: c.value, g, min: 0, max: c.max, cap: Math.floor(c.max / g), radix: Math.floor(c.max / g) + 1, remain: c.remain, keyedAt: -1, dim: j };
      })
      .sort((a, b) => a.radix - b.radix);
    for (const x of extra) {
      if (cells(KR * x.radix, WB) > COST_TO_GO_CELLS) break;
      toGoDims.push(x);
      KR *= x.radix;
    }
  }
  const NT = toGoDims.length;
  const weight = new Int32Array(Math.max(1, NT));
  {
    let w = 1;
    for (let i = NT - 1; i >= 0; i--) {
      weight[i] = w;
      w *= toGoDims[i]!.radix;
    }
  }
  // Weekends in the state (count × this weekend's bit) when the table stays within its size.
  const IB = WB * KR;
  const S = (nC + 1) * (runCap + 1) * 2 * IB;
  let toGo: Float64Array | undefined;
  if (below < INF && (D + 1) * S <= COST_TO_GO_CELLS) {
    let table = freeTables.pop();
    if (!table || table.length < (D + 1) * S) table = new Float64Array((D + 1) * S);
    lease.table = table;
    toGo = table;
    const vals = new Int32Array(Math.max(1, NT));
    const decode = (km: number) => {
      for (let i = 0; i < NT; i++) vals[i] = Math.floor(km / weight[i]!) % toGoDims[i]!.radix;
    };
    toGo.fill(INF, 0, (D + 1) * S);
    for (let km = 0; km < KR; km++) {
      decode(km);
      let reached = true;
      for (let i = 0; i < NT; i++) if (vals[i]! * toGoDims[i]!.g < toGoDims[i]!.min) reached = false;
      if (!reached) continue;
      for (let L = 0; L <= nC; L++) {
        for (let r = 1; r <= runCap; r++) {
          for (let init = 0; init < 2; init++) {
            if (!endOk(L < nC, r, init === 1)) continue;
            for (let ew = 0; ew < WB; ew++) toGo[D * S + ((L * (runCap + 1) + r) * 2 + init) * IB + ew * KR + km] = 0;
          }
        }
      }
    }
    // The counters after option `o` on day `d` from the values `km` (one index), or −1 when that
    // passes a maximum or leaves too little for the days after d to reach a minimum.
    const advance = (km: number, d: number, o: number): number => {
      decode(km);
      let km2 = 0;
      for (let i = 0; i < NT; i++) {
        const kc = toGoDims[i]!;
        let v = vals[i]!;
        if (o < O) {
          v += kc.value[d * O + o]! / kc.g;
          if (v * kc.g > kc.max) return -1;
          if (v > kc.cap) v = kc.cap;
        }
        if (v * kc.g + kc.remain[d + 1]! < kc.min) return -1;
        km2 += v * weight[i]!;
      }
      return km2;
    };
    // The counter values a label can hold before each day: from none on day 0, by the options each
    // cell allows. The pass below works on those only (the others stay INF: no label is ever in
    // them). On Curtois Instance 9 worked minutes step by 480 in units of 120, so most values of the
    // range are never held. Per day and option, the reachable values before it and after it are kept
    // as two lists for that pass.
    const reach = new Uint8Array((D + 1) * KR);
    reach[0] = 1;
    const kmFrom = new Int32Array(D * O1 * KR);
    const kmTo = new Int32Array(D * O1 * KR);
    const kmCount = new Int32Array(D * O1);
    for (let d = 0; d < D; d++) {
      for (let km = 0; km < KR; km++) {
        if (!reach[d * KR + km]) continue;
        for (let o = 0; o <= O; o++) {
          if (cell[d * O1 + o] === INF) continue;
          const km2 = advance(km, d, o);
          if (km2 < 0) continue;
          reach[(d + 1) * KR + km2] = 1;
          const at = (d * O1 + o) * KR + kmCount[d * O1 + o]!++;
          kmFrom[at] = km;
          kmTo[at] = km2;
        }
      }
    }
    // The moves of (last option's class, run, init) on a worked day and on a day off, the same on
    // every day but the first: from state `src` (class L), to run × 2 + init `rs` of the new class.
    const moves = (o: number) => {
      const src: number[] = [];
      const cls: number[] = [];
      const rs: number[] = [];
      const run1: number[] = [];
      for (let L = 0; L <= nC; L++) {
        for (let r = 1; r <= runCap; r++) {
          for (let init = 0; init < 2; init++) {
            const s = runStep(L < nC ? rep[L]! : O, r, init, 1, o);
            if (s < 0) continue;
            src.push((L * (runCap + 1) + r) * 2 + init);
            cls.push(L);
            rs.push(s);
            // A run begun on day 0 (init) has lasted every day so far: only that length is held.
            run1.push(init ? r : 0);
          }
        }
      }
      return { src: Int32Array.from(src), cls: Int32Array.from(cls), rs: Int32Array.from(rs), run1: Int32Array.from(run1) };
    };
    const workedMoves = moves(0);
    const offMoves = moves(O);
    const classStep = new Float64Array(nC + 1);
    const runStride = (runCap + 1) * 2;
    // Weekends begun before each day (a label cannot have worked more of them).
    const weekendsBefore = new Int32Array(D + 1);
    for (let d = 0; d < D; d++) weekendsBefore[d + 1] = weekendsBefore[d]! + (wk && wk.of[d]! >= 0 && (d === 0 || wk.of[d - 1] !== wk.of[d]) ? 1 : 0);
    const run0 = before ? Math.min(before.run, runCap) : 0;
    for (let d = D - 1; d >= 1; d--) {
      yield;
      const next = (d + 1) * S;
      const k = wk ? wk.of[d]! : -1;
      const newWeekend = wk ? k >= 0 && wk.of[d - 1] !== k : false;
      // States no label holds before day d are left INF: a run begun on day 0 of any other length
      // than d days (and those before the window), this weekend's bit after a weekday, more weekends
      // than have begun.
      const initRun = Math.min(run0 + d, runCap);
      const bitHeld = wk ? wk.of[d - 1]! >= 0 : false;
      const weekendsHeld = weekendsBefore[d]!;
      for (let o = 0; o <= O; o++) {
        const count = kmCount[d * O1 + o]!;
        if (count === 0) continue;
        const worked = o < O;
        const base = cell[d * O1 + o]! + (worked && price ? price[d * O + o]! : 0);
        // The cost of the day from each class of the day before (its pair cost when both are worked).
        for (let L = 0; L <= nC; L++) classStep[L] = worked && L < nC ? base + pair[((d - 1) * O + rep[L]!) * O + o]! : base;
        const mv = worked ? workedMoves : offMoves;
        const toClass = next + klass[o]! * runStride * IB;
        const listAt = (d * O1 + o) * KR;
        for (let ew = 0; ew < WB; ew++) {
          // The weekends after day d (as in the forward pass).
          let ew2 = 0;
          if (WB > 1) {
            if ((ew & 1 && !bitHeld) || ew >> 1 > weekendsHeld) continue;
            let w = ew >> 1;
            let wbit = newWeekend ? 0 : ew & 1;
            if (k >= 0 && worked && !wbit) {
              w++;
              wbit = 1;
              if (w > wk!.max) continue;
            }
            if (k < 0) wbit = 0;
            ew2 = w * 2 + wbit;
          }
          const fromWeekend = d * S + ew * KR;
          const toWeekend = toClass + ew2 * KR;
          for (let t = 0; t < mv.src.length; t++) {
            const step = classStep[mv.cls[t]!]!;
            if (step === INF || (mv.run1[t]! > 0 && mv.run1[t] !== initRun)) continue;
            const from = fromWeekend + mv.src[t]! * IB;
            const to = toWeekend + mv.rs[t]! * IB;
            for (let i = 0; i < count; i++) {
              const v = step + toGo[to + kmTo[listAt + i]!]!;
              const at = from + kmFrom[listAt + i]!;
              if (v < toGo[at]!) toGo[at] = v;
            }
          }
        }
      }
    }
  }
  let complete = true;
  /** A new label: label `l` extended by option `o` on the day, with the new counters in `tk` and `td`. */
  const make = (l: number, o: number, red: number, step: number, r: number, flag: number): number => {
    if (n >= size) grow();
    reduced[n] = red;
    cost[n] = cost[l]! + step;
    parent[n] = l;
    last[n] = o;
    run[n] = r;
    flags[n] = flag;
    for (let i = 0; i < NK; i++) kv[n * NK + i] = tk[i]!;
    for (let j = 0; j < ND; j++) dv[n * ND + j] = td[j]!;
    return n++;
  };
  const deadline = opts.deadline ?? INF;
  for (let d = 0; d < D && cur.length > 0; d++) {
    yield;
    if (deadline < INF && performance.now() > deadline) return { rows: [], complete: false };
    const buckets = new Map<number | string, number[]>();
    const made: number[] = [];
    const k = wk ? wk.of[d]! : -1;
    const newWeekend = wk ? k >= 0 && (d === 0 || wk.of[d - 1] !== k) : false;
    for (const l of cur) {
      const lLast = last[l]!;
      const lRun = run[l]!;
      const lFlags = flags[l]!;
      const lWorked = lLast < O || lLast === CARRY;
      for (let o = 0; o <= O; o++) {
        const c = cell[d * O1 + o]!;
        if (c === INF) continue;
        const worked = o < O;
        let step = c;
        if (worked && lWorked) {
          const pc = lLast === CARRY ? 0 : pair[((d - 1) * O + lLast) * O + o]!;
          if (pc === INF) continue;
          step += pc;
        }
        const rs = runStep(lLast, lRun, lFlags & 1, d, o);
        if (rs < 0) continue;
        const r = rs >> 1;
        const init = rs & 1;
        let ok = true;
        for (let i = 0; i < NK && ok; i++) {
          const kc = keyed[i]!;
          let v = kv[l * NK + i]!;
          if (worked) {
            v += kc.value[d * O + o]! / kc.g;
            if (v * kc.g > kc.max) ok = false;
            if (v > kc.cap) v = kc.cap;
          }
          if (v * kc.g + kc.remain[d + 1]! < kc.min) ok = false;
          tk[i] = v;
        }
        if (!ok) continue;
        for (let i = 0; i < capped.length && ok; i++) {
          const cc = capped[i]!;
          let v = dv[l * ND + i]!;
          if (worked) {
            v += cc.value[d * O + o]!;
            if (v > cc.max) ok = false;
          }
          td[i] = v;
        }
        if (!ok) continue;
        let wbit = newWeekend ? 0 : (lFlags >> 1) & 1;
        if (wk) {
          let v = dv[l * ND + ND - 1]!;
          if (k >= 0 && worked && !wbit) {
            v++;
            wbit = 1;
            if (v > wk.max) continue;
          }
          td[ND - 1] = v;
        }
        if (k < 0) wbit = 0;
        const red = reduced[l]! + step + (worked && price ? price[d * O + o]! : 0);
        if (below < INF) {
          let lb: number;
          if (toGo) {
            let at = (d + 1) * S + ((klass[o]! * (runCap + 1) + r) * 2 + init) * IB + (WB > 1 ? (td[ND - 1]! * 2 + wbit) * KR : 0);
            for (let i = 0; i < NT; i++) {
              const t = toGoDims[i]!;
              at += (t.keyedAt >= 0 ? tk[t.keyedAt]! : td[t.dim]! / t.g) * weight[i]!;
            }
            lb = toGo[at]!;
          } else lb = restBound(d + 1, bounding ? tk[bounding.at]! * keyed[bounding.at]!.g : 0);
          if (red + lb >= below) continue;
        }
        if (enumerate) {
          // Every partial row is kept (no dominance, no cap), up to maxLabels.
          if (n >= maxLabels) complete = false;
          else made.push(make(l, o, red, step, r, init | (wbit << 1)));
          continue;
        }
        let key: number | string;
        if (numericKey) {
          let x = ((klass[o]! * (runCap + 1) + r) * 2 + init) * 2 + wbit;
          for (let i = 0; i < NK; i++) x = x * keyed[i]!.radix + tk[i]!;
          key = x;
        } else {
          key = `${klass[o]!},${r},${init},${wbit},${Array.from(tk.subarray(0, NK)).join(',')}`;
        }
        let list = buckets.get(key);
        if (!list) {
          list = [];
          buckets.set(key, list);
        }
        // Dominated by a label in the bucket (no dearer, no more of any capped resource that can still
        // bind)? The most any dimension can still grow: its own remainder, and no more worked days than the
        // tightest sum with a maximum allows (the same for every label of the bucket).
        if (list.length > 0) {
          const daysLeft = bounding ? Math.max(0, Math.floor((bounding.max - tk[bounding.at]! * keyed[bounding.at]!.g) / bounding.least)) : INF;
          for (let j = 0; j < ND; j++) slack[j] = dimMax[j]! - Math.min(dimRemain[j]![d + 1]!, daysLeft * dimStep[j]!);
        }
        let dominated = false;
        for (let i = 0; i < list.length && !dominated; i++) {
          const q = list[i]!;
          if (q < 0 || reduced[q]! > red + 1e-9) continue;
          let le = true;
          for (let j = 0; j < ND; j++) {
            const x = dv[q * ND + j]!;
            if (x > td[j]! && x > slack[j]!) {
              le = false;
              break;
            }
          }
          dominated = le;
        }
        if (dominated) continue;
        let live = 0;
        let worst = -1;
        for (let i = 0; i < list.length; i++) {
          const q = list[i]!;
          if (q < 0) continue;
          if (red <= reduced[q]! + 1e-9) {
            let ge = true;
            for (let j = 0; j < ND; j++) {
              if (dv[q * ND + j]! < td[j]! && td[j]! > slack[j]!) {
                ge = false;
                break;
              }
            }
            if (ge) {
              list[i] = -1;
              continue;
            }
          }
          live++;
          if (worst < 0 || reduced[q]! > reduced[list[worst]!]!) worst = i;
        }
        if (live >= cap) {
          if (reduced[list[worst]!]! <= red) continue;
          list[worst] = -1;
        }
        list.push(make(l, o, red, step, r, init | (wbit << 1)));
      }
    }
    if (enumerate) cur = made;
    else {
      cur = [];
      for (const list of buckets.values()) for (const q of list) if (q >= 0) cur.push(q);
    }
  }
  const finals = cur.filter((l) => {
    if (!endOk(last[l]! < O || last[l] === CARRY, run[l]!, (flags[l]! & 1) === 1)) return false;
    for (let i = 0; i < NK; i++) if (kv[l * NK + i]! * keyed[i]!.g < keyed[i]!.min) return false;
    return true;
  });
  finals.sort((a, b) => reduced[a]! - reduced[b]! || a - b);
  const out: PricedRow[] = [];
  const count = opts.count ?? 1;
  for (const l of finals) {
    if (out.length >= count || reduced[l]! >= below) break;
    const row = new Int16Array(D);
    let x = l;
    for (let d = D - 1; d >= 0; d--) {
      row[d] = last[x]!;
      x = parent[x]!;
    }
    out.push({ row, cost: cost[l]!, reduced: reduced[l]! });
  }
  return { rows: out, complete };
}
