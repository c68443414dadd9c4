// Scratch: local search for a start, then MIP repair of random neighbourhoods.
import { readFileSync } from 'node:fs';
import { assignmentFromRota, compileProblem, compileRules, curtoisToProblem, evaluate, parseCurtois, rotaFromAssignment } from '@omsorg/rota';
import { solve } from '@omsorg/rota/optimizer';
import { mipRepairDetailed } from '../src/optimizer/mip/repair.js';
import { Random } from '../src/optimizer/random.js';

const n = process.argv[2] ?? '1';
const lsSec = Number(process.argv[3] ?? '5');
const totalSec = Number(process.argv[4] ?? '60');
const k = Number(process.argv[5] ?? '4');
const win = Number(process.argv[6] ?? '7');
const mipMs = Number(process.argv[7] ?? '2000');
const parsed = parseCurtois(readFileSync(`/work/shared/benchmarks/curtois/Instance${n}.txt`, 'utf8'));
if (!parsed.ok) throw new Error('parse');
const { problem, rules } = curtoisToProblem(parsed.instance);
const t0 = performance.now();
const ls = await solve(problem, rules, { timeLimitMs: lsSec * 1000, seed: 1 });
const model = compileProblem(problem);
const compiled = compileRules(model, rules);
let a = assignmentFromRota(model, ls.rota);
console.log(`LS ${lsSec}s: ${ls.score.hard}/${ls.score.soft}`);
const rng = new Random(7);
let it = 0;
const stats: Record<string, number> = {};
while (performance.now() - t0 < totalSec * 1000) {
  it++;
  const byEmployees = it % 2 === 1;
  let employees: number[]; let fromDay = 0; let toDay = model.days - 1;
  if (byEmployees) {
    const all = Array.from({ length: model.employees }, (_, i) => i);
    for (let i = all.length - 1; i > 0; i--) { const j = rng.int(i + 1); [all[i], all[j]] = [all[j]!, all[i]!]; }
    employees = all.slice(0, Math.min(k, model.employees));
  } else {
    employees = Array.from({ length: model.employees }, (_, i) => i);
    fromDay = rng.int(Math.max(1, model.days - win + 1));
    toDay = Math.min(model.days - 1, fromDay + win - 1);
  }
  const out = await mipRepairDetailed(model, compiled, a, { employees, fromDay, toDay, timeLimitMs: mipMs });
  const key = `${byEmployees ? 'emp' : 'days'}:${out.reason ?? 'improved'}:${out.status}`;
  stats[key] = (stats[key] ?? 0) + 1;
  if (out.assignment) {
    const better = out.after.soft < out.before.soft || out.after.hard < out.before.hard;
    a = out.assignment;
    if (better) console.log(`${((performance.now() - t0) / 1000).toFixed(1)}s it ${it} ${byEmployees ? `emp ${employees.join(',')}` : `days ${fromDay}-${toDay}`}: ${out.before.hard}/${out.before.soft} -> ${out.after.hard}/${out.after.soft} (${out.status}, ${out.mipMs} ms)`);
  }
}
const check = evaluate(problem, rotaFromAssignment(model, a), rules);
console.log(`final ${check.score.hard}/${check.score.soft} after ${((performance.now() - t0) / 1000).toFixed(1)} s, ${it} repairs`, stats);
