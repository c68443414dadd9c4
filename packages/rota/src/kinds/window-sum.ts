import type { Assignment } from '../model/assignment.js';
import { type CompiledProblem, OFF } from '../model/compile.js';
import type { Constraint, ViolationDetail } from '../rules/kind.js';
import type { Rule } from '../rules/rule.js';

/** Day windows `[from, to)`; every employee shares them. */
export interface DayWindows {
  from: Int32Array;
  to: Int32Array;
}

/**
 * Rolling windows of `length` days, one starting at every day (the whole horizon when it is
 * shorter); with `before`, also the windows starting up to that many days before the horizon
 * (in the history), first.
 */
export function rollingWindows(days: number, length: number, before = 0): DayWindows {
  const n = Math.max(1, days - length + 1) + before;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    from[i] = i - before;
    to[i] = Math.min(days, i - before + length);
  }
  return { from, to };
}

/** Consecutive blocks of `length` days from the horizon start (the last one may be shorter). */
export function blockWindows(days: number, length: number): DayWindows {
  const n = Math.ceil(days / length);
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    from[i] = i * length;
    to[i] = Math.min(days, (i + 1) * length);
  }
  return { from, to };
}

/**
 * Calendar weeks (Monday–Sunday) wholly inside the horizon; with `history`, also the week the
 * horizon starts in when it starts after a Monday kept in the problem's history (first).
 */
export function calendarWeekWindows(model: CompiledProblem, history = false): DayWindows {
  const f: number[] = [];
  const monday = 1 - model.weekday[0]!;
  if (history && monday < 0 && -monday <= model.history.days && monday + 7 <= model.days) f.push(monday);
  for (let d = 0; d + 7 <= model.days; d++) if (model.weekday[d] === 1) f.push(d);
  return { from: Int32Array.from(f), to: Int32Array.from(f, (x) => x + 7) };
}

/**
 * Base of constraints on sums over day windows (hours per week, shifts per period, totals). Each
 * cell contributes `value` (and optionally `value2`); each (employee, window) has a penalty of its
 * sums. A change touches only the windows that contain the changed day: O(windows per day).
 *
 * Windows starting before the horizon (negative `from`, listed first) reach into the problem's
 * history: their sums start from the history cells' `historyValue`s, and their penalty counts only
 * what exceeds the penalty of the history alone (a violation the history causes by itself is not
 * the horizon's).
 */
export abstract class WindowSumConstraint implements Constraint {
  protected readonly sums: Float64Array;
  protected readonly sums2: Float64Array;
  protected readonly pens: Float64Array;
  /** CSR: windows containing day d are winIdx[winStart[d] .. winStart[d+1]). */
  private readonly winStart: Int32Array;
  private readonly winIdx: Int32Array;
  protected readonly W: number;
  /** Number of windows starting before the horizon (the first ones). */
  private readonly nPre: number;
  /** Per (employee, window before the horizon): history sums and the penalty of the history alone. */
  private readonly seed1: Float64Array;
  private readonly seed2: Float64Array;
  private readonly base: Float64Array;

  constructor(
    readonly model: CompiledProblem,
    readonly rule: Rule,
    readonly inScope: Uint8Array,
    protected readonly windows: DayWindows,
  ) {
    this.W = windows.from.length;
    this.sums = new Float64Array(model.employees * this.W);
    this.sums2 = new Float64Array(model.employees * this.W);
    this.pens = new Float64Array(model.employees * this.W);
    const lists: number[][] = Array.from({ length: model.days }, () => []);
    for (let w = 0; w < this.W; w++) for (let d = Math.max(0, windows.from[w]!); d < windows.to[w]!; d++) lists[d]!.push(w);
    this.winStart = new Int32Array(model.days + 1);
    const idx: number[] = [];
    for (let d = 0; d < model.days; d++) {
      this.winStart[d] = idx.length;
      idx.push(...lists[d]!);
    }
    this.winStart[model.days] = idx.length;
    this.winIdx = Int32Array.from(idx);
    let nPre = 0;
    while (nPre < this.W && windows.from[nPre]! < 0) nPre++;
    this.nPre = nPre;
    this.seed1 = new Float64Array(model.employees * nPre);
    this.seed2 = new Float64Array(model.employees * nPre);
    this.base = new Float64Array(model.employees * nPre);
  }

  /** Sums of the history cells in the windows before the horizon, and their penalties alone (once, on first use). */
  private seeded = false;
  private seedHistory(): void {
    this.seeded = true;
    const { history, employees } = this.model;
    const H = history.days;
    for (let e = 0; e < employees; e++) {
      for (let w = 0; w < this.nPre; w++) {
        let s1 = 0;
        let s2 = 0;
        for (let d = Math.max(-H, this.windows.from[w]!); d < 0; d++) {
          const h = e * H + H + d;
          if (history.option[h] === OFF) continue;
          s1 += this.historyValue(h);
          s2 += this.historyValue2(h);
        }
        const k = e * this.nPre + w;
        this.seed1[k] = s1;
        this.seed2[k] = s2;
        this.base[k] = this.inScope[e] ? this.penalty(e, w, s1, s2) : 0;
      }
    }
  }

  /** The day windows `[from, to)` (shared by every employee; those before the horizon first, with negative `from`). */
  get dayWindows(): DayWindows {
    return this.windows;
  }

