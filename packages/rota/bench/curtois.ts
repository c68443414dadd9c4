// pnpm bench:curtois [--instances 1,2,3 | --instances 1-12 | --instances path/to/file.txt] [--time-limit s] [--seed n | --seeds 1-4] [--jobs n] [--out file.json] [--mip auto|off] [--cg auto|on|off] [--cg-share 0.5 (0.35 past 84 days; default: solve's)] [--cg-max-days n (default: solve's)] [--cg-window-share 0.7] [--cg-window-days n (default: solve's)] [--cg-window-pairs 0.75] [--ls-share 0.25 (0.05 before windows)] [--hard-weight w] [--workers n] [--highs name=value,...]
// Solves Curtois & Qu instances with the rule engine's rules, checks hard feasibility with a fresh
// full evaluation, and prints best known, ours, gap and the published figures from bks.csv.
// With several seeds (`--seeds 1-4` or `1,3,7`) every instance is solved once per seed and a table
// of the spread follows (runs at the best known, min / median / max). `--jobs n` runs up to n solves
// at once, each in its own process, pinned to a core of its own with `taskset` where that exists
// (each solve stays single-threaded; on the 2-core machine `--jobs 2` halves the wall-clock time).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluate } from '@omsorg/rota';
import { solve } from '@omsorg/rota/optimizer';
import { CURTOIS_DIR, instanceFilesOrExit, loadInstance } from './instances.js';
import { parseSeeds, type RunRecord, spreadOf } from './spread.js';

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '1,2,3,4,5,6,7,8,9,10,11,12' },
    'time-limit': { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    seeds: { type: 'string' },
    jobs: { type: 'string', default: '1' },
    // Internal: one solve in a child process of a run with --jobs; its record goes to stdout as JSON.
    child: { type: 'boolean', default: false },
    dir: { type: 'string', default: CURTOIS_DIR },
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
let seeds: number[];
try {
  seeds = values.seeds !== undefined ? parseSeeds(values.seeds) : parseSeeds(values.seed!, '--seed');
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const jobs = Number(values.jobs);
if (!Number.isInteger(jobs) || jobs < 1) {
  console.error(`--jobs: expected a whole number of at least 1, got ${values.jobs}`);
  process.exit(2);
}
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
const files = instanceFilesOrExit(values.instances!, dir);

const results: (RunRecord & Record<string, unknown>)[] = [];
const pad = (s: unknown, n: number) => String(s).padStart(n);
const threads = Number(values.workers) > 1 ? `a portfolio of ${values.workers} worker threads` : 'one search thread';
const CHILD_MARK = '@@curtois-run ';

/** Solve one instance with one seed; the record of the run (undefined when the file cannot be read). */
async function runOne(file: string, seed: number): Promise<(RunRecord & Record<string, unknown>) | undefined> {
  const loaded = loadInstance(file);
  if (!loaded) return undefined;
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
  return { instance: name, workers: Number(values.workers), bestKnown, ours: Number.isFinite(ours) ? ours : null, hard: check.score.hard, gapPercent: Number.isFinite(gap) ? gap : null, timeToBestMs: lastBest.ms, elapsedMs: result.elapsedMs, iterations: result.iterations, stoppedBy: result.stoppedBy, seed, timeLimitMs, highs: values.highs ?? null, published: ref ?? null };
}

if (values.child) {
  // One solve for a parent run with --jobs: the record on one marked line.
  const record = await runOne(files[0]!, seeds[0]!);
  if (record) console.log(`${CHILD_MARK}${JSON.stringify(record)}`);
  process.exit(record ? 0 : 1);
}

/** The arguments a child gets: every option of this run but the instances, seeds, jobs and output. */
function childArgs(file: string, seed: number): string[] {
  const args = ['--child', '--instances', file, '--seed', String(seed), '--dir', dir, '--time-limit', values['time-limit']!, '--mip', values.mip!, '--cg', values.cg!];
  for (const key of ['cg-share', 'cg-max-days', 'cg-window-share', 'cg-window-days', 'cg-window-pairs', 'ls-share', 'hard-weight', 'workers', 'highs'] as const) {
    if (values[key] !== undefined) args.push(`--${key}`, values[key]!);
  }
  return args;
}

const pinning = jobs > 1 && spawnSync('taskset', ['-V']).status === 0;
const cores = availableParallelism();

/** One solve in a child process (pinned to core `slot` when pinning); its record, or undefined when it failed. */
function runChild(file: string, seed: number, slot: number): Promise<(RunRecord & Record<string, unknown>) | undefined> {
  const node = [process.execPath, ...process.execArgv, fileURLToPath(import.meta.url), ...childArgs(file, seed)];
  const [command, ...args] = pinning ? ['taskset', '-c', String(slot % cores), ...node] : node;
  return new Promise((done) => {
    const child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      text += chunk;
    });
    child.on('error', (e) => {
      console.error(`${file} seed ${seed}: ${e.message}`);
      done(undefined);
    });
    child.on('close', () => {
      const line = text.split('\n').find((l) => l.startsWith(CHILD_MARK));
      // What the child printed besides its record (such as why an instance could not be read).
      for (const l of text.split('\n')) if (l.trim() !== '' && !l.startsWith(CHILD_MARK)) console.log(l);
      done(line ? (JSON.parse(line.slice(CHILD_MARK.length)) as RunRecord & Record<string, unknown>) : undefined);
    });
  });
}

