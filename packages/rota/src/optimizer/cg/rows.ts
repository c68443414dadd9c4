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

/** One employee's row program. */
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
}

/** The result of {@link rowPrograms}: the programs and the rules across employees, or why not. */
export type RowProgramsResult =
  | { readonly ok: true; readonly programs: readonly RowProgram[]; readonly master: readonly CompiledRule[] }
  | { readonly ok: false; readonly reason: string };

const UNBOUNDED: RunBounds = { min: 1, max: Number.POSITIVE_INFINITY, exemptAtBoundaries: true };

/**
 * Build every employee's row program from the compiled rules; declines (with a reason) on history
 * before the horizon, on a kind it does not know, and on a known kind with params or a level it
 * cannot express exactly (soft bounds on sums, runs or weekends; windows shorter than the horizon;
 * runs of selected shifts only).
 */
export function rowPrograms(model: CompiledProblem, rules: readonly CompiledRule[]): RowProgramsResult {
  const { employees: E, days: D, options: O } = model;
  if (model.history.days > 0) return { ok: false, reason: 'history before the horizon' };
  const cell = Array.from({ length: E }, () => new Float64Array(D * (O + 1)));
  const pair = Array.from({ length: E }, () => new Float64Array(Math.max(0, D - 1) * O * O));
  const counters: RowCounter[][] = Array.from({ length: E }, () => []);
  const work: RunBounds[] = Array.from({ length: E }, () => UNBOUNDED);
  const off: RunBounds[] = Array.from({ length: E }, () => UNBOUNDED);
  const weekends: ({ of: Int32Array; max: number } | undefined)[] = new Array(E).fill(undefined);
  const master: CompiledRule[] = [];
  // The optimizer's own domain and pinned cells.
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < D; d++) {
      const pin = model.pinned[e * D + d]!;
      for (let o = 0; o <= O; o++) {
        const opt = o === O ? OFF : o;
        const ok = pin !== NOT_PINNED ? pin === opt : opt === OFF || model.allowed[e * O + o] === 1;
        if (!ok) cell[e]![d * (O + 1) + o] = Number.POSITIVE_INFINITY;
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
        for (let d = 0; d < D; d++) {
          for (let o = 0; o <= O; o++) {
            const v = c.cost(e, d, o === O ? OFF : o);
            if (v === 0) continue;
            if (cr.hard) row[d * (O + 1) + o] = Number.POSITIVE_INFINITY;
            else row[d * (O + 1) + o]! += v * cr.rule.weight;
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
        for (let d = 0; d + 1 < D; d++) {
          for (let o1 = 0; o1 < O; o1++) {
            for (let o2 = 0; o2 < O; o2++) {
              const v = c.pairCost(e, d, o1, o2);
              if (v === 0) continue;
              const i = (d * O + o1) * O + o2;
              if (cr.hard) row[i] = Number.POSITIVE_INFINITY;
              else row[i]! += v * cr.rule.weight;
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
      const value = new Int32Array(D * O);
      for (let d = 0; d < D; d++) for (let o = 0; o < O; o++) value[d * O + o] = mask[o]!;
      for (let e = 0; e < E; e++) if (scope[e]) counters[e]!.push({ value, min: p.min ?? 0, max: p.max ?? Number.POSITIVE_INFINITY });
      continue;
    }
    if (kind === totalWorkedMinutesKind.kind && cr.kind === (totalWorkedMinutesKind as unknown)) {
      const p = totalWorkedMinutesKind.params.parse(cr.rule.params);
      const arr = p.measure === 'real' ? model.work : model.nominalWork;
      const value = new Int32Array(D * O);
      for (let d = 0; d < D; d++) for (let o = 0; o < O; o++) value[d * O + o] = arr[d * model.shifts + model.optionShift[o]!]!;
      for (let e = 0; e < E; e++) if (scope[e]) counters[e]!.push({ value, min: p.min ?? 0, max: p.max ?? Number.POSITIVE_INFINITY });
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
    const w = weekends[e];
    return { employee: e, cell: cell[e]!, pair: pair[e]!, counters: counters[e]!, work: work[e]!, off: off[e]!, ...(w ? { weekends: w } : {}) };
  });
  return { ok: true, programs, master };
}
