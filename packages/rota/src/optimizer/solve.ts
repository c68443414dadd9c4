import { addDays, type Problem, ProblemSchema, type Rota, type RotaCell } from '@omsorg/domain';
import { type CompiledRule, compileRules } from '../engine/compile-rules.js';
import { type Evaluation, evaluateAssignment } from '../engine/evaluate.js';
import { compareScores, IncrementalEvaluator, type Score } from '../engine/incremental.js';
import { RotaError } from '../errors.js';
import type { RuleCatalogue } from '../kinds/catalogue.js';
import type { KpiOptions } from '../kpi/kpis.js';
import { assignmentFromRota, rotaFromAssignment } from '../model/assignment.js';
import { type CompiledProblem, compileProblem, NOT_PINNED, OFF } from '../model/compile.js';
import type { RuleInput } from '../rules/rule.js';
import { CELL_DIVE_MAX_DAYS, type ColumnGenerationResume, columnGeneration } from './cg/generate.js';
import { repairRows } from './cg/repair.js';
import { rowPrograms } from './cg/rows.js';
import { columnGenerationWindows, windowOptionProblem } from './cg/windows.js';
import { constructGuided, fixedCells, optionDomain, pinnedStart } from './construct.js';
import { diagnoseDemand, diagnoseResult, type InfeasibilityFinding } from './diagnose.js';
import { checkHighsOptions } from './mip/highs.js';
import { type MipLnsPlateau, mipLns } from './mip/lns.js';
import { mergedTrace, runPortfolio, winner } from './portfolio.js';
import { lateAcceptanceSearch, polishHard, reachedTarget, type SearchOutcome, type SearchProgress, type SearchSpace, type TracePoint } from './search.js';


/**
 * Default weight of one hard point in the search objective: far above any soft change one move makes,
 * so the search never trades legality for comfort (a weight near the soft scale let the sample
 * årsturnus keep weekend violations that fairness and hours made "cheaper" than fixing).
 */
const DEFAULT_HARD_WEIGHT = 1_000_000;
/** Default starting temperature of the annealing, in soft points. */
const DEFAULT_START_TEMPERATURE = 1000;

/** Options of {@link solve}. */
export interface SolveOptions {
  /** Stop after this many milliseconds (the best so far is returned). */
  timeLimitMs: number;
  /** Stop when the best has not improved for this long. */
  unimprovedTimeLimitMs?: number;
  /** Stop once the best is at least this good (e.g. a known optimum). */
  targetScore?: Score;
  /** Stop after this many move evaluations: with it, a run is exactly repeatable. */
  maxIterations?: number;
  /** PRNG seed: same seed, same input, same search path. */
  seed: number;
  /** Abort: resolves with the best so far within 100 ms. */
  signal?: AbortSignal;
  /** Called with the best so far about every `progressIntervalMs` (default 250). */
  onProgress?: (p: SearchProgress) => void;
  /** Progress interval, ms. */
  progressIntervalMs?: number;
  /** Cells fixed by the planner; never moved. */
  pinned?: readonly RotaCell[];
  /** A rota to start from (warm start); otherwise a greedy construction. */
  initial?: Pick<Rota, 'cells'>;
  /**
   * Grunnturnus (cyclic base rota): the problem's first `cycleWeeks` weeks are the pattern; the
   * rota is evaluated over the whole horizon with the pattern repeated, so rules hold across the wrap.
   */
  cycleWeeks?: number;
  /** Weight of one hard point against soft points in the search objective (default 10⁶). */
  hardWeight?: number;
  /** Late-acceptance list length (default 2000). */
  lateAcceptance?: number;
  /**
   * Acceptance: `annealing` (default) cools from `startTemperature` (default 1000 soft points) to
   * `endTemperature` over `cycleIterations` (default max(10^6, 100 × cells)) and reheats, by
   * iteration count so the path stays deterministic; `lateAcceptance` uses late-acceptance hill climbing.
   */
  acceptance?: 'annealing' | 'lateAcceptance';
  /** Annealing schedule. */
  annealing?: { startTemperature?: number; endTemperature?: number; cycleIterations?: number };
  /**
   * `auto` (default): after the local search, repair neighbourhoods exactly with a MIP (HiGHS) when
   * every rule kind has a MIP encoding and the run is bounded by time; `off`: local search only.
   */
  mip?: 'auto' | 'off';
  /**
   * `auto` (default): on a horizon of up to `columnGenerationMaxDays` days, when every rule can
   * be written as a row program (see docs/rota/CG.md: the per-employee rules as cell and pair costs,
   * bounded sums, runs and weekends; coverage across employees) and MIP repair runs, the start is built
   * by column generation and a dive instead of the construction and the local search, in up to
   * `columnGenerationShare` of the time; on a longer horizon, the MIP repairs are preceded by column
   * generation over windows of days (see `columnGenerationWindowShare`); `on`: the start so on any
   * horizon; `off`: neither.
   */
  columnGeneration?: 'auto' | 'on' | 'off';
  /**
   * Share of the time limit column generation may take (default 0.5; {@link COLUMN_GENERATION_LONG_SHARE}
   * on a horizon of more than {@link COLUMN_GENERATION_MAX_DAYS} days).
   */
  columnGenerationShare?: number;
  /**
   * When the local search's start still breaks hard rules of single employees (a run, a sum over the
   * horizon, the weekends), replace each such employee's row over a window around the break by the
   * cheapest legal one there, before the local search goes on to make the rota legal (phase
   * `rowRepair`, up to {@link ROW_REPAIR_SHARE} of the time left; see `repairRows`). Default true;
   * only on a clock-bounded run with MIP repairs, and only where the rules have row programs.
   */
  rowRepair?: boolean;
  /**
   * After its dive and a first master MIP, column generation adds every row within the gap to its root's
   * bound and solves the master MIP again; when that is complete it proves the rota optimal and `solve`
   * stops there (`stoppedBy: 'optimal'`), as it does when the root's bound meets the rota. Default
   * true; false skips both (see `columnGeneration`'s `enumerate`): the time left goes to the repairs.
   */
  columnGenerationEnumerate?: boolean;
  /**
   * With `columnGeneration: 'auto'`: the longest horizon on which the start comes from column
   * generation over the whole horizon; longer ones get the windows (default {@link COLUMN_GENERATION_MAX_DAYS},
   * or {@link COLUMN_GENERATION_LONG_MAX_DAYS} with a time limit of at least {@link COLUMN_GENERATION_LONG_MIN_MS}).
   */
  columnGenerationMaxDays?: number;
  /**
   * On a horizon longer than `columnGenerationMaxDays` (with `columnGeneration: 'auto'`; up to
   * {@link WINDOWS_MAX_EMPLOYEE_OPTIONS} employees × shift options):
   * share of the time left once the start is legal that column generation over windows of days takes
   * before the MIP repairs (default 0.7; 0: none). On a horizon of more than
   * {@link WINDOWS_AFTER_START_MIN_DAYS} days whose start came from column generation, the windows follow
   * that start too, with this share of the time left (default {@link WINDOWS_AFTER_START_SHARE}). See
   * docs/rota/CG.md.
   */
  columnGenerationWindowShare?: number;
  /**
   * Days per window to start with (default {@link COLUMN_GENERATION_WINDOW_DAYS}, or
   * {@link WINDOWS_AFTER_LONG_START_DAYS} after a start from column generation over more than
   * {@link COLUMN_GENERATION_MAX_DAYS} days; they grow after a sweep that finds nothing).
   */
  columnGenerationWindowDays?: number;
  /**
   * Share of those windows that are two halves far apart, so that a sum over the horizon can move
   * between them (default 0.75; see `ColumnGenerationWindowsOptions.pairShare`).
   */
  columnGenerationWindowPairShare?: number;
  /**
   * Share of the time limit for the local search before MIP repair (default 0.25; {@link WINDOWS_LOCAL_SEARCH_SHARE} when column generation over windows follows); the local search
   * then goes on to the end of the cooling cycle it is in (at most halfway through the time left).
   */
  localSearchShare?: number;
  /**
   * Free cells of a MIP repair's neighbourhood to start with, roughly (default 120; each shape's
   * budget then adapts, up to three times the start — see `MipLnsOptions.cellBudget`). Smaller
   * neighbourhoods gain sooner, larger ones reach further: on the sample årsturnus (52 weeks, 72
   * employees) at 60 s, 30 gave a soft score 1.6 % lower on average (better with 8 seeds of 10); on
   * Curtois Instance 23 (52 weeks, 100 employees) at 10 minutes 0.8 and 2.7 % higher (docs/rota/MIP.md).
   */
  mipCellBudget?: number;
  /**
   * HiGHS options (by their HiGHS names, e.g. `{ mip_heuristic_effort: 0.3 }`) for every MIP repair;
   * see docs/rota/MIP.md. Checked with HiGHS before the search starts: an unknown name, a wrong type
   * or value, or one the repair sets itself (`output_flag`, `log_to_console`, `time_limit`,
   * `mip_rel_gap`, `mip_abs_gap`, `objective_target`) ends in `OPTION_INVALID`.
   */
  highsOptions?: Readonly<Record<string, number | string | boolean>>;
  /** A custom rule catalogue (not with `workers` > 1: it holds functions, which cannot cross threads). */
  catalogue?: RuleCatalogue;
  /**
   * Independent searches to run as a portfolio in worker threads (default 1: this thread only).
   * Worker i uses seed `seed + i` (only worker 0 runs column generation); the best rota wins (lowest worker index on a tie), so a run is
   * deterministic for a given seed and worker count when bounded by `maxIterations`. Progress
   * reports the best over all workers. See docs/rota/OPTIMIZER.md for what it gains on 2 cores.
   */
  workers?: number;
  /** KPI options for the final analysis. */
  kpi?: KpiOptions;
}

