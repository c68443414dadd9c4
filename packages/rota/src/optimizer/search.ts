import { type CompetenceRequirement, meetsRequirement } from '@omsorg/domain';
import type { IncrementalEvaluator, Score } from '../engine/incremental.js';
import { type CompiledProblem, OFF } from '../model/compile.js';
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
  /**
   * Share of moves aimed at a currently broken hard rule (its employee and days, for a cover
   * shortfall its shift) while any is broken (default 0.3; 0 turns aiming off).
   */
  hotSpotShare?: number;
  /** Share of moves aimed at broken soft rules once no hard rule is broken (default 0.15; 0 turns it off). */
  softHotSpotShare?: number;
  /**
   * With annealing: once the target is reached, search on to the end of the current cooling cycle
   * (keeping the best) instead of stopping at once, so the best comes from a cold search, not from
   * wherever a hot one first touched the target.
   */
  coolAfterTarget?: boolean;
  /**
   * With annealing: after this many milliseconds, search on to the end of the current cooling cycle and
   * stop there (reported as `time`; `timeLimitMs` still bounds it), so that a search cut by time ends
   * cold rather than wherever the temperature was.
   */
  coolAfterMs?: number;
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
  /** Shift type index of each option. */
  optionShift: Int16Array;
}

const now = () => performance.now();

/**
 * Reading and writing base cells through the evaluator: a base cell and all its copies move
 * together; `may` says whether employee e may get option v (or off).
 */
function baseCells(inc: IncrementalEvaluator, space: SearchSpace) {
  const { baseDays, copies, days, allowed, options, fixed } = space;
  const may = (e: number, v: number) => v === OFF || allowed[e * options + v] === 1;
  const getBase = (e: number, d: number) => inc.assignment[e * days + d]!;
  return {
    may,
    getBase,
    setBase: (e: number, d: number, v: number) => {
      for (let c = 0; c < copies; c++) inc.set(e, d + c * baseDays, v);
    },
    /**
     * Whether employees e and c may exchange their base days `from`..`from + len - 1`: inside the
     * base days, and every day that differs is free in both rows and allowed to each.
     */
    exchangeable: (e: number, c: number, from: number, len: number) => {
      if (from < 0 || from + len > baseDays) return false;
      for (let t = from; t < from + len; t++) {
        const a = getBase(e, t);
        const b = getBase(c, t);
        if (a !== b && (fixed[e * baseDays + t] || fixed[c * baseDays + t] || !may(e, b) || !may(c, a))) return false;
      }
      return true;
    },
  };
}

/**
 * Per employee, one flag per distinct competence requirement of the demand lines (a role or a
 * qualification asked for): 1 when the employee meets it. Empty when no line asks for one.
 */
