/**
 * Exact and large-neighbourhood repair with a MIP (HiGHS). The rule engine stays the one definition
 * of legal: every MIP result is re-scored with the {@link IncrementalEvaluator}, and it is used only
 * when the evaluator agrees with the MIP's own score of the change and finds it no worse.
 */
import type { CompiledRule } from '../../engine/compile-rules.js';
import { compareScores, IncrementalEvaluator, type Score } from '../../engine/incremental.js';
import type { Assignment } from '../../model/assignment.js';
import { type CompiledProblem, NOT_PINNED, OFF } from '../../model/compile.js';
import { type HighsOutcome, runHighs } from './highs.js';
import type { HardMode, LinearScore } from './linear.js';
import { assignmentOf, buildSubproblem, columnsOf, type Subproblem } from './model.js';

/** Options of {@link mipRepair}. */
export interface MipRepairOptions {
  /** Free employees (default: all). */
  employees?: readonly number[];
  /** First free day (default 0). */
  fromDay?: number;
  /** Last free day, inclusive (default the horizon's last). */
  toDay?: number;
  /** Free days when they are not one range (see `SubproblemSpec.days`). */
  days?: readonly number[];
  /** Time limit of the MIP in milliseconds. */
  timeLimitMs: number;
  /** Abort: stops the MIP, whose incumbent is still used if it checks out. */
  signal?: AbortSignal;
  /** Weight of one hard point in the MIP objective when the input breaks hard rules (default 1000). */
  hardWeight?: number;
  /** Further HiGHS options by their HiGHS names (e.g. `{ mip_heuristic_effort: 0.3 }`). */
  highsOptions?: Readonly<Record<string, number | string | boolean>>;
}

/** What a repair did (see {@link mipRepairDetailed}). */
export interface MipRepairOutcome {
  /** The repaired assignment, or undefined when nothing no-worse and verified was found. */
  assignment?: Assignment;
  /** Score of the input under the evaluator. */
  before: Score;
  /** Score of the result under the evaluator (equal to `before` when nothing was found). */
  after: Score;
  /** Why there is no assignment: `declined` (a rule has no encoding), `noSolution`, `notBetter`, `mismatch`. */
  reason?: 'declined' | 'noSolution' | 'notBetter' | 'mismatch';
  /** HiGHS status, e.g. `optimal` (the neighbourhood's optimum), `timeLimit`, or `error: …` when HiGHS failed. */
  status?: string;
  /** Milliseconds spent in HiGHS. */
  mipMs?: number;
  /**
   * With hard rules as constraints (a legal input): a proven lower bound on the soft score any
   * assignment of the neighbourhood can reach (HiGHS's bound, in the evaluator's terms).
   */
  softBound?: number;
}

const EPS = 1e-6;

/**
 * Do the evaluator and the MIP agree on a change? Soft: the same change. Hard: the same change when
 * hard rules are slack; when they are constraints the MIP's hard measure is only 0 exactly when legal,
 * so both sides must be legal after.
 */
function agrees(mode: HardMode, evalBefore: Score, evalAfter: Score, encBefore: LinearScore, encAfter: LinearScore): boolean {
  const close = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
  const hard = mode === 'penalty' ? close(evalAfter.hard - evalBefore.hard, encAfter.hard - encBefore.hard) : Math.abs(encAfter.hard) <= EPS && Math.abs(evalAfter.hard) <= EPS;
  return hard && close(evalAfter.soft - evalBefore.soft, encAfter.soft - encBefore.soft);
}

/**
 * Re-optimise a neighbourhood (some employees over a day range) of an assignment with a MIP; the
 * rest stays fixed. Returns an assignment at least as good under the {@link IncrementalEvaluator},
 * or undefined (a rule without encoding, no solution in time, nothing better, or a disagreement
 * between the MIP and the evaluator).
 */
export async function mipRepair(model: CompiledProblem, rules: readonly CompiledRule[], assignment: Assignment, options: MipRepairOptions): Promise<Assignment | undefined> {
  const out = await mipRepairDetailed(model, rules, assignment, options);
  return out.assignment;
}

