/**
 * Linear encodings of rule kinds for the MIP repair. Each encoding reads the rule's params with the
 * kind's own zod schema and adds, for the rule's scope, penalty terms whose value at every integer
 * point equals the kind's penalty (in the kind's unit) on the terms that involve free cells. Kinds
 * without an encoding make the MIP path decline; a rule is never silently dropped.
 */
import { meetsRequirement } from '@omsorg/domain';
import { CellConstraint } from '../../kinds/cells.js';
import { coverageKind } from '../../kinds/coverage.js';
import { Fairness, fairnessKind } from '../../kinds/fairness.js';
import {
  AverageWeekly,
  averageWeeklyHoursKind,
  contractedHoursKind,
  maxWorkPerWeekKind,
  NightWorkerAverage,
  nightWorkerAverageKind,
  shiftTypeCountKind,
  totalWorkedMinutesKind,
} from '../../kinds/hours.js';
import { MaxWorkIn24h, maxWorkIn24hKind, WeeklyRest, weeklyRestKind } from '../../kinds/rest.js';
import { consecutiveDaysOffKind, consecutiveWorkDaysKind, forbiddenSuccessionKind, RunConstraint } from '../../kinds/sequences.js';
import { optionMask } from '../../kinds/shared.js';
import { completeWeekendsKind, SundayHolidayOff, sundayHolidayOffKind, WeekendWork, weekendWorkKind } from '../../kinds/weekends.js';
import { blockWindows, WindowSumConstraint } from '../../kinds/window-sum.js';
import { type CompiledProblem, OFF } from '../../model/compile.js';
import { type Constraint, LocalConstraint, PairConstraint, RowConstraint, type RuleKindDefinition } from '../../rules/kind.js';
import type { Rule } from '../../rules/rule.js';
import { LinExpr, type LinearModel } from './linear.js';

/** What an encoding sees: the model under construction and the free part of the rota. */
export interface EncodeContext {
  /** The compiled problem. */
  readonly model: CompiledProblem;
  /** The linear model being built. */
  readonly lm: LinearModel;
  /** The rule being encoded (validated). */
  readonly rule: Rule;
  /** The rule's compiled constraint (the evaluator's own), for encodings that read its tables and windows. */
  readonly constraint: Constraint;
  /** 1 for employees in the rule's scope (`scopeMask`). */
  readonly inScope: Uint8Array;
  /** Employees whose rows hold free cells; per-employee rules encode these rows (other rows are constant). */
  readonly rows: readonly number[];
  /** First day with free cells. */
  readonly fromDay: number;
  /** Last day with free cells (inclusive). */
  readonly toDay: number;
  /** `Σ_o f(o) × [cell (e, d) holds option o]`; OFF counts 0; a fixed cell gives a constant. */
  cell(e: number, d: number, f: (o: number) => number): LinExpr;
  /**
   * The option a fixed cell holds ({@link OFF} when off), or undefined when the cell is free: sums over
   * a long row read their fixed cells through it without an expression per cell.
   */
  fixedOption(e: number, d: number): number | undefined;
  /** True when the rule's terms become constraints (a hard rule with hard rules as constraints): only legality counts. */
  readonly strict: boolean;
  /** `rule.weight × unit × max(0, exprs…)`, hard or soft by the rule's level. `linear`: one expression, never negative. */
  penalty(exprs: LinExpr[], unit: number, linear?: boolean): void;
  /** `rule.weight × (below × max(0, −expr) + above × max(0, expr))`: one row when the sub-problem asks for it (`oneRowTargets`), else a row per side. */
  deviation(expr: LinExpr, below: number, above: number): void;
}

/** A rule kind's linear encoding. */
export interface MipEncoding {
  /** The kind definition this encoding was written for (a replaced kind of the same name is declined). */
  readonly kind: RuleKindDefinition<never>;
  /** Add the rule's terms; returns false when this rule's params are outside what the encoding covers. */
  encode(ctx: EncodeContext): boolean;
}

function encoding<P>(kind: RuleKindDefinition<P>, encode: (ctx: EncodeContext, p: P) => unknown): MipEncoding {
  return { kind: kind as unknown as RuleKindDefinition<never>, encode: (ctx) => encode(ctx, kind.params.parse(ctx.rule.params)) !== false };
}

const one = () => 1;

/** Members of a run-based rule on day d: worked cells of the selected shifts, or off cells. */
function runMember(ctx: EncodeContext, e: number, d: number, mask: Uint8Array | undefined): LinExpr {
  if (mask) return ctx.cell(e, d, (o) => mask[o]!);
  return new LinExpr(1).addExpr(ctx.cell(e, d, one), -1);
}

/**
 * Runs of consecutive member days: `max − L` per run over `max` (counted as the windows of `max + 1`
 * member days) and `min − L` per run under `min` (one pattern term per start and length).
 */
