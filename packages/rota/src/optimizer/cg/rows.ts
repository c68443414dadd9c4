/**
 * Row programs: what one employee's row (the shifts of every day of the horizon) must satisfy and
 * what it costs, read from the compiled rules — the same rules and params as the evaluator, each kind
 * giving its part: per-cell costs and per-pair costs from the engine's generic bases (absences,
 * requests, competence, forbidden successions, rest between shifts …), resources with bounds from
 * `shiftTypeCount` and `totalWorkedMinutes`, run lengths from `consecutiveWorkDays` and
 * `consecutiveDaysOff`, worked weekends from `weekendWork`. The rules across employees (`coverage`)
 * stay with the master problem. A rule the row programs cannot express exactly makes them decline,
 * with the reason: a rule is never silently dropped.
 */
import type { CompiledRule } from '../../engine/compile-rules.js';
import { CellConstraint } from '../../kinds/cells.js';
import { coverageKind } from '../../kinds/coverage.js';
import { shiftTypeCountKind, totalWorkedMinutesKind } from '../../kinds/hours.js';
import { consecutiveDaysOffKind, consecutiveWorkDaysKind } from '../../kinds/sequences.js';
import { optionMask } from '../../kinds/shared.js';
import { WeekendWork, weekendWorkKind } from '../../kinds/weekends.js';
import type { Assignment } from '../../model/assignment.js';
import { type CompiledProblem, NOT_PINNED, OFF } from '../../model/compile.js';
import { PairConstraint } from '../../rules/kind.js';
import { isPlainCellConstraint, isPlainPairConstraint } from '../mip/encodings.js';

/** A bounded sum over the row (hard): `Σ_d value[d * options + o_d]` within `[min, max]`. */
export interface RowCounter {
  /** Per day and option, what a worked cell adds (whole numbers ≥ 0). */
  readonly value: Int32Array;
  /** Lower bound (0 when none). */
  readonly min: number;
  /** Upper bound (`Infinity` when none). */
  readonly max: number;
}

/** Bounds on the lengths of runs (of worked days, or of days off); hard. */
export interface RunBounds {
  /** Shortest run allowed (1: no bound). */
  readonly min: number;
  /** Longest run allowed (`Infinity`: no bound). */
  readonly max: number;
  /** Runs touching the first or last day are exempt from `min`. */
  readonly exemptAtBoundaries: boolean;
}

/**
 * The fixed run next to a window (see {@link RowWindow}): worked or off, its length in days, and
 * whether it reaches the horizon's first day (before the window) or last day (after it).
 */
export interface RowBoundary {
  /** True when the day next to the window is worked. */
  readonly worked: boolean;
  /** Length of the run of such days that ends (before) or starts (after) next to the window. */
  readonly run: number;
  /** The run reaches the horizon's edge (its first day, or its last). */
  readonly edge: boolean;
}

/**
 * A window of days: the row programs cover only `fromDay … toDay` (inclusive), every other cell stays
 * as in `base`, and the programs carry what those cells imply — their pair costs with the window's
 * first and last days folded into its cells, the sums and weekends they already use taken off the
 * bounds, the runs they end or start as {@link RowBoundary}s.
 */
export interface RowWindow {
  /** The assignment the cells outside the window come from. */
  readonly base: Assignment;
  /** First day of the window. */
  readonly fromDay: number;
  /** Last day of the window (inclusive). */
  readonly toDay: number;
  /**
   * Free days, when they are not the whole range (e.g. two weeks far apart, so that a sum over the
   * year can move from one to the other): only these days of `fromDay … toDay` are free, the days
   * between them keep their option in `base` (the programs allow only that option there).
   */
  readonly days?: readonly number[];
}

