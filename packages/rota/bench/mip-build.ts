// Benchmark: how long building a MIP repair's model takes (`buildSubproblem`), per Curtois instance,
// over 40 neighbourhoods of the four shapes of `mipLns` around the greedy start, several rounds.
// The time HiGHS then takes is not in it (see docs/rota/MIP.md, "Models built without an expression
// per fixed cell"). `pnpm --filter @omsorg/rota bench:mip-build [--instances 12,20,23] [--rounds 8] [--budget 240]`
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileProblem, compileRules, emptyAssignment } from '@omsorg/rota';
import { constructGreedy, fixedCells, neighbourhood, Random } from '@omsorg/rota/optimizer';
import { buildSubproblem } from '../src/optimizer/mip/model.js';
import { CURTOIS_DIR, instanceFilesOrExit, loadInstance } from './instances.js';

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '12,20,23' },
    rounds: { type: 'string', default: '8' },
    budget: { type: 'string', default: '240' },
    dir: { type: 'string', default: CURTOIS_DIR },
  },
});
const rounds = Math.max(1, Number(values.rounds));
const budget = Math.max(1, Number(values.budget));
const files = instanceFilesOrExit(values.instances!, resolve(process.cwd(), values.dir!));
console.log(`MIP repair models: 40 neighbourhoods (the four shapes, budget ${budget} cells) × ${rounds} rounds, around the greedy start`);
console.log(`${'instance'.padEnd(12)}${'days'.padStart(6)}${'staff'.padStart(6)}${'columns'.padStart(9)}${'ms per model'.padStart(14)}`);
for (const file of files) {
  const loaded = loadInstance(file);
  if (!loaded) continue;
  const model = compileProblem(loaded.problem);
  const rules = compileRules(model, loaded.rules);
  const start = constructGreedy(model, fixedCells(model), emptyAssignment(model));
  const rng = new Random(7);
  const hoods = Array.from({ length: 40 }, (_, i) => neighbourhood(i % 4, model.employees, model.days, budget, rng, model.weekday));
  let columns = 0;
  for (const n of hoods) columns += buildSubproblem(model, rules, start, { ...n })?.lm.columns ?? 0; // warm-up
  const t = performance.now();
  for (let r = 0; r < rounds; r++) for (const n of hoods) buildSubproblem(model, rules, start, { ...n });
  const ms = (performance.now() - t) / (rounds * hoods.length);
  console.log(`${loaded.name.padEnd(12)}${String(model.days).padStart(6)}${String(model.employees).padStart(6)}${String(Math.round(columns / hoods.length)).padStart(9)}${ms.toFixed(1).padStart(14)}`);
}