function encodeRuns(ctx: EncodeContext, p: { min?: number | undefined; max?: number | undefined; exemptAtBoundaries: boolean }, mask: Uint8Array | undefined): boolean {
  const { days } = ctx.model;
  if (p.min !== undefined && p.max !== undefined && p.min > p.max + 1) return false;
  const c = ctx.constraint;
  const H = ctx.model.history.days;
  for (const e of ctx.rows) {
    if (!ctx.inScope[e]) continue;
    // The run the history ends with: a run from day 0 continues it (its days count), and day 0 is a
    // boundary (exempt from min) only when the history does not show where the run began.
    const lead = c instanceof RunConstraint ? c.historyLead(e) : 0;
    const exemptStart = p.exemptAtBoundaries && (H === 0 || lead === H);
    // Terms wholly outside [fromDay − reach, toDay + reach] are constant: they are left out.
    const reach = Math.max(p.max ?? 0, p.min ?? 0) + 1;
    const lo = Math.max(0, ctx.fromDay - reach);
    const hi = Math.min(days - 1, ctx.toDay + reach);
    const mem: LinExpr[] = [];
    for (let d = lo; d <= hi; d++) mem[d] = runMember(ctx, e, d, mask);
    // Members before the horizon: the history's run (constants).
    const at = (d: number) => (d >= 0 ? mem[d]! : new LinExpr(d >= -lead ? 1 : 0));
    if (p.max !== undefined) {
      const M = p.max;
      for (let s = Math.max(-lead, ctx.fromDay - M); s + M < days && s <= ctx.toDay; s++) {
        const w = new LinExpr(-M);
        for (let d = s; d <= s + M; d++) w.addExpr(at(d));
        ctx.penalty([w], 1);
      }
    }
    if (p.min !== undefined && ctx.strict) {
      // Legality only: a run starting on day s (not exempt) holds its next min − 1 days, the tight form;
      // from day 0 it has the history's days already.
      for (let s = Math.max(0, ctx.fromDay - p.min); s <= Math.min(days - 1, ctx.toDay + 1); s++) {
        if (s === 0 && exemptStart) continue;
        const start = new LinExpr().addExpr(mem[s]!);
        if (s > 0) start.addExpr(mem[s - 1]!, -1);
        for (let j = 1; j < p.min - (s === 0 ? lead : 0); j++) {
          if (s + j >= days) {
            if (!p.exemptAtBoundaries) ctx.penalty([start], 1);
            break;
          }
          ctx.penalty([new LinExpr().addExpr(start).addExpr(mem[s + j]!, -1)], 1);
        }
      }
    } else if (p.min !== undefined) {
      for (let len = 1; len < p.min; len++) {
        for (let s = Math.max(0, ctx.fromDay - len); s + len <= days && s <= ctx.toDay + 1; s++) {
          const last = s + len - 1;
          if ((s === 0 && exemptStart) || (p.exemptAtBoundaries && last === days - 1)) continue;
          const short = p.min - len - (s === 0 ? lead : 0);
          if (short <= 0) continue;
          // 1 exactly when days s..last are members and their neighbours (inside the horizon) are not.
          const x = new LinExpr(1 - len);
          for (let d = s; d <= last; d++) x.addExpr(mem[d]!);
          if (s > 0) x.addExpr(mem[s - 1]!, -1);
          if (last + 1 < days) x.addExpr(mem[last + 1]!, -1);
          ctx.penalty([x], short);
        }
      }
    }
  }
  return true;
}

/**
 * Who meets each demand line's competence (and is in the rule's scope), per compiled coverage rule and
 * line, filled as repairs reach the lines' days: the same for every repair of a search, and a year has
 * thousands of lines.
 */
const coverageMeets = new WeakMap<Constraint, Map<number, Uint8Array>>();

const coverage = encoding(coverageKind, (ctx, p) => {
  const { model } = ctx;
  const { problem } = model;
  const E = model.employees;
  const wardUnit = new Map(problem.wards.map((w) => [w.id, w.unitId]));
  let employeeUnits: Set<string>[] | undefined;
  const unitsOf = (e: number) => {
    employeeUnits ??= problem.employees.map((emp) => new Set(problem.positions.filter((x) => x.employeeId === emp.id).map((x) => x.unitId)));
    return employeeUnits[e]!;
  };
  let meetsOf = coverageMeets.get(ctx.constraint);
  if (!meetsOf) {
    meetsOf = new Map();
    coverageMeets.set(ctx.constraint, meetsOf);
  }
  const meets = (source: number): Uint8Array => {
    let who = meetsOf.get(source);
    if (!who) {
      const line = problem.demand[source]!;
      who = Uint8Array.from(problem.employees, (emp, e) => (ctx.inScope[e] === 1 && meetsRequirement(emp, line.competence) ? 1 : 0));
      meetsOf.set(source, who);
    }
    return who;
  };
  for (let d = ctx.fromDay; d <= ctx.toDay; d++) {
    const lines = model.demand[d]!.flatMap((line) => {
      const s = model.shiftIndex.get(line.shiftTypeId);
      return s === undefined ? [] : [{ line, s, who: meets(line.source), count: new LinExpr() }];
    });
    // Whether employee e on option o counts for a line.
    const counts = (l: (typeof lines)[number], e: number, o: number): number => {
      if (model.optionShift[o] !== l.s) return 0;
      const optWard = model.optionWard[o];
      if (l.line.wardId !== undefined) return optWard === l.line.wardId ? 1 : 0;
      if (l.line.unitId !== undefined) return (optWard !== undefined ? wardUnit.get(optWard) === l.line.unitId : unitsOf(e).has(l.line.unitId)) ? 1 : 0;
      return 1;
    };
    // Each employee once per day: most cells of a repair are fixed, and their count is a number
    // (a window of 2 employees × 8 months on a year of 100 would otherwise write about 400 000 cells).
    for (let e = 0; e < E; e++) {
      const fixed = ctx.fixedOption(e, d);
      if (fixed === OFF) continue;
      for (const l of lines) {
        if (!l.who[e]) continue;
        if (fixed === undefined) l.count.addExpr(ctx.cell(e, d, (o) => counts(l, e, o)));
        else l.count.constant += counts(l, e, fixed);
      }
    }
    for (const { line, count } of lines) {
      const lower = p.target === 'min' ? line.min : p.target === 'preferred' ? line.preferred : 0;
      const upper = p.target === 'max' ? (line.max ?? 2 ** 30) : p.target === 'preferred' ? line.preferred : 2 ** 30;
      const wUnder = line.weightUnder ?? p.weightUnder;
      const wOver = p.target === 'max' ? (line.weightOver ?? Math.max(1, p.weightOver)) : (line.weightOver ?? p.weightOver);
      if (lower === upper && lower > 0 && wUnder > 0 && wOver > 0) {
        // A target: under and over (one row where the sub-problem asks for it; else as below).
        ctx.deviation(new LinExpr(-lower).addExpr(count), wUnder, wOver);
        continue;
      }
      if (lower > 0 && wUnder > 0) ctx.penalty([new LinExpr(lower).addExpr(count, -1)], wUnder);
      if (upper < 2 ** 30 && wOver > 0) ctx.penalty([new LinExpr(-upper).addExpr(count)], wOver);
    }
  }
});