/**
 * Longest horizon (12 weeks) on which `solve` builds its start by column generation over the whole
 * horizon by default in runs shorter than {@link COLUMN_GENERATION_LONG_MIN_MS} (from then on,
 * {@link COLUMN_GENERATION_LONG_MAX_DAYS}); longer ones get column generation over windows after the
 * local search's start.
 * The pricer's time grows fast with the horizon (one employee's rows, Curtois & Qu: about 8 ms on 28
 * days, 60 ms on 56, 130 ms on 84, 0.8 s on 182 and 5.7 s on 364 days). On Curtois Instance 18 (84
 * days) at 10 min the whole horizon's start, with the windows after it, ended at 4471 (the best known
 * is 4459) where the local search's start and the windows ended at 4763 (2026-12-07, with 56 days the
 * limit; docs/rota/OPTIMIZER.md, "Column generation over twelve weeks"); on 16 and 17 (56 days) the
 * whole horizon reaches the best known. `columnGeneration: 'on'` tries the whole horizon on any horizon.
 */
export const COLUMN_GENERATION_MAX_DAYS = 84;

/**
 * Longest horizon (26 weeks) on which `solve` builds its start by column generation over the whole
 * horizon when the time limit is at least {@link COLUMN_GENERATION_LONG_MIN_MS}. On Curtois Instance
 * 20 (182 days, 50 employees) the root does not converge in its share (the LP at 5979 after 160 s; the
 * best known is 4769) and the dive's rota is poor (24 500–44 200), but the windows from it end far lower
 * than from the local search's start: with the defaults that go with it, 5534 and 5594 against 6018 at
 * 2 min, 5306 against 5367 at 5 min, and at 10 min 4862–4879 (seeds 1–3) against 5062–5481 in earlier
 * runs (2026-12-07, docs/rota/OPTIMIZER.md, "Column generation over half a year"). At 1 min it is worse
 * (10 394 against 6822): the first pricing of every employee alone takes about 6 s there.
 */
export const COLUMN_GENERATION_LONG_MAX_DAYS = 182;

/** Time limit from which {@link COLUMN_GENERATION_LONG_MAX_DAYS} is the default `columnGenerationMaxDays` (2 min). */
export const COLUMN_GENERATION_LONG_MIN_MS = 120_000;

/**
 * Default `columnGenerationShare` on a horizon of more than {@link COLUMN_GENERATION_MAX_DAYS} days: the
 * root does not converge there anyway, and the windows after it gain more from the time. On Curtois
 * Instance 20 at 10 min (`pnpm bench:curtois --instances 20 --time-limit 600`, seeds 1 and 2, side by
 * side): 4862 and 4874 with 0.35 against 5032 and 4896 with 0.5.
 */
export const COLUMN_GENERATION_LONG_SHARE = 0.35;

/**
 * Days per window to start with after a start from column generation over more than
 * {@link COLUMN_GENERATION_MAX_DAYS} days (four weeks; {@link COLUMN_GENERATION_WINDOW_DAYS} otherwise). On
 * Curtois Instance 20 at 10 min, one run each: 4945 with windows of 14 days, 4900 with 21, 4861 with
 * 28, 4906 with 42 and 4896 with 56.
 */
export const WINDOWS_AFTER_LONG_START_DAYS = 28;

/**
 * Days per window of the column generation over windows, to start with (two weeks): on Curtois
 * Instance 22 (50 employees, 10 shift types) a window of 14 days converges its root in about 2 s, one
 * of 28 days has not in 12 s.
 */
export const COLUMN_GENERATION_WINDOW_DAYS = 14;

/**
 * The local search's share of the time (`localSearchShare`) when column generation over windows
 * follows: it only builds their start (on Curtois Instances 20 and 22 at 10 min, 0.05 with the windows
 * at 0.7 of the rest gave 5151 and 37884 against 5351 and 39200 with 0.25 and 0.5).
 */
export const WINDOWS_LOCAL_SEARCH_SHARE = 0.05;

/**
 * Largest problem, in employees × shift options, on which `solve` runs column generation over
 * windows by default: on Curtois Instance 23 (100 employees × 16 options) a two-week window's root
 * takes about 4 s and its dive as much again, and two 10-minute runs with the windows ended at 28558
 * and 33166 against 26967 without them; Instance 22 (50 × 10) gains from them.
 */
