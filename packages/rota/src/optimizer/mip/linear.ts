/**
 * A small mixed-integer linear model: binary cell columns, auxiliary columns each defined by the
 * columns before them (the maximum or the minimum of linear expressions, the indicator of a positive
 * expression, the unary digits of an integer expression, an alias of an expression — so its value at
 * any integer point is known), rows, and a score split into hard and soft parts. It writes CPLEX LP
 * text (what HiGHS reads) and evaluates itself at an assignment of the binary columns, which is how
 * the MIP's objective is checked against the rule engine's evaluator.
 */

/** A linear expression: `constant + Σ coef[i] × column[i]`. Columns may repeat; they add up. */
export class LinExpr {
  constant: number;
  readonly cols: number[] = [];
  readonly coefs: number[] = [];

  constructor(constant = 0) {
    this.constant = constant;
  }

  /** Add `coef × column`. */
  add(col: number, coef = 1): this {
    if (coef !== 0) {
      this.cols.push(col);
      this.coefs.push(coef);
    }
    return this;
  }

  /** Add `mult × other`. */
  addExpr(other: LinExpr, mult = 1): this {
    this.constant += mult * other.constant;
    for (let i = 0; i < other.cols.length; i++) this.add(other.cols[i]!, mult * other.coefs[i]!);
    return this;
  }

  /** True when no column appears. */
  get isConstant(): boolean {
    return this.cols.length === 0;
  }

  /** Value at column values. */
  valueAt(values: ArrayLike<number>): number {
    let v = this.constant;
    for (let i = 0; i < this.cols.length; i++) v += this.coefs[i]! * values[this.cols[i]!]!;
    return v;
  }
}

/**
 * A model as arrays for HiGHS: column costs, bounds and integrality (1 = integer) in column order, and
 * the rows `rowLower ≤ A x ≤ rowUpper` with A in compressed sparse row form.
 */
export interface ModelArrays {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  integrality: Int32Array;
}

/** How hard rules enter the model: as constraints (legal solutions only) or as weighted slack. */
export type HardMode = 'constraint' | 'penalty';

/** A score in the rule engine's terms: weighted hard and soft penalties. */
export interface LinearScore {
  /** Weighted hard penalty. */
  hard: number;
  /** Weighted soft penalty. */
  soft: number;
}

/**
 * How an auxiliary column's value follows from the columns before it: `max` = max(0, defs…) capped
 * at its upper bound, `min` = min(upper, defs…) floored at 0, `indicator` = [def > 0], `unary` =
 * [def ≥ threshold], `alias` = def (a free column equal to an expression), `part` = max(0, sign × def)
 * (the part above or below zero, see {@link LinearModel.deviation}).
 */
type AuxDef =
  | { type: 'max'; defs: LinExpr[] }
  | { type: 'min'; defs: LinExpr[] }
  | { type: 'indicator'; def: LinExpr }
  | { type: 'alias'; def: LinExpr }
  | { type: 'unary'; def: LinExpr; threshold: number }
  | { type: 'part'; def: LinExpr; sign: 1 | -1 };

interface Row {
  expr: LinExpr;
  sense: '<=' | '>=' | '=';
}

/**
 * The model. Cell columns are binaries created with {@link LinearModel.binary}; auxiliary columns
 * with {@link LinearModel.maxOf}, whose value at an integer point is `max(0, defs…)` (bounded above),
 * {@link LinearModel.minOf} (`min(upper, defs…)`, at least 0), {@link LinearModel.indicator} and
 * {@link LinearModel.unary} (binaries whose value the cells decide) and {@link LinearModel.alias}
 * (equal to an expression). Each holds its value at the
 * optimum because the objective (or a hard row) pushes it that way; the caller's use must do so —
 * `maxOf` and `indicator` only where a larger value never helps, `minOf` only where a smaller never does.
 * Penalties go through {@link LinearModel.penalty}: `weight × max(0, exprs…)`, soft into the
 * objective, hard either as constraints (`expr ≤ 0`) or into the objective times `hardWeight`.
 */