const forbiddenSuccession = encoding(forbiddenSuccessionKind, (ctx, p) => {
  const { model } = ctx;
  const S = model.shifts;
  const next: number[][] = Array.from({ length: S }, () => []);
  for (const { from, to } of p.pairs) {
    const f = model.shiftIndex.get(from);
    const t = model.shiftIndex.get(to);
    if (f !== undefined && t !== undefined && !next[f]!.includes(t)) next[f]!.push(t);
  }
  const c = ctx.constraint;
  for (const e of ctx.rows) {
    if (!ctx.inScope[e]) continue;
    if (c instanceof PairConstraint) historyPair(ctx, e, c);
    for (let d = Math.max(0, ctx.fromDay - 1); d + 1 < model.days && d <= ctx.toDay; d++) {
      // One term per day pair: at most one `from` shift is worked on day d.
      const exprs: LinExpr[] = [];
      for (let f = 0; f < S; f++) {
        const succ = next[f]!;
        if (succ.length === 0) continue;
        exprs.push(
          new LinExpr(-1).addExpr(ctx.cell(e, d, (o) => (model.optionShift[o] === f ? 1 : 0))).addExpr(ctx.cell(e, d + 1, (o) => (succ.includes(model.optionShift[o]!) ? 1 : 0))),
        );
      }
      ctx.penalty(exprs, 1);
    }
  }
});

/** Sums over block windows with min/max: shift counts and worked minutes. */
function encodeWindowBounds(ctx: EncodeContext, periodDays: number, value: (d: number, o: number) => number, min: number | undefined, max: number | undefined): void {
  const windows = blockWindows(ctx.model.days, periodDays);
  const { live, lo, hi, running } = liveWindows(ctx, windows.from, windows.to);
  for (const e of ctx.rows) {
    if (!ctx.inScope[e]) continue;
    const rows = rowSums(ctx, e, lo, hi, value, running);
    for (const w of live) {
      const sum = rows.sum(windows.from[w]!, windows.to[w]!);
      if (min !== undefined) ctx.penalty([new LinExpr(min).addExpr(sum, -1)], 1);
      if (max !== undefined) ctx.penalty([new LinExpr(-max).addExpr(sum)], 1);
    }
  }
}

const shiftTypeCount = encoding(shiftTypeCountKind, (ctx, p) => {
  const mask = optionMask(ctx.model, p);
  encodeWindowBounds(ctx, p.periodDays ?? ctx.model.days, (_d, o) => mask[o]!, p.min, p.max);
});

const totalWorkedMinutes = encoding(totalWorkedMinutesKind, (ctx, p) => {
  const { model } = ctx;
  const arr = p.measure === 'real' ? model.work : model.nominalWork;
  encodeWindowBounds(ctx, model.days, (d, o) => arr[d * model.shifts + model.optionShift[o]!]!, p.min, p.max);
});

const consecutiveWorkDays = encoding(consecutiveWorkDaysKind, (ctx, p) => encodeRuns(ctx, p, optionMask(ctx.model, p)));

const consecutiveDaysOff = encoding(consecutiveDaysOffKind, (ctx, p) => encodeRuns(ctx, p, undefined));

const weekendWork = encoding(weekendWorkKind, (ctx, p) => {
  const { model } = ctx;
  const c = ctx.constraint;
  if (!(c instanceof WeekendWork)) return false;
  const sats = c.saturdays;
  const weekendOf = new Int32Array(model.days).fill(-1);
  sats.forEach((s, k) => {
    for (let d = s - 1; d <= s + 1; d++) if (d >= 0 && d < model.days && (p.definition === 'time' || d >= s)) weekendOf[d] = k;
  });
  for (const e of ctx.rows) {
    if (!ctx.inScope[e]) continue;
    // Worked weekend k: the largest of its days' worked indicators (a column in [0, 1]); the first one's
    // history days are a constant, as are the weekends before the horizon.
    const worked = Array.from(sats, (s, k) => {
      const days: LinExpr[] = [new LinExpr(c.historyWeekend(e, k))];
      for (let d = s - 1; d <= s + 1; d++) {
        if (d < 0 || d >= model.days || weekendOf[d] !== k) continue;
        days.push(ctx.cell(e, d, (o) => (p.definition === 'dates' || model.weekend[d * model.shifts + model.optionShift[o]!]! > 0 ? 1 : 0)));
      }
      return ctx.lm.maxOf(days, 1);
    });
    const at = (k: number) => (k < 0 ? new LinExpr(c.historyWeekend(e, k)) : worked[k]!);
    if (p.maxTotal !== undefined) {
      const total = new LinExpr(-p.maxTotal);
      for (const w of worked) total.addExpr(w);
      ctx.penalty([total], 1);
    }
    if (p.maxInWindow) {
      const { count, window } = p.maxInWindow;
      for (let i = c.firstWindowWeekend; i + window <= worked.length; i++) {
        const sum = new LinExpr(-count);
        for (let k = i; k < i + window; k++) sum.addExpr(at(k));
        ctx.penalty([sum], 1);
      }
    }
  }
});

