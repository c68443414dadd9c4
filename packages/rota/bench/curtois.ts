// pnpm bench:curtois [--instances 1,2,3 | --instances path/to/file.txt] [--time-limit s] [--seed n] [--out file.json] [--mip auto|off] [--cg auto|on|off] [--cg-share 0.5 (0.35 past 84 days; default: solve's)] [--cg-max-days n (default: solve's)] [--cg-window-share 0.7] [--cg-window-days n (default: solve's)] [--cg-window-pairs 0.75] [--ls-share 0.25 (0.05 before windows)] [--hard-weight w] [--workers n] [--highs name=value,...]
// Solves Curtois & Qu instances with the rule engine's rules, checks hard feasibility with a fresh
// full evaluation, and prints best known, ours, gap and the published figures from bks.csv.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluate } from '@omsorg/rota';
import { solve } from '@omsorg/rota/optimizer';
import { instanceFiles, loadInstance } from './instances.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '1,2,3,4,5,6,7,8,9,10,11,12' },
    'time-limit': { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string', default: join(here, '..', '..', '..', '..', 'shared', 'benchmarks', 'curtois') },
    out: { type: 'string', default: 'bench-results/curtois.json' },
    mip: { type: 'string', default: 'auto' },
    cg: { type: 'string', default: 'auto' },
    'cg-share': { type: 'string' },
    'cg-max-days': { type: 'string' },
    'cg-window-share': { type: 'string', default: '0.7' },
    'cg-window-days': { type: 'string' },
    'cg-window-pairs': { type: 'string', default: '0.75' },
    'ls-share': { type: 'string' },
    'hard-weight': { type: 'string' },
    workers: { type: 'string', default: '1' },
    highs: { type: 'string' },
  },
});
const dir = resolve(process.cwd(), values.dir!);
const timeLimitMs = Number(values['time-limit']) * 1000;
const seed = Number(values.seed);
const bksFile = join(dir, 'bks.csv');
const bks = new Map<string, Record<string, string>>();
if (existsSync(bksFile)) {
  const [head, ...rows] = readFileSync(bksFile, 'utf8').trim().split('\n');
  const cols = head!.split(',');
  for (const row of rows) {
    const f = row.split(',');
    bks.set(f[0]!, Object.fromEntries(cols.map((c, i) => [c, f[i] ?? ''])));
  }
}
// HiGHS options for the MIP repairs, e.g. --highs mip_heuristic_effort=0.3,random_seed=2
const highsOptions: Record<string, number | string | boolean> = {};
for (const pair of values.highs ? values.highs.split(',') : []) {
  const [key, raw = ''] = pair.split('=');
  highsOptions[key!.trim()] = raw === 'true' ? true : raw === 'false' ? false : Number.isFinite(Number(raw)) && raw.trim() !== '' ? Number(raw) : raw;
}
const files = instanceFiles(values.instances!, dir);

const results: Record<string, unknown>[] = [];
const pad = (s: unknown, n: number) => String(s).padStart(n);
const threads = Number(values.workers) > 1 ? `a portfolio of ${values.workers} worker threads` : 'one search thread';
console.log(`time limit ${timeLimitMs / 1000} s, seed ${seed}, column generation ${values.cg} (share ${values['cg-share'] ?? 'the default'} up to ${values['cg-max-days'] ?? 'the default'} days, windows ${values['cg-window-share']} from ${values['cg-window-days'] ?? 'the default'} days, ${values['cg-window-pairs']} of them pairs), MIP ${values.mip} (local search share ${values['ls-share'] ?? 'default'}${values.highs ? `, HiGHS ${values.highs}` : ''}), ${threads}`);
console.log(`${'instance'.padEnd(12)}${pad('best known', 11)}${pad('ours', 9)}${pad('gap %', 8)}${pad('feasible', 9)}${pad('t best s', 9)}${pad('EC 10m', 9)}${pad('EC 60m', 9)}${pad('IP+VNS', 9)}${pad('Gurobi', 9)}`);
for (const file of files) {
  const loaded = loadInstance(file);
  if (!loaded) continue;
  const { name, problem, rules } = loaded;
  const ref = bks.get(name);
  const bestKnown = ref?.best_known ? Number(ref.best_known) : undefined;
  const result = await solve(problem, rules, {
    timeLimitMs,
    seed,
    mip: values.mip === 'off' ? 'off' : 'auto',
    columnGeneration: values.cg === 'off' ? 'off' : values.cg === 'on' ? 'on' : 'auto',
    ...(values['cg-share'] !== undefined ? { columnGenerationShare: Number(values['cg-share']) } : {}),
    ...(values['cg-max-days'] !== undefined ? { columnGenerationMaxDays: Number(values['cg-max-days']) } : {}),
    columnGenerationWindowShare: Number(values['cg-window-share']),
    ...(values['cg-window-days'] !== undefined ? { columnGenerationWindowDays: Number(values['cg-window-days']) } : {}),
    columnGenerationWindowPairShare: Number(values['cg-window-pairs']),
    ...(values['ls-share'] !== undefined ? { localSearchShare: Number(values['ls-share']) } : {}),
    ...(values['hard-weight'] !== undefined ? { hardWeight: Number(values['hard-weight']) } : {}),
    workers: Number(values.workers),
    ...(values.highs ? { highsOptions } : {}),
    ...(bestKnown !== undefined ? { targetScore: { hard: 0, soft: bestKnown } } : {}),
  });
  // Independent check: a fresh full evaluation of the returned rota.
  const check = evaluate(problem, result.rota, rules);
  const ours = check.score.hard === 0 ? check.score.soft : Number.NaN;
  const lastBest = result.trace[result.trace.length - 1]!;
  const gap = bestKnown !== undefined && Number.isFinite(ours) ? ((ours - bestKnown) / bestKnown) * 100 : Number.NaN;
  console.log(
    `${name.padEnd(12)}${pad(bestKnown ?? '-', 11)}${pad(Number.isFinite(ours) ? ours : `hard ${check.score.hard}`, 9)}${pad(Number.isFinite(gap) ? gap.toFixed(2) : '-', 8)}${pad(check.score.hard === 0 ? 'yes' : 'NO', 9)}${pad((lastBest.ms / 1000).toFixed(1), 9)}${pad(ref?.ejection_chain_10min || '-', 9)}${pad(ref?.ejection_chain_60min || '-', 9)}${pad(ref?.ip_vns_10min || '-', 9)}${pad(ref?.gurobi_1h || '-', 9)}`,
  );
  results.push({ instance: name, workers: Number(values.workers), bestKnown, ours: Number.isFinite(ours) ? ours : null, hard: check.score.hard, gapPercent: Number.isFinite(gap) ? gap : null, timeToBestMs: lastBest.ms, elapsedMs: result.elapsedMs, iterations: result.iterations, stoppedBy: result.stoppedBy, seed, timeLimitMs, highs: values.highs ?? null, published: ref ?? null });
}
const out = resolve(process.cwd(), values.out!);
const { mkdirSync } = await import('node:fs');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
console.log(`results written to ${out}`);
