// The pricer of column generation (`priceRows`) on Curtois & Qu instances: milliseconds per call with
// 8, 32 and unlimited labels per bucket, under seeded random prices of the size the master's duals
// take, every employee's row program over the whole horizon. The sum of the cheapest rows' values
// shows that two versions find the same rows (the unlimited cap is exact). The last two columns price
// as column generation does, exactly and below a threshold (the cheapest row + 10, up to 5 rows), which
// builds the cost-to-go table first: milliseconds per call and the sum of the rows' values.
//   pnpm bench:pricer [--instances 8,14,…] [--calls n] [--caps 8,32,inf] [--seed n]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileProblem } from '@omsorg/rota';
import { compileRules } from '../src/engine/compile-rules.js';
import { priceRows } from '../src/optimizer/cg/pricer.js';
import { rowPrograms } from '../src/optimizer/cg/rows.js';
import { instanceFilesOrExit, loadInstance } from './instances.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '8,12,14,16,17' },
    calls: { type: 'string', default: '60' },
    caps: { type: 'string', default: '8,32,inf' },
    seed: { type: 'string', default: '1' },
  },
});
const dir = join(here, '../../../../shared/benchmarks/curtois');
const caps = values.caps.split(',').map((c) => (c === 'inf' ? Number.POSITIVE_INFINITY : Number(c)));
const calls = Number(values.calls);
console.log(`pricer: ${calls} calls per instance (each employee in turn), random prices in [-60, 40) per cell, seed ${values.seed}`);
console.log(['instance', 'days', 'staff', ...caps.map((c) => `cap ${c} ms/call`), 'below cheapest + 10 ms/call', 'sum of cheapest (exact)', 'sum below'].join('\t'));
for (const file of instanceFilesOrExit(values.instances, dir)) {
  const inst = loadInstance(file);
  if (!inst) continue;
  const model = compileProblem(inst.problem);
  const programs = rowPrograms(model, compileRules(model, inst.rules));
  if (!programs.ok) {
    console.log(`${inst.name}: no row programs (${programs.reason})`);
    continue;
  }
  const D = model.days;
  const O = model.options;
  // The same prices for every cap: a seeded linear congruential generator.
  let state = Number(values.seed) || 1;
  const prices = Array.from({ length: calls }, () =>
    Float64Array.from({ length: D * O }, () => {
      state = (state * 48271) % 2147483647;
      return (state / 2147483647) * 100 - 60;
    }),
  );
  const cells: string[] = [];
  let exactSum = Number.NaN;
  for (const cap of caps) {
    const run = () => {
      let sum = 0;
      for (let i = 0; i < calls; i++) {
        const [row] = priceRows(programs.programs[i % programs.programs.length]!, D, O, { price: prices[i]!, count: 2, bucketCap: cap });
        sum += row?.reduced ?? 0;
      }
      return sum;
    };
    for (let w = 0; w < 3; w++) run(); // warm-up
    const t = performance.now();
    const sum = run();
    cells.push(((performance.now() - t) / calls).toFixed(2));
    if (!Number.isFinite(cap)) exactSum = sum;
  }
  // Below the cheapest + 10 (exact), as column generation prices: the cost to go is built.
  const cheapest = prices.map((price, i) => priceRows(programs.programs[i % programs.programs.length]!, D, O, { price, bucketCap: Number.POSITIVE_INFINITY })[0]?.reduced);
  const runBelow = () => {
    let sum = 0;
    for (let i = 0; i < calls; i++) {
      if (cheapest[i] === undefined) continue;
      for (const row of priceRows(programs.programs[i % programs.programs.length]!, D, O, { price: prices[i]!, count: 5, bucketCap: Number.POSITIVE_INFINITY, below: cheapest[i]! + 10 })) sum += row.reduced;
    }
    return sum;
  };
  for (let w = 0; w < 3; w++) runBelow(); // warm-up (the first instance of a run needs more)
  const tb = performance.now();
  const belowSum = runBelow();
  cells.push(((performance.now() - tb) / calls).toFixed(2));
  console.log([inst.name, D, model.employees, ...cells, exactSum.toFixed(1), belowSum.toFixed(1)].join('\t'));
}