/**
 * Scratch arrays of {@link rowSums}, by slot (its prefix sums of constants and of upper bounds): every
 * repair's model sums each rule over each free employee's row, and on a year with 100 employees
 * a fresh pair of arrays per sum made tens of megabytes of garbage per model.
 */
const scratch: Float64Array[] = [];

/** Scratch array `i`, at least `length` long (its contents are whatever the last user left). */
function scratchOf(i: number, length: number): Float64Array {
  let a = scratch[i];
  if (a === undefined || a.length < length) {
    a = new Float64Array(Math.max(length, 2 * (a?.length ?? 0), 512));
    scratch[i] = a;
  }
  return a;
}

/**
 * Sums of `f` over employee e's days `lo … hi − 1`. With `running` (windows that overlap, so that the
 * cells would be written many times) through running sums: one alias column per free day
 * (`prefix[d] = prefix[d − 1] + cell(d)`), so a window costs two terms however long it is — an 8-week
 * rolling average over a 120-day neighbourhood would otherwise write each cell into 56 windows.
 * `sum(a, b)` is `Σ_{a ≤ d < b} cell(e, d, f)`, `max(a, b)` an upper bound of it. The result reads
 * scratch arrays of its `slot` (0 or 1): it holds until the next call with the same slot.
 */
function rowSums(
  ctx: EncodeContext,
  e: number,
  lo: number,
  hi: number,
  f: (d: number, o: number) => number,
  running: boolean,
  slot: 0 | 1 = 0,
): { sum(a: number, b: number): LinExpr; max(a: number, b: number): number } {
  const n = Math.max(0, hi - lo);
  const constant = scratchOf(2 * slot, n + 1);
  const top = scratchOf(2 * slot + 1, n + 1);
  constant[0] = 0;
  top[0] = 0;
  // The free cells' expressions (undefined for a fixed cell: its value is in `constant`).
  const cells: (LinExpr | undefined)[] = [];
  const prefix: LinExpr[] = [new LinExpr()];
  for (let i = 0; i < n; i++) {
    const d = lo + i;
    // Nearly every cell of a long row is fixed: a number, not an expression (on a year of 100
    // employees the sums of a repair over a few days built about a million expressions).
    const fixed = ctx.fixedOption(e, d);
    if (fixed !== undefined) {
      const v = fixed === OFF ? 0 : f(d, fixed);
      constant[i + 1] = constant[i]! + v;
      top[i + 1] = top[i]! + v;
      cells.push(undefined);
      if (running) prefix.push(prefix[i]!);
      continue;
    }
    const x = ctx.cell(e, d, (o) => f(d, o));
    constant[i + 1] = constant[i]! + x.constant;
    top[i + 1] = top[i]! + cellMax(x);
    cells.push(x);
    // A free cell's expression has no constant (OFF counts 0): the running sum holds only columns.
    if (running) prefix.push(x.isConstant ? prefix[i]! : ctx.lm.alias(new LinExpr().addExpr(prefix[i]!).addExpr(x)));
  }
  return {
    sum: (a, b) => {
      const out = new LinExpr(constant[b - lo]! - constant[a - lo]!);
      if (running) return out.addExpr(prefix[b - lo]!).addExpr(prefix[a - lo]!, -1);
      for (let i = a - lo; i < b - lo; i++) {
        const x = cells[i];
        if (x !== undefined && !x.isConstant) out.addExpr(x);
      }
      return out;
    },
    max: (a, b) => top[b - lo]! - top[a - lo]!,
  };
}

/**
 * The windows `[from, to)` that hold a free day, the day span they cover inside the horizon, and
 * whether running sums pay (the windows' days add up to more than twice the span: they overlap).
 */
function liveWindows(ctx: EncodeContext, from: Int32Array, to: Int32Array): { live: number[]; lo: number; hi: number; running: boolean } {
  const live: number[] = [];
  let lo = ctx.model.days;
  let hi = 0;
  let length = 0;
  for (let w = 0; w < from.length; w++) {
    if (to[w]! <= ctx.fromDay || from[w]! > ctx.toDay) continue;
    live.push(w);
    lo = Math.min(lo, Math.max(0, from[w]!));
    hi = Math.max(hi, to[w]!);
    length += to[w]! - Math.max(0, from[w]!);
  }
  return { live, lo, hi, running: length > 2 * (hi - lo) };
}

/** A window's two sums (`value` and `value2`, the history's included) and their upper bounds. */
interface WindowTotals {
  sum: LinExpr;
  sumMax: number;
  sum2: LinExpr;
  sum2Max: number;
}

/**
 * Per window of a window-sum constraint that holds a free day (the others are constant): its sums read
 * from the compiled constraint — its windows, its per-cell `value` and `value2`, and for windows that
 * start before the horizon its history sums: `history + Σ value(d, o) x[e,d,o]`.
 */
function windowTotals(ctx: EncodeContext, e: number, c: WindowSumConstraint, visit: (w: number, t: WindowTotals) => void): void {
  const { from, to } = c.dayWindows;
  const { live, lo, hi, running } = liveWindows(ctx, from, to);
  const one = rowSums(ctx, e, lo, hi, (d, o) => c.value(e, d, o), running, 0);
  const two = rowSums(ctx, e, lo, hi, (d, o) => c.value2(e, d, o), running, 1);
  for (const w of live) {
    const [first, last] = [Math.max(0, from[w]!), to[w]!];
    visit(w, {
      sum: new LinExpr(c.historySum(e, w)).addExpr(one.sum(first, last)),
      sumMax: c.historySum(e, w) + one.max(first, last),
      sum2: new LinExpr(c.historySum2(e, w)).addExpr(two.sum(first, last)),
      sum2Max: c.historySum2(e, w) + two.max(first, last),
    });
  }
}

