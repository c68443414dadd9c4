/**
 * The MIP of a sub-problem: some employees' cells over a day range are free (binary x[e,d,o]), every
 * other cell is fixed to the current assignment and enters the encodings as a constant. Per-employee
 * rules are encoded over the free employees' whole rows (so runs crossing the range are exact),
 * coverage over the free day range.
 */
import type { CompiledRule } from '../../engine/compile-rules.js';
import type { Assignment } from '../../model/assignment.js';
import { type CompiledProblem, NOT_PINNED, OFF } from '../../model/compile.js';
import { type EncodeContext, genericEncoding, MIP_ENCODINGS } from './encodings.js';
import { type HardMode, LinExpr, LinearModel, type LinearScore } from './linear.js';

/** Which cells a sub-problem frees. */
export interface SubproblemSpec {
  /** Free employees (default: all). */
  employees?: readonly number[];
  /** First free day (default 0). */
  fromDay?: number;
  /** Last free day, inclusive (default the horizon's last). */
  toDay?: number;
  /**
   * Free days, when they are not one range (e.g. every weekend day of the horizon): only these days
   * of `fromDay … toDay` are free; the days between them stay fixed.
   */
  days?: readonly number[];
  /** Hard rules as constraints or as weighted slack (default: constraints). */
  hardMode?: HardMode;
  /** Weight of one hard point in the objective when `hardMode` is `penalty` (default 1000). */
  hardWeight?: number;
  /**
   * A deviation from a target (a cover line at its preferred level) as one equality row with an
   * under and an over column (`LinearModel.deviation`), rather than a row per side (default false).
   * Column generation's master takes it: half the rows, faster LP re-solves. The MIP repairs keep a
   * row per side: with one row, HiGHS no longer proved the whole of Curtois Instance1 optimal within
   * 40 s (about 2 s with two).
   */
  oneRowTargets?: boolean;
}

/** A built sub-problem MIP. */
export interface Subproblem {
  /** The compiled problem. */
  readonly model: CompiledProblem;
  /** The linear model (arrays for HiGHS via `lm.toArrays()`, LP text via `lm.toLp()`). */
  readonly lm: LinearModel;
  /** The assignment the fixed cells come from. */
  readonly base: Assignment;
  /** Free cells `e * days + d`. */
  readonly cells: Int32Array;
  /** First column of each free cell's options (parallel to `cells`); its options are `cellOptions`. */
  readonly cellFirst: Int32Array;
  /** Options of each free cell, flat, parallel to the columns `cellFirst[i] …`. */
  readonly cellOptions: Int16Array[];
}

/**
 * Build the MIP of a sub-problem; undefined when some rule's kind has no encoding (or its params are
 * outside what the encoding covers). Pinned cells are never free. A free cell may take OFF or any
 * option the employee is allowed (`model.allowed`, the optimizer's own domain) or already holds.
 */
export function buildSubproblem(model: CompiledProblem, rules: readonly CompiledRule[], base: Assignment, spec: SubproblemSpec = {}): Subproblem | undefined {
  const { days, options: O } = model;
  const dayFree = spec.days ? new Uint8Array(days) : undefined;
  if (dayFree) for (const d of spec.days!) if (d >= 0 && d < days) dayFree[d] = 1;
  const fromDay = Math.max(0, spec.fromDay ?? 0, dayFree ? dayFree.indexOf(1) : 0);
  const toDay = Math.min(days - 1, spec.toDay ?? days - 1, dayFree ? dayFree.lastIndexOf(1) : days - 1);
  const employees = [...new Set(spec.employees ?? Array.from({ length: model.employees }, (_, e) => e))].filter((e) => e >= 0 && e < model.employees).sort((a, b) => a - b);
  const lm = new LinearModel(spec.hardMode ?? 'constraint', spec.hardWeight ?? 1000);

  const colOf = new Int32Array(model.employees * days).fill(-1);
  const cells: number[] = [];
  const cellFirst: number[] = [];
  const cellOptions: Int16Array[] = [];
  for (const e of employees) {
    for (let d = fromDay; d <= toDay; d++) {
      const k = e * days + d;
      if (model.pinned[k] !== NOT_PINNED || (dayFree && !dayFree[d])) continue;
      const opts: number[] = [];
      for (let o = 0; o < O; o++) if (model.allowed[e * O + o] || base[k] === o) opts.push(o);
      if (opts.length === 0) continue;
      colOf[k] = cells.length;
      cells.push(k);
      cellFirst.push(lm.columns);
      cellOptions.push(Int16Array.from(opts));
      const oneShift = new LinExpr(-1);
      for (const o of opts) oneShift.add(lm.binary(`x${e}_${d}_${o}`));
      lm.row(oneShift, '<=');
    }
  }
  const rows = employees.filter((e) => {
    for (let d = fromDay; d <= toDay; d++) if (colOf[e * days + d]! >= 0) return true;
    return false;
  });

  for (const cr of rules) {
    const enc = MIP_ENCODINGS.get(cr.rule.kind);
    const encode = enc && enc.kind === cr.kind ? enc.encode : genericEncoding(cr.constraint);
    if (!encode) return undefined;
    const weight = cr.rule.weight;
    const hard = cr.hard;
    const ctx: EncodeContext = {
      model,
      lm,
      rule: cr.rule,
      constraint: cr.constraint,
      inScope: cr.constraint.inScope,
      rows,
      fromDay,
      toDay,
      strict: hard && lm.hardMode === 'constraint',
      cell(e, d, f) {
        const k = e * days + d;
        const i = colOf[k]!;
        if (i < 0) {
          const o = base[k]!;
          return new LinExpr(o === OFF ? 0 : f(o));
        }
        const x = new LinExpr();
        const opts = cellOptions[i]!;
        for (let j = 0; j < opts.length; j++) x.add(cellFirst[i]! + j, f(opts[j]!));
        return x;
      },
      fixedOption(e, d) {
        const k = e * days + d;
        return colOf[k]! < 0 ? base[k]! : undefined;
      },
      penalty(exprs, unit, linear = false) {
        lm.penalty(exprs, weight * unit, hard, linear);
      },
      deviation(expr, below, above) {
        lm.deviation(expr, weight * below, weight * above, hard, spec.oneRowTargets === true);
      },
    };
    if (!encode(ctx)) return undefined;
  }
  return { model, lm, base, cells: Int32Array.from(cells), cellFirst: Int32Array.from(cellFirst), cellOptions };
}

/** Binary column values of an assignment's free cells (auxiliaries 0; see `lm.complete`). */
export function columnsOf(sub: Subproblem, a: Assignment): Float64Array {
  const v = new Float64Array(sub.lm.columns);
  sub.cells.forEach((k, i) => {
    const j = sub.cellOptions[i]!.indexOf(a[k]!);
    if (j >= 0) v[sub.cellFirst[i]! + j] = 1;
  });
  return v;
}

/** The assignment a column vector describes: the base with the free cells read from the binaries. */
export function assignmentOf(sub: Subproblem, values: ArrayLike<number>): Assignment {
  const a = Int16Array.from(sub.base);
  sub.cells.forEach((k, i) => {
    const opts = sub.cellOptions[i]!;
    let o = OFF;
    for (let j = 0; j < opts.length; j++) if (values[sub.cellFirst[i]! + j]! > 0.5) o = opts[j]!;
    a[k] = o;
  });
  return a;
}

/** The score the MIP gives an assignment (its free cells; fixed cells are the base's). */
export function encodedScore(sub: Subproblem, a: Assignment): LinearScore {
  return sub.lm.score(sub.lm.complete(columnsOf(sub, a)));
}