/** One employee's row program (over the horizon, or over a {@link RowWindow}'s days: day 0 is its first). */
export interface RowProgram {
  /** Employee index. */
  readonly employee: number;
  /** Soft cost of option o on day d at `d * (options + 1) + o`, OFF at `o = options`; `Infinity` where a hard rule forbids it. */
  readonly cell: Float64Array;
  /** Soft cost of worked option o1 on day d followed by o2 on day d + 1, at `(d * options + o1) * options + o2`; `Infinity` where forbidden. */
  readonly pair: Float64Array;
  /** Bounded sums. */
  readonly counters: readonly RowCounter[];
  /** Runs of worked days. */
  readonly work: RunBounds;
  /** Runs of days off. */
  readonly off: RunBounds;
  /** Worked weekends: the weekend of each day (−1 for none) and the most that may be worked; undefined when unbounded. */
  readonly weekends?: { readonly of: Int32Array; readonly max: number };
  /** In a window that does not start the horizon: the fixed run that ends the day before it. */
  readonly before?: RowBoundary;
  /** In a window that does not end the horizon: the fixed run that starts the day after it. */
  readonly after?: RowBoundary;
}

/** The result of {@link rowPrograms}: the programs and the rules across employees, or why not. */
export type RowProgramsResult =
  | { readonly ok: true; readonly programs: readonly RowProgram[]; readonly master: readonly CompiledRule[] }
  | { readonly ok: false; readonly reason: string };

const UNBOUNDED: RunBounds = { min: 1, max: Number.POSITIVE_INFINITY, exemptAtBoundaries: true };

/**
 * Build every employee's row program from the compiled rules — over the whole horizon, or over a
 * window of it with the rest fixed (see {@link RowWindow}); declines (with a reason) on history
 * before the horizon, on a kind it does not know, and on a known kind with params or a level it
 * cannot express exactly (soft bounds on sums, runs or weekends; windows shorter than the horizon;
 * runs of selected shifts only).
 */