export const WINDOWS_MAX_EMPLOYEE_OPTIONS = 800;

/**
 * Horizons longer than this many days (and up to `columnGenerationMaxDays`) run the windows after the
 * start from column generation too: on Curtois Instance 14 (42 days) at 10 min, side by side, 1298
 * with them against 1413 without. On four weeks the start and the MIP repairs are left as they were.
 */
export const WINDOWS_AFTER_START_MIN_DAYS = 28;

/**
 * Share of the time left after a start from column generation that the windows take (see
 * {@link WINDOWS_AFTER_START_MIN_DAYS}). On Curtois Instance 14 at 10 min: 1284, 1289 and 1290 with
 * seeds 1–3 at 0.7 (all within 1 % of the best known, 1278), 1289 at 0.5, 1298 and 1295 (seeds 1, 2)
 * at 0.3; Instances 16 and 17 (56 days) still reach the best known at 0.7 (at 182 and 196 s).
 */
export const WINDOWS_AFTER_START_SHARE = 0.7;

/**
 * Share of the time left that one cooling cycle of the `legalize` phase (the local search on from an
 * illegal best until it is legal) may take, at the speed the local search had; the usual cycle
 * (`annealing.cycleIterations`) when that is shorter. Once legal, the phase cools to the end of its
 * cycle: with the usual 2.6 M moves on the sample årsturnus that took all of the time left, and the
 * MIP repairs never ran (see docs/rota/OPTIMIZER.md, "Phases").
 */
export const LEGALIZE_CYCLE_SHARE = 0.25;

/**
 * Share of the time left that the `rowRepair` phase may take (it ends sooner once no break it can
 * mend is left): on Curtois Instance 22 it took the local search's rota from 125 hard points to 4 in
 * about 30 s, where the local search alone took over 300 s to make it legal.
 */
export const ROW_REPAIR_SHARE = 0.5;

/** Longest the exhaustive repair's descent runs after `rowRepair` when hard points are left (milliseconds; at most a twentieth of the time left). */
const ROW_REPAIR_POLISH_MS = 10_000;

/**
 * Share of the MIP repairs' time after which, without a strict improvement, they go back to column
 * generation's rota and search again (`MipLnsOptions.restartAfterMs`; only when no windows follow that
 * start: four weeks and less, or too many employees × options for the windows). The repairs from a
 * start far from the optimum can end in a rota no neighbourhood leaves: Curtois Instance 8 ended at
 * 1406–1410 in about a third of the 60-s runs (docs/rota/OPTIMIZER.md, "A restart when the MIP repairs
 * stall").
 */
export const MIP_RESTART_SHARE = 0.3;

/**
 * Share of the time left after column generation's start that the `branchAndPrice` phase has (with the
 * last tenth, which the repairs then leave to it): column generation's root, kept, is searched again by
 * branch and price on cells with the MIP repairs' best as the rota to beat, which drops every node
 * whose bound is not below it. Only over rows it branches on by default (four weeks and less,
 * `CELL_DIVE_MAX_DAYS`), when the root converged, and when the repairs' best is within
 * {@link BRANCH_AFTER_REPAIRS_MAX_GAP} of the root's bound.
 * Curtois Instance 6 (root bound 1949, optimum 1950): from a rota of 1951 it found 1950 and proved it
 * optimal in 5.5 s (docs/rota/OPTIMIZER.md, "Branch and price after the repairs").
 */
export const BRANCH_AFTER_REPAIRS_SHARE = 0.15;

/**
 * The `branchAndPrice` phase runs when the repairs' best is within this share of the root's bound
 * (else the repairs go on): Curtois Instance 9's bound (406) is 8 % below its optimum (439), and ten
 * seconds of nodes found nothing there.
 */
export const BRANCH_AFTER_REPAIRS_MAX_GAP = 0.01;

/**
 * Milliseconds without a gain after which the MIP repairs, with column generation's root kept and their
 * best within {@link BRANCH_ON_PLATEAU_MAX_GAP} of its bound, search it by branch and price with their
 * best as the rota to beat (for {@link BRANCH_ON_PLATEAU_SHARE} of their time left), as the
 * `branchAndPrice` phase does at their end; once per plateau.
 */
export const BRANCH_ON_PLATEAU_MS = 5000;

/**
 * A branch and price on the repairs' plateau (see {@link BRANCH_ON_PLATEAU_MS}) runs only when their best
 * is within this share of the root's bound.
 */
export const BRANCH_ON_PLATEAU_MAX_GAP = 0.0025;

/** Share of the MIP repairs' time left that a branch and price on their plateau has (see {@link BRANCH_ON_PLATEAU_MS}). */
export const BRANCH_ON_PLATEAU_SHARE = 0.4;

/** Milliseconds the `branchAndPrice` phase leaves at the end of the run (the evaluation of the best rota follows). */
const BRANCH_AFTER_REPAIRS_RESERVE_MS = 300;

/** Fewest moves in one cooling cycle of the `legalize` phase (see {@link LEGALIZE_CYCLE_SHARE}). */
export const LEGALIZE_MIN_CYCLE = 100_000;

/** Horizons from this many days (26 weeks) on get {@link LONG_HORIZON_HIGHS_OPTIONS}. */
export const LONG_HORIZON_DAYS = 182;

/**
 * HiGHS options of the MIP repairs on long horizons (half a year and more): five times HiGHS's
 * default effort on primal heuristics (0.05). Measured better in every run on Curtois Instances 20, 22
 * and 23 (1.2–7 % at 10 min, eight runs), worse on Instance 18 (84 days) and on two of the 28-day
 * Instances at 60 s, whose repairs mostly end optimal anyway; see docs/rota/MIP.md. `highsOptions`
 * overrides it.
 */
export const LONG_HORIZON_HIGHS_OPTIONS: Readonly<Record<string, number>> = Object.freeze({ mip_heuristic_effort: 0.3 });

/** The HiGHS options `solve` gives its MIP repairs on a horizon of `days`: the long-horizon defaults, then the caller's. */
export function repairHighsOptions(days: number, own?: Readonly<Record<string, number | string | boolean>>): Record<string, number | string | boolean> {
  return { ...(days >= LONG_HORIZON_DAYS ? LONG_HORIZON_HIGHS_OPTIONS : {}), ...own };
}

/**
 * The phases of {@link solve}, in the order they can run:
 * - `construction`: the greedy start guided by the rules (not with `initial`);
 * - `columnGeneration`: the start by column generation over the whole horizon (`columnGeneration`);
 * - `localSearch`: the local search (simulated annealing or late acceptance) from the start, and on
 *   from the best when a MIP repair cannot run (a rule without encoding);
 * - `rowRepair`: an illegal best's broken runs and sums of single employees mended by a legal row over
 *   a window around each (`rowRepair`);
 * - `legalize`: the local search on from an illegal best until it is legal, before the windows and
 *   MIP repairs (which keep hard rules hard);
 * - `windows`: column generation over windows of days (`columnGenerationWindowShare`);
 * - `mipRepair`: the large-neighbourhood search of MIP repairs (`mip`);
 * - `branchAndPrice`: after a start by column generation on rows it can branch on, its kept root
 *   searched again by branch and price with the repairs' best as the rota to beat
 *   ({@link BRANCH_AFTER_REPAIRS_SHARE});
 * - `hardRepair`: the exhaustive repair of hard rules still broken in the last tenth;
 * - `finalSearch`: the local search from the best for the time left;
 * - `portfolio`: with `workers` > 1, the whole run of the workers (the phases of the best one follow).
 */