export function competenceFlags(model: CompiledProblem): Uint8Array[] {
  const requirements = new Map<string, CompetenceRequirement>();
  for (const line of model.problem.demand) {
    const c = line.competence;
    if (c && (c.roles !== undefined || c.qualificationId !== undefined)) requirements.set(JSON.stringify([c.roles ?? null, c.qualificationId ?? null]), c);
  }
  const list = [...requirements.values()];
  return model.problem.employees.map((emp) => Uint8Array.from(list, (r) => (meetsRequirement(emp, r) ? 1 : 0)));
}

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
  const { employees, baseDays, days, fixed, domain, fridays, optionShift } = space;
  const { may, setBase, getBase, exchangeable } = baseCells(inc, space);
  const hw = cfg.hardWeight;
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
  const trace: TracePoint[] = [{ ms: 0, iteration: 0, hard: bestScore.hard, soft: bestScore.soft }];
  let lastImprovement = t0;
  let lastProgress = t0;
  let lastYield = t0;
  let it = 0;
  let lastBestIt = 0;
  const sa = cfg.annealing;
  const restartAfter = cfg.restartAfter ?? Math.max(200_000, 50 * employees * baseDays);
  let stoppedBy: SearchOutcome['stoppedBy'] = 'time';
  let undoE = new Int32Array(16);
  let undoD = new Int32Array(16);
  let undoV = new Int16Array(16);
  let undoN = 0;
  const growUndo = (n: number) => {
    const size = Math.max(n, 2 * undoE.length);
    const e2 = new Int32Array(size);
    e2.set(undoE);
    undoE = e2;
    const d2 = new Int32Array(size);
    d2.set(undoD);
    undoD = d2;
    const v2 = new Int16Array(size);
    v2.set(undoV);
    undoV = v2;
  };
  const change = (e: number, d: number, v: number) => {
    const old = getBase(e, d);
    if (old === v) return;
    undoE[undoN] = e;
    undoD[undoN] = d;
    undoV[undoN] = old;
    undoN++;
    setBase(e, d, v);
  };
  // The demand lines' competence each employee meets (one flag per distinct requirement): a weekend
  // handed to someone without it leaves that line short.
  const competence = competenceFlags(inc.model);
  /** Whether c meets every competence requirement that e meets. */
  const covers = (c: number, e: number) => {
    const a = competence[e]!;
    const b = competence[c]!;
    for (let i = 0; i < a.length; i++) if (a[i]! > b[i]!) return false;
    return true;
  };
  // Peers: employees with exactly the same options and competence (they can exchange any stretch of
  // their rows without leaving a line short).
  const peers: Int32Array[] = [];
  {
    const keyOf = (e: number) => `${domain[e]!.join(',')}|${competence[e]!.join('')}`;
    const groups = new Map<string, number[]>();
    for (let e = 0; e < employees; e++) {
      const k = keyOf(e);
      const g = groups.get(k);
      if (g) g.push(e);
      else groups.set(k, [e]);
    }
    for (let e = 0; e < employees; e++) peers.push(Int32Array.from(groups.get(keyOf(e))!.filter((x) => x !== e)));
  }
  const offFriToSun = (e: number, f: number) => {
    for (let t = f; t < f + 3 && t < baseDays; t++) if (t >= 0 && getBase(e, t) !== OFF) return false;
    return true;
  };
  /** A Friday within a fortnight after `d`'s weekend on which e works Friday–Sunday, or -1. */
  const workedFridayNear = (e: number, d: number) => {
    let found = -1;
    let n = 0;
    for (let f = fridayOf[d]!; f >= 0 && f <= d + 16 && f + 2 < baseDays; f += 7) {
      if (!offFriToSun(e, f) && rnd.int(++n) === 0) found = f;
    }
    return found;
  };
  /**
   * The first employee from `from` on (cyclically) off five weekends around Friday f who may take e's
   * shifts on it and meets every competence e meets, or -1.
   */
  const freeForWeekend = (e: number, f: number, from: number) => {
    for (let i = 0; i < employees; i++) {
      const c = (from + i) % employees;
      if (c === e || !covers(c, e)) continue;
      let ok = true;
      for (let w = -2; w <= 2 && ok; w++) if (!offFriToSun(c, f + 7 * w)) ok = false;
      for (let t = f; t < f + 3 && ok; t++) if (fixed[c * baseDays + t] || fixed[e * baseDays + t] || !may(c, getBase(e, t))) ok = false;
      if (ok) return c;
    }
    return -1;
  };
  const reached = (s: Score) => reachedTarget(s, cfg.targetScore);
  if (reached(bestScore)) stoppedBy = 'target';
  // Hot spots: the broken hard rules, or once none is broken the soft ones, refreshed every few
  // thousand moves; a share of the moves starts there.
  const hardShare = cfg.hotSpotShare ?? 0.3;
  const softShare = cfg.softHotSpotShare ?? 0.15;
  const spots = () => (inc.hard > 0 ? (hardShare > 0 ? inc.hardHotSpots() : undefined) : softShare > 0 ? inc.softHotSpots() : undefined);
  let hot = spots();
  let hotShare = inc.hard > 0 ? hardShare : softShare;
  const hotEvery = Math.max(2_000, Math.min(50_000, employees * baseDays));
  // The Friday on or before each base day (-1 before the first), for weekend moves at a hot spot.
  const fridayOf = new Int32Array(baseDays).fill(-1);
  for (let d = 0, f = -1; d < baseDays; d++) {
    if (fridays.includes(d)) f = d;
    fridayOf[d] = f;
  }

  // Set when the target is reached ('target') or `coolAfterMs` has passed ('time'): the search goes on to
  // the end of the cooling cycle and stops there with that reason.
  let coolTo: 'target' | 'time' | undefined;
  while (stoppedBy !== 'target') {
    if (coolTo !== undefined && it % sa!.cycleIterations === 0) {
      stoppedBy = coolTo;
      break;
    }
    if ((it & 1023) === 0) {
      const t = now();
      if (sa && cfg.coolAfterMs !== undefined && coolTo === undefined && t - t0 >= cfg.coolAfterMs) coolTo = 'time';
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
    if (it % hotEvery === 0) {
      hot = spots();
      hotShare = inc.hard > 0 ? hardShare : softShare;
    }
    const r = rnd.next();
    let e: number;
    let d: number;
    let hint = -2;
    let aimed = false;
    if (hot !== undefined && hot.count > 0 && rnd.next() < hotShare) {
      // Aim at a broken hard rule: its employee (any when it concerns the roster) on one of its days.
      const h = rnd.int(hot.count);
      const he = hot.employee[h]!;
      e = he >= 0 ? he : rnd.int(employees);
      // Its days, and for an employee's rule one on each side: a run too short or too long is mended at its edges.
      const edge = he >= 0 ? 1 : 0;
      const from = Math.max(0, hot.day[h]! - edge);
      const to = Math.min(days - 1, hot.endDay[h]! + edge);
      d = (from + rnd.int(to - from + 1)) % baseDays;
      hint = hot.option[h]!;
      aimed = true;
    } else {
      e = rnd.int(employees);
      d = rnd.int(baseDays);
    }
    if (fixed[e * baseDays + d]) continue;
    if (r < 0.35) {
      // Change one cell to another option or off (at a cover shortfall: to a shift of that type).
      const dom = domain[e]!;
      const cur = getBase(e, d);
      let v: number;
      if (hint >= 0) {
        const want = optionShift[hint]!;
        let n = 0;
        v = cur;
        for (let i = 0; i < dom.length; i++) if (optionShift[dom[i]!] === want && rnd.int(++n) === 0) v = dom[i]!;
      } else if (hint === OFF) v = OFF;
      else v = cur !== OFF && (dom.length === 0 || rnd.next() < 0.35) ? OFF : dom.length === 0 ? OFF : dom[rnd.int(dom.length)]!;
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
      let e2 = rnd.int(employees);
      const weekend = fridays.length > 0 && r < 0.8;
      let len = weekend ? 3 : 2 + rnd.int(6);
      if (weekend) d = aimed && fridayOf[d]! >= 0 ? fridayOf[d]! : fridays[rnd.int(fridays.length)]!;
      if (aimed && weekend) {
        // At a broken rule: hand one of e's worked weekends in it to someone off that weekend and the
        // two on each side (so the transfer breaks no weekend rhythm of theirs) who may take e's shifts.
        const f = workedFridayNear(e, d);
        if (f < 0) continue;
        d = f;
        if (rnd.next() < 0.5) {
          e2 = freeForWeekend(e, f, rnd.int(employees));
          if (e2 < 0) continue;
        } else {
          // Or exchange the weekend rhythm with a peer (same options): swap from that Friday over one to
          // six weeks, or to the end of the rota.
          const mine = peers[e]!;
          if (mine.length === 0) continue;
          e2 = mine[rnd.int(mine.length)]!;
          const weeks = rnd.int(7);
          len = weeks === 6 ? baseDays - d : 3 + 7 * weeks;
        }
      }
      if (e2 === e) continue;
      if (!exchangeable(e, e2, d, len)) continue;
      if (undoE.length < 2 * len) growUndo(2 * len);
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
      // Move within one employee's row: exchange two of their days, half the time one within a week
      // of d (a day off or a shift moved a little: a run or a rest mended where it is).
      const d2 = rnd.next() < 0.5 ? d + (rnd.next() < 0.5 ? -1 : 1) * (1 + rnd.int(7)) : rnd.int(baseDays);
      if (d2 < 0 || d2 >= baseDays || d2 === d || fixed[e * baseDays + d2]) continue;
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
      // The best is the best score (hard first), whatever weight the objective gives hard points.
      const h = inc.hard;
      if (h < bestScore.hard - 1e-9 || (h <= bestScore.hard + 1e-9 && inc.soft < bestScore.soft - 1e-9)) {
        bestScore = inc.score;
        lastBestIt = it;
        copyBest();
        lastImprovement = now();
        trace.push({ ms: lastImprovement - t0, iteration: it, hard: bestScore.hard, soft: bestScore.soft });
        if (reached(bestScore)) {
          if (cfg.coolAfterTarget && sa) coolTo = 'target';
          else stoppedBy = 'target';
        }
      }
    } else {
      for (let i = undoN - 1; i >= 0; i--) setBase(undoE[i]!, undoD[i]!, undoV[i]!);
    }
    history[slot] = f;
  }
  return { best, bestScore, trace, iterations: it, stoppedBy };
}