/** {@link mipRepair} with the scores before and after, the MIP status and why nothing was returned. */
export async function mipRepairDetailed(model: CompiledProblem, rules: readonly CompiledRule[], assignment: Assignment, options: MipRepairOptions): Promise<MipRepairOutcome> {
  const evaluator = new IncrementalEvaluator(model, rules, assignment);
  const before = evaluator.score;
  const sub = buildSubproblem(model, rules, assignment, {
    ...(options.employees !== undefined ? { employees: options.employees } : {}),
    ...(options.fromDay !== undefined ? { fromDay: options.fromDay } : {}),
    ...(options.toDay !== undefined ? { toDay: options.toDay } : {}),
    ...(options.days !== undefined ? { days: options.days } : {}),
    hardMode: before.hard > 0 ? 'penalty' : 'constraint',
    hardWeight: options.hardWeight ?? 1000,
  });
  if (!sub) return { before, after: before, reason: 'declined' };
  if (sub.cells.length === 0) return { before, after: before, reason: 'notBetter' };
  const startValues = sub.lm.complete(columnsOf(sub, assignment));
  const encBefore = sub.lm.score(startValues);
  let result: HighsOutcome;
  try {
    result = await runHighs({
      model: sub.lm.toArrays(),
      start: startValues,
      timeLimitMs: options.timeLimitMs,
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
      ...(options.highsOptions !== undefined ? { options: options.highsOptions } : {}),
    });
  } catch (err) {
    // A failing solver must not end the search: no result, and the reason says why.
    return { before, after: before, reason: 'noSolution', status: `error: ${err instanceof Error ? err.message : String(err)}` };
  }
  const base: MipRepairOutcome = { before, after: before, status: result.status, mipMs: result.ms };
  // The MIP counts only the terms its free cells touch: the rest of the score is `before − encBefore`.
  if (sub.lm.hardMode === 'constraint' && result.bound !== undefined) base.softBound = before.soft - encBefore.soft + result.bound + sub.lm.objectiveConstant;
  if (!result.values) return { ...base, reason: 'noSolution' };
  const next = assignmentOf(sub, result.values);
  const encAfter = sub.lm.score(sub.lm.complete(result.values));
  for (const k of sub.cells) {
    if (next[k] !== assignment[k]) evaluator.set(Math.floor(k / model.days), k % model.days, next[k]!);
  }
  const after = evaluator.score;
  if (!agrees(sub.lm.hardMode, before, after, encBefore, encAfter)) return { ...base, reason: 'mismatch' };
  if (compareScores(after, before) > 0) return { ...base, reason: 'notBetter' };
  if (compareScores(after, before) === 0 && next.every((v, k) => v === assignment[k])) return { ...base, reason: 'notBetter' };
  return { ...base, assignment: next, after };
}

/** Options of {@link solveExact}. */
export interface SolveExactOptions {
  /** Time limit of the MIP in milliseconds. */
  timeLimitMs: number;
  /** A start (e.g. the local search's best); used by HiGHS as its first incumbent when legal. */
  initial?: Assignment;
  /** Stop once a solution this good (weighted soft score, hard 0) is found. */
  targetSoft?: number;
  /** Abort: stops the MIP and returns its incumbent. */
  signal?: AbortSignal;
  /** Further HiGHS options by their HiGHS names. */
  highsOptions?: Readonly<Record<string, number | string | boolean>>;
}

/** The result of {@link solveExact}. */
export interface ExactResult {
  /** The best assignment HiGHS found. */
  assignment: Assignment;
  /** Its score under the evaluator (equal to the MIP's). */
  score: Score;
  /** The MIP objective of it (hard rules are constraints, so this is the soft score). */
  objective: number;
  /** Best proven lower bound on the soft score, when HiGHS reports one. */
  bound?: number;
  /** True when HiGHS proved the assignment optimal. */
  optimal: boolean;
  /** HiGHS status. */
  status: string;
  /** Milliseconds spent in HiGHS. */
  mipMs: number;
}

/**
 * Solve the whole problem as one MIP, hard rules as constraints (for small problems: a few employees
 * × weeks × shift types). Undefined when a rule has no encoding, HiGHS finds no legal solution in
 * time, or the evaluator disagrees with the MIP's score of the solution.
 */
export async function solveExact(model: CompiledProblem, rules: readonly CompiledRule[], options: SolveExactOptions): Promise<ExactResult | undefined> {
  const base = Int16Array.from(options.initial ?? new Int16Array(model.employees * model.days).fill(OFF), (v, k) => (model.pinned[k] !== NOT_PINNED ? model.pinned[k]! : v));
  const sub: Subproblem | undefined = buildSubproblem(model, rules, base, { hardMode: 'constraint' });
  if (!sub) return undefined;
  const start = options.initial ? sub.lm.complete(columnsOf(sub, options.initial)) : undefined;
  const result = await runHighs({
    model: sub.lm.toArrays(),
    timeLimitMs: options.timeLimitMs,
    ...(start ? { start } : {}),
    ...(options.targetSoft !== undefined ? { objectiveTarget: options.targetSoft - sub.lm.objectiveConstant + 1e-6 } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    ...(options.highsOptions !== undefined ? { options: options.highsOptions } : {}),
  });
  if (!result.values) return undefined;
  const assignment = assignmentOf(sub, result.values);
  const enc = sub.lm.score(sub.lm.complete(result.values));
  const score = new IncrementalEvaluator(model, rules, assignment).score;
  if (!agrees('constraint', { hard: 0, soft: 0 }, score, { hard: 0, soft: 0 }, enc)) return undefined;
  const out: ExactResult = { assignment, score, objective: enc.soft, optimal: result.status === 'optimal', status: result.status, mipMs: result.ms };
  if (result.bound !== undefined) out.bound = result.bound + sub.lm.objectiveConstant;
  return out;
}
