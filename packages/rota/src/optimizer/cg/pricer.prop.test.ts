import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compileRules } from '../../engine/compile-rules.js';
import { IncrementalEvaluator } from '../../engine/incremental.js';
import { compileProblem, OFF } from '../../model/compile.js';
import type { RuleInput } from '../../rules/rule.js';
import { makeProblem, SHIFT_TYPES } from '../../test-fixtures/problems.js';
import { enumerateRows, enumerateRowsSteps, labelSliced, priceRows, priceRowsSteps } from './pricer.js';
import { rowPrograms } from './rows.js';

const SHIFTS = SHIFT_TYPES.slice(0, 3); // D, K, N
const DAYS = 7;

// A week from a drawn weekday, one employee, a random set of the row kinds (hard) with random params,
// requests and a day off; random prices on the cells.
const caseArb = fc.record({
  startDay: fc.integer({ min: 1, max: 7 }),
  succession: fc.subarray([
    { from: 'N', to: 'D' },
    { from: 'N', to: 'K' },
    { from: 'K', to: 'D' },
  ]),
  count: fc.option(fc.record({ ids: fc.subarray(['D', 'K', 'N'], { minLength: 1 }), min: fc.integer({ min: 0, max: 3 }), max: fc.integer({ min: 1, max: 5 }) }), { nil: undefined }),
  minutes: fc.option(fc.record({ min: fc.integer({ min: 0, max: 2400 }), span: fc.integer({ min: 0, max: 2400 }) }), { nil: undefined }),
  work: fc.option(fc.record({ min: fc.integer({ min: 1, max: 3 }), max: fc.integer({ min: 2, max: 5 }), exempt: fc.boolean() }), { nil: undefined }),
  off: fc.option(fc.record({ min: fc.integer({ min: 1, max: 3 }), max: fc.option(fc.integer({ min: 2, max: 4 }), { nil: undefined }), exempt: fc.boolean() }), { nil: undefined }),
  weekends: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
  rest: fc.boolean(),
  dayOff: fc.option(fc.integer({ min: 0, max: DAYS - 1 }), { nil: undefined }),
  requests: fc.array(fc.record({ day: fc.integer({ min: 0, max: DAYS - 1 }), on: fc.boolean(), shift: fc.constantFrom('D', 'K', 'N'), weight: fc.integer({ min: 1, max: 5 }) }), { maxLength: 4 }),
  prices: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: DAYS * 3, maxLength: DAYS * 3 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case) {
  const start = `2025-03-0${c.startDay + 2}`; // 3 March 2025 is a Monday
  const date = (d: number) => `2025-03-${String(c.startDay + 2 + d).padStart(2, '0')}`;
  const problem = makeProblem({
    start,
    days: DAYS,
    shiftTypes: SHIFTS,
    extra: {
      absences: c.dayOff === undefined ? [] : [{ id: 'a', employeeId: 'e1', kind: 'dayOff', start: date(c.dayOff), end: date(c.dayOff) }],
      requests: c.requests.map((r, i) => ({ id: `r${i}`, employeeId: 'e1', date: date(r.day), kind: r.on ? 'on' : 'off', shiftTypeId: r.shift, weight: r.weight })),
    },
  });
  const rules: RuleInput[] = [
    { id: 'abs', kind: 'absences', level: 'hard', params: {} },
    { id: 'req', kind: 'requests', level: 'soft', weight: 2, params: {} },
  ];
  if (c.succession.length > 0) rules.push({ id: 'succ', kind: 'forbiddenSuccession', level: 'hard', params: { pairs: c.succession } });
  if (c.count) rules.push({ id: 'count', kind: 'shiftTypeCount', level: 'hard', params: { shiftTypeIds: c.count.ids, min: c.count.min, max: Math.max(c.count.min, c.count.max) } });
  if (c.minutes) rules.push({ id: 'minutes', kind: 'totalWorkedMinutes', level: 'hard', params: { min: c.minutes.min, max: c.minutes.min + c.minutes.span, measure: 'nominal' } });
  if (c.work) rules.push({ id: 'work', kind: 'consecutiveWorkDays', level: 'hard', params: { min: c.work.min, max: Math.max(c.work.min, c.work.max), exemptAtBoundaries: c.work.exempt } });
  if (c.off) rules.push({ id: 'off', kind: 'consecutiveDaysOff', level: 'hard', params: { min: c.off.min, ...(c.off.max !== undefined ? { max: Math.max(c.off.min, c.off.max) } : {}), exemptAtBoundaries: c.off.exempt } });
  if (c.weekends !== undefined) rules.push({ id: 'wk', kind: 'weekendWork', level: 'hard', params: { definition: 'dates', maxTotal: c.weekends } });
  if (c.rest) rules.push({ id: 'rest', kind: 'minRestBetweenShifts', level: 'hard', params: { minutes: 660 } });
  const model = compileProblem(problem);
  return { model, compiled: compileRules(model, rules) };
}

/** The case's prices per cell option (a shift type's price on its options). */
function pricesOf(c: Case, model: ReturnType<typeof build>['model']): Float64Array {
  const O = model.options;
  const price = new Float64Array(DAYS * O);
  for (let d = 0; d < DAYS; d++) for (let o = 0; o < O; o++) price[d * O + o] = c.prices[d * 3 + model.optionShift[o]!]!;
  return price;
}

/**
 * Every row over `days` (the other cells as they are in `inc`), by the evaluator: calls `visit` with
 * the option per day (OFF as is) of each legal one and its soft score plus `price` of its worked cells.
 */
function eachLegalRow(inc: IncrementalEvaluator, O: number, days: number[], price: Float64Array, visit: (row: Int16Array, value: number) => void) {
  const digits = new Int16Array(days.length); // 0 = OFF, k = option k − 1
  for (const d of days) inc.set(0, d, OFF);
  for (;;) {
    if (inc.hard === 0) {
      let v = inc.soft;
      days.forEach((d, i) => {
        if (digits[i]! > 0) v += price[d * O + digits[i]! - 1]!;
      });
      visit(Int16Array.from(digits, (x) => (x === 0 ? OFF : x - 1)), v);
    }
    let i = 0;
    while (i < days.length && digits[i] === O) {
      digits[i] = 0;
      inc.set(0, days[i]!, OFF);
      i++;
    }
    if (i === days.length) break;
    digits[i]!++;
    inc.set(0, days[i]!, digits[i]! - 1);
  }
}

describe('priceRows', () => {
  test.prop([caseArb], { numRuns: 40 })(
    'given one employee, a week, random row rules and prices, its cheapest row is the cheapest legal row by the evaluator, at the cost the evaluator gives it',
    (c) => {
      const { model, compiled } = build(c);
      const O = model.options;
      const rp = rowPrograms(model, compiled);
      expect(rp.ok).toBe(true);
      if (!rp.ok) return;
      const price = pricesOf(c, model);
      const inc = new IncrementalEvaluator(model, compiled, new Int16Array(DAYS).fill(OFF));
      let best = Number.POSITIVE_INFINITY;
      eachLegalRow(inc, O, [0, 1, 2, 3, 4, 5, 6], price, (_row, v) => {
        best = Math.min(best, v);
      });
      const rows = priceRows(rp.programs[0]!, DAYS, O, { price, count: 3, bucketCap: Number.POSITIVE_INFINITY });
      if (best === Number.POSITIVE_INFINITY) {
        expect(rows).toEqual([]);
        return;
      }
      expect(rows.length).toBeGreaterThan(0);
      expect(rows[0]!.reduced).toBeCloseTo(best, 9);
      for (const r of rows) {
        for (let d = 0; d < DAYS; d++) inc.set(0, d, r.row[d]! >= O ? OFF : r.row[d]!);
        expect(inc.hard).toBe(0);
        expect(inc.soft).toBeCloseTo(r.cost, 9);
      }
      // With a threshold (the cost-to-go bound prunes): the cheapest row when it is below, none when not.
      const capped = priceRows(rp.programs[0]!, DAYS, O, { price, count: 1, below: best + 0.5, bucketCap: 2 });
      expect(capped[0]?.reduced).toBeCloseTo(best, 9);
      expect(priceRows(rp.programs[0]!, DAYS, O, { price, below: best - 1e-6, bucketCap: Number.POSITIVE_INFINITY })).toEqual([]);
    },
    30_000,
  );

  test.prop([caseArb, fc.integer({ min: 0, max: 12 })], { numRuns: 40 })(
    'given one employee, a week, random row rules and prices, enumerateRows below the cheapest + δ returns exactly the legal rows the evaluator values below it, cheapest first',
    (c, delta) => {
      const { model, compiled } = build(c);
      const O = model.options;
      const rp = rowPrograms(model, compiled);
      if (!rp.ok) return;
      const price = pricesOf(c, model);
      const inc = new IncrementalEvaluator(model, compiled, new Int16Array(DAYS).fill(OFF));
      const legal: { key: string; v: number }[] = [];
      eachLegalRow(inc, O, [0, 1, 2, 3, 4, 5, 6], price, (row, v) => legal.push({ key: Array.from(row, (o) => (o === OFF ? O : o)).join(','), v }));
      const best = Math.min(...legal.map((r) => r.v));
      // Values are whole numbers: a threshold half-way between two keeps ties out of the question.
      const below = (Number.isFinite(best) ? best : 0) + delta + 0.5;
      const { rows, complete } = enumerateRows(rp.programs[0]!, DAYS, O, { price, below });
      expect(complete).toBe(true);
      const want = legal.filter((r) => r.v < below).map((r) => r.key);
      expect(rows.map((r) => Array.from(r.row).join(',')).sort()).toEqual(want.sort());
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.reduced).toBeGreaterThanOrEqual(rows[i - 1]!.reduced);
      const cut = enumerateRows(rp.programs[0]!, DAYS, O, { price, below, maxLabels: 1 });
      if (want.length > 0) expect(cut.complete).toBe(false);
    },
    30_000,
  );

  test.prop([caseArb, fc.nat(), fc.integer({ min: 0, max: DAYS - 1 }), fc.integer({ min: 0, max: DAYS - 1 })], { numRuns: 40 })(
    'given a legal week and a window of it, the cheapest row of the window is the cheapest legal one by the evaluator with the rest fixed, each at the cost the evaluator gives it less the same constant',
    (c, pick, x, y) => {
      const { model, compiled } = build(c);
      const O = model.options;
      const price = pricesOf(c, model);
      const inc = new IncrementalEvaluator(model, compiled, new Int16Array(DAYS).fill(OFF));
      const legal: Int16Array[] = [];
      eachLegalRow(inc, O, [0, 1, 2, 3, 4, 5, 6], new Float64Array(DAYS * O), (row) => legal.push(row));
      if (legal.length === 0) return;
      const base = legal[pick % legal.length]!;
      const fromDay = Math.min(x, y);
      const toDay = Math.max(x, y);
      const rp = rowPrograms(model, compiled, { base, fromDay, toDay });
      expect(rp.ok).toBe(true);
      if (!rp.ok) return;
      const W = toDay - fromDay + 1;
      const days = Array.from({ length: W }, (_, i) => fromDay + i);
      for (let d = 0; d < DAYS; d++) inc.set(0, d, base[d]!);
      let best = Number.POSITIVE_INFINITY;
      eachLegalRow(inc, O, days, price, (_row, v) => {
        best = Math.min(best, v);
      });
      // The base's own window is legal, so some row is.
      expect(best).toBeLessThan(Number.POSITIVE_INFINITY);
      const local = price.subarray(fromDay * O, (toDay + 1) * O);
      const rows = priceRows(rp.programs[0]!, W, O, { price: local, count: 3, bucketCap: Number.POSITIVE_INFINITY });
      expect(rows.length).toBeGreaterThan(0);
      let constant: number | undefined;
      for (const r of rows) {
        for (let d = 0; d < W; d++) inc.set(0, fromDay + d, r.row[d]! >= O ? OFF : r.row[d]!);
        expect(inc.hard).toBe(0);
        constant ??= inc.soft - r.cost;
        expect(inc.soft - r.cost).toBeCloseTo(constant, 9);
      }
      expect(rows[0]!.reduced + constant!).toBeCloseTo(best, 9);
      // Every row of the window within 4 of the cheapest, against the evaluator's count (the runs
      // before and after the window in the cost to go).
      const within = enumerateRows(rp.programs[0]!, W, O, { price: local, below: rows[0]!.reduced + 4.5 });
      let count = 0;
      eachLegalRow(inc, O, days, price, (_row, v) => {
        if (v < best + 4.5) count++;
      });
      expect(within.rows.length).toBe(count);
    },
    30_000,
  );

  test.prop([caseArb, fc.nat(), fc.array(fc.boolean(), { minLength: DAYS, maxLength: DAYS })], { numRuns: 40 })(
    'given a legal week and free days that are not one range, the cheapest row keeps the held days as in the base and is the cheapest legal one by the evaluator over the free days',
    (c, pick, mask) => {
      const { model, compiled } = build(c);
      const O = model.options;
      const inc = new IncrementalEvaluator(model, compiled, new Int16Array(DAYS).fill(OFF));
      const legal: Int16Array[] = [];
      eachLegalRow(inc, O, [0, 1, 2, 3, 4, 5, 6], new Float64Array(DAYS * O), (row) => legal.push(row));
      if (legal.length === 0) return;
      const base = legal[pick % legal.length]!;
      const free = mask.flatMap((m, d) => (m ? [d] : []));
      const price = new Float64Array(DAYS * O);
      for (const d of free) for (let o = 0; o < O; o++) price[d * O + o] = c.prices[d * 3 + model.optionShift[o]!]!;
      const rp = rowPrograms(model, compiled, { base, fromDay: 0, toDay: DAYS - 1, days: free });
      expect(rp.ok).toBe(true);
      if (!rp.ok) return;
      for (let d = 0; d < DAYS; d++) inc.set(0, d, base[d]!);
      let best = Number.POSITIVE_INFINITY;
      eachLegalRow(inc, O, free, price, (_row, v) => {
        best = Math.min(best, v);
      });
      expect(best).toBeLessThan(Number.POSITIVE_INFINITY);
      const rows = priceRows(rp.programs[0]!, DAYS, O, { price, count: 3, bucketCap: Number.POSITIVE_INFINITY });
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        for (let d = 0; d < DAYS; d++) {
          const o = r.row[d]! >= O ? OFF : r.row[d]!;
          if (!mask[d]) expect(o).toBe(base[d]);
          inc.set(0, d, o);
        }
        expect(inc.hard).toBe(0);
        expect(inc.soft).toBeCloseTo(r.cost, 9);
      }
      expect(rows[0]!.reduced).toBeCloseTo(best, 9);
    },
    30_000,
  );
});

