/**
 * HiGHS (WebAssembly, MIT) behind a worker thread: `solve` is synchronous in HiGHS, so it runs off
 * the event loop; an abort sets a shared flag that HiGHS's MIP interrupt callback polls, so a solve
 * stops within milliseconds. One worker is kept per process (unref'd: it never keeps Node alive) and
 * solves one job at a time.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** A MIP job: LP text, a time limit and an optional start (values per named column). */
export interface HighsJob {
  /** CPLEX LP text. */
  lp: string;
  /** Column names, in the order of `start` and of the returned values. */
  names: readonly string[];
  /** A start solution (complete, in `names` order). */
  start?: Float64Array;
  /** Time limit in milliseconds. */
  timeLimitMs: number;
  /** Stop early when an incumbent reaches this objective (without the constant). */
  objectiveTarget?: number;
  /** Abort: interrupts the solve, which then reports its incumbent. */
  signal?: AbortSignal;
  /** Further HiGHS options by their HiGHS names (e.g. `mip_heuristic_effort`, `random_seed`). */
  options?: Readonly<Record<string, number | string | boolean>>;
}

/** The outcome of a {@link HighsJob}. */
export interface HighsOutcome {
  /** HiGHS model status name, e.g. `optimal`, `timeLimit`, `infeasible`, `interrupt`. */
  status: string;
  /** Column values in `names` order, when HiGHS has a feasible solution. */
  values?: Float64Array;
  /** Objective of the solution (without the model's constant). */
  objective?: number;
  /** Best proven lower bound (without the constant). */
  bound?: number;
  /** Wall-clock milliseconds in HiGHS, including LP parsing. */
  ms: number;
}

// The worker is plain CommonJS so it runs without a TypeScript loader, from source or from dist.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = require(workerData.highsPath)();
parentPort.on('message', async (job) => {
  const t0 = Date.now();
  try {
    const highs = await ready;
    const statusName = Object.fromEntries(Object.entries(highs.constants.modelStatus).map(([k, v]) => [v, k]));
    const flag = new Int32Array(job.abort);
    const model = highs.createModel({ format: 'lp', data: job.lp });
    try {
      model.options.set({ output_flag: false, time_limit: Math.max(0.01, job.timeLimitMs / 1000), mip_rel_gap: 0, mip_abs_gap: 1e-6 });
      if (job.objectiveTarget !== undefined) model.options.set({ objective_target: job.objectiveTarget });
      if (job.options) model.options.set(job.options);
      const n = model.getDimensions().numCols;
      const index = new Map(job.names.map((name, i) => [name, i]));
      const order = new Int32Array(n);
      for (let c = 0; c < n; c++) order[c] = index.get(model.getColName(c)) ?? -1;
      if (job.start) {
        const colValue = new Float64Array(n);
        for (let c = 0; c < n; c++) colValue[c] = order[c] >= 0 ? job.start[order[c]] : 0;
        model.setSolution({ colValue });
      }
      const cb = {};
      cb[highs.constants.callbackType.mipInterrupt] = (ev) => { if (Atomics.load(flag, 0) !== 0) ev.interrupt(); };
      model.run(cb);
      const status = statusName[model.getModelStatus()] ?? String(model.getModelStatus());
      const out = { status, ms: Date.now() - t0 };
      let bound;
      try { bound = model.info.get('mip_dual_bound'); } catch {}
      if (typeof bound === 'number' && Number.isFinite(bound)) out.bound = bound;
      let primal = 0;
      try { primal = Number(model.info.get('primal_solution_status')); } catch {}
      if (status === 'optimal' || primal === 2) {
        const sol = model.getSolution().colValue;
        const values = new Float64Array(job.names.length);
        for (let c = 0; c < n; c++) if (order[c] >= 0) values[order[c]] = sol[c];
        out.values = values;
        out.objective = model.getObjectiveValue();
      }
      parentPort.postMessage({ id: job.id, out });
    } finally {
      model.dispose();
    }
  } catch (err) {
    parentPort.postMessage({ id: job.id, error: String(err && err.stack || err) });
  }
});
`;

let worker: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

function getWorker(): Worker {
  if (worker) return worker;
  const highsPath = createRequire(import.meta.url).resolve('highs');
  const w = new Worker(WORKER, { eval: true, workerData: { highsPath } });
  w.unref();
  w.on('error', () => {
    if (worker === w) worker = undefined;
  });
  w.on('exit', () => {
    if (worker === w) worker = undefined;
  });
  worker = w;
  return w;
}

/** HiGHS options a repair sets itself: its output, its time limit, its gap and its early stop. */
export const RESERVED_HIGHS_OPTIONS: readonly string[] = ['output_flag', 'log_to_console', 'time_limit', 'mip_rel_gap', 'mip_abs_gap', 'objective_target'];

const PROBE_LP = 'Minimize\n obj: x\nSubject To\n c: x >= 0\nBinary\n x\nEnd\n';

/**
 * Check HiGHS options before a search relies on them: each is set on a one-column model in the
 * worker. Returns a message per rejected option (unknown name, wrong type, out of range, reserved
 * for the repair itself, or not supported by the WebAssembly build), empty when all are accepted.
 */
export async function checkHighsOptions(options: Readonly<Record<string, unknown>>): Promise<string[]> {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(options)) {
    if (RESERVED_HIGHS_OPTIONS.includes(name)) {
      problems.push(`${name}: set by each repair itself`);
      continue;
    }
    if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') {
      problems.push(`${name}: must be a number, string or boolean, got ${value === null ? 'null' : typeof value}`);
      continue;
    }
    try {
      await runHighs({ lp: PROBE_LP, names: ['x'], timeLimitMs: 1000, options: { [name]: value } });
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      const unsupported = /Option '[^']*' is not supported[^\n]*/.exec(text);
      problems.push(`${name} = ${JSON.stringify(value)}: ${unsupported ? unsupported[0] : 'HiGHS rejects it (unknown option, wrong type or out of range)'}`);
    }
  }
  return problems;
}

/** Solve a MIP with HiGHS in the shared worker thread (jobs run one after another). */
export function runHighs(job: HighsJob): Promise<HighsOutcome> {
  const run = queue.then(() => runNow(job));
  queue = run.catch(() => undefined);
  return run;
}

function runNow(job: HighsJob): Promise<HighsOutcome> {
  const abort = new SharedArrayBuffer(4);
  const flag = new Int32Array(abort);
  if (job.signal?.aborted) return Promise.resolve({ status: 'interrupt', ms: 0 });
  const w = getWorker();
  const id = nextId++;
  return new Promise<HighsOutcome>((resolve, reject) => {
    const onAbort = () => Atomics.store(flag, 0, 1);
    job.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => {
      job.signal?.removeEventListener('abort', onAbort);
      w.off('message', onMessage);
      w.off('error', onError);
      w.unref();
    };
    const onMessage = (msg: { id: number; out?: HighsOutcome; error?: string }) => {
      if (msg.id !== id) return;
      cleanup();
      if (msg.error !== undefined || !msg.out) reject(new Error(`HiGHS failed: ${msg.error ?? 'no result'}`));
      else resolve(msg.out);
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    w.on('message', onMessage);
    w.on('error', onError);
    // Keep the process alive while a job runs; unref again when it ends.
    w.ref();
    const { signal: _signal, ...rest } = job;
    w.postMessage({ ...rest, id, abort });
  });
}
