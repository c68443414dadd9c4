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
}

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

/**
 * The cheapest rows (by cost plus prices) of a row program over `days` days with `options` options;
 * empty when no row satisfies the program.
 */
export function priceRows(program: RowProgram, days: number, options: number, opts: PriceOptions = {}): PricedRow[] {
  const D = days;
  const O = options;
  const O1 = O + 1;
  const price = opts.price;
  const cap = opts.bucketCap ?? 32;
  const { cell, pair, work, off, before, after } = program;
  // A counter whose bounds the fixed cells outside a window already break: no row.
  for (const c of program.counters) if (c.max < 0) return [];
  if (program.weekends && program.weekends.max < 0) return [];
  // Counters: with a lower bound they are part of the bucket key (scaled by their values' gcd, capped
  // at the bound when there is no upper bound); with only an upper bound they are dominance dimensions.
  const keyed: { value: Int32Array; g: number; min: number; max: number; cap: number; radix: number; remain: Float64Array }[] = [];
  const capped: { value: Int32Array; max: number }[] = [];
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
      capped.push({ value: c.value, max: c.max });
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
    const cc = capped[j]!;
    const rem = new Float64Array(D + 1);
    let step = 0;
    for (let d = D - 1; d >= 0; d--) {
      let best = 0;
      for (let o = 0; o < O; o++) if (cell[d * O1 + o] !== Number.POSITIVE_INFINITY) best = Math.max(best, cc.value[d * O + o]!);
      rem[d] = rem[d + 1]! + best;
      step = Math.max(step, best);
    }
    dimMax[j] = cc.max;
    dimStep[j] = step;
    dimRemain.push(rem);
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
  for (let d = 0; d < D && cur.length > 0; d++) {
    const buckets = new Map<number | string, number[]>();
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
        let r: number;
        let init = lFlags & 1;
        let step = c;
        if (worked) {
          if (lWorked) {
            const pc = lLast === CARRY ? 0 : pair[((d - 1) * O + lLast) * O + o]!;
            if (pc === INF) continue;
            step += pc;
            r = lRun + 1;
            if (r > work.max) continue;
          } else {
            // An off run ends on day d − 1.
            if (lLast === O && lRun < off.min && !(init && off.exemptAtBoundaries)) continue;
            r = 1;
            init = d === 0 && !before ? 1 : 0;
          }
        } else if (lWorked) {
          if (lRun < work.min && !(init && work.exemptAtBoundaries)) continue;
          r = 1;
          init = 0;
        } else if (lLast === O) {
          r = lRun + 1;
          if (r > off.max) continue;
        } else {
          r = 1;
          init = 1;
        }
        if (r > runCap) r = runCap;
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
        if (below < INF && red + restBound(d + 1, bounding ? tk[bounding.at]! * keyed[bounding.at]!.g : 0) >= below) continue;
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
        if (n >= size) grow();
        reduced[n] = red;
        cost[n] = cost[l]! + step;
        parent[n] = l;
        last[n] = o;
        run[n] = r;
        flags[n] = init | (wbit << 1);
        for (let i = 0; i < NK; i++) kv[n * NK + i] = tk[i]!;
        for (let j = 0; j < ND; j++) dv[n * ND + j] = td[j]!;
        list.push(n);
        n++;
      }
    }
    cur = [];
    for (const list of buckets.values()) for (const q of list) if (q >= 0) cur.push(q);
  }
  // The last run touches the end of the horizon: exempt from its minimum only when the rule says so.
  // In a window that ends before the horizon does, it meets the fixed run after it.
  const fits = (b: RunBounds, length: number, edge: boolean) => length <= b.max && (length >= b.min || (edge && b.exemptAtBoundaries));
  const finals = cur.filter((l) => {
    const lastWorked = last[l]! < O || last[l] === CARRY;
    const init = (flags[l]! & 1) === 1;
    const own = lastWorked ? work : off;
    if (!after) {
      if (!fits(own, run[l]!, true)) return false;
    } else if (lastWorked === after.worked) {
      if (!fits(own, run[l]! + after.run, init || after.edge)) return false;
    } else if (!fits(own, run[l]!, init) || !fits(after.worked ? work : off, after.run, after.edge)) return false;
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
  return out;
}
