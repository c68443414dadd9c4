/**
 * Internal: a portfolio of independent searches in worker threads, for `solve` with `workers > 1`.
 * Worker i solves with seed `seed + i`; the best rota (fewest hard points, then least soft; the
 * lowest worker index on a tie) wins, so a run is as repeatable as each worker's run.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Problem, RotaCell } from '@omsorg/domain';
import { compareScores, type Score } from '../engine/incremental.js';
import { RotaError } from '../errors.js';
import type { RuleInput } from '../rules/rule.js';
import type { SearchProgress, TracePoint } from './search.js';
import type { SolveOptions, SolvePhase, SolveResult } from './solve.js';

/** What one worker reports at the end. */
export interface WorkerOutcome {
  /** Cells of its best rota. */
  cells: RotaCell[];
  /** Its score. */
  score: Score;
  /** Its best-score trace (ms since its own start). */
  trace: TracePoint[];
  /** Its phases (ms since its own start). */
  phases: SolvePhase[];
  /** Move evaluations. */
  iterations: number;
  /** Why it stopped. */
  stoppedBy: SolveResult['stoppedBy'];
}

/**
 * The worker's file: next to this module when running from TypeScript source (tsx, vitest),
 * otherwise the package's built `optimizer/worker` entry.
 */
function workerFile(): { code: string | URL; eval: boolean; execArgv?: string[] } {
  const require = createRequire(import.meta.url);
  if (import.meta.url.endsWith('.ts')) {
    // From source (tsx, vitest) the worker registers the TypeScript loader, then loads the worker module.
    const tsx = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const worker = new URL('./worker.ts', import.meta.url).href;
    return {
      code: `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(worker)}));`,
      eval: true,
      execArgv: ['--conditions=@omsorg/source'],
    };
  }
  return { code: pathToFileURL(require.resolve('@omsorg/rota/optimizer/worker')), eval: false };
}

/** Run `workers` solves in worker threads and return every worker's outcome, in worker order. */
export async function runPortfolio(problem: Problem, rules: readonly RuleInput[], options: SolveOptions, workers: number, t0: number): Promise<WorkerOutcome[]> {
  if (options.catalogue) throw new RotaError('WORKERS_UNSUPPORTED', 'solve: a custom rule catalogue cannot be sent to worker threads; use workers: 1');
  const { signal, onProgress, catalogue: _c, workers: _w, ...data } = options;
  const file = workerFile();
  const latest: (SearchProgress | undefined)[] = new Array(workers).fill(undefined);
  const threads: Worker[] = [];
  const abortAll = () => {
    for (const w of threads) w.postMessage({ type: 'abort' });
  };
  signal?.addEventListener('abort', abortAll, { once: true });
  try {
    return await Promise.all(
      Array.from({ length: workers }, (_, i) => {
        return new Promise<WorkerOutcome>((resolve, reject) => {
          let w: Worker;
          try {
            w = new Worker(file.code, {
              eval: file.eval,
              // Column generation is deterministic: one worker runs it, the others search from the
              // construction (a portfolio of the two ways rather than copies of one).
              workerData: { problem, rules, options: { ...data, seed: options.seed + i, ...(i > 0 ? { columnGeneration: 'off' } : {}) } },
              ...(file.execArgv ? { execArgv: file.execArgv } : {}),
            });
          } catch (cause) {
            reject(new RotaError('WORKER_FAILED', `solve: worker ${i} could not start: ${String(cause)}`, { cause }));
            return;
          }
          threads.push(w);
          if (signal?.aborted) w.postMessage({ type: 'abort' });
          let done: WorkerOutcome | undefined;
          w.on('message', (m: { type: string; progress?: SearchProgress } & Partial<WorkerOutcome>) => {
            if (m.type === 'progress' && m.progress) {
              latest[i] = m.progress;
              if (onProgress) onProgress(combined(latest, options, t0));
            } else if (m.type === 'done') {
              done = { cells: m.cells!, score: m.score!, trace: m.trace!, phases: m.phases!, iterations: m.iterations!, stoppedBy: m.stoppedBy! };
            }
          });
          w.on('error', (cause) => reject(new RotaError('WORKER_FAILED', `solve: worker ${i} failed: ${String(cause)}`, { cause })));
          w.on('exit', (code) => {
            if (done) resolve(done);
            else reject(new RotaError('WORKER_FAILED', `solve: worker ${i} exited (code ${code}) without a result`));
          });
        });
      }),
    );
  } catch (e) {
    abortAll();
    await Promise.all(threads.map((w) => w.terminate()));
    throw e;
  } finally {
    signal?.removeEventListener('abort', abortAll);
  }
}

/** One progress report over all workers: the best of their bests, their moves summed. */
function combined(latest: readonly (SearchProgress | undefined)[], options: SolveOptions, t0: number): SearchProgress {
  let best: Score | undefined;
  let current: Score | undefined;
  let iterations = 0;
  for (const p of latest) {
    if (!p) continue;
    iterations += p.iterations;
    if (!best || compareScores(p.best, best) < 0) {
      best = p.best;
      current = p.current;
    }
  }
  const elapsedMs = performance.now() - t0;
  return { elapsedMs, iterations, best: best!, current: current!, fraction: Math.min(1, elapsedMs / options.timeLimitMs) };
}

/** The index of the winning outcome: best score, lowest index on a tie. */
export function winner(outcomes: readonly WorkerOutcome[]): number {
  let w = 0;
  for (let i = 1; i < outcomes.length; i++) if (compareScores(outcomes[i]!.score, outcomes[w]!.score) < 0) w = i;
  return w;
}

/** The merged best-so-far trace of all workers, in time order. */
export function mergedTrace(outcomes: readonly WorkerOutcome[]): TracePoint[] {
  const all = outcomes.flatMap((o) => o.trace).sort((a, b) => a.ms - b.ms);
  const out: TracePoint[] = [];
  for (const p of all) {
    const last = out[out.length - 1];
    if (!last || p.hard < last.hard || (p.hard === last.hard && p.soft < last.soft)) out.push(p);
  }
  return out;
}