const DAY_LENGTHS = [1, 2, 3];
const FRIDAY_LENGTHS = [1, 2, 3, 10, 17, 24, 31, 38];
const MAX_SIDEWAYS = 40;

/**
 * Exhaustive repair of the hard rules still broken (a descent over small neighbourhoods of each
 * hot spot): for a rule on one employee, every exchange of a stretch of their row with another
 * employee's (one to three days, or from a Friday over one to six weeks) and every single cell of
 * theirs set to off; for a rule on the roster (cover), every employee free that day put on a shift
 * of the type needed. Applies the move that lowers the hard penalty most (then the objective),
 * repeats until none helps or `deadline` (a `performance.now()` time) passes. Returns the moves made.
 */
export function polishHard(inc: IncrementalEvaluator, space: SearchSpace, hardWeight: number, deadline: number): number {
  const { employees, baseDays, fixed, domain, optionShift } = space;
  const { setBase, getBase, exchangeable } = baseCells(inc, space);
  const swapRows = (e: number, c: number, from: number, len: number) => {
    for (let t = from; t < from + len; t++) {
      const a = getBase(e, t);
      const b = getBase(c, t);
      if (a !== b) {
        setBase(e, t, b);
        setBase(c, t, a);
      }
    }
  };
  const canSwap = (e: number, c: number, from: number, len: number) => {
    if (!exchangeable(e, c, from, len)) return false;
    for (let t = from; t < from + len; t++) if (getBase(e, t) !== getBase(c, t)) return true;
    return false;
  };
  let moves = 0;
  // When no move lowers the hard penalty, the best sideways move (same hard penalty, the violation
  // passed on to someone else: an ejection chain) is taken, never the same move twice.
  const done = new Set<string>();
  let sideways = 0;
  while (inc.hard > 0 && performance.now() < deadline) {
    const hot = inc.hardHotSpots(256);
    const startHard = inc.hard;
    let bestHard = startHard;
    let bestF = startHard * hardWeight + inc.soft;
    let best: (() => void) | undefined;
    let side: (() => void) | undefined;
    let sideKey = '';
    let sideF = Number.POSITIVE_INFINITY;
    const consider = (apply: () => void, undo: () => void, key: string) => {
      apply();
      const h = inc.hard;
      const f = h * hardWeight + inc.soft;
      if (h < bestHard || (h === bestHard && h < startHard && f < bestF)) {
        bestHard = h;
        bestF = f;
        best = apply;
      } else if (h === startHard && f < sideF && !done.has(key)) {
        sideF = f;
        side = apply;
        sideKey = key;
      }
      undo();
    };
    for (let i = 0; i < hot.count && performance.now() < deadline; i++) {
      const e = hot.employee[i]!;
      const d0 = hot.day[i]! % baseDays;
      const d1 = Math.min(baseDays - 1, d0 + (hot.endDay[i]! - hot.day[i]!));
      if (e >= 0) {
        for (let from = Math.max(0, d0 - 2); from <= d1; from++) {
          // From a Friday also the whole rest of the rows: e and c exchange their weekend rhythm from there on.
          const lengths = space.fridays.includes(from) ? [...FRIDAY_LENGTHS, baseDays - from] : DAY_LENGTHS;
          for (const len of lengths) {
            for (let c = 0; c < employees; c++) {
              if (c === e || !canSwap(e, c, from, len)) continue;
              const move = () => swapRows(e, c, from, len);
              consider(move, move, `s${Math.min(e, c)},${Math.max(e, c)},${from},${len}`);
            }
          }
        }
        for (let d = d0; d <= d1; d++) {
          const old = getBase(e, d);
          if (old === OFF || fixed[e * baseDays + d]) continue;
          consider(
            () => setBase(e, d, OFF),
            () => setBase(e, d, old),
            `o${e},${d}`,
          );
        }
      } else {
        const hint = hot.option[i]!;
        for (let d = d0; d <= d1; d++) {
          for (let c = 0; c < employees; c++) {
            const old = getBase(c, d);
            if (fixed[c * baseDays + d]) continue;
            if (hint === OFF) {
              if (old !== OFF)
                consider(
                  () => setBase(c, d, OFF),
                  () => setBase(c, d, old),
                  `o${c},${d}`,
                );
              continue;
            }
            if (old !== OFF) continue;
            for (const o of domain[c]!) {
              if (hint >= 0 && optionShift[o] !== optionShift[hint]) continue;
              consider(
                () => setBase(c, d, o),
                () => setBase(c, d, old),
                `c${c},${d},${o}`,
              );
            }
          }
        }
      }
    }
    if (best) best();
    else if (side && sideways < MAX_SIDEWAYS) {
      side();
      done.add(sideKey);
      sideways++;
    } else break;
    moves++;
  }
  return moves;
}
