/**
 * HiGHS (WebAssembly, MIT) behind a worker thread: `solve` is synchronous in HiGHS, so it runs off
 * the event loop; an abort sets a shared flag that HiGHS polls at its MIP checkpoints and LP
 * iterations, so a solve stops within milliseconds (and one that does not answer within
 * `ABORT_GRACE_MS` ends its worker). One worker is kept per process (unref'd: it never keeps Node
 * alive) and solves one job at a time.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ModelArrays } from './linear.js';

/** A MIP job: the model as arrays, a time limit and an optional start. */
export interface HighsJob {
  /** The model (minimisation), e.g. from `LinearModel.toArrays`; its buffers move to the worker. */
  model: ModelArrays;
  /** A start solution (a value per column, in column order). */
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
  /** Column values in column order, when HiGHS has a feasible solution. */
  values?: Float64Array;
  /** Objective of the solution (without the model's constant). */
  objective?: number;
  /** Best proven lower bound (without the constant). */
  bound?: number;
  /** Wall-clock milliseconds in HiGHS, including loading the model. */
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
    const m = job.model;
    const model = highs.createModel({
      numCols: m.numCols, numRows: m.numRows, colCost: m.colCost, colLower: m.colLower, colUpper: m.colUpper,
      rowLower: m.rowLower, rowUpper: m.rowUpper, integrality: m.integrality,
      matrix: { format: 'csr', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
    });
    try {
      model.options.set({ output_flag: false, time_limit: Math.max(0.01, job.timeLimitMs / 1000), mip_rel_gap: 0, mip_abs_gap: 1e-6 });
      if (job.objectiveTarget !== undefined) model.options.set({ objective_target: job.objectiveTarget });
      if (job.options) model.options.set(job.options);
      if (job.start) model.setSolution({ colValue: job.start });
      const cb = {};
      // The MIP's checkpoints, and the simplex and interior-point iterations of its LPs (a long root
      // LP has no MIP checkpoint; a heuristic's sub-MIP has neither: the main side's grace covers it).
      const poll = (ev) => { if (Atomics.load(flag, 0) !== 0) ev.interrupt(); };
      cb[highs.constants.callbackType.mipInterrupt] = poll;
      cb[highs.constants.callbackType.simplexInterrupt] = poll;
      cb[highs.constants.callbackType.ipmInterrupt] = poll;
      model.run(cb);
      const status = statusName[model.getModelStatus()] ?? String(model.getModelStatus());
      const out = { status, ms: Date.now() - t0 };
      let bound;
      try { bound = model.info.get('mip_dual_bound'); } catch {}
      if (typeof bound === 'number' && Number.isFinite(bound)) out.bound = bound;
      let primal = 0;
      try { primal = Number(model.info.get('primal_solution_status')); } catch {}
      if (status === 'optimal' || primal === 2) {
        out.values = model.getSolution().colValue;
        out.objective = model.getObjectiveValue();
      }
      parentPort.postMessage({ id: job.id, out }, out.values ? [out.values.buffer] : []);
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

/** One binary column and the row `x ≥ 0`. */
const probeModel = (): ModelArrays => ({
  numCols: 1,
  numRows: 1,
  colCost: Float64Array.of(1),
  colLower: Float64Array.of(0),
  colUpper: Float64Array.of(1),
  rowLower: Float64Array.of(0),
  rowUpper: Float64Array.of(Number.POSITIVE_INFINITY),
  starts: Int32Array.of(0, 1),
  indices: Int32Array.of(0),
  values: Float64Array.of(1),
  integrality: Int32Array.of(1),
});

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
      await runHighs({ model: probeModel(), timeLimitMs: 1000, options: { [name]: value } });
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      const unsupported = /Option '[^']*' is not supported[^\n]*/.exec(text);
      problems.push(`${name} = ${JSON.stringify(value)}: ${unsupported ? unsupported[0] : 'HiGHS rejects it (unknown option, wrong type or out of range)'}`);
    }
  }
  return problems;
}

/**
 * Milliseconds an aborted job may take to answer (with the incumbent HiGHS had) before its worker is
 * ended (see `runNow`).
 */
const ABORT_GRACE_MS = 30;

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
  const started = Date.now();
  return new Promise<HighsOutcome>((resolve, reject) => {
    let grace: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      Atomics.store(flag, 0, 1);
      // HiGHS polls the flag at its callbacks, but some of its work has none between them (its
      // heuristics' sub-MIPs: up to 1–3 s on column generation's master of Curtois Instance 7). Past
      // the grace the worker is ended and a new one serves the next job; the solve has no result.
      grace = setTimeout(() => {
        cleanup();
        if (worker === w) worker = undefined;
        void w.terminate();
        resolve({ status: 'interrupt', ms: Date.now() - started });
      }, ABORT_GRACE_MS);
    };
    job.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => {
      if (grace !== undefined) clearTimeout(grace);
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
    const m = job.model;
    // The model's arrays move to the worker rather than being copied (a job is sent once).
    const buffers = new Set([m.colCost, m.colLower, m.colUpper, m.rowLower, m.rowUpper, m.starts, m.indices, m.values, m.integrality].map((a) => a.buffer));
    w.postMessage({ ...rest, id, abort }, [...buffers] as ArrayBuffer[]);
  });
}