export class LinearModel {
  readonly names: string[] = [];
  readonly upper: number[] = [];
  readonly binaryCol: boolean[] = [];
  /** Columns without bounds (aliases). */
  private readonly freeCols = new Set<number>();
  /** Definitions of auxiliary columns (undefined for cell binaries). */
  private readonly defs: (AuxDef | undefined)[] = [];
  readonly rows: Row[] = [];
  private readonly objSoft = new LinExpr();
  private readonly objHard = new LinExpr();
  /** Hard terms enforced as constraints, kept to evaluate them: weight × max(0, expr). */
  private readonly hardRows: { expr: LinExpr; weight: number }[] = [];

  constructor(
    readonly hardMode: HardMode,
    readonly hardWeight: number,
  ) {}

  /** Number of columns. */
  get columns(): number {
    return this.names.length;
  }

  /** A binary column. */
  binary(name: string): number {
    this.names.push(name);
    this.upper.push(1);
    this.binaryCol.push(true);
    this.defs.push(undefined);
    return this.names.length - 1;
  }

  /**
   * An auxiliary column worth `max(0, defs…)` at the optimum (rows `col ≥ def`); `upper` bounds it.
   * Returns a constant expression when every def is constant.
   */
  maxOf(defs: readonly LinExpr[], upper = Number.POSITIVE_INFINITY): LinExpr {
    let constMax = 0;
    const live: LinExpr[] = [];
    for (const d of defs) {
      if (d.isConstant) constMax = Math.max(constMax, d.constant);
      else live.push(d);
    }
    if (live.length === 0) return new LinExpr(Math.min(upper, constMax));
    if (constMax >= upper) return new LinExpr(upper);
    const all = constMax > 0 ? [...live, new LinExpr(constMax)] : live;
    const col = this.aux(upper, false, { type: 'max', defs: all });
    for (const d of all) this.rows.push({ expr: new LinExpr().add(col, 1).addExpr(d, -1), sense: '>=' });
    return new LinExpr().add(col, 1);
  }

  /**
   * An auxiliary column worth `min(upper, defs…)`, at least 0, at the optimum (rows `col ≤ def`): for
   * terms the objective wants large, e.g. "this stretch is free" (the AND of its cells being off).
   * Returns a constant expression when every def is constant.
   */
  minOf(defs: readonly LinExpr[], upper = 1): LinExpr {
    let constMin = upper;
    const live: LinExpr[] = [];
    for (const d of defs) {
      if (d.isConstant) constMin = Math.min(constMin, d.constant);
      else live.push(d);
    }
    if (constMin <= 0) return new LinExpr(0);
    if (live.length === 0) return new LinExpr(constMin);
    const col = this.aux(constMin, false, { type: 'min', defs: live });
    for (const d of live) this.rows.push({ expr: new LinExpr().add(col, 1).addExpr(d, -1), sense: '<=' });
    return new LinExpr().add(col, 1);
  }

  /**
   * A binary column worth 1 exactly when `def > 0` (integer-valued at integer points; `upper` bounds
   * it), by the row `def ≤ upper × col`: for terms the objective wants 0 (a condition that switches
   * a penalty on). Returns a constant expression when `def` is constant.
   */
  indicator(def: LinExpr, upper: number): LinExpr {
    if (def.isConstant || upper <= 0) return new LinExpr(def.constant > 0 ? 1 : 0);
    const col = this.aux(1, true, { type: 'indicator', def });
    this.rows.push({ expr: new LinExpr().addExpr(def).add(col, -upper), sense: '<=' });
    return new LinExpr().add(col, 1);
  }

