/**
 * `@omsorg/rota/optimizer`: the rota optimizer (grunnturnus and årsturnus) on the rule engine's
 * rules, with infeasibility diagnosis.
 *
 * @packageDocumentation
 */
export {
  BRANCH_MAX_GAP,
  BRANCH_RESERVE_MS,
  CELL_DIVE_MAX_DAYS,
  type ColumnGenerationOptions,
  type ColumnGenerationResult,
  type ColumnGenerationResume,
  type ColumnGenerationRound,
  columnGeneration,
  DIVE_NOISE,
  DIVES,
  DIVES_UNIMPROVED,
  ENUMERATION_MAX_LABELS,
  ENUMERATION_MAX_ROWS,
} from './cg/generate.js';
export { type EnumerateOptions, enumerateRows, type PricedRow, type PriceOptions, priceRows } from './cg/pricer.js';
export { ROW_REPAIR_BUCKET_CAP, ROW_SWEEP_MIN_GAIN, type RowRepairOptions, type RowRepairResult, repairRows } from './cg/repair.js';
export { type RowBoundary, type RowCounter, type RowProgram, type RowProgramsResult, type RowWindow, type RunBounds, rowPrograms } from './cg/rows.js';
export { type ColumnGenerationWindowsOptions, type ColumnGenerationWindowsResult, columnGenerationWindows, WINDOW_BUCKET_CAP } from './cg/windows.js';
export { constructGreedy, fixedCells } from './construct.js';
export { diagnoseDemand, diagnoseResult, type InfeasibilityFinding } from './diagnose.js';
export { AIM_BY, type AimBy, type MipLnsOptions, type MipLnsPlateau, type MipLnsResult, mipLns, type Neighbourhood, neighbourhood, nextShape, SPREAD_AFTER_MS, SPREAD_CELLS_PER_BUDGET, SPREAD_WEEKDAYS, spreadNeighbourhood } from './mip/lns.js';
export { type ExactResult, type MipRepairOptions, type MipRepairOutcome, mipRepair, mipRepairDetailed, type SolveExactOptions, solveExact } from './mip/repair.js';
export { Random } from './random.js';
export type { SearchProgress, TracePoint } from './search.js';
export { BRANCH_AFTER_REPAIRS_MAX_GAP, BRANCH_AFTER_REPAIRS_SHARE, BRANCH_ON_PLATEAU_MAX_GAP, BRANCH_ON_PLATEAU_MS, BRANCH_ON_PLATEAU_SHARE, COLUMN_GENERATION_LONG_MAX_DAYS, COLUMN_GENERATION_LONG_MIN_MS, COLUMN_GENERATION_LONG_SHARE, COLUMN_GENERATION_MAX_DAYS, COLUMN_GENERATION_WINDOW_DAYS, cyclicProblem, LEGALIZE_CYCLE_SHARE, LEGALIZE_MIN_CYCLE, LONG_HORIZON_DAYS, LONG_HORIZON_HIGHS_OPTIONS, MIP_RESTART_SHARE, ROW_REPAIR_SHARE, repairHighsOptions, type SolveOptions, type SolvePhase, type SolvePhaseName, type SolveResult, solve, WINDOWS_AFTER_LONG_START_DAYS, WINDOWS_AFTER_START_MIN_DAYS, WINDOWS_AFTER_START_SHARE, WINDOWS_LOCAL_SEARCH_SHARE, WINDOWS_MAX_EMPLOYEE_OPTIONS } from './solve.js';