/** `windowTotals`' first sum per window; false when the constraint is not a window sum. */
function windowSums(ctx: EncodeContext, e: number, visit: (w: number, sum: LinExpr) => void): boolean {
  const c = ctx.constraint;
  if (!(c instanceof WindowSumConstraint)) return false;
  windowTotals(ctx, e, c, (w, t) => visit(w, t.sum));
  return true;
}

// Minutes over the limit in a window: max(0, sum − minutes) (the history's own excess is a constant).
const maxWorkPerWeek = encoding(maxWorkPerWeekKind, (ctx, p) => {
  for (const e of ctx.rows) {
    if (!ctx.inScope[e]) continue;
    if (!windowSums(ctx, e, (_w, sum) => ctx.penalty([new LinExpr(-p.minutes).addExpr(sum)], 1))) return false;
  }
  return true;
});

// Minutes outside the band around the contracted minutes T, rounded as the kind rounds them: for a
// whole-minute sum (worked minutes are whole), round(sum − T − tol) = sum + ⌊½ − T − tol⌋ and round(T − tol − sum) = ⌊T − tol + ½⌋ − sum.
const contractedHours = encoding(contractedHoursKind, (ctx, p) => {
  const { model } = ctx;
  for (const e of ctx.rows) {
    if (!ctx.inScope[e]) continue;
    const target = model.contracted[e]!;
    const tol = p.toleranceMinutes + (target * p.tolerancePercent) / 100;
    const ok = windowSums(ctx, e, (_w, sum) => {
      const over = new LinExpr(Math.floor(0.5 - target - tol)).addExpr(sum);
      const under = new LinExpr(Math.floor(target - tol + 0.5)).addExpr(sum, -1);
      ctx.penalty([over, under], 1);
    });
    if (!ok) return false;
  }
  return true;
});

// Minutes over the period's limit L (the average per week × its weeks), rounded as the kind rounds:
// for a whole-minute sum, round(sum − L) = sum + ⌊½ − L⌋. With the three-shift weighting (§ 10-4 (6))
// the limit is max(F, L − bonus), F the floor × the weeks and bonus the weighted extra minutes (whole
// per shift): the penalty is max(0, min(round(sum − F), round(sum + bonus − L))), which is not convex;
// a binary z = [L − F − bonus > 0] (an indicator: the cells force it to 1, the objective keeps it at 0
// otherwise) switches between the two terms, `max(0, a − Ā z, b − B̄ (1 − z))`.
const averageWeeklyHours = encoding(averageWeeklyHoursKind, (ctx, p) => {
  const c = ctx.constraint;
  if (!(c instanceof AverageWeekly)) return false;
  const { from, to } = c.dayWindows;
  for (const e of ctx.rows) {
    if (!ctx.inScope[e]) continue;
    const weighting = p.weighting;
    if (!weighting) {
      windowSums(ctx, e, (w, sum) => ctx.penalty([new LinExpr(Math.floor(0.5 - c.windowLimit(e, w))).addExpr(sum)], 1));
      continue;
    }
    windowTotals(ctx, e, c, (w, { sum, sumMax, sum2: bonus, sum2Max: bonusMax }) => {
      const L = c.windowLimit(e, w);
      const F = weighting.floorMinutes * ((to[w]! - from[w]!) / 7);
      const a = new LinExpr(Math.floor(0.5 - F)).addExpr(sum);
      const b = new LinExpr(Math.floor(0.5 - L)).addExpr(sum).addExpr(bonus);
      const cond = new LinExpr(L - F).addExpr(bonus, -1);
      if (cond.isConstant) {
        ctx.penalty([cond.constant > 0 ? b : a], 1);
        return;
      }
      const aMax = Math.max(0, sumMax + Math.floor(0.5 - F));
      const bMax = Math.max(0, sumMax + bonusMax + Math.floor(0.5 - L));
      const z = ctx.lm.indicator(cond, Math.max(1, L - F - bonus.constant));
      ctx.penalty([new LinExpr().addExpr(a).addExpr(z, -aMax), new LinExpr(-bMax).addExpr(b).addExpr(z, bMax)], 1);
    });
  }
  return true;
});

// A weekend worked on one day only: |worked(Sat) − worked(Sun)|; with `sameShiftType` also both worked on
// different shift types: x[Sat, s] + worked(Sun) − x[Sun, s] − 1 for each shift type s (1 exactly then).
const completeWeekends = encoding(completeWeekendsKind, (ctx, p) => {
  const { model } = ctx;
  const { days, history, optionShift, shifts } = model;
  for (const e of ctx.rows) {
    if (!ctx.inScope[e]) continue;
    const term = (sat: number) => {
      const sun = ctx.cell(e, sat + 1, one);
      const sunType = (s: number) => ctx.cell(e, sat + 1, (o) => (optionShift[o] === s ? 1 : 0));
      let satWorked: LinExpr;
      let satType: (s: number) => LinExpr;
      if (sat < 0) {
        // A horizon that starts on Sunday pairs it with the history's Saturday (a constant).
        const h = history.option[e * history.days + history.days - 1]!;
        satWorked = new LinExpr(h === OFF ? 0 : 1);
        satType = (s) => new LinExpr(h !== OFF && optionShift[h] === s ? 1 : 0);
      } else {
        satWorked = ctx.cell(e, sat, one);
        satType = (s) => ctx.cell(e, sat, (o) => (optionShift[o] === s ? 1 : 0));
      }
      const exprs = [new LinExpr().addExpr(satWorked).addExpr(sun, -1), new LinExpr().addExpr(sun).addExpr(satWorked, -1)];
      if (p.sameShiftType) {
        for (let s = 0; s < shifts; s++) exprs.push(new LinExpr(-1).addExpr(satType(s)).addExpr(sun).addExpr(sunType(s), -1));
      }
      ctx.penalty(exprs, 1);
    };
    if (model.weekday[0] === 7 && history.days > 0 && ctx.fromDay === 0 && days > 0) term(-1);
    for (let d = Math.max(0, ctx.fromDay - 1); d + 1 < days && d <= ctx.toDay; d++) if (model.weekday[d] === 6) term(d);
  }
  return true;
});