describe('priceRows deadline', () => {
  /** One employee's week without row rules, every cell priced −1. */
  const freeWeek = () => {
    const { model, compiled } = build({ startDay: 1, succession: [], count: undefined, minutes: undefined, work: undefined, off: undefined, weekends: undefined, rest: false, dayOff: undefined, requests: [], prices: Array(DAYS * 3).fill(-1) });
    const rp = rowPrograms(model, compiled);
    if (!rp.ok) throw new Error(rp.reason);
    return { program: rp.programs[0]!, options: model.options, price: new Float64Array(DAYS * model.options).fill(-1) };
  };
  test('given a deadline already passed, no rows; given none, the cheapest row of the week', () => {
    const { program, options, price } = freeWeek();
    expect(priceRows(program, DAYS, options, { price, deadline: performance.now() - 1 })).toEqual([]);
    const rows = priceRows(program, DAYS, options, { price });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.reduced).toBe(-DAYS);
  });

  test('given a deadline already passed, enumerateRows gives no rows and is not complete; given none, every row below the bound (the cheapest first)', () => {
    const { program, options, price } = freeWeek();
    expect(enumerateRows(program, DAYS, options, { price, below: 0, deadline: performance.now() - 1 })).toEqual({ rows: [], complete: false });
    const all = enumerateRows(program, DAYS, options, { price, below: -DAYS + 0.5 });
    expect(all.complete).toBe(true);
    expect(all.rows.length).toBeGreaterThanOrEqual(1);
    expect(all.rows[0]!.reduced).toBe(-DAYS);
  });
});

