import type { IncrementalEvaluator, Score } from '../engine/incremental.js';
import { OFF } from '../model/compile.js';
import { Random } from './random.js';

/** Knobs of the local search. */
export interface SearchConfig {
  /** Stop after this many milliseconds. */
  timeLimitMs: number;
  /** Stop when the best has not improved for this long. */
  unimprovedTimeLimitMs?: number;
  /** Stop after this many move evaluations (makes a run exactly repeatable). */
  maxIterations?: number;
  /** Stop as soon as the best is at least this good. */
  targetScore?: Score;
  /** PRNG seed. */
  seed: number;
  /** Abort: the search returns its best so far within about 50 ms. */
  signal?: AbortSignal;
  /** Weight of one hard penalty point against soft points in the search objective. */
  hardWeight: number;
  /** Late-acceptance list length. */
  lateAcceptance: number;
  /** Called with the best so far about every `progressIntervalMs`. */
  onProgress?: (p: SearchProgress) => void;
  /** Progress interval, ms. */
  progressIntervalMs: number;
  /** Simulated annealing instead of late acceptance: start and end temperature and iterations per cooling cycle. */
  annealing?: { startTemperature: number; endTemperature: number; cycleIterations: number };
  /** Iterations without a new best after which the search restarts from the best (default 50 × cells, at least 200 000). */
  restartAfter?: number;
}

/** A progress report. */
export interface SearchProgress {
  /** Milliseconds since the search started. */
  elapsedMs: number;
  /** Move evaluations so far. */
  iterations: number;
  /** Best score so far. */
  best: Score;
  /** Current score. */
  current: Score;
  /** Share of the time limit used, 0–1. */
  fraction: number;
}

/** One point of the best-score trace. */
export interface TracePoint {
  /** Milliseconds since start. */
  ms: number;
  /** Iterations at that moment. */
  iteration: number;
  /** Best hard score. */
  hard: number;
  /** Best soft score. */
  soft: number;
}

/** What the search returns. */
export interface SearchOutcome {
  /** The best assignment found (base cells). */
  best: Int16Array;
  /** Its score. */
  bestScore: Score;
  /** Best-score trace. */
  trace: TracePoint[];
  /** Move evaluations done. */
  iterations: number;
  /** Why it stopped. */
  stoppedBy: 'time' | 'unimproved' | 'target' | 'iterations' | 'abort';
}

/**
 * The search space: `employees × baseDays` base cells, each mirrored `copies` times (a cyclic base
 * rota repeats; an annual rota has one copy). `domain[e]` lists the options employee e may get.
 */
export interface SearchSpace {
  employees: number;
  baseDays: number;
  copies: number;
  /** Days of the evaluated horizon (baseDays × copies). */
  days: number;
  /** 1 for base cells the search may not change. */
  fixed: Uint8Array;
  /** Options per employee (OFF excluded). */
  domain: Int16Array[];
  /** 1 when employee e may get option o, at `e * options + o`. */
  allowed: Uint8Array;
  /** Number of options. */
  options: number;
  /** Day indexes of the Fridays of the base days (weekend moves swap Friday–Sunday). */
  fridays: Int32Array;
}

const now = () => performance.now();

/** True when a score is at least as good as a target (no target: never). */
export function reachedTarget(s: Score, target: Score | undefined): boolean {
  return target !== undefined && (s.hard < target.hard || (s.hard === target.hard && s.soft <= target.soft));
}
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Late-acceptance hill climbing (Burke & Bykov) over change, swap, block-swap and in-row moves,
 * scored by the incremental evaluator. The path depends only on the seed and the input; time only
 * decides where it stops.
 */
