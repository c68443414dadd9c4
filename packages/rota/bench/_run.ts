// scratch: node --conditions=@omsorg/source --import tsx bench/_run.ts <inst> <seconds> <tag> [json opts]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assignmentFromRota, compileProblem, evaluate } from '@omsorg/rota';
import { solve } from '@omsorg/rota/optimizer';
import { loadInstance } from './instances.js';
const [inst, secs, tag, extra] = process.argv.slice(2);
const l = loadInstance(join('/work/shared/benchmarks/curtois', `Instance${inst}.txt`))!;
const opts = extra ? JSON.parse(extra) : {};
let lastLog = 0;
const t0 = Date.now();
const r = await solve(l.problem, l.rules, {
  timeLimitMs: Number(secs) * 1000, seed: opts.seed ?? 1, ...opts,
  onProgress: (p) => { if (p.elapsedMs - lastLog > 10000) { lastLog = p.elapsedMs; console.log(`${(p.elapsedMs / 1000).toFixed(0)}s hard ${p.best.hard} soft ${p.best.soft}`); } },
});
const check = evaluate(l.problem, r.rota, l.rules);
console.log(`FINAL ${inst} ${tag}: hard ${check.score.hard} soft ${check.score.soft} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
const model = compileProblem(l.problem);
writeFileSync(`/work/scratch/out-${inst}-${tag}.json`, JSON.stringify({ score: check.score, a: Array.from(assignmentFromRota(model, r.rota)) }));
console.log((r.phases ?? []).map((p) => `${p.name} ${(p.startMs/1000).toFixed(1)}-${(p.endMs/1000).toFixed(1)}s ${p.before ? p.before.hard+'/'+p.before.soft : '-'}→${p.after.hard}/${p.after.soft}`).join('\n'));
