
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assignmentFromRota, compileProblem, compileRules, evaluate, rotaFromAssignment } from '@omsorg/rota';
import { solve } from '@omsorg/rota/optimizer';
import { mipLns } from '../src/optimizer/mip/lns.js';
import { CURTOIS_DIR, instanceFilesOrExit, loadInstance } from './instances.js';

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '1,2,3,4,5,6,7,8,9,10,11,12' },
    ls: { type: 'string', default: '20' },
    total: { type: 'string', default: '60' },
    budget: { type: 'string', default: '120' },
    'repair-ms': { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string', default: CURTOIS_DIR },
  },
});
const dir = resolve(process.cwd(), values.dir!);
const [lsSec, totalSec, budget, repairMs, seed] = [values.ls, values.total, values.budget, values['repair-ms'], values.seed].map(Number) as [number, number, number, number, number];
const files = instanceFilesOrExit(values.instances!, dir);
console.log(`local search ${lsSec} s, then MIP LNS to ${totalSec} s (budget ${budget} cells, ${repairMs} ms per repair), seed ${seed}`);
console.log(`${'instance'.padEnd(12)}${'LS'.padStart(8)}${'LS+MIP'.padStart(8)}${'t best s'.padStart(9)}${'repairs'.padStart(8)}${'better'.padStart(7)}`);
for (const file of files) {
  const loaded = loadInstance(file);
  if (!loaded) continue;
  const { name, problem, rules } = loaded;
  const t0 = performance.now();
  const ls = await solve(problem, rules, { timeLimitMs: lsSec * 1000, seed });
  const model = compileProblem(problem);
  const compiled = compileRules(model, rules);
  let tBest = performance.now() - t0;
  const r = await mipLns(model, compiled, assignmentFromRota(model, ls.rota), {
    timeLimitMs: totalSec * 1000 - (performance.now() - t0),
    repairTimeLimitMs: repairMs,
    cellBudget: budget,
    seed,
    onImprove: () => {
      tBest = performance.now() - t0;
    },
  });
  const check = evaluate(problem, rotaFromAssignment(model, r.assignment), rules).score;
  const show = (s: { hard: number; soft: number }) => (s.hard === 0 ? String(s.soft) : `h${s.hard}`);
  console.log(`${name.padEnd(12)}${show(ls.score).padStart(8)}${show(check).padStart(8)}${(tBest / 1000).toFixed(1).padStart(9)}${String(r.repairs).padStart(8)}${String(r.improvements).padStart(7)}`);
}