  /**
   * The unary digits of an integer expression with values in `[lo, hi]`: binaries `b_1 … b_(hi − lo)`
   * with `b_j = [def ≥ lo + j]` (rows `Σ b = def − lo` and `b_j ≥ b_(j+1)`), so `def = lo + Σ b` and
   * any function of `def` can be written over them. Constants when `def` is constant.
   */
  unary(def: LinExpr, lo: number, hi: number): LinExpr[] {
    if (def.isConstant) return Array.from({ length: Math.max(0, hi - lo) }, (_, j) => new LinExpr(def.constant >= lo + j + 1 ? 1 : 0));
    const digits: LinExpr[] = [];
    const sum = new LinExpr(lo).addExpr(def, -1);
    for (let j = 1; j <= hi - lo; j++) {
      const col = this.aux(1, true, { type: 'unary', def, threshold: lo + j });
      sum.add(col, 1);
      if (j > 1) this.rows.push({ expr: new LinExpr().addExpr(digits[j - 2]!).add(col, -1), sense: '>=' });
      digits.push(new LinExpr().add(col, 1));
    }
    this.rows.push({ expr: sum, sense: '=' });
    return digits;
  }

  /**
   * A column equal to `def` (a free column and the row `col = def`): a running sum written once, so
   * that many long windows over the same days cost two terms each rather than one per cell.
   */
  alias(def: LinExpr): LinExpr {
    if (def.isConstant) return new LinExpr(def.constant);
    const col = this.aux(Number.POSITIVE_INFINITY, false, { type: 'alias', def });
    this.freeCols.add(col);
    this.rows.push({ expr: new LinExpr().add(col, 1).addExpr(def, -1), sense: '=' });
    return new LinExpr().add(col, 1);
  }

  private aux(upper: number, binary: boolean, def: AuxDef): number {
    const col = this.names.length;
    this.names.push(`${binary ? 'z' : 'a'}${col}`);
    this.upper.push(upper);
    this.binaryCol.push(binary);
    this.defs.push(def);
    return col;
  }

  /** A plain row `expr (sense) 0`. */
  row(expr: LinExpr, sense: '<=' | '>=' | '='): void {
    this.rows.push({ expr, sense });
  }

  /**
   * Add `weight × max(0, exprs…)` to the hard or soft score. When `linear` is set the caller
   * guarantees a single expression that is never negative at integer points, so no column is needed.
   */
  penalty(exprs: readonly LinExpr[], weight: number, hard: boolean, linear = false): void {
    if (weight === 0 || exprs.length === 0) return;
    if (hard && this.hardMode === 'constraint') {
      for (const e of exprs) {
        if (e.isConstant) {
          if (e.constant > 0) this.objHard.constant += weight * e.constant;
          continue;
        }
        this.hardRows.push({ expr: e, weight });
        this.rows.push({ expr: e, sense: '<=' });
      }
      return;
    }
    const target = hard ? this.objHard : this.objSoft;
    if (linear && exprs.length === 1) target.addExpr(exprs[0]!, weight);
    else target.addExpr(this.maxOf(exprs), weight);
  }

  /**
   * Add `below × max(0, −expr) + above × max(0, expr)` to the hard or soft score with one row,
   * `expr + u − v = 0`, and two columns (`u` below, `v` above): half the rows of two
   * {@link LinearModel.penalty} calls, for a deviation from a target (cover). Both weights ≥ 0. With
   * `oneRow` false, with hard rules as constraints and `hard`, or with a zero weight, it is the two
   * penalties (a row per side).
   */
  deviation(expr: LinExpr, below: number, above: number, hard: boolean, oneRow = true): void {
    if (below < 0 || above < 0) throw new RangeError(`deviation: weights must be ≥ 0, got ${below} and ${above}`);
    if (below === 0 && above === 0) return;
    if (!oneRow || expr.isConstant || (hard && this.hardMode === 'constraint') || below === 0 || above === 0) {
      if (below > 0) this.penalty([new LinExpr().addExpr(expr, -1)], below, hard);
      if (above > 0) this.penalty([expr], above, hard);
      return;
    }
    const u = this.aux(Number.POSITIVE_INFINITY, false, { type: 'part', def: expr, sign: -1 });
    const v = this.aux(Number.POSITIVE_INFINITY, false, { type: 'part', def: expr, sign: 1 });
    this.rows.push({ expr: new LinExpr().addExpr(expr).add(u, 1).add(v, -1), sense: '=' });
    const target = hard ? this.objHard : this.objSoft;
    target.add(u, below).add(v, above);
  }