export function rowPrograms(model: CompiledProblem, rules: readonly CompiledRule[], window?: RowWindow): RowProgramsResult {
  const { employees: E, days: D, options: O } = model;
  if (model.history.days > 0) return { ok: false, reason: 'history before the horizon' };
  const a = window?.fromDay ?? 0;
  const b = window?.toDay ?? D - 1;
  const base = window?.base;
  if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= b && b < D)) return { ok: false, reason: `window ${a}…${b} outside the horizon of ${D} days` };
  if (base && base.length !== E * D) return { ok: false, reason: `window base of ${base.length} cells, not ${E * D}` };
  // Days of the programs: the window's.
  const W = b - a + 1;
  const cell = Array.from({ length: E }, () => new Float64Array(W * (O + 1)));
  const pair = Array.from({ length: E }, () => new Float64Array(Math.max(0, W - 1) * O * O));
  const counters: RowCounter[][] = Array.from({ length: E }, () => []);
  const work: RunBounds[] = Array.from({ length: E }, () => UNBOUNDED);
  const off: RunBounds[] = Array.from({ length: E }, () => UNBOUNDED);
  const weekends: ({ of: Int32Array; max: number } | undefined)[] = new Array(E).fill(undefined);
  const master: CompiledRule[] = [];
  /**
   * A bounded sum for the employees in scope, `cellValue(d, o)` per worked cell: over the window's days,
   * its bounds less what the fixed cells outside the window already add; a maximum the fixed cells
   * already pass is 0 (the window adds none: the broken sum gets no worse, and less broken when the
   * base's window added some).
   */
  const pushCounter = (scope: ArrayLike<boolean | number>, cellValue: (d: number, o: number) => number, min: number, max: number) => {
    const value = new Int32Array(W * O);
    for (let d = a; d <= b; d++) for (let o = 0; o < O; o++) value[(d - a) * O + o] = cellValue(d, o);
    for (let e = 0; e < E; e++) {
      if (!scope[e]) continue;
      let used = 0;
      if (base) {
        for (let d = 0; d < D; d++) {
          const o = d < a || d > b ? base[e * D + d]! : OFF;
          if (o !== OFF) used += cellValue(d, o);
        }
      }
      counters[e]!.push({ value, min: Math.max(0, min - used), max: Math.max(0, max - used) });
    }
  };
  // A fixed cell's option (outside the window), or OFF.
  const fixedAt = (e: number, d: number) => (base ? base[e * D + d]! : OFF);
  // Days of the range that stay as in the base (between a window's free days).
  let held: Uint8Array | undefined;
  if (window?.days) {
    held = new Uint8Array(W).fill(1);
    for (const d of window.days) if (d >= a && d <= b) held[d - a] = 0;
  }
  // The optimizer's own domain and pinned cells (and the held days' base option).
  for (let e = 0; e < E; e++) {
    for (let d = a; d <= b; d++) {
      const pin = model.pinned[e * D + d]!;
      const keep = held?.[d - a] ? fixedAt(e, d) : undefined;
      for (let o = 0; o <= O; o++) {
        const opt = o === O ? OFF : o;
        const ok = keep !== undefined ? keep === opt : pin !== NOT_PINNED ? pin === opt : opt === OFF || model.allowed[e * O + o] === 1;
        if (!ok) cell[e]![(d - a) * (O + 1) + o] = Number.POSITIVE_INFINITY;
      }
    }
  }
  const merge = (cur: RunBounds, p: { min?: number | undefined; max?: number | undefined; exemptAtBoundaries: boolean }): RunBounds | undefined => {
    if (p.min !== undefined && cur.min > 1 && cur.exemptAtBoundaries !== p.exemptAtBoundaries) return undefined;
    return {
      min: Math.max(cur.min, p.min ?? 1),
      max: Math.min(cur.max, p.max ?? Number.POSITIVE_INFINITY),
      exemptAtBoundaries: p.min !== undefined ? p.exemptAtBoundaries : cur.exemptAtBoundaries,
    };
  };
  for (const cr of rules) {
    const c = cr.constraint;
    const kind = cr.rule.kind;
    const scope = c.inScope;
    const name = `${cr.rule.id} (${kind})`;
    if (kind === coverageKind.kind && cr.kind === (coverageKind as unknown)) {
      if (cr.hard) return { ok: false, reason: `${name}: hard coverage` };
      master.push(cr);
      continue;
    }
    if (c instanceof CellConstraint) {
      if (!isPlainCellConstraint(c)) return { ok: false, reason: `${name}: overrides the cell-cost base` };
      for (let e = 0; e < E; e++) {
        if (!scope[e]) continue;
        const row = cell[e]!;
        for (let d = a; d <= b; d++) {
          for (let o = 0; o <= O; o++) {
            const v = c.cost(e, d, o === O ? OFF : o);
            if (v === 0) continue;
            if (cr.hard) row[(d - a) * (O + 1) + o] = Number.POSITIVE_INFINITY;
            else row[(d - a) * (O + 1) + o]! += v * cr.rule.weight;
          }
        }
      }
      continue;
    }
    if (c instanceof PairConstraint) {
      if (!isPlainPairConstraint(c)) return { ok: false, reason: `${name}: overrides the pair-cost base` };
      for (let e = 0; e < E; e++) {
        if (!scope[e]) continue;
        const row = pair[e]!;
        const add = (arr: Float64Array, i: number, v: number) => {
          if (cr.hard) arr[i] = Number.POSITIVE_INFINITY;
          else arr[i]! += v * cr.rule.weight;
        };
        // A worked fixed day next to the window: its pair costs fall on the window's first or last cells.
        const prev = a > 0 ? fixedAt(e, a - 1) : OFF;
        if (prev !== OFF) {
          for (let o2 = 0; o2 < O; o2++) {
            const v = c.pairCost(e, a - 1, prev, o2);
            if (v !== 0) add(cell[e]!, o2, v);
          }
        }
        const next = b + 1 < D ? fixedAt(e, b + 1) : OFF;
        if (next !== OFF) {
          for (let o1 = 0; o1 < O; o1++) {
            const v = c.pairCost(e, b, o1, next);
            if (v !== 0) add(cell[e]!, (W - 1) * (O + 1) + o1, v);
          }
        }
        for (let d = a; d + 1 <= b; d++) {
          for (let o1 = 0; o1 < O; o1++) {
            for (let o2 = 0; o2 < O; o2++) {
              const v = c.pairCost(e, d, o1, o2);
              if (v !== 0) add(row, ((d - a) * O + o1) * O + o2, v);
            }
          }
        }
      }
      continue;
    }
    if (!cr.hard) return { ok: false, reason: `${name}: a soft ${kind}` };
    if (kind === shiftTypeCountKind.kind && cr.kind === (shiftTypeCountKind as unknown)) {
      const p = shiftTypeCountKind.params.parse(cr.rule.params);
      if (p.periodDays !== undefined && p.periodDays < D) return { ok: false, reason: `${name}: periods shorter than the horizon` };
      const mask = optionMask(model, p);
      pushCounter(scope, (_d, o) => mask[o]!, p.min ?? 0, p.max ?? Number.POSITIVE_INFINITY);
      continue;
    }
    if (kind === totalWorkedMinutesKind.kind && cr.kind === (totalWorkedMinutesKind as unknown)) {
      const p = totalWorkedMinutesKind.params.parse(cr.rule.params);
      const arr = p.measure === 'real' ? model.work : model.nominalWork;
      pushCounter(scope, (d, o) => arr[d * model.shifts + model.optionShift[o]!]!, p.min ?? 0, p.max ?? Number.POSITIVE_INFINITY);
      continue;
    }
    if ((kind === consecutiveWorkDaysKind.kind && cr.kind === (consecutiveWorkDaysKind as unknown)) || (kind === consecutiveDaysOffKind.kind && cr.kind === (consecutiveDaysOffKind as unknown))) {
      const isWork = kind === consecutiveWorkDaysKind.kind;
      let p: { min?: number | undefined; max?: number | undefined; exemptAtBoundaries: boolean };
      if (isWork) {
        const w = consecutiveWorkDaysKind.params.parse(cr.rule.params);
        if (optionMask(model, w).includes(0)) return { ok: false, reason: `${name}: runs of selected shifts` };
        p = w;
      } else {
        p = consecutiveDaysOffKind.params.parse(cr.rule.params);
      }
      const target = isWork ? work : off;
      for (let e = 0; e < E; e++) {
        if (!scope[e]) continue;
        const m = merge(target[e]!, p);
        if (!m) return { ok: false, reason: `${name}: minimum runs with different boundary rules` };
        target[e] = m;
      }
      continue;
    }
    if (kind === weekendWorkKind.kind && cr.kind === (weekendWorkKind as unknown) && c instanceof WeekendWork) {
      const p = weekendWorkKind.params.parse(cr.rule.params);
      if (p.maxInWindow || p.maxTotal === undefined || p.definition !== 'dates') return { ok: false, reason: `${name}: weekends in windows or by time` };
      const of = new Int32Array(D).fill(-1);
      c.saturdays.forEach((s, k) => {
        for (let d = Math.max(0, s); d <= s + 1 && d < D; d++) of[d] = k;
      });
      for (let e = 0; e < E; e++) {
        if (!scope[e]) continue;
        const cur = weekends[e];
        weekends[e] = { of, max: Math.min(cur?.max ?? Number.POSITIVE_INFINITY, p.maxTotal) };
      }
      continue;
    }
    return { ok: false, reason: `${name}: no row encoding` };
  }
  const programs = Array.from({ length: E }, (_, e): RowProgram => {
    let w = weekends[e];
    if (w && window) {
      // Weekends a fixed day outside the window works already count; their days in the window add none.
      const counted = new Set<number>();
      for (let d = 0; d < D; d++) if ((d < a || d > b) && w.of[d]! >= 0 && fixedAt(e, d) !== OFF) counted.add(w.of[d]!);
      const of = new Int32Array(W);
      for (let d = a; d <= b; d++) of[d - a] = counted.has(w.of[d]!) ? -1 : w.of[d]!;
      // When the fixed days already work too many, the window works none.
      w = { of, max: Math.max(0, w.max - counted.size) };
    }
    // The fixed runs next to the window.
    const boundary = (from: number, step: 1 | -1): RowBoundary => {
      const worked = fixedAt(e, from) !== OFF;
      let d = from;
      while (d + step >= 0 && d + step < D && (fixedAt(e, d + step) !== OFF) === worked) d += step;
      return { worked, run: Math.abs(d - from) + 1, edge: d === 0 || d === D - 1 };
    };
    return {
      employee: e,
      cell: cell[e]!,
      pair: pair[e]!,
      counters: counters[e]!,
      work: work[e]!,
      off: off[e]!,
      ...(w ? { weekends: w } : {}),
      ...(window && a > 0 ? { before: boundary(a - 1, -1) } : {}),
      ...(window && b < D - 1 ? { after: boundary(b + 1, 1) } : {}),
    };
  });
  return { ok: true, programs, master };
}