  /** For a window starting before the horizon: employee e's `value` sum over its history days (0 for the others). */
  historySum(e: number, w: number): number {
    if (w >= this.nPre) return 0;
    if (!this.seeded) this.seedHistory();
    return this.seed1[e * this.nPre + w]!;
  }

  /** For a window starting before the horizon: employee e's `value2` sum over its history days (0 for the others). */
  historySum2(e: number, w: number): number {
    if (w >= this.nPre) return 0;
    if (!this.seeded) this.seedHistory();
    return this.seed2[e * this.nPre + w]!;
  }

  /** Contribution of option o (never OFF) on day d; must not depend on the employee (values are tabled per day and option). */
  abstract value(e: number, d: number, o: number): number;
  /** Secondary contribution (default 0). */
  value2(_e: number, _d: number, _o: number): number {
    return 0;
  }
  /** Contribution of the worked history cell h (an index into {@link CompiledProblem.history}'s arrays). */
  abstract historyValue(h: number): number;
  /** Secondary contribution of the worked history cell h (default 0). */
  historyValue2(_h: number): number {
    return 0;
  }
  /** Penalty of employee e's window w with these sums; emit describes the violation. */
  abstract penalty(e: number, w: number, sum: number, sum2: number, emit?: (v: ViolationDetail) => void): number;

  /** Per (day, option) values, built on first use: values depend on the day and option only. */
  private table: Float64Array | undefined;
  private table2: Float64Array | undefined;

  private tables(): [Float64Array, Float64Array] {
    if (!this.table || !this.table2) {
      const { days, options } = this.model;
      this.table = new Float64Array(days * options);
      this.table2 = new Float64Array(days * options);
      for (let d = 0; d < days; d++) {
        for (let o = 0; o < options; o++) {
          this.table[d * options + o] = this.value(0, d, o);
          this.table2[d * options + o] = this.value2(0, d, o);
        }
      }
    }
    return [this.table, this.table2];
  }

  init(a: Assignment): number {
    const { days, employees, options } = this.model;
    const [t1, t2] = this.tables();
    if (!this.seeded) this.seedHistory();
    const { from, to } = this.windows;
    const nPre = this.nPre;
    // Prefix sums per employee: every window sum in O(days + windows).
    const p1 = new Float64Array(days + 1);
    const p2 = new Float64Array(days + 1);
    let total = 0;
    for (let e = 0; e < employees; e++) {
      if (!this.inScope[e]) {
        for (let w = 0; w < this.W; w++) {
          const k = e * this.W + w;
          this.sums[k] = 0;
          this.sums2[k] = 0;
          this.pens[k] = 0;
        }
        continue;
      }
      for (let d = 0; d < days; d++) {
        const o = a[e * days + d]!;
        p1[d + 1] = p1[d]! + (o === OFF ? 0 : t1[d * options + o]!);
        p2[d + 1] = p2[d]! + (o === OFF ? 0 : t2[d * options + o]!);
      }
      const { sums, sums2, pens, W } = this;
      for (let w = 0; w < W; w++) {
        const k = e * W + w;
        const f = Math.max(0, from[w]!);
        const s1 = p1[to[w]!]! - p1[f]! + (w < nPre ? this.seed1[e * nPre + w]! : 0);
        const s2 = p2[to[w]!]! - p2[f]! + (w < nPre ? this.seed2[e * nPre + w]! : 0);
        sums[k] = s1;
        sums2[k] = s2;
        const pen = this.penalty(e, w, s1, s2) - (w < nPre ? this.base[e * nPre + w]! : 0);
        pens[k] = pen;
        total += pen;
      }
    }
    return total;
  }

  change(e: number, d: number, oldO: number, newO: number): number {
    if (!this.inScope[e]) return 0;
    const [t1, t2] = this.tables();
    const base = d * this.model.options;
    const dv = (newO === OFF ? 0 : t1[base + newO]!) - (oldO === OFF ? 0 : t1[base + oldO]!);
    const dv2 = (newO === OFF ? 0 : t2[base + newO]!) - (oldO === OFF ? 0 : t2[base + oldO]!);
    if (dv === 0 && dv2 === 0) return 0;
    let dp = 0;
    for (let i = this.winStart[d]!; i < this.winStart[d + 1]!; i++) {
      const w = this.winIdx[i]!;
      const k = e * this.W + w;
      this.sums[k]! += dv;
      this.sums2[k]! += dv2;
      const p = this.penalty(e, w, this.sums[k]!, this.sums2[k]!) - (w < this.nPre ? this.base[e * this.nPre + w]! : 0);
      dp += p - this.pens[k]!;
      this.pens[k] = p;
    }
    return dp;
  }

  explain(a: Assignment, emit: (v: ViolationDetail) => void): void {
    this.init(a);
    for (let e = 0; e < this.model.employees; e++) {
      if (!this.inScope[e]) continue;
      for (let w = 0; w < this.W; w++) {
        const k = e * this.W + w;
        if (this.pens[k]! === 0) continue;
        if (w >= this.nPre) {
          this.penalty(e, w, this.sums[k]!, this.sums2[k]!, emit);
          continue;
        }
        // A window reaching into the history: reported on day 0, less what the history alone gives.
        const base = this.base[e * this.nPre + w]!;
        this.penalty(e, w, this.sums[k]!, this.sums2[k]!, (v) => emit({ ...v, day: 0, amount: v.amount - base, data: { ...v.data, historyDay: this.windows.from[w]! } }));
      }
    }
  }
}
