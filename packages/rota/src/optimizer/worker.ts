/**
 * Internal: the body of one portfolio worker thread (see `solve` with `workers`). It receives the
 * problem, rules and options as data, solves with its own seed, streams progress, stops on an
 * `abort` message, and posts the best rota with its score, trace and counters.
 *
 * @packageDocumentation
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Problem } from '@omsorg/domain';
import type { RuleInput } from '../rules/rule.js';
import { type SolveOptions, solve } from './solve.js';

/** What the parent sends at start. */
interface WorkerInput {
  problem: Problem;
  rules: RuleInput[];
  options: Omit<SolveOptions, 'signal' | 'onProgress' | 'catalogue' | 'workers'>;
}

const port = parentPort;
if (port) {
  const { problem, rules, options } = workerData as WorkerInput;
  const controller = new AbortController();
  port.on('message', (m: { type?: string }) => {
    if (m?.type === 'abort') controller.abort();
  });
  const result = await solve(problem, rules, {
    ...options,
    signal: controller.signal,
    onProgress: (progress) => port.postMessage({ type: 'progress', progress }),
  });
  port.postMessage({ type: 'done', cells: result.rota.cells, score: result.score, trace: result.trace, phases: result.phases, iterations: result.iterations, stoppedBy: result.stoppedBy });
  port.close();
}
