import { addDays } from '@omsorg/domain';
import { RotaError } from '../errors.js';
import { defaultCatalogue, type RuleCatalogue } from '../kinds/catalogue.js';
import { dateInWords, hoursInWords } from '../kinds/shared.js';
import type { CompiledProblem } from '../model/compile.js';
import type { Constraint, MessageContext, RuleKindDefinition } from '../rules/kind.js';
import { type Rule, type RuleInput, RuleSchema, type RuleScope } from '../rules/rule.js';

/** A rule compiled against a problem, with its kind and constraint. */
export interface CompiledRule {
  /** The validated rule. */
  readonly rule: Rule;
  /** Its kind from the catalogue. */
  readonly kind: RuleKindDefinition<never>;
  /** The compiled constraint. */
  readonly constraint: Constraint;
  /** 1 for hard, 0 for soft. */
  readonly hard: boolean;
}

/** Validate rules (schema, known kind, params) and report every problem in one {@link RotaError} `RULE_INVALID`. */
export function parseRules(rules: readonly RuleInput[], catalogue: RuleCatalogue = defaultCatalogue): Rule[] {
  const problems: string[] = [];
  const out: Rule[] = [];
  const ids = new Set<string>();
  rules.forEach((input, i) => {
    const parsed = RuleSchema.safeParse(input);
    if (!parsed.success) {
      problems.push(`rules.${i}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
      return;
    }
    const rule = parsed.data;
    if (ids.has(rule.id)) problems.push(`rules.${i}: duplicate rule id "${rule.id}"`);
    ids.add(rule.id);
    const kind = catalogue.get(rule.kind);
    if (!kind) {
      problems.push(`rules.${i}: unknown kind "${rule.kind}"`);
      return;
    }
    const params = kind.params.safeParse(rule.params);
    if (!params.success) {
      problems.push(`rules.${i} (${rule.id}): params ${params.error.issues.map((x) => `${x.path.join('.') || '(root)'} ${x.message}`).join('; ')}`);
      return;
    }
    out.push(rule);
  });
  if (problems.length > 0) {
    throw new RotaError('RULE_INVALID', `Invalid rules: ${problems.join(' | ')}`, { details: { problems } });
  }
  return out;
}

/** Scope mask: 1 for employees the rule applies to. */
export function scopeMask(model: CompiledProblem, scope: RuleScope | undefined): Uint8Array {
  return Uint8Array.from(model.problem.employees, (emp) => {
    if (!scope) return 1;
    if (scope.employeeIds && !scope.employeeIds.includes(emp.id)) return 0;
    if (scope.roles && !scope.roles.includes(emp.role)) return 0;
    if (scope.tags && !scope.tags.some((t) => emp.tags.includes(t))) return 0;
    if (scope.unitIds && !model.problem.positions.some((p) => p.employeeId === emp.id && scope.unitIds!.includes(p.unitId))) return 0;
    return 1;
  });
}

/** Compile validated rules against a problem. Rules with weight 0 are left out. */
export function compileRules(model: CompiledProblem, rules: readonly RuleInput[], catalogue: RuleCatalogue = defaultCatalogue): CompiledRule[] {
  return parseRules(rules, catalogue)
    .filter((rule) => rule.weight > 0)
    .map((rule) => {
      const kind = catalogue.get(rule.kind)!;
      const params = kind.params.parse(rule.params) as never;
      return { rule, kind, constraint: kind.compile(model, rule, params, scopeMask(model, rule.scope)), hard: rule.level === 'hard' };
    });
}

/** The message context for a compiled rule. */
export function messageContext(model: CompiledProblem, rule: Rule): MessageContext {
  const ref = rule.legalRef ? `${rule.legalRef.source} ${rule.legalRef.section}` : (rule.description?.nb ?? rule.id);
  return {
    model,
    ref,
    rule,
    employeeName: (e) => model.problem.employees[e]?.name ?? `#${e}`,
    shiftName: (o, lang) => {
      const st = model.problem.shiftTypes[model.optionShift[o] ?? 0];
      if (!st) return lang === 'nb' ? 'vakt' : 'shift';
      return lang === 'nb' ? st.name : englishShiftName(st.labels, st.name);
    },
    date: (d, lang) => dateInWords(d < 0 ? addDays(model.dates[0]!, d) : model.dates[Math.min(model.days - 1, d)]!, lang),
    hours: hoursInWords,
  };
}

function englishShiftName(labels: readonly string[], fallback: string): string {
  if (labels.includes('long')) return 'Long shift';
  if (labels.includes('night')) return 'Night shift';
  if (labels.includes('evening')) return 'Evening shift';
  if (labels.includes('day')) return 'Day shift';
  if (labels.includes('short')) return 'Short shift';
  if (labels.includes('onCall')) return 'On-call shift';
  return fallback;
}
