// node --conditions=@omsorg/source --import tsx bench/mip-lns.ts [--instance 5 | path.txt] [--ls s] [--total s] [--k 4] [--window 7] [--mip-ms 2000]
// Measures the MIP repair as a large-neighbourhood step after the local search: solve() for --ls
// seconds, then mipRepair on neighbourhoods in turn (k employees × the whole horizon; all employees ×
// a window of days; 2k employees × a window of 2 × days) until --total seconds. A measurement script.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { assignmentFromRota, compileProblem, compileRules, curtoisToProblem, evaluate, parseCurtois, rotaFromAssignment } from '@omsorg/rota';
import { solve } from '@omsorg/rota/optimizer';
import { mipRepairDetailed } from '../src/optimizer/mip/repair.js';
import { Random } from '../src/optimizer/random.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    instance: { type: 'string', default: '5' },
    ls: { type: 'string', default: '15' },
    total: { type: 'string', default: '60' },
    k: { type: 'string', default: '4' },
    window: { type: 'string', default: '7' },
    'mip-ms': { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string', default: join(here, '..', '..', '..', '..', 'shared', 'benchmarks', 'curtois') },
  },
});
const file = /^\d+$/.test(values.instance!) ? join(resolve(process.cwd(), values.dir!), `Instance${values.instance}.txt`) : resolve(process.cwd(), values.instance!);
const [lsSec, totalSec, k, win, mipMs, seed] = [values.ls, values.total, values.k, values.window, values['mip-ms'], values.seed].map(Number) as [number, number, number, number, number, number];
const parsed = parseCurtois(readFileSync(file, 'utf8'));
if (!parsed.ok) throw new Error(`cannot read ${file}`);
const { problem, rules } = curtoisToProblem(parsed.instance);
const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(1);
const ls = await solve(problem, rules, { timeLimitMs: lsSec * 1000, seed });
const model = compileProblem(problem);
const compiled = compileRules(model, rules);
let a = assignmentFromRota(model, ls.rota);
console.log(`${secs()} s local search: hard ${ls.score.hard}, soft ${ls.score.soft}`);
const rng = new Random(seed);
const stats: Record<string, number> = {};
for (let it = 0; performance.now() - t0 < totalSec * 1000; it++) {
  const mode = it % 3;
  const order = Array.from({ length: model.employees }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const span = mode === 2 ? 2 * win : win;
  const fromDay = mode === 1 ? 0 : rng.int(Math.max(1, model.days - span + 1));
  const toDay = mode === 1 ? model.days - 1 : Math.min(model.days - 1, fromDay + span - 1);
  const employees = mode === 0 ? order : order.slice(0, mode === 1 ? k : 2 * k);
  const out = await mipRepairDetailed(model, compiled, a, { employees, fromDay, toDay, timeLimitMs: mipMs });
  const key = `${['all×window', 'k×horizon', '2k×2window'][mode]} ${out.reason ?? 'improved'} ${out.status}`;
  stats[key] = (stats[key] ?? 0) + 1;
  if (!out.assignment) continue;
  a = out.assignment;
  if (out.after.soft < out.before.soft || out.after.hard < out.before.hard) {
    console.log(`${secs()} s ${employees.length} employees × days ${fromDay}–${toDay}: ${out.before.hard}/${out.before.soft} → ${out.after.hard}/${out.after.soft} (${out.status}, ${out.mipMs} ms)`);
  }
}
const check = evaluate(problem, rotaFromAssignment(model, a), rules);
console.log(`${secs()} s final: hard ${check.score.hard}, soft ${check.score.soft}`);
console.log(stats);