  /** Values of every column at an assignment of the cell columns (auxiliaries at their values at the optimum, see the class). */
  complete(binaries: ArrayLike<number>): Float64Array {
    const v = new Float64Array(this.columns);
    for (let c = 0; c < this.columns; c++) {
      const def = this.defs[c];
      if (!def) {
        v[c] = binaries[c]!;
        continue;
      }
      if (def.type === 'alias') v[c] = def.def.valueAt(v);
      else if (def.type === 'indicator') v[c] = def.def.valueAt(v) > 1e-9 ? 1 : 0;
      else if (def.type === 'unary') v[c] = def.def.valueAt(v) >= def.threshold - 1e-9 ? 1 : 0;
      else if (def.type === 'part') v[c] = Math.max(0, def.sign * def.def.valueAt(v));
      else if (def.type === 'max') {
        let m = 0;
        for (const d of def.defs) m = Math.max(m, d.valueAt(v));
        v[c] = Math.min(this.upper[c]!, m);
      } else if (def.type === 'min') {
        let m = this.upper[c]!;
        for (const d of def.defs) m = Math.min(m, d.valueAt(v));
        v[c] = Math.max(0, m);
      }
    }
    return v;
  }

  /**
   * The score the model gives to a complete column vector (see {@link LinearModel.complete}). With
   * hard rules as constraints the hard part measures row violations: 0 exactly when legal.
   */
  score(values: ArrayLike<number>): LinearScore {
    let hard = this.objHard.valueAt(values);
    for (const r of this.hardRows) hard += r.weight * Math.max(0, r.expr.valueAt(values));
    return { hard, soft: this.objSoft.valueAt(values) };
  }

  /** The MIP objective (without its constant) at a complete column vector. */
  objective(values: ArrayLike<number>): number {
    return this.objectiveExpr().valueAt(values);
  }

  /** Constant part of the objective. */
  get objectiveConstant(): number {
    return this.objSoft.constant + this.hardWeight * this.objHard.constant;
  }

  private objectiveExpr(): LinExpr {
    const hw = this.hardMode === 'penalty' ? this.hardWeight : 0;
    return new LinExpr().addExpr(this.objSoft).addExpr(this.objHard, hw);
  }

