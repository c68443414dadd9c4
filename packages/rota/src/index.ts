/**
 * `@omsorg/rota`: Norwegian working-time law and tariff rules as data (arbeidsmiljøloven ch. 10,
 * KS turnus practice), the evaluator with explained violations in bokmål and English, the
 * incremental evaluator for search, KPIs, and the Curtois & Qu benchmark importer.
 *
 * @packageDocumentation
 */

export { type CompiledRule, compileRules, parseRules, scopeMask } from './engine/compile-rules.js';
export { type EvaluateOptions, type Evaluation, evaluate, evaluateAssignment, type RuleScore, type Violation } from './engine/evaluate.js';
export { compareScores, type HotSpots, IncrementalEvaluator, type IncrementalOptions, type Score } from './engine/incremental.js';
export { ROTA_ERROR_CODES, RotaError, type RotaErrorCode } from './errors.js';
export { type CurtoisImportOptions, type CurtoisInstance, type CurtoisParseResult, type CurtoisShift, type CurtoisStaff, curtoisToProblem, parseCurtois } from './io/curtois.js';
export { type HtmlReportOptions, rotaReportHtml } from './io/html.js';
export { BUILT_IN_KINDS, createCatalogue, defaultCatalogue, type RuleCatalogue } from './kinds/catalogue.js';
export { type ShiftSelector, ShiftSelectorSchema } from './kinds/shared.js';
export { computeKpis, DEFAULT_SUPPLEMENTS, type EmployeeKpis, type KpiOptions, type RotaKpis, type SupplementRates } from './kpi/kpis.js';
export { type Assignment, assignmentFromRota, emptyAssignment, optionIndex, rotaFromAssignment } from './model/assignment.js';
export { type CompiledHistory, type CompiledProblem, type CompileOptions, compileProblem, HISTORY_LOOKBACK_DAYS, NOT_PINNED, OFF } from './model/compile.js';
export { type SundayHolidayPeriod, sundayHolidayPeriods } from './model/windows.js';
export { type AmlOptions, AmlOptionsSchema, amlChapter10 } from './presets/aml.js';
export { type CoreOptions, CoreOptionsSchema, coreRules } from './presets/core.js';
export { combineRules, type KsOptions, KsOptionsSchema, ksTurnus } from './presets/ks.js';
export { type Constraint, defineRuleKind, firstDay, LocalConstraint, type MessageContext, PairConstraint, RowConstraint, type RuleKindDefinition, type ViolationDetail } from './rules/kind.js';
export { type LegalRef, LegalRefSchema, type Rule, type RuleInput, RuleSchema, type RuleScope, RuleScopeSchema, type RuleSet, RuleSetSchema } from './rules/rule.js';
