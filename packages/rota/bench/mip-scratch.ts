import { readFileSync } from 'node:fs';
import { compileProblem, compileRules, curtoisToProblem, evaluate, parseCurtois, rotaFromAssignment } from '@omsorg/rota';
import { buildSubproblem } from '../src/optimizer/mip/model.js';
import { solveExact } from '../src/optimizer/mip/repair.js';

const n = process.argv[2] ?? '1';
const limit = Number(process.argv[3] ?? '60');
const parsed = parseCurtois(readFileSync(`/work/shared/benchmarks/curtois/Instance${n}.txt`, 'utf8'));
if (!parsed.ok) throw new Error('parse');
const { problem, rules } = curtoisToProblem(parsed.instance);
const model = compileProblem(problem);
const compiled = compileRules(model, rules);
const t0 = performance.now();
const sub = buildSubproblem(model, compiled, new Int16Array(model.employees * model.days).fill(-1));
const lp = sub!.lm.toLp();
console.log('build ms', (performance.now() - t0).toFixed(0), 'cols', sub!.lm.columns, 'rows', sub!.lm.rows.length, 'lp chars', lp.length);
if (process.argv[4]) { (await import('node:fs')).writeFileSync(process.argv[4], lp); }
const t1 = performance.now();
const r = await solveExact(model, compiled, { timeLimitMs: limit * 1000 });
const ms = performance.now() - t1;
if (!r) { console.log(`Instance${n}: no result after ${ms.toFixed(0)} ms`); process.exit(0); }
const check = evaluate(problem, rotaFromAssignment(model, r.assignment), rules);
console.log(`Instance${n}\t${(ms / 1000).toFixed(1)}s\tobj ${r.objective}\tscore ${r.score.hard}/${r.score.soft}\tcheck ${check.score.hard}/${check.score.soft}\tbound ${r.bound}\t${r.status}\toptimal ${r.optimal}`);
