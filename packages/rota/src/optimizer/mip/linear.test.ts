import highsLoader from 'highs';
import { describe, expect, test } from 'vitest';
import { runHighs } from './highs.js';
import { LinExpr, LinearModel } from './linear.js';

/** Three cell binaries x0, x1, x2 and their sum. */
function threeCells(lm: LinearModel): { x: LinExpr[]; sum: LinExpr } {
  const x = [0, 1, 2].map((i) => new LinExpr().add(lm.binary(`x${i}`)));
  return { x, sum: new LinExpr().addExpr(x[0]!).addExpr(x[1]!).addExpr(x[2]!) };
}

/** "One of three cells on", x2 costing 3, and x0, x1 both off worth 2 (an AND column the objective wants large). */
function andColumnModel(): LinearModel {
  const lm = new LinearModel('constraint', 1000);
  const { x, sum } = threeCells(lm);
  lm.row(new LinExpr(-1).addExpr(sum), '>=');
  const bothOff = lm.minOf([new LinExpr(1).addExpr(x[0]!, -1), new LinExpr(1).addExpr(x[1]!, -1)]);
  lm.penalty([new LinExpr(1).addExpr(bothOff, -1)], 2, false);
  lm.penalty([x[2]!], 3, false, true);
  return lm;
}

describe('LinearModel auxiliary columns', () => {
  test('given x = (1, 0, 1), each auxiliary column takes its defined value: max 1, min 0, indicator 1, unary digits 1 1 0, alias 2', () => {
    const lm = new LinearModel('penalty', 1000);
    const { x, sum } = threeCells(lm);
    const max = lm.maxOf([new LinExpr(-1).addExpr(sum)]);
    const min = lm.minOf([new LinExpr(1).addExpr(x[0]!, -1), new LinExpr(1).addExpr(x[1]!, -1)]);
    const indicator = lm.indicator(new LinExpr(-1).addExpr(sum), 2);
    const digits = lm.unary(sum, 0, 3);
    const alias = lm.alias(sum);
    const v = lm.complete([1, 0, 1]);
    expect([max, min, indicator, ...digits, alias].map((e) => e.valueAt(v))).toEqual([1, 0, 1, 1, 1, 0, 2]);
  });

  test('given constant definitions, no column is made: min(3, 0.5) at most 1 is 0.5, min with a 0 is 0, an indicator of −1 is 0, digits of 2 in [1, 4] are 1 0 0', () => {
    const lm = new LinearModel('penalty', 1000);
    expect(lm.minOf([new LinExpr(3), new LinExpr(0.5)]).constant).toBe(0.5);
    expect(lm.minOf([new LinExpr(0), new LinExpr().add(lm.binary('x'))]).constant).toBe(0);
    expect(lm.indicator(new LinExpr(-1), 5).constant).toBe(0);
    expect(lm.unary(new LinExpr(2), 1, 4).map((d) => d.constant)).toEqual([1, 0, 0]);
    expect(lm.columns).toBe(1);
  });

  test('given indicator, unary and alias columns, the LP lists the first two as binaries, the alias as free, and its row as an equality', () => {
    const lm = new LinearModel('penalty', 1000);
    const { sum } = threeCells(lm);
    const z = lm.indicator(new LinExpr(-1).addExpr(sum), 2);
    const [b1] = lm.unary(sum, 0, 2);
    const a = lm.alias(sum);
    const names = [z, b1!, a].map((e) => lm.names[e.cols[0]!]!);
    const lp = lm.toLp();
    const binaries = lp.slice(lp.indexOf('Binaries'));
    expect(binaries).toContain(names[0]!);
    expect(binaries).toContain(names[1]!);
    expect(lp).toContain(` ${names[2]} free`);
    // Terms in the order the row was written (the alias, then its definition), as HiGHS gets them.
    expect(lp).toMatch(new RegExp(`r\\d+: 1 ${names[2]} - 1 x0 - 1 x1 - 1 x2 = 0`));
  });

  test('given rows with a repeated column, a cancelling term and a constant-only row, the arrays hold each row once merged (x0 twice → 2, x1 − x1 dropped) in CSR, the constant row left out, bounds and integrality per column', () => {
    const lm = new LinearModel('constraint', 1000);
    const { x } = threeCells(lm);
    // x0 + x0 + x1 − x1 + x2 ≤ 1  →  2 x0 + x2 ≤ 1
    lm.row(new LinExpr(-1).addExpr(x[0]!).addExpr(x[0]!).addExpr(x[1]!).addExpr(x[1]!, -1).addExpr(x[2]!), '<=');
    lm.row(new LinExpr(5), '>=');
    const a = lm.alias(new LinExpr(1).addExpr(x[1]!, 3));
    lm.penalty([new LinExpr().addExpr(x[2]!)], 7, false, true);
    lm.penalty([new LinExpr().addExpr(a, 2)], 1, false, true);
    const m = lm.toArrays();
    expect(m.numCols).toBe(4);
    expect(m.numRows).toBe(2);
    expect([...m.starts]).toEqual([0, 2, 4]);
    expect([...m.indices]).toEqual([0, 2, 3, 1]);
    expect([...m.values]).toEqual([2, 1, 1, -3]);
    expect([...m.rowLower]).toEqual([Number.NEGATIVE_INFINITY, 1]);
    expect([...m.rowUpper]).toEqual([1, 1]);
    expect([...m.colCost]).toEqual([0, 0, 7, 2]);
    expect([...m.colLower]).toEqual([0, 0, 0, Number.NEGATIVE_INFINITY]);
    expect([...m.colUpper]).toEqual([1, 1, 1, Number.POSITIVE_INFINITY]);
    expect([...m.integrality]).toEqual([1, 1, 1, 0]);
  });

  test('given "one of three cells on", x2 costing 3 and x0, x1 both off worth 2 (an AND column the objective wants large), HiGHS picks x0 or x1: soft 2, as the model scores its answer', async () => {
    const lm = andColumnModel();
    const out = await runHighs({ model: lm.toArrays(), timeLimitMs: 5000 });
    expect(out.status).toBe('optimal');
    const v = lm.complete(out.values!);
    expect(lm.score(v)).toEqual({ hard: 0, soft: 2 });
    // HiGHS's own optimum is the score of its answer: the AND column cannot claim "both off" falsely.
    expect(out.objective! + lm.objectiveConstant).toBeCloseTo(2, 9);
    expect(v[2]).toBeCloseTo(0, 9);
    expect(v[0]! + v[1]!).toBeCloseTo(1, 9);
  });

  test('given the same AND-column model, its LP text read by HiGHS has the same optimum as its arrays: 2 − the constant', async () => {
    const lm = andColumnModel();
    const fromArrays = await runHighs({ model: lm.toArrays(), timeLimitMs: 5000 });
    const highs = await highsLoader();
    const model = highs.createModel({ format: 'lp', data: lm.toLp() });
    try {
      model.options.set({ output_flag: false });
      model.run();
      expect(model.getObjectiveValue()).toBeCloseTo(fromArrays.objective!, 9);
      expect(model.getObjectiveValue() + lm.objectiveConstant).toBeCloseTo(2, 9);
    } finally {
      model.dispose();
    }
  });

  test('given 4 per cell off and 10 per cell over one that counts only when at least two are on (an indicator the cells force), HiGHS turns one cell on: soft 8, as the model scores its answer', async () => {
    const lm = new LinearModel('constraint', 1000);
    const { sum } = threeCells(lm);
    // 4 × (1 − x_i) per cell: off costs 4; over = sum − 1, counted (×10) only when sum ≥ 2.
    lm.penalty([new LinExpr(3).addExpr(sum, -1)], 4, false, true);
    const atLeastTwo = lm.indicator(new LinExpr(-1).addExpr(sum), 2);
    lm.penalty([new LinExpr(-1 - 2).addExpr(sum).addExpr(atLeastTwo, 2)], 10, false);
    const out = await runHighs({ model: lm.toArrays(), timeLimitMs: 5000 });
    expect(out.status).toBe('optimal');
    const v = lm.complete(out.values!);
    // One cell on: 8 (two off), no over-penalty; two on: 4 + 10; three: 0 + 20.
    expect(lm.score(v).soft).toBe(8);
    expect(out.objective! + lm.objectiveConstant).toBeCloseTo(8, 9);
    expect(sum.valueAt(v)).toBe(1);
  });

  describe('deviation', () => {
    test('given a target of 2 over three cells, below 5 and above 1: one equality row and two columns; (1, 0, 0) scores 5 (one below), (1, 1, 1) scores 1 (one above), (1, 1, 0) scores 0', () => {
      const lm = new LinearModel('penalty', 1000);
      const { sum } = threeCells(lm);
      lm.deviation(new LinExpr(-2).addExpr(sum), 5, 1, false);
      const m = lm.toArrays();
      expect(m.numCols).toBe(5);
      expect(m.numRows).toBe(1);
      expect([m.rowLower[0], m.rowUpper[0]]).toEqual([2, 2]);
      expect([...m.colCost]).toEqual([0, 0, 0, 5, 1]);
      expect(lm.score(lm.complete([1, 0, 0]))).toEqual({ hard: 0, soft: 5 });
      expect(lm.score(lm.complete([1, 1, 1]))).toEqual({ hard: 0, soft: 1 });
      expect(lm.score(lm.complete([1, 1, 0]))).toEqual({ hard: 0, soft: 0 });
    });

    test('given a target of 2, below 5, above 1 and each cell on costing 3 (then 6), HiGHS turns two cells on: soft 6 (then none: soft 10), as the model scores its answer', async () => {
      for (const [onCost, want, on] of [
        [3, 6, 2],
        [6, 10, 0],
      ] as const) {
        const lm = new LinearModel('penalty', 1000);
        const { sum } = threeCells(lm);
        lm.deviation(new LinExpr(-2).addExpr(sum), 5, 1, false);
        lm.penalty([sum], onCost, false, true);
        const out = await runHighs({ model: lm.toArrays(), timeLimitMs: 5000 });
        expect(out.status).toBe('optimal');
        const v = lm.complete(out.values!);
        expect(lm.score(v).soft).toBe(want);
        expect(out.objective! + lm.objectiveConstant).toBeCloseTo(want, 9);
        expect(sum.valueAt(v)).toBe(on);
      }
    });

    test('given oneRow false, a hard deviation with hard rules as constraints, a zero weight, or a constant, it falls back to penalties: two ">=" rows with two max columns, two "≤" rows, one max column, or only a constant', () => {
      const twoRows = new LinearModel('penalty', 1000);
      const t = threeCells(twoRows);
      twoRows.deviation(new LinExpr(-2).addExpr(t.sum), 5, 1, false, false);
      expect(twoRows.toArrays().numRows).toBe(2);
      expect(twoRows.columns).toBe(5);
      expect(twoRows.score(twoRows.complete([1, 0, 0])).soft).toBe(5);
      const hard = new LinearModel('constraint', 1000);
      const a = threeCells(hard);
      hard.deviation(new LinExpr(-2).addExpr(a.sum), 5, 1, true);
      expect(hard.toArrays().numRows).toBe(2);
      expect(hard.columns).toBe(3);
      const oneSided = new LinearModel('penalty', 1000);
      const b = threeCells(oneSided);
      oneSided.deviation(new LinExpr(-2).addExpr(b.sum), 5, 0, false);
      expect(oneSided.columns).toBe(4);
      expect(oneSided.score(oneSided.complete([0, 0, 0, 0])).soft).toBe(10);
      const constant = new LinearModel('penalty', 1000);
      constant.deviation(new LinExpr(-2), 5, 1, false);
      expect(constant.columns).toBe(0);
      expect(constant.objectiveConstant).toBe(10);
      expect(() => constant.deviation(new LinExpr(1), -1, 1, false)).toThrow(RangeError);
    });
  });
});