describe('labelSliced', () => {
  test.prop([caseArb, fc.integer({ min: 0, max: 6 })], { numRuns: 30 })(
    'given a slice of 0 ms (a turn of the event loop at every day), the rows are exactly those of priceRows and of enumerateRows',
    async (c, delta) => {
      const { model, compiled } = build(c);
      const O = model.options;
      const rp = rowPrograms(model, compiled);
      if (!rp.ok) return;
      const price = pricesOf(c, model);
      const program = rp.programs[0]!;
      const opts = { price, count: 3, bucketCap: 4 };
      expect((await labelSliced(priceRowsSteps(program, DAYS, O, opts), 0))?.rows).toEqual(priceRows(program, DAYS, O, opts));
      const cheapest = priceRows(program, DAYS, O, { price })[0]?.reduced ?? 0;
      const below = cheapest + delta + 0.5;
      expect(await labelSliced(enumerateRowsSteps(program, DAYS, O, { price, below }), 0)).toEqual(enumerateRows(program, DAYS, O, { price, below }));
    },
    30_000,
  );

  test.prop([caseArb, caseArb, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })], { numRuns: 40 })(
    'given two pricings under a threshold run a step each in turn (two column generations in one process), each gives exactly the rows it gives alone',
    (c1, c2, delta1, delta2) => {
      const alone: { steps: () => Generator<undefined, { rows: unknown[] }, undefined>; rows: unknown[] }[] = [];
      for (const [c, delta] of [
        [c1, delta1],
        [c2, delta2],
      ] as const) {
        const { model, compiled } = build(c);
        const rp = rowPrograms(model, compiled);
        if (!rp.ok) return;
        const price = pricesOf(c, model);
        const program = rp.programs[0]!;
        const O = model.options;
        const below = (priceRows(program, DAYS, O, { price })[0]?.reduced ?? 0) + delta + 0.5;
        const opts = { price, below, count: 3, bucketCap: Number.POSITIVE_INFINITY };
        alone.push({ steps: () => priceRowsSteps(program, DAYS, O, opts), rows: priceRows(program, DAYS, O, opts) });
      }
      const [a, b] = [alone[0]!.steps(), alone[1]!.steps()];
      let ra: { rows: unknown[] } | undefined;
      let rb: { rows: unknown[] } | undefined;
      while (!ra || !rb) {
        if (!ra) {
          const step = a.next();
          if (step.done) ra = step.value;
        }
        if (!rb) {
          const step = b.next();
          if (step.done) rb = step.value;
        }
      }
      expect(ra.rows).toEqual(alone[0]!.rows);
      expect(rb.rows).toEqual(alone[1]!.rows);
    },
  );

  test('given a signal aborted while it works, it gives up at its next turn (undefined); not aborted, the cheapest row', async () => {
    const { model, compiled } = build({ startDay: 1, succession: [], count: undefined, minutes: undefined, work: undefined, off: undefined, weekends: undefined, rest: false, dayOff: undefined, requests: [], prices: Array(DAYS * 3).fill(-1) });
    const rp = rowPrograms(model, compiled);
    if (!rp.ok) throw new Error('no row programs');
    const price = new Float64Array(DAYS * model.options).fill(-1);
    const controller = new AbortController();
    let steps = 0;
    const inner = priceRowsSteps(rp.programs[0]!, DAYS, model.options, { price });
    // The second step aborts (as a timer would between two slices).
    const counted: Generator<undefined, ReturnType<typeof inner.next> extends IteratorResult<undefined, infer R> ? R : never, undefined> = (function* () {
      for (;;) {
        const step = inner.next();
        if (step.done) return step.value;
        if (++steps === 2) controller.abort();
        yield;
      }
    })();
    expect(await labelSliced(counted, 0, controller.signal)).toBeUndefined();
    expect(steps).toBe(2);
    const rows = (await labelSliced(priceRowsSteps(rp.programs[0]!, DAYS, model.options, { price }), 0, new AbortController().signal))?.rows;
    expect(rows?.[0]?.reduced).toBe(-DAYS);
  });
});