/**
 * Costs of a day and the next, `cost(o1, o2)` for o1 on day d and o2 on day d + 1 (OFF included; o2 is
 * OFF past the horizon), over the pairs that touch the free range: per day and each o1 of OFF and the
 * options one term `max(0, Σ_o2 c(o1,o2) x[d+1,o2] + c(o1,OFF)(1 − w[d+1]) − C(o1)(1 − [cell d holds o1]))`
 * with C(o1) the largest c(o1, ·) — the pair's cost when cell d holds o1, else at most 0.
 */
function encodeDayPairs(ctx: EncodeContext, e: number, cost: (d: number, o1: number, o2: number) => number): void {
  const { days, options: O } = ctx.model;
  for (let d = Math.max(0, ctx.fromDay - 1); d < days && d <= ctx.toDay; d++) {
    const last = d + 1 >= days;
    for (let o1 = OFF; o1 < O; o1++) {
      const offNext = cost(d, o1, OFF);
      let top = offNext;
      if (!last) for (let o2 = 0; o2 < O; o2++) top = Math.max(top, cost(d, o1, o2));
      if (top === 0) continue;
      // [cell d holds o1]: x[d,o1], or for OFF 1 − w[d].
      const holds = o1 === OFF ? new LinExpr(1).addExpr(ctx.cell(e, d, one), -1) : ctx.cell(e, d, (o) => (o === o1 ? 1 : 0));
      if (holds.isConstant && holds.constant === 0) continue;
      const term = new LinExpr(offNext - top).addExpr(holds, top);
      if (!last) term.addExpr(ctx.cell(e, d + 1, (o2) => cost(d, o1, o2) - offNext));
      ctx.penalty([term], 1);
    }
  }
}

// Work within 24 hours, from the compiled constraint's own `dayCost`; the history's last period is
// linear in day 0 (`historyCost`).
const maxWorkIn24h = encoding(maxWorkIn24hKind, (ctx) => {
  const c = ctx.constraint;
  if (!(c instanceof MaxWorkIn24h)) return false;
  for (const e of ctx.rows) {
    if (!ctx.inScope[e]) continue;
    if (ctx.fromDay === 0 && ctx.model.history.days > 0) ctx.penalty([ctx.cell(e, 0, (o2) => c.historyCost(e, o2))], 1, true);
    encodeDayPairs(ctx, e, (d, o1, o2) => c.dayCost(d, o1, o2));
  }
  return true;
});

/** The largest value of one cell's expression (`ctx.cell`: at most one of its columns is 1). */
function cellMax(x: LinExpr): number {
  let top = 0;
  for (const c of x.coefs) top = Math.max(top, c);
  return x.constant + top;
}

// Weekly rest (count): the window has a free stretch of the required minutes exactly when one starts at
// the window's start or at the end of some shift of its days (the longest stretch starts at one of
// them). Per candidate start t a column free[t] = min over the days of 1 − [the day's shift overlaps
// (t, t + minutes)] (so 1 exactly when the stretch is free), and the window costs max(0, 1 − Σ free[t]).
// A window that starts in the history and whose history alone already lacks the rest costs nothing.
const weeklyRest = encoding(weeklyRestKind, (ctx, p) => {
  const c = ctx.constraint;
  if (p.penalty !== 'count' || !(c instanceof WeeklyRest)) return false;
  const { model } = ctx;
  const { days, shifts, start, end, history } = model;
  const H = history.days;
  const M = p.minutes;
  const windows = c.windowDays;
  for (const e of ctx.rows) {
    if (!ctx.inScope[e]) continue;
    for (let wi = 0; wi < windows.length; wi++) {
      const w0 = windows[wi]!;
      // Shifts of days w0 − 1 … w0 + 7 reach into the window; without a free one it is constant.
      if (w0 + 7 < ctx.fromDay || w0 - 1 > ctx.toDay || c.historyPenalty(e, wi) > 0) continue;
      const [ws, we] = c.windowBounds(wi);
      const lo = Math.max(-H, w0 - 1);
      const hi = Math.min(days - 1, w0 + 7);
      const starts = new Set<number>([ws]);
      for (let d = lo; d <= hi; d++) {
        if (d < 0) {
          const h = e * H + H + d;
          if (history.option[h] !== OFF) starts.add(history.end[h]!);
        } else for (let s = 0; s < shifts; s++) starts.add(end[d * shifts + s]!);
      }
      const free: LinExpr[] = [];
      let always = false;
      for (const t of starts) {
        if (t < ws || t + M > we) continue;
        const defs: LinExpr[] = [];
        let blocked = false;
        for (let d = lo; d <= hi && !blocked; d++) {
          let busy: LinExpr;
          if (d < 0) {
            const h = e * H + H + d;
            busy = new LinExpr(history.option[h] !== OFF && history.start[h]! < t + M && history.end[h]! > t ? 1 : 0);
          } else busy = ctx.cell(e, d, (o) => (start[d * shifts + model.optionShift[o]!]! < t + M && end[d * shifts + model.optionShift[o]!]! > t ? 1 : 0));
          if (busy.isConstant) blocked = busy.constant > 0;
          else defs.push(new LinExpr(1).addExpr(busy, -1));
        }
        if (blocked) continue;
        const f = ctx.lm.minOf(defs, 1);
        if (f.isConstant && f.constant >= 1) {
          always = true;
          break;
        }
        if (!f.isConstant) free.push(f);
      }
      if (always) continue;
      const term = new LinExpr(1);
      for (const f of free) term.addExpr(f, -1);
      ctx.penalty([term], 1);
    }
  }
  return true;
});

