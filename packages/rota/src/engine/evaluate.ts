import type { LocalizedText, Problem, Rota } from '@omsorg/domain';
import type { RuleCatalogue } from '../kinds/catalogue.js';
import { computeKpis, type KpiOptions, type RotaKpis } from '../kpi/kpis.js';
import { type Assignment, assignmentFromRota } from '../model/assignment.js';
import { type CompiledProblem, compileProblem } from '../model/compile.js';
import type { LegalRef, RuleInput } from '../rules/rule.js';
import { type CompiledRule, compileRules, messageContext } from './compile-rules.js';
import { releaseConstraint, type Score } from './incremental.js';

/** One broken rule, explained. A violation is data, never an exception. */
export interface Violation {
  /** The rule's id. */
  ruleId: string;
  /** The rule's kind. */
  kind: string;
  /** Hard (illegal) or soft (undesirable). */
  level: 'hard' | 'soft';
  /** Penalty units (see the kind's unit), before the rule's weight. */
  amount: number;
  /** `amount × weight`: the violation's share of the score. */
  weighted: number;
  /** The employee concerned, if any. */
  employeeId?: string;
  /** First date concerned. */
  date?: string;
  /** Last date concerned, for runs and windows. */
  endDate?: string;
  /** The legal or agreement reference of the rule. */
  legalRef?: LegalRef;
  /** The explanation in Norwegian bokmål and English. */
  message: LocalizedText;
}

/** Penalty per rule. */
export interface RuleScore {
  /** Rule id. */
  ruleId: string;
  /** Rule kind. */
  kind: string;
  /** Level. */
  level: 'hard' | 'soft';
  /** Weight. */
  weight: number;
  /** Unweighted penalty. */
  penalty: number;
  /** Weighted penalty. */
  score: number;
}

/** The result of {@link evaluate}. */
export interface Evaluation {
  /** Weighted hard and soft totals. */
  score: Score;
  /** Every violation, hard first, then by date. */
  violations: Violation[];
  /** Penalty per rule (rules with weight 0 are left out). */
  rules: RuleScore[];
  /** Key figures of the rota. */
  kpis: RotaKpis;
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** A custom rule catalogue. */
  catalogue?: RuleCatalogue;
  /** KPI options (supplement rates for the cost estimate). */
  kpi?: KpiOptions;
}

/**
 * Evaluate a rota against rules: the score, every violation explained in bokmål and English with its
 * legal reference, and the KPIs. The problem must be valid (`parseProblem`).
 */
export function evaluate(problem: Problem, rota: Pick<Rota, 'cells'>, rules: readonly RuleInput[], options: EvaluateOptions = {}): Evaluation {
  const model = compileProblem(problem);
  const compiled = compileRules(model, rules, options.catalogue);
  return evaluateAssignment(model, compiled, assignmentFromRota(model, rota), options.kpi);
}

/** Evaluate an assignment of a compiled problem with compiled rules (the optimizer's path to a full analysis). */
export function evaluateAssignment(model: CompiledProblem, compiled: readonly CompiledRule[], a: Assignment, kpi?: KpiOptions): Evaluation {
  let hard = 0;
  let soft = 0;
  const violations: Violation[] = [];
  const rules: RuleScore[] = [];
  for (const { rule, kind, constraint } of compiled) {
    releaseConstraint(constraint);
    const penalty = constraint.init(a);
    const score = penalty * rule.weight;
    if (rule.level === 'hard') hard += score;
    else soft += score;
    rules.push({ ruleId: rule.id, kind: rule.kind, level: rule.level, weight: rule.weight, penalty, score });
    if (penalty === 0) continue;
    const ctx = messageContext(model, rule);
    constraint.explain(a, (v) => {
      const violation: Violation = {
        ruleId: rule.id,
        kind: rule.kind,
        level: rule.level,
        amount: v.amount,
        weighted: v.amount * rule.weight,
        message: kind.message(v, ctx),
      };
      if (v.employee !== undefined) violation.employeeId = model.employeeIds[v.employee]!;
      if (v.day !== undefined) violation.date = model.dates[Math.max(0, v.day)]!;
      if (v.endDay !== undefined) violation.endDate = model.dates[Math.min(model.days - 1, v.endDay)]!;
      if (rule.legalRef) violation.legalRef = rule.legalRef;
      violations.push(violation);
    });
  }
  // Dates are ISO (YYYY-MM-DD): compared as strings, not by the locale (localeCompare took tens of
  // milliseconds over a year's thousands of violations).
  violations.sort((x, y) => (x.level === y.level ? compareDates(x.date ?? '', y.date ?? '') : x.level === 'hard' ? -1 : 1));
  return { score: { hard, soft }, violations, rules, kpis: computeKpis(model, a, kpi) };
}

/** Order of two ISO dates (or '' for none, first). */
function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