export type SolvePhaseName = 'construction' | 'columnGeneration' | 'localSearch' | 'rowRepair' | 'legalize' | 'windows' | 'mipRepair' | 'branchAndPrice' | 'hardRepair' | 'finalSearch' | 'portfolio';

/** One phase that ran in {@link solve}: when, and the best score before and after it. */
export interface SolvePhase {
  /** Which phase (see {@link SolvePhaseName}). */
  name: SolvePhaseName;
  /** Milliseconds since the start of `solve` when it began. */
  startMs: number;
  /** Milliseconds since the start of `solve` when it ended. */
  endMs: number;
  /** The best score when it began (for `construction` and `columnGeneration`: the score of what they start from). */
  before: Score;
  /** The best score when it ended: no worse than `before`, except a construction's or column generation's own start. */
  after: Score;
}

/** The result of {@link solve}. */
export interface SolveResult {
  /** The best rota found (for a cyclic rota: the whole horizon, the pattern repeated). */
  rota: Rota;
  /** Its score, equal to a fresh full evaluation. */
  score: Score;
  /** True when no hard rule is broken. */
  feasible: boolean;
  /** The evaluator's full analysis of the rota: violations explained, KPIs. */
  evaluation: Evaluation;
  /** Best score over time. */
  trace: TracePoint[];
  /**
   * What ran, in order, with its time and the best score before and after (with `workers` > 1: a
   * `portfolio` phase, then the phases of the worker whose rota won). Shows where the time went, e.g.
   * how long the local search took to become legal before the repairs could start.
   */
  phases: SolvePhase[];
  /** Move evaluations done. */
  iterations: number;
  /**
   * Why the search stopped; `optimal` when the rota is proven optimal — column generation's bound met
   * (`columnGenerationEnumerate`), or a MIP repair of the whole problem ended optimal in HiGHS (on small
   * problems, see `mipLns`'s `wholeProblemGap`): no rota scores better under these rules, so the rest
   * of the time is not spent.
   */
  stoppedBy: 'time' | 'unimproved' | 'target' | 'iterations' | 'abort' | 'optimal';
  /** Why the rota is not legal, as far as can be found (empty when feasible). */
  diagnosis: InfeasibilityFinding[];
  /** Milliseconds spent. */
  elapsedMs: number;
}

/**
 * Find a good rota for a problem under rules: the same rules as `evaluate` (one definition of
 * legal). Anytime (progress callbacks with the best so far), deterministic for a seed, stops within
 * 100 ms of an abort, never moves pinned cells, and ends with a diagnosis when no legal rota is found.
 */