// After work on a Sunday/holiday the next one off (mode next): worked[pi] = max of its cells' touches (a
// column in [0, 1]; the history's part a constant), each pair of consecutive periods costs
// max(0, worked[pi] + worked[pi+1] − 1). Mode average: max(0, Σ worked over the block − its limit).
const sundayHolidayOff = encoding(sundayHolidayOffKind, (ctx, p) => {
  const c = ctx.constraint;
  if (!(c instanceof SundayHolidayOff)) return false;
  const { model } = ctx;
  const P = c.periods;
  // Days whose shifts can touch each period.
  const daysOf: number[][] = Array.from({ length: P }, () => []);
  for (let d = 0; d < model.days; d++) {
    const seen = new Set<number>();
    for (let s = 0; s < model.shifts; s++) {
      const pi = model.sundayHolidayPeriod[d * model.shifts + s]!;
      if (pi >= 0 && pi < P && !seen.has(pi)) {
        seen.add(pi);
        daysOf[pi]!.push(d);
      }
    }
  }
  const touchesFree = (pi: number) => pi >= 0 && pi < P && daysOf[pi]!.some((d) => d >= ctx.fromDay && d <= ctx.toDay);
  for (const e of ctx.rows) {
    if (!ctx.inScope[e]) continue;
    const cache = new Map<number, LinExpr>();
    const worked = (pi: number): LinExpr => {
      let w = cache.get(pi);
      if (w) return w;
      const parts: LinExpr[] = [new LinExpr(c.historyWorked(e, pi))];
      if (pi >= 0 && pi < P) for (const d of daysOf[pi]!) parts.push(ctx.cell(e, d, (o) => (c.periodOf(d, o) === pi ? 1 : 0)));
      w = ctx.lm.maxOf(parts, 1);
      cache.set(pi, w);
      return w;
    };
    if (p.mode === 'next') {
      for (let pi = -1; pi + 1 < P; pi++) {
        if (!touchesFree(pi) && !touchesFree(pi + 1)) continue;
        if (pi === -1 && c.historyPair(e)) continue;
        ctx.penalty([new LinExpr(-1).addExpr(worked(pi)).addExpr(worked(pi + 1))], 1);
      }
    } else {
      const sums = new Map<number, LinExpr>();
      for (let pi = 0; pi < P; pi++) {
        const b = c.blockOfPeriod(pi);
        if (b < 0 || !touchesFree(pi)) continue;
        if (!sums.has(b)) sums.set(b, new LinExpr(-c.blockMax(b)));
      }
      for (let pi = 0; pi < P; pi++) sums.get(c.blockOfPeriod(pi))?.addExpr(worked(pi));
      for (const sum of sums.values()) ctx.penalty([sum], 1);
    }
  }
  return true;
});

// Night workers (§ 10-11 (6)): a window with at least `minNightShifts` nights costs the minutes over its
// limit, rounded as the kind rounds (see averageWeeklyHours). The condition is a binary indicator
// night[w] = [nights ≥ min] and the term max(0, over − U (1 − night[w])), U an upper bound of `over`.
const nightWorkerAverage = encoding(nightWorkerAverageKind, (ctx, p) => {
  const c = ctx.constraint;
  if (!(c instanceof NightWorkerAverage)) return false;
  for (const e of ctx.rows) {
    if (!ctx.inScope[e]) continue;
    windowTotals(ctx, e, c, (w, { sum, sumMax, sum2: nights, sum2Max: nightsMax }) => {
      const round = Math.floor(0.5 - c.windowLimit(w));
      const over = new LinExpr(round).addExpr(sum);
      const overMax = sumMax + round;
      if (overMax <= 0 || nightsMax < p.minNightShifts) return;
      if (nights.isConstant) {
        ctx.penalty([over], 1);
        return;
      }
      const night = ctx.lm.indicator(new LinExpr(1 - p.minNightShifts).addExpr(nights), nightsMax - p.minNightShifts + 1);
      ctx.penalty([new LinExpr(-overMax).addExpr(over).addExpr(night, overMax)], 1);
    });
  }
  return true;
});

// Fairness: V = Σ x_e² − (Σ x_e)² / n over the employees in scope, x_e = s_e c_e (c_e the counted shifts,
// s_e the position's scale). Employees whose count is fixed give constants (A = Σ x, Q = Σ x²); each other
// count is written in unary digits b over its range, c = lo + Σ b, so c² = lo² + Σ_j b_j (2(lo + j) − 1),
// and the square of the free total T = Σ s_e c_e as Σ_e s_e c_e T; with T = Tmin + τ (τ the free cells'
// part), b·T = b Tmin + b τ and b τ a column min(τ, τ̄ b) (the objective wants it large: it enters with a
// minus). V is then linear in the columns and exact.
const fairness = encoding(fairnessKind, (ctx) => {
  const c = ctx.constraint;
  if (!(c instanceof Fairness)) return false;
  const { model } = ctx;
  const n = c.size;
  if (n === 0) return true;
  let A = 0;
  let Q = 0;
  const free: { s: number; lo: number; digits: LinExpr[] }[] = [];
  for (let e = 0; e < model.employees; e++) {
    if (!ctx.inScope[e]) continue;
    const counted = rowSums(ctx, e, 0, model.days, (d, o) => c.counted(d, o), false);
    const count = counted.sum(0, model.days);
    const max = counted.max(0, model.days);
    const s = c.scaleOf(e);
    if (count.isConstant) {
      const x = s * count.constant;
      A += x;
      Q += x * x;
      continue;
    }
    const lo = count.constant;
    free.push({ s, lo, digits: ctx.lm.unary(count, lo, max) });
  }
  if (free.length === 0) return true;
  // T = Tmin + τ, τ ≥ 0 the free cells' part (at most τmax).
  const tau = new LinExpr();
  let Tmin = 0;
  let tauMax = 0;
  for (const f of free) {
    Tmin += f.s * f.lo;
    for (const b of f.digits) tau.addExpr(b, f.s);
    tauMax += f.s * f.digits.length;
  }
  // One column for τ: each b τ row then holds two terms rather than all the free cells.
  const tauCol = ctx.lm.alias(tau);
  const T = new LinExpr(Tmin).addExpr(tauCol);
  const V = new LinExpr(Q - (A * A) / n).addExpr(T, -(2 * A) / n);
  for (const f of free) {
    V.constant += f.s * f.s * f.lo * f.lo;
    f.digits.forEach((b, j) => V.addExpr(b, f.s * f.s * (2 * (f.lo + j + 1) - 1)));
    // −(1/n) s c T = −(1/n) s (lo T + Σ_j b_j (Tmin + τ)), b τ a column min(τ, τmax b) (tight: τ is small).
    V.addExpr(T, -(f.s * f.lo) / n);
    for (const b of f.digits) {
      V.addExpr(b, -(f.s * Tmin) / n);
      V.addExpr(ctx.lm.minOf([tauCol, new LinExpr().addExpr(b, tauMax)], tauMax), -f.s / n);
    }
  }
  ctx.penalty([V], 1, true);
  return true;
});