const several = seeds.length > 1;
console.log(`time limit ${timeLimitMs / 1000} s, ${several ? `seeds ${seeds.join(', ')}` : `seed ${seeds[0]}`}${jobs > 1 ? `, ${jobs} solves at once${pinning ? ' (each pinned to a core)' : ''}` : ''}, column generation ${values.cg} (share ${values['cg-share'] ?? 'the default'} up to ${values['cg-max-days'] ?? 'the default'} days, windows ${values['cg-window-share']} from ${values['cg-window-days'] ?? 'the default'} days, ${values['cg-window-pairs']} of them pairs), MIP ${values.mip} (local search share ${values['ls-share'] ?? 'default'}${values.highs ? `, HiGHS ${values.highs}` : ''}), ${threads}`);
console.log(`${'instance'.padEnd(12)}${several ? pad('seed', 6) : ''}${pad('best known', 11)}${pad('ours', 9)}${pad('gap %', 8)}${pad('feasible', 9)}${pad('t best s', 9)}${pad('EC 10m', 9)}${pad('EC 60m', 9)}${pad('IP+VNS', 9)}${pad('Gurobi', 9)}`);
const printRun = (r: RunRecord & Record<string, unknown>) => {
  const ref = (r.published ?? undefined) as Record<string, string> | undefined;
  const gap = r.gapPercent as number | null;
  console.log(
    `${r.instance.padEnd(12)}${several ? pad(r.seed, 6) : ''}${pad(r.bestKnown ?? '-', 11)}${pad(r.ours ?? `hard ${r.hard}`, 9)}${pad(gap !== null ? gap.toFixed(2) : '-', 8)}${pad(r.ours !== null ? 'yes' : 'NO', 9)}${pad((r.timeToBestMs / 1000).toFixed(1), 9)}${pad(ref?.ejection_chain_10min || '-', 9)}${pad(ref?.ejection_chain_60min || '-', 9)}${pad(ref?.ip_vns_10min || '-', 9)}${pad(ref?.gurobi_1h || '-', 9)}`,
  );
};
const tasks = files.flatMap((file) => seeds.map((seed) => ({ file, seed })));
if (jobs === 1) {
  for (const { file, seed } of tasks) {
    const r = await runOne(file, seed);
    if (r) {
      printRun(r);
      results.push(r);
    }
  }
} else {
  // Up to `jobs` children at once, each on its own core; the records in task order, printed as they end.
  const records: ((RunRecord & Record<string, unknown>) | undefined)[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(jobs, tasks.length) }, async (_, slot) => {
      while (next < tasks.length) {
        const i = next++;
        const r = await runChild(tasks[i]!.file, tasks[i]!.seed, slot);
        records[i] = r;
        if (r) printRun(r);
      }
    }),
  );
  for (const r of records) if (r) results.push(r);
}
const spread = spreadOf(results);
if (several) {
  console.log('');
  console.log(`spread over ${seeds.length} seeds`);
  console.log(`${'instance'.padEnd(12)}${pad('best known', 11)}${pad('runs', 6)}${pad('at best', 9)}${pad('min', 9)}${pad('median', 9)}${pad('max', 9)}${pad('gap % min / median / max', 27)}${pad('median t best s', 17)}`);
  for (const s of spread) {
    const gaps = s.gapPercent ? `${s.gapPercent.min.toFixed(2)} / ${s.gapPercent.median.toFixed(2)} / ${s.gapPercent.max.toFixed(2)}` : '-';
    const feasibleNote = s.feasible < s.runs ? ` (${s.runs - s.feasible} not feasible)` : '';
    console.log(
      `${s.instance.padEnd(12)}${pad(s.bestKnown ?? '-', 11)}${pad(s.runs, 6)}${pad(s.bestKnown !== undefined ? `${s.atBestKnown}/${s.runs}` : '-', 9)}${pad(s.min ?? '-', 9)}${pad(s.median ?? '-', 9)}${pad(s.max ?? '-', 9)}${pad(gaps, 27)}${pad(s.medianTimeToBestMs !== undefined ? (s.medianTimeToBestMs / 1000).toFixed(1) : '-', 17)}${feasibleNote}`,
    );
  }
}
const out = resolve(process.cwd(), values.out!);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), timeLimitMs, seeds, jobs, results, spread }, null, 2)}\n`);
console.log(`results written to ${out}`);