  /**
   * The model as arrays, in column order (what HiGHS takes without parsing text): costs, bounds,
   * integrality and the rows in compressed sparse row form, terms merged per row; a row left
   * without columns (a constant) is left out, and so is the objective constant.
   */
  toArrays(): ModelArrays {
    const n = this.columns;
    const colCost = new Float64Array(n);
    const obj = this.objectiveExpr();
    for (let i = 0; i < obj.cols.length; i++) colCost[obj.cols[i]!]! += obj.coefs[i]!;
    const colLower = new Float64Array(n);
    const colUpper = new Float64Array(n);
    const integrality = new Int32Array(n);
    for (let c = 0; c < n; c++) {
      colUpper[c] = this.upper[c]!;
      if (this.binaryCol[c]) integrality[c] = 1;
      else if (this.freeCols.has(c)) colLower[c] = Number.NEGATIVE_INFINITY;
    }
    let nnz = 0;
    for (const r of this.rows) nnz += r.expr.cols.length;
    const starts = new Int32Array(this.rows.length + 1);
    const indices = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    const rowLower = new Float64Array(this.rows.length);
    const rowUpper = new Float64Array(this.rows.length);
    // Terms of a row merged through a dense accumulator: `slot[c]` is 1 + the position of column c
    // in the row being written (0 when absent); reset after each row.
    const slot = new Int32Array(n);
    let at = 0;
    let m = 0;
    for (const r of this.rows) {
      const from = at;
      const { cols, coefs } = r.expr;
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i]!;
        const k = slot[c]!;
        if (k === 0) {
          slot[c] = at - from + 1;
          indices[at] = c;
          values[at++] = coefs[i]!;
        } else values[from + k - 1]! += coefs[i]!;
      }
      // Drop terms that cancelled, then clear the accumulator.
      let to = from;
      for (let k = from; k < at; k++) {
        slot[indices[k]!] = 0;
        if (Math.abs(values[k]!) > 1e-12) {
          indices[to] = indices[k]!;
          values[to++] = values[k]!;
        }
      }
      at = to;
      if (at === from) continue;
      const rhs = -r.expr.constant;
      rowLower[m] = r.sense === '<=' ? Number.NEGATIVE_INFINITY : rhs;
      rowUpper[m] = r.sense === '>=' ? Number.POSITIVE_INFINITY : rhs;
      starts[++m] = at;
    }
    return {
      numCols: n,
      numRows: m,
      colCost,
      colLower,
      colUpper,
      rowLower: rowLower.subarray(0, m),
      rowUpper: rowUpper.subarray(0, m),
      starts: starts.subarray(0, m + 1),
      indices: indices.subarray(0, at),
      values: values.subarray(0, at),
      integrality,
    };
  }

  /**
   * CPLEX LP text of {@link LinearModel.toArrays} (minimisation; the objective constant is left out,
   * see {@link LinearModel.objectiveConstant}): for reading a model or giving it to another solver.
   */
  toLp(): string {
    const m = this.toArrays();
    const names = this.names;
    const out: string[] = ['Minimize'];
    const objCols: number[] = [];
    const objCoefs: number[] = [];
    m.colCost.forEach((c, j) => {
      if (Math.abs(c) > 1e-12) {
        objCols.push(j);
        objCoefs.push(c);
      }
    });
    out.push(` obj: ${objCols.length > 0 ? terms(objCols, objCoefs, names) : `0 ${names[0] ?? 'dummy'}`}`);
    out.push('Subject To');
    for (let i = 0; i < m.numRows; i++) {
      const lhs = terms([...m.indices.subarray(m.starts[i], m.starts[i + 1])], [...m.values.subarray(m.starts[i], m.starts[i + 1])], names);
      const [lo, hi] = [m.rowLower[i]!, m.rowUpper[i]!];
      out.push(` r${i}: ${lhs} ${lo === hi ? '=' : lo === Number.NEGATIVE_INFINITY ? '<=' : '>='} ${num(lo === Number.NEGATIVE_INFINITY ? hi : lo)}`);
    }
    out.push('Bounds');
    if (m.numCols === 0) out.push(' dummy = 0');
    for (let c = 0; c < m.numCols; c++) {
      if (m.integrality[c]) continue;
      if (m.colLower[c] === Number.NEGATIVE_INFINITY) out.push(` ${names[c]} free`);
      else out.push(Number.isFinite(m.colUpper[c]!) ? ` 0 <= ${names[c]} <= ${num(m.colUpper[c]!)}` : ` ${names[c]} >= 0`);
    }
    const bins = names.filter((_, c) => m.integrality[c]);
    if (bins.length > 0) {
      out.push('Binaries');
      for (let i = 0; i < bins.length; i += 12) out.push(` ${bins.slice(i, i + 12).join(' ')}`);
    }
    out.push('End', '');
    return out.join('\n');
  }
}

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(15).replace(/\.?0+$/, '');
}

function terms(cols: number[], coefs: number[], names: string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < cols.length; i++) {
    const c = coefs[i]!;
    const t = `${c < 0 ? '-' : '+'} ${num(Math.abs(c))} ${names[cols[i]!]}`;
    // Keep lines short: the LP format allows a term list to continue on the next line.
    parts.push(i > 0 && i % 10 === 0 ? `\n   ${t}` : t);
  }
  const s = parts.join(' ');
  return s.startsWith('+ ') ? s.slice(2) : s;
}