/** The encodings by kind name. */
export const MIP_ENCODINGS: ReadonlyMap<string, MipEncoding> = new Map(
  [
    coverage,
    forbiddenSuccession,
    shiftTypeCount,
    totalWorkedMinutes,
    maxWorkPerWeek,
    contractedHours,
    averageWeeklyHours,
    nightWorkerAverage,
    maxWorkIn24h,
    weeklyRest,
    consecutiveWorkDays,
    consecutiveDaysOff,
    weekendWork,
    completeWeekends,
    sundayHolidayOff,
    fairness,
  ].map((x) => [x.kind.kind, x]),
);

/**
 * Per-cell costs read from the compiled constraint (`cost(e, d, o)`, OFF included): one linear term
 * per cell of the free range, `cost(OFF) + Σ_o (cost(o) − cost(OFF)) × x[e,d,o]`.
 */
function encodeCellCosts(ctx: EncodeContext, c: CellConstraint): boolean {
  for (const e of ctx.rows) {
    if (!ctx.inScope[e]) continue;
    for (let d = ctx.fromDay; d <= ctx.toDay; d++) {
      const off = c.cost(e, d, OFF);
      ctx.penalty([new LinExpr(off).addExpr(ctx.cell(e, d, (o) => c.cost(e, d, o) - off))], 1, true);
    }
  }
  return true;
}

/** The pair of the last history day (fixed) with day 0: linear in day 0's cell, from the constraint's `pairCost`. */
function historyPair(ctx: EncodeContext, e: number, c: PairConstraint): void {
  const { days, history } = ctx.model;
  if (ctx.fromDay !== 0 || history.days === 0 || days === 0) return;
  const h = history.option[e * history.days + history.days - 1]!;
  if (h >= 0) ctx.penalty([ctx.cell(e, 0, (o2) => c.pairCost(e, -1, h, o2))], 1, true);
}

/**
 * Pair costs read from the compiled constraint (`pairCost(e, d, o1, o2)` for consecutive worked days,
 * the last history day included) as day pairs whose costs with OFF are 0 (see `encodeDayPairs`).
 */
function encodePairCosts(ctx: EncodeContext, c: PairConstraint): boolean {
  for (const e of ctx.rows) {
    if (!ctx.inScope[e]) continue;
    historyPair(ctx, e, c);
    encodeDayPairs(ctx, e, (d, o1, o2) => (o1 === OFF || o2 === OFF ? 0 : c.pairCost(e, d, o1, o2)));
  }
  return true;
}

/**
 * True when a constraint on the cell-cost base adds up its terms as the base does (it overrides none of
 * `init`, `change`, `explain`): its penalty is exactly the sum of its `cost(e, d, o)`.
 */
export function isPlainCellConstraint(constraint: Constraint): constraint is CellConstraint {
  if (!(constraint instanceof CellConstraint)) return false;
  const base = CellConstraint.prototype;
  return constraint.init === base.init && constraint.change === base.change && constraint.explain === base.explain;
}

/**
 * True when a constraint on the pair-cost base adds up its terms as the base does (it overrides none of
 * `row`, `local`, `change`, `init`): its penalty is exactly the sum of its `pairCost(e, d, o1, o2)`.
 */
export function isPlainPairConstraint(constraint: Constraint): constraint is PairConstraint {
  if (!(constraint instanceof PairConstraint)) return false;
  const base = PairConstraint.prototype;
  return constraint.row === base.row && constraint.local === base.local && constraint.change === LocalConstraint.prototype.change && constraint.init === RowConstraint.prototype.init;
}

/**
 * The encoding of a rule from its compiled constraint alone, for kinds built on the engine's generic
 * bases whose penalty is exactly the sum of their terms: per-cell costs (`CellConstraint`) and costs of
 * consecutive worked days (`PairConstraint`, e.g. `minRestBetweenShifts`, `oneShiftPerDay`, or a custom
 * kind). A subclass that overrides how the terms add up (`row`, `local`, `change`, `init`) is not
 * encoded. Undefined when the constraint is neither.
 */
export function genericEncoding(constraint: Constraint): ((ctx: EncodeContext) => boolean) | undefined {
  if (isPlainCellConstraint(constraint)) return (ctx) => encodeCellCosts(ctx, constraint);
  if (isPlainPairConstraint(constraint)) return (ctx) => encodePairCosts(ctx, constraint);
  return undefined;
}