export async function lateAcceptanceSearch(inc: IncrementalEvaluator, space: SearchSpace, cfg: SearchConfig): Promise<SearchOutcome> {
  const rnd = new Random(cfg.seed);
  const { employees, baseDays, copies, days, fixed, domain, allowed, options, fridays } = space;
  const may = (e: number, v: number) => v === OFF || allowed[e * options + v] === 1;
  const hw = cfg.hardWeight;
  const setBase = (e: number, d: number, v: number) => {
    for (let c = 0; c < copies; c++) inc.set(e, d + c * baseDays, v);
  };
  const getBase = (e: number, d: number) => inc.assignment[e * days + d]!;
  const objective = () => inc.hard * hw + inc.soft;

  const t0 = now();
  let f = objective();
  const history = new Float64Array(Math.max(1, cfg.lateAcceptance)).fill(f);
  const best = new Int16Array(employees * baseDays);
  const copyBest = () => {
    for (let e = 0; e < employees; e++) for (let d = 0; d < baseDays; d++) best[e * baseDays + d] = getBase(e, d);
  };
  copyBest();
  let bestScore: Score = inc.score;
  let bestF = f;
  const trace: TracePoint[] = [{ ms: 0, iteration: 0, hard: bestScore.hard, soft: bestScore.soft }];
  let lastImprovement = t0;
  let lastProgress = t0;
  let lastYield = t0;
  let it = 0;
  let lastBestIt = 0;
  const sa = cfg.annealing;
  const restartAfter = cfg.restartAfter ?? Math.max(200_000, 50 * employees * baseDays);
  let stoppedBy: SearchOutcome['stoppedBy'] = 'time';
  const undoE = new Int32Array(16);
  const undoD = new Int32Array(16);
  const undoV = new Int16Array(16);
  let undoN = 0;
  const change = (e: number, d: number, v: number) => {
    const old = getBase(e, d);
    if (old === v) return;
    undoE[undoN] = e;
    undoD[undoN] = d;
    undoV[undoN] = old;
    undoN++;
    setBase(e, d, v);
  };
  const reached = (s: Score) => reachedTarget(s, cfg.targetScore);
  if (reached(bestScore)) stoppedBy = 'target';

  while (stoppedBy !== 'target') {
    if ((it & 1023) === 0) {
      const t = now();
      if (cfg.maxIterations !== undefined && it >= cfg.maxIterations) {
        stoppedBy = 'iterations';
        break;
      }
      if (cfg.maxIterations === undefined && t - t0 >= cfg.timeLimitMs) {
        stoppedBy = 'time';
        break;
      }
      if (cfg.unimprovedTimeLimitMs !== undefined && t - lastImprovement >= cfg.unimprovedTimeLimitMs) {
        stoppedBy = 'unimproved';
        break;
      }
      if (cfg.onProgress && t - lastProgress >= cfg.progressIntervalMs) {
        lastProgress = t;
        cfg.onProgress({ elapsedMs: t - t0, iterations: it, best: bestScore, current: inc.score, fraction: Math.min(1, (t - t0) / cfg.timeLimitMs) });
      }
      if (t - lastYield >= 40) {
        await yieldToLoop();
        lastYield = now();
      }
      if (cfg.signal?.aborted) {
        stoppedBy = 'abort';
        break;
      }
    }
    it++;
    undoN = 0;
    if (it - lastBestIt > restartAfter) {
      // Stagnation: continue from the best with a fresh acceptance list.
      for (let e2 = 0; e2 < employees; e2++) for (let d2 = 0; d2 < baseDays; d2++) setBase(e2, d2, best[e2 * baseDays + d2]!);
      f = objective();
      history.fill(f);
      lastBestIt = it;
    }
    const r = rnd.next();
    const e = rnd.int(employees);
    let d = rnd.int(baseDays);
    if (fixed[e * baseDays + d]) continue;
    if (r < 0.35) {
      // Change one cell to another option or off.
      const dom = domain[e]!;
      const cur = getBase(e, d);
      const v = cur !== OFF && (dom.length === 0 || rnd.next() < 0.35) ? OFF : dom.length === 0 ? OFF : dom[rnd.int(dom.length)]!;
      if (v === cur) continue;
      change(e, d, v);
    } else if (r < 0.55) {
      // Set a block of 2–5 days of one employee to off, or to one option.
      const len = 2 + rnd.int(4);
      if (d + len > baseDays) continue;
      const dom = domain[e]!;
      const v = dom.length === 0 || rnd.next() < 0.4 ? OFF : dom[rnd.int(dom.length)]!;
      let ok = true;
      for (let t = d; t < d + len && ok; t++) if (fixed[e * baseDays + t]) ok = false;
      if (!ok) continue;
      for (let t = d; t < d + len; t++) change(e, t, v);
      if (undoN === 0) continue;
    } else if (r < 0.75) {
      // Swap one day between two employees.
      const e2 = rnd.int(employees);
      if (e2 === e || fixed[e2 * baseDays + d]) continue;
      const a = getBase(e, d);
      const b = getBase(e2, d);
      if (a === b || !may(e, b) || !may(e2, a)) continue;
      change(e, d, b);
      change(e2, d, a);
    } else if (r < 0.9) {
      // Swap a block of days between two employees: a weekend (Friday–Sunday) or 2–7 days.
      const e2 = rnd.int(employees);
      if (e2 === e) continue;
      const weekend = fridays.length > 0 && r < 0.8;
      const len = weekend ? 3 : 2 + rnd.int(6);
      if (weekend) d = fridays[rnd.int(fridays.length)]!;
      if (d + len > baseDays) continue;
      let ok = true;
      for (let t = d; t < d + len && ok; t++) {
        if (fixed[e * baseDays + t] || fixed[e2 * baseDays + t] || !may(e, getBase(e2, t)) || !may(e2, getBase(e, t))) ok = false;
      }
      if (!ok || undoE.length < 2 * len) continue;
      for (let t = d; t < d + len; t++) {
        const a = getBase(e, t);
        const b = getBase(e2, t);
        if (a !== b) {
          change(e, t, b);
          change(e2, t, a);
        }
      }
      if (undoN === 0) continue;
    } else {
      // Move within one employee's row: exchange two of their days.
      const d2 = rnd.int(baseDays);
      if (d2 === d || fixed[e * baseDays + d2]) continue;
      const a = getBase(e, d);
      const b = getBase(e, d2);
      if (a === b) continue;
      change(e, d, b);
      change(e, d2, a);
    }
    const nf = objective();
    const slot = it % history.length;
    let accept = nf <= f;
    if (!accept) {
      if (sa) {
        const phase = (it % sa.cycleIterations) / sa.cycleIterations;
        const temperature = sa.startTemperature * (sa.endTemperature / sa.startTemperature) ** phase;
        accept = rnd.next() < Math.exp((f - nf) / temperature);
      } else accept = nf <= history[slot]!;
    }
    if (accept) {
      f = nf;
      if (nf < bestF - 1e-9) {
        bestF = nf;
        bestScore = inc.score;
        lastBestIt = it;
        copyBest();
        lastImprovement = now();
        trace.push({ ms: lastImprovement - t0, iteration: it, hard: bestScore.hard, soft: bestScore.soft });
        if (reached(bestScore)) stoppedBy = 'target';
      }
    } else {
      for (let i = undoN - 1; i >= 0; i--) setBase(undoE[i]!, undoD[i]!, undoV[i]!);
    }
    history[slot] = f;
  }
  return { best, bestScore, trace, iterations: it, stoppedBy };
}