export async function solve(problem: Problem, rules: readonly RuleInput[], options: SolveOptions): Promise<SolveResult> {
  const t0 = performance.now();
  const cycleDays = options.cycleWeeks !== undefined ? options.cycleWeeks * 7 : undefined;
  if (cycleDays !== undefined && (cycleDays > problem.horizon.days || problem.horizon.days % cycleDays !== 0)) {
    throw new RotaError('PROBLEM_INVALID', `cycleWeeks ${options.cycleWeeks} must divide the horizon of ${problem.horizon.days} days`);
  }
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new RotaError('OPTION_INVALID', `solve: workers must be an integer from 1 to 64, got ${workers}`);
  if (options.highsOptions !== undefined) {
    const problems = await checkHighsOptions(options.highsOptions);
    if (problems.length > 0) throw new RotaError('OPTION_INVALID', `solve: highsOptions: ${problems.join('; ')}`);
  }
  if (options.mipCellBudget !== undefined && !(options.mipCellBudget >= 1 && Number.isFinite(options.mipCellBudget))) {
    throw new RotaError('OPTION_INVALID', `solve: mipCellBudget must be a number of cells ≥ 1, got ${options.mipCellBudget}`);
  }
  const windowShare = options.columnGenerationWindowShare ?? 0.7;
  if (!(windowShare >= 0 && windowShare <= 1)) throw new RotaError('OPTION_INVALID', `solve: columnGenerationWindowShare must be in [0, 1], got ${windowShare}`);
  const pairShare = options.columnGenerationWindowPairShare;
  const windowProblem = windowOptionProblem(
    { windowDays: options.columnGenerationWindowDays, pairShare },
    { windowDays: 'columnGenerationWindowDays', pairShare: 'columnGenerationWindowPairShare', windowTimeMs: 'windowTimeMs' },
  );
  if (windowProblem) throw new RotaError('OPTION_INVALID', `solve: ${windowProblem}`);
  const maxDays = options.columnGenerationMaxDays;
  if (maxDays !== undefined && !(maxDays >= 0)) throw new RotaError('OPTION_INVALID', `solve: columnGenerationMaxDays must be a number of days ≥ 0, got ${maxDays}`);
  const model = compileProblem(problem, options.pinned ? { pinned: options.pinned } : {});
  const compiled = compileRules(model, rules, options.catalogue);
  if (workers > 1) {
    const outcomes = await runPortfolio(problem, rules, options, workers, t0);
    const w = winner(outcomes);
    const best = assignmentFromRota(model, { cells: outcomes[w]!.cells });
    const outcome: SolveOutcome = {
      best,
      bestScore: outcomes[w]!.score,
      trace: mergedTrace(outcomes),
      iterations: outcomes.reduce((s, o) => s + o.iterations, 0),
      stoppedBy: outcomes[w]!.stoppedBy,
    };
    const log = new PhaseLog(t0);
    log.phases.push(
      { name: 'portfolio', startMs: 0, endMs: performance.now() - t0, before: outcomes[w]!.phases[0]?.before ?? outcomes[w]!.score, after: outcomes[w]!.score },
      ...outcomes[w]!.phases,
    );
    return finish(model, compiled, best, outcome, options, t0, cycleDays, log);
  }
  const baseDays = cycleDays ?? model.days;
  const copies = model.days / baseDays;
  const space = searchSpace(model, compiled, baseDays, copies);

  let start = pinnedStart(model);
  if (options.initial) {
    const warm = assignmentFromRota(model, options.initial);
    start = Int16Array.from(warm, (v, k) => (model.pinned[k] !== NOT_PINNED ? model.pinned[k]! : model.available[k] ? v : OFF));
  }
  if (copies > 1) mirror(start, model, baseDays, copies);

  const inc = new IncrementalEvaluator(model, compiled, start);
  const hardWeight = options.hardWeight ?? DEFAULT_HARD_WEIGHT;
  // Without a warm start: a construction guided by the rules themselves (for a grunnturnus, of the
  // base weeks, each copy written as it goes).
  const log = new PhaseLog(t0);
  if (!options.initial) {
    log.begin('construction', inc.score);
    constructGuided(model, fixedCells(model), inc, hardWeight, { baseDays, copies });
    log.end(inc.score);
  }
  // Exact repair needs a clock-bounded run of one copy; a run bounded by iterations stays repeatable.
  const useMip = (options.mip ?? 'auto') === 'auto' && copies === 1 && options.maxIterations === undefined;
  const cg = options.columnGeneration ?? 'auto';
  const cgMaxDays = options.columnGenerationMaxDays ?? (options.timeLimitMs >= COLUMN_GENERATION_LONG_MIN_MS ? COLUMN_GENERATION_LONG_MAX_DAYS : COLUMN_GENERATION_MAX_DAYS);
  // Whether the rules have row programs (a one-day window tells, cheaply; asked once).
  let rowsOk: boolean | undefined;
  const hasRowPrograms = () => (rowsOk ??= rowPrograms(model, compiled, { base: new Int16Array(model.employees * model.days).fill(OFF), fromDay: 0, toDay: 0 }).ok);
  // Column generation over windows follows the start on a long horizon when the rules have row
  // programs; the local search then only builds a start for them.
  const useWindows =
    useMip &&
    cg === 'auto' &&
    !options.initial &&
    model.days > cgMaxDays &&
    windowShare > 0 &&
    model.employees * model.options <= WINDOWS_MAX_EMPLOYEE_OPTIONS &&
    hasRowPrograms();
  const lsShare = useMip ? (options.localSearchShare ?? (useWindows ? WINDOWS_LOCAL_SEARCH_SHARE : 0.25)) : 1;
  const cycleIterations = options.annealing?.cycleIterations ?? Math.max(1_000_000, 100 * model.employees * baseDays);
  const search = (timeLimitMs: number, seed: number, target: Score | undefined = options.targetScore, coolAfterTarget = false, coolAfterMs?: number, cycle = cycleIterations) =>
    lateAcceptanceSearch(inc, space, {
      timeLimitMs,
      ...(coolAfterTarget ? { coolAfterTarget } : {}),
      ...(coolAfterMs !== undefined ? { coolAfterMs } : {}),
      ...(options.unimprovedTimeLimitMs !== undefined ? { unimprovedTimeLimitMs: options.unimprovedTimeLimitMs } : {}),
      ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
      ...(target !== undefined ? { targetScore: target } : {}),
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
      ...(options.onProgress !== undefined
        ? { onProgress: (p: SearchProgress) => options.onProgress!({ ...p, elapsedMs: performance.now() - t0, fraction: Math.min(1, (performance.now() - t0) / options.timeLimitMs) }) }
        : {}),
      ...((options.acceptance ?? 'annealing') === 'annealing'
        ? {
            annealing: {
              startTemperature: options.annealing?.startTemperature ?? DEFAULT_START_TEMPERATURE,
              endTemperature: options.annealing?.endTemperature ?? DEFAULT_START_TEMPERATURE / 200,
              cycleIterations: cycle,
            },
          }
        : {}),
      seed,
      hardWeight,
      lateAcceptance: options.lateAcceptance ?? 2000,
      progressIntervalMs: options.progressIntervalMs ?? 250,
    });
  // A clock-bounded run keeps its last tenth for the exhaustive repair of hard rules still broken.
  const polishable = options.maxIterations === undefined;
  const mainLimitMs = polishable ? options.timeLimitMs * 0.9 : options.timeLimitMs;
  // With MIP repair to follow, the local search's share ends at the end of the cooling cycle it is in
  // (at most halfway through the rest of the time): the repairs start from a cold rota, not from
  // wherever the temperature was (on the sample årsturnus in 60 s, seeds 1–4: 17464 on average against
  // 21290 when cut at 25 %, docs/rota/OPTIMIZER.md).
  const lsMs = mainLimitMs * lsShare - (performance.now() - t0);
  const cools = useMip && (options.acceptance ?? 'annealing') === 'annealing';
  // Column generation, where the rules allow it, builds a start close to the LP's bound; the MIP
  // repairs go on from it (the local search would first undo it while hot).
  const tryCg = useMip && !options.initial && (cg === 'on' || (cg === 'auto' && model.days <= cgMaxDays));
  if (tryCg) log.begin('columnGeneration', inc.score);
  const generated = tryCg ? await generatedStart(model, compiled, inc, options, t0, mainLimitMs) : undefined;
  if (tryCg) log.end(generated?.bestScore ?? inc.score);
  // Column generation's root, kept for the branch and price after the repairs; released at the end whatever happens.
  const kept = generated?.resume;
  try {
    if (!generated) log.begin('localSearch', inc.score);
    const outcome: SolveOutcome =
      generated ?? (cools ? await search(lsMs + (mainLimitMs - lsMs) / 2, options.seed, options.targetScore, false, lsMs) : await search(lsMs, options.seed));
    if (!generated) log.end(outcome.bestScore);
    let best: Int16Array = new Int16Array(model.employees * model.days);
    for (let e = 0; e < model.employees; e++) for (let d = 0; d < model.days; d++) best[e * model.days + d] = outcome.best[e * baseDays + (d % baseDays)]!;
    const left = () => mainLimitMs - (performance.now() - t0);
    /** Search on from `best` for `ms`; the trace, the moves and (if better) the best are added to the outcome. */
    const continueSearch = async (ms: number, seed: number, target?: Score, coolAfterTarget = false, cycle = cycleIterations) => {
      for (let e = 0; e < model.employees; e++) for (let d = 0; d < model.days; d++) inc.set(e, d, best[e * model.days + d]!);
      const offset = performance.now() - t0;
      const more = await search(ms, seed, target, coolAfterTarget, undefined, cycle);
      if (compareScores(more.bestScore, outcome.bestScore) < 0) {
        for (let e = 0; e < model.employees; e++) for (let d = 0; d < model.days; d++) best[e * model.days + d] = more.best[e * baseDays + (d % baseDays)]!;
        outcome.bestScore = more.bestScore;
      }
      outcome.trace.push(...more.trace.slice(1).map((p) => ({ ...p, ms: p.ms + offset, iteration: p.iteration + outcome.iterations })));
      outcome.iterations += more.iterations;
      return more;
    };
    if (useMip && (options.rowRepair ?? true) && outcome.bestScore.hard > 0 && !generated && (outcome.stoppedBy === 'time' || outcome.stoppedBy === 'unimproved') && left() > 200 && hasRowPrograms()) {
      // The hard rules an employee breaks alone: their row over a window, the cheapest legal one there
      // (the local search's single cells mend a year's broken runs slowly, see repairRows). Without its
      // sweeps: on Curtois Instance 23 they took 197 s for what the MIP repairs do sooner (28347 at
      // 10 minutes against 26293), on 22 they changed nothing (39426 against 38968).
      log.begin('rowRepair', outcome.bestScore);
      const repaired = await withProgress(options, t0, outcome, (onImprove) =>
        repairRows(model, compiled, best, {
          timeLimitMs: left() * ROW_REPAIR_SHARE,
          hardWeight,
          seed: options.seed,
          ...(options.signal !== undefined ? { signal: options.signal } : {}),
          onImprove,
        }),
      );
      if (!repaired.declined && compareScores(repaired.score, outcome.bestScore) < 0) {
        best = Int16Array.from(repaired.assignment);
        outcome.bestScore = repaired.score;
      }
      // A few hard points left: the exhaustive repair's cold descent first (the local search of
      // `legalize` starts hot: on Instance 22 it took 2 hard points left to 0, and the soft ones from
      // 54198 to 66307).
      if (outcome.bestScore.hard > 0 && left() > 200 && !options.signal?.aborted) {
        for (let e = 0; e < model.employees; e++) for (let d = 0; d < model.days; d++) inc.set(e, d, best[e * model.days + d]!);
        if (polishHard(inc, space, hardWeight, performance.now() + Math.min(ROW_REPAIR_POLISH_MS, left() * 0.05)) > 0 && compareScores(inc.score, outcome.bestScore) < 0) {
          best = Int16Array.from(inc.assignment);
          outcome.bestScore = inc.score;
          outcome.trace.push({ ms: performance.now() - t0, iteration: outcome.iterations, hard: inc.hard, soft: inc.soft });
        }
      }
      log.end(outcome.bestScore);
      if (options.signal?.aborted) outcome.stoppedBy = 'abort';
    }
    if (useMip && outcome.bestScore.hard > 0 && (outcome.stoppedBy === 'time' || outcome.stoppedBy === 'unimproved') && left() > 200) {
      // MIP repair keeps the hard rules hard, so it cannot start from an illegal rota: search on until legal.
      // On to the end of the cooling cycle in which it became legal: the repairs start from a cold rota.
      log.begin('legalize', outcome.bestScore);
      // Its cooling cycles fit in a share of the time left at the speed the local search had, so that
      // the cool-down once legal leaves time for the repairs (on a long run: the usual cycles).
      const speed = outcome.iterations / Math.max(1, performance.now() - t0);
      const fitted = Math.min(cycleIterations, Math.max(LEGALIZE_MIN_CYCLE, Math.round(speed * left() * LEGALIZE_CYCLE_SHARE)));
      const more = await continueSearch(left(), options.seed + 3, { hard: 0, soft: Number.POSITIVE_INFINITY }, true, fitted);
      log.end(outcome.bestScore);
      if (more.stoppedBy === 'abort') outcome.stoppedBy = 'abort';
    }
    // On a long horizon, column generation over windows of days (whole windows of everyone's rows), from
    // the legal rota. (A window mends hard rules broken within it, but not a sum over the year that no
    // one window can make up: on Curtois Instance 22, windows from the local search's rota at hard 192
    // still broke 130 hard points after 4 minutes, where the local search is legal in 3.)
    // After a start from column generation on more than four weeks, the windows too (that start is
    // legal): the MIP repairs on their own stall where the windows still find better rotas (Curtois
    // Instance 14: 1339 after a minute without a repair improving; windows reached 1301 in 45 s).
    const afterStart =
      generated !== undefined && model.days > WINDOWS_AFTER_START_MIN_DAYS && model.employees * model.options <= WINDOWS_MAX_EMPLOYEE_OPTIONS;
    const shareOfLeft = useWindows ? windowShare : afterStart ? (options.columnGenerationWindowShare ?? WINDOWS_AFTER_START_SHARE) : 0;
    if (shareOfLeft > 0 && outcome.bestScore.hard === 0 && (outcome.stoppedBy === 'time' || outcome.stoppedBy === 'unimproved') && left() > 200) {
      log.begin('windows', outcome.bestScore);
      try {
        const windows = await withProgress(options, t0, outcome, (onImprove) => columnGenerationWindows(model, compiled, best, {
          timeLimitMs: left() * shareOfLeft,
          windowDays: options.columnGenerationWindowDays ?? (afterStart && model.days > COLUMN_GENERATION_MAX_DAYS ? WINDOWS_AFTER_LONG_START_DAYS : COLUMN_GENERATION_WINDOW_DAYS),
          ...(pairShare !== undefined ? { pairShare } : {}),
          seed: options.seed,
          ...(options.signal !== undefined ? { signal: options.signal } : {}),
          ...(options.targetScore !== undefined ? { targetScore: options.targetScore } : {}),
          onImprove,
        }));
        if (compareScores(windows.score, outcome.bestScore) < 0) {
          best = Int16Array.from(windows.assignment);
          outcome.bestScore = windows.score;
          if (reachedTarget(windows.score, options.targetScore)) outcome.stoppedBy = 'target';
        }
        if (options.signal?.aborted) outcome.stoppedBy = 'abort';
      } finally {
        log.end(outcome.bestScore);
      }
    }
    // With column generation's root kept: on a plateau of the repairs close to its bound, a branch and
    // price with their best as the rota to beat (see BRANCH_ON_PLATEAU_MS).
    const plateau: MipLnsPlateau | undefined =
      kept
        ? {
            afterMs: BRANCH_ON_PLATEAU_MS,
            run: async (a, score, leftMs) => {
              if (score.hard > 0 || score.soft - kept.lowerBound > BRANCH_ON_PLATEAU_MAX_GAP * Math.max(1, Math.abs(score.soft))) return { complete: false };
              const out = await kept.branch({ timeLimitMs: leftMs * BRANCH_ON_PLATEAU_SHARE, cutoff: score.soft, start: a, ...(options.signal !== undefined ? { signal: options.signal } : {}) });
              if (!out.assignment) return { complete: out.complete };
              // Complete only when the evaluator agrees on the value of the rota it found.
              const s = new IncrementalEvaluator(model, compiled, out.assignment).score;
              return { assignment: out.assignment, complete: out.complete && s.hard === 0 && s.soft <= (out.value ?? Number.NEGATIVE_INFINITY) + 1e-6 };
            },
          }
        : undefined;
    /** MIP repairs from the best for `ms` (and `extraMs` more while they improve), a phase; false when they declined. */
    const repairs = async (ms: number, extraMs: number, restartAfterMs?: number): Promise<boolean> => {
      log.begin('mipRepair', outcome.bestScore);
      const lns = await withProgress(options, t0, outcome, (onImprove) =>
        mipLns(model, compiled, best, {
          ...(options.mipCellBudget !== undefined ? { cellBudget: options.mipCellBudget } : {}),
          timeLimitMs: ms,
          extraTimeMs: extraMs,
          stallMs: options.timeLimitMs * 0.05,
          ...(restartAfterMs !== undefined ? { restartAfterMs } : {}),
          ...(plateau !== undefined ? { onPlateau: plateau } : {}),
          seed: options.seed,
          highsOptions: repairHighsOptions(model.days, options.highsOptions),
          ...(options.signal !== undefined ? { signal: options.signal } : {}),
          ...(options.targetScore !== undefined ? { targetScore: options.targetScore } : {}),
          onImprove,
        }),
      );
      if (lns.declined) return false;
      if (compareScores(lns.score, outcome.bestScore) <= 0) {
        best = Int16Array.from(lns.assignment);
        outcome.bestScore = lns.score;
      }
      outcome.stoppedBy = options.signal?.aborted ? 'abort' : lns.optimal ? 'optimal' : reachedTarget(outcome.bestScore, options.targetScore) ? 'target' : 'time';
      log.end(outcome.bestScore);
      return true;
    };
    // The last tenth is kept for hard repair and the local search; a legal rota needs no repair, so the
    // MIP search goes on into it for as long as it still improves (on long horizons it gains to the end,
    // where the local search from its best found nothing).
    const lastTenth = polishable ? options.timeLimitMs - mainLimitMs : 0;
    if (useMip && outcome.bestScore.hard === 0 && (outcome.stoppedBy === 'time' || outcome.stoppedBy === 'unimproved') && left() > 200) {
      // With column generation's root kept, a share of the time and the last tenth are the branch and
      // price's when the repairs end close to its bound (see BRANCH_AFTER_REPAIRS_SHARE); from column
      // generation's rota with no windows after it, back to that rota when the repairs stall (see
      // MIP_RESTART_SHARE).
      const restart = generated !== undefined && shareOfLeft === 0 ? left() * MIP_RESTART_SHARE : undefined;
      if (!(await repairs(left() * (kept ? 1 - BRANCH_AFTER_REPAIRS_SHARE : 1), kept ? 0 : lastTenth, restart))) {
        // The rules have a kind without a MIP encoding: give the rest of the time to the local search.
        log.begin('localSearch', outcome.bestScore);
        outcome.stoppedBy = (await continueSearch(left(), options.seed + 1)).stoppedBy;
        log.end(outcome.bestScore);
      } else if (kept && outcome.stoppedBy === 'time' && !options.signal?.aborted) {
        // Branch and price from column generation's root with the repairs' best as the rota to beat (to
        // the end of the run, the last tenth included), when that best is close to the root's bound;
        // else the repairs go on.
        const until = t0 + options.timeLimitMs - BRANCH_AFTER_REPAIRS_RESERVE_MS;
        const soft = outcome.bestScore.soft;
        if (soft - kept.lowerBound <= BRANCH_AFTER_REPAIRS_MAX_GAP * Math.max(1, Math.abs(soft)) && until - performance.now() > 100) {
          log.begin('branchAndPrice', outcome.bestScore);
          const searched = await withProgress(options, t0, outcome, async (onImprove) => {
            const out = await kept.branch({ timeLimitMs: until - performance.now(), cutoff: soft, start: best, ...(options.signal !== undefined ? { signal: options.signal } : {}) });
            if (out.assignment) {
              for (let e = 0; e < model.employees; e++) for (let d = 0; d < model.days; d++) inc.set(e, d, out.assignment[e * model.days + d]!);
              // The evaluator decides (the master's value is the soft score where it encodes every rule exactly).
              if (inc.hard === 0 && compareScores(inc.score, outcome.bestScore) < 0) {
                best = Int16Array.from(inc.assignment);
                outcome.bestScore = inc.score;
                onImprove(best, inc.score);
              }
            }
            return out;
          });
          // Every node searched: no rota of the master is below the best (the evaluator agreeing on its value).
          if (searched.complete && outcome.bestScore.soft <= (searched.value ?? soft) + 1e-6) outcome.stoppedBy = 'optimal';
          else if (reachedTarget(outcome.bestScore, options.targetScore)) outcome.stoppedBy = 'target';
          if (options.signal?.aborted) outcome.stoppedBy = 'abort';
          log.end(outcome.bestScore);
        } else if (left() > 200) await repairs(left(), lastTenth);
      }
    }
    if (polishable && !options.signal?.aborted && outcome.stoppedBy !== 'target' && outcome.stoppedBy !== 'optimal') {
      // The last tenth: if the best still breaks a hard rule, repair it exhaustively (polishHard), then
      // search on from the best for the time left.
      const deadline = t0 + options.timeLimitMs;
      if (outcome.bestScore.hard > 0) {
        log.begin('hardRepair', outcome.bestScore);
        for (let e = 0; e < model.employees; e++) for (let d = 0; d < model.days; d++) inc.set(e, d, best[e * model.days + d]!);
        if (polishHard(inc, space, hardWeight, deadline) > 0 && compareScores(inc.score, outcome.bestScore) < 0) {
          best = Int16Array.from(inc.assignment);
          outcome.bestScore = inc.score;
          outcome.trace.push({ ms: performance.now() - t0, iteration: outcome.iterations, hard: inc.hard, soft: inc.soft });
        }
        log.end(outcome.bestScore);
      }
      if (deadline - performance.now() > 200 && !options.signal?.aborted) {
        log.begin('finalSearch', outcome.bestScore);
        const more = await continueSearch(deadline - performance.now(), options.seed + 2);
        log.end(outcome.bestScore);
        if (more.stoppedBy === 'abort' || more.stoppedBy === 'target') outcome.stoppedBy = more.stoppedBy;
      }
    }
    return finish(model, compiled, best, outcome, options, t0, cycleDays, log);
  } finally {
    kept?.release();
  }
}

