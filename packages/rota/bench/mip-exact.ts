// node --conditions=@omsorg/source --import tsx bench/mip-exact.ts [--instances 1,2 | path.txt] [--time-limit s] [--out file.json]
// Solves Curtois & Qu instances as one MIP with HiGHS (solveExact) and checks each result with a fresh
// full evaluation. A measurement script, not a test.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileProblem, compileRules, evaluate, rotaFromAssignment } from '@omsorg/rota';
import { solveExact } from '../src/optimizer/mip/repair.js';
import { CURTOIS_DIR, instanceFilesOrExit, loadInstance } from './instances.js';

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '1,2,3,4,5,6,7,8,9,10,11,12' },
    'time-limit': { type: 'string', default: '60' },
    dir: { type: 'string', default: CURTOIS_DIR },
    out: { type: 'string', default: 'bench-results/mip-exact.json' },
  },
});
const dir = resolve(process.cwd(), values.dir!);
const timeLimitMs = Number(values['time-limit']) * 1000;
const files = instanceFilesOrExit(values.instances!, dir);
const results: Record<string, unknown>[] = [];
console.log(`solveExact (HiGHS ${'1.15.3'}, WebAssembly, one thread), time limit ${timeLimitMs / 1000} s`);
console.log(`${'instance'.padEnd(12)}${'time s'.padStart(8)}${'objective'.padStart(11)}${'bound'.padStart(9)}${'optimal'.padStart(9)}${'checked'.padStart(9)}`);
for (const file of files) {
  const loaded = loadInstance(file);
  if (!loaded) continue;
  const { name, problem, rules } = loaded;
  const model = compileProblem(problem);
  const compiled = compileRules(model, rules);
  const t0 = performance.now();
  const r = await solveExact(model, compiled, { timeLimitMs });
  const ms = performance.now() - t0;
  const check = r ? evaluate(problem, rotaFromAssignment(model, r.assignment), rules).score : undefined;
  const ok = r !== undefined && check !== undefined && check.hard === 0 && Math.abs(check.soft - r.objective) < 1e-6;
  console.log(
    `${name.padEnd(12)}${(ms / 1000).toFixed(1).padStart(8)}${String(r ? Math.round(r.objective) : '-').padStart(11)}${String(r?.bound !== undefined ? Math.ceil(r.bound - 1e-6) : '-').padStart(9)}${String(r?.optimal ?? false).padStart(9)}${String(ok).padStart(9)}`,
  );
  results.push({ instance: name, ms, objective: r?.objective ?? null, bound: r?.bound ?? null, optimal: r?.optimal ?? false, status: r?.status ?? 'noSolution', checked: check ?? null, timeLimitMs });
}
const out = resolve(process.cwd(), values.out!);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
console.log(`results written to ${out}`);