/**
 * The start by column generation (see `SolveOptions.columnGeneration`), as a search outcome; undefined
 * when the rules do not allow it or the rota it builds is not legal under a fresh evaluation.
 */
async function generatedStart(
  model: CompiledProblem,
  compiled: readonly CompiledRule[],
  inc: IncrementalEvaluator,
  options: SolveOptions,
  t0: number,
  mainLimitMs: number,
): Promise<(SolveOutcome & { resume?: ColumnGenerationResume }) | undefined> {
  const share = options.columnGenerationShare ?? (model.days > COLUMN_GENERATION_MAX_DAYS ? COLUMN_GENERATION_LONG_SHARE : 0.5);
  if (!(share > 0 && share <= 1)) throw new RotaError('OPTION_INVALID', `solve: columnGenerationShare must be in (0, 1], got ${share}`);
  const cg = await columnGeneration(model, compiled, {
    timeLimitMs: mainLimitMs * share - (performance.now() - t0),
    seed: options.seed,
    // Its root is kept for the branch and price after the repairs (see BRANCH_AFTER_REPAIRS_SHARE).
    keep: model.days <= CELL_DIVE_MAX_DAYS,
    ...(options.columnGenerationEnumerate !== undefined ? { enumerate: options.columnGenerationEnumerate } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    ...(options.onProgress !== undefined
      ? {
          onRound: () => {
            const elapsed = performance.now() - t0;
            options.onProgress!({ elapsedMs: elapsed, iterations: 0, best: inc.score, current: inc.score, fraction: Math.min(1, elapsed / options.timeLimitMs) });
          },
        }
      : {}),
  });
  if (cg.declined) return undefined;
  const before = Int16Array.from(inc.assignment);
  for (let e = 0; e < model.employees; e++) for (let d = 0; d < model.days; d++) inc.set(e, d, cg.assignment[e * model.days + d]!);
  if (inc.hard > 0) {
    // Not legal under the evaluator (a row program that differs from a rule): back to the construction.
    for (let e = 0; e < model.employees; e++) for (let d = 0; d < model.days; d++) inc.set(e, d, before[e * model.days + d]!);
    cg.resume?.release();
    return undefined;
  }
  const score = inc.score;
  // Proven optimal by column generation (its bound met, the evaluator agreeing): nothing left to search.
  const stoppedBy = options.signal?.aborted
    ? 'abort'
    : options.columnGenerationEnumerate !== false && cg.optimal && cg.lowerBound !== undefined && score.soft <= cg.lowerBound + 1e-6
      ? 'optimal'
      : reachedTarget(score, options.targetScore)
        ? 'target'
        : 'time';
  if (stoppedBy !== 'time') cg.resume?.release();
  return {
    best: Int16Array.from(inc.assignment),
    bestScore: score,
    trace: [{ ms: performance.now() - t0, iteration: 0, hard: score.hard, soft: score.soft }],
    iterations: 0,
    stoppedBy,
    ...(stoppedBy === 'time' && cg.resume ? { resume: cg.resume } : {}),
  };
}

/** Progress reports every `progressIntervalMs` while a phase without its own reports runs (undefined without `onProgress`). */
function progressTicker(options: SolveOptions, t0: number, now: () => { iterations: number; best: Score }): ReturnType<typeof setInterval> | undefined {
  if (!options.onProgress) return undefined;
  return setInterval(() => {
    const elapsed = performance.now() - t0;
    const { iterations, best } = now();
    options.onProgress!({ elapsedMs: elapsed, iterations, best, current: best, fraction: Math.min(1, elapsed / options.timeLimitMs) });
  }, options.progressIntervalMs ?? 250);
}

/**
 * Run a phase that reports its improvements (`onImprove`) but no progress of its own: each improvement
 * goes into the trace, and progress reports with the best so far come every `progressIntervalMs`.
 */
async function withProgress<T>(options: SolveOptions, t0: number, outcome: SolveOutcome, run: (onImprove: (assignment: Int16Array, score: Score) => void) => Promise<T>): Promise<T> {
  let bestScore = outcome.bestScore;
  const ticker = progressTicker(options, t0, () => ({ iterations: outcome.iterations, best: bestScore }));
  try {
    return await run((_a, score) => {
      bestScore = score;
      outcome.trace.push({ ms: performance.now() - t0, iteration: outcome.iterations, hard: score.hard, soft: score.soft });
    });
  } finally {
    if (ticker) clearInterval(ticker);
  }
}

/** A search's outcome as `solve` reports it (a MIP may also stop it, proven optimal). */
type SolveOutcome = Omit<SearchOutcome, 'stoppedBy'> & { stoppedBy: SolveResult['stoppedBy'] };

/** Records the phases of one `solve` run: `begin` when one starts, `end` with the best score then. */
class PhaseLog {
  readonly phases: SolvePhase[] = [];
  private open: { name: SolvePhaseName; startMs: number; before: Score } | undefined;
  constructor(private readonly t0: number) {}
  /** A phase begins, from the best score `before`; one begun and not ended is dropped (MIP repairs that declined: none ran). */
  begin(name: SolvePhaseName, before: Score): void {
    this.open = { name, startMs: performance.now() - this.t0, before: { ...before } };
  }
  /** The phase begun last ends, with the best score `after`. */
  end(after: Score): void {
    if (!this.open) return;
    this.phases.push({ ...this.open, endMs: performance.now() - this.t0, after: { ...after } });
    this.open = undefined;
  }
}

function finish(
  model: CompiledProblem,
  compiled: readonly CompiledRule[],
  best: Int16Array,
  outcome: SolveOutcome,
  options: SolveOptions,
  t0: number,
  cycleDays: number | undefined,
  log: PhaseLog,
): SolveResult {
  const evaluation = evaluateAssignment(model, compiled, best, options.kpi);
  const feasible = evaluation.score.hard === 0;
  const rota = rotaFromAssignment(model, best);
  if (cycleDays !== undefined) rota.cycleWeeks = cycleDays / 7;
  return {
    rota,
    score: evaluation.score,
    feasible,
    evaluation,
    trace: outcome.trace,
    phases: log.phases,
    iterations: outcome.iterations,
    stoppedBy: outcome.stoppedBy,
    diagnosis: feasible ? [] : [...diagnoseDemand(model), ...diagnoseResult(evaluation)],
    elapsedMs: performance.now() - t0,
  };
}

/** Internal: the search space of a compiled problem (base days, fixed cells, domains after unary hard rules). */
export function searchSpace(model: CompiledProblem, compiled: readonly CompiledRule[], baseDays: number, copies: number): SearchSpace {
  const allowed = optionDomain(model, compiled);
  const fixedAll = fixedCells(model);
  const fixed = new Uint8Array(model.employees * baseDays);
  for (let e = 0; e < model.employees; e++) {
    for (let d = 0; d < baseDays; d++) {
      // A base cell is fixed when any of its copies is pinned or an absence day.
      for (let c = 0; c < copies; c++) if (fixedAll[e * model.days + d + c * baseDays]) fixed[e * baseDays + d] = 1;
    }
  }
  const domain = Array.from({ length: model.employees }, (_, e) => {
    const opts: number[] = [];
    for (let o = 0; o < model.options; o++) if (allowed[e * model.options + o]) opts.push(o);
    return Int16Array.from(opts);
  });
  const fridays: number[] = [];
  for (let d = 0; d + 2 < baseDays; d++) if (model.weekday[d] === 5) fridays.push(d);
  return {
    employees: model.employees,
    baseDays,
    copies,
    days: model.days,
    fixed,
    domain,
    allowed,
    options: model.options,
    fridays: Int32Array.from(fridays),
    optionShift: model.optionShift,
  };
}

function mirror(a: Int16Array, model: CompiledProblem, baseDays: number, copies: number): void {
  for (let e = 0; e < model.employees; e++) {
    for (let d = 0; d < baseDays; d++) for (let c = 1; c < copies; c++) a[e * model.days + d + c * baseDays] = a[e * model.days + d]!;
  }
}

/**
 * A problem for a grunnturnus (cyclic base rota): the same problem over `cycleWeeks × repeats`
 * weeks from `start`, for {@link solve} with `cycleWeeks`. Two repeats are enough for rules across the wrap.
 */
export function cyclicProblem(problem: Problem, cycleWeeks: number, repeats = 2, start: string = problem.horizon.start): Problem {
  return ProblemSchema.parse({ ...problem, horizon: { start, days: cycleWeeks * 7 * repeats }, history: problem.history.filter((c) => c.date < start), absences: problem.absences.filter((a) => a.end >= start && a.start <= addDays(start, cycleWeeks * 7 * repeats - 1)) });
}
