import type { LocalizedText } from '@omsorg/domain';
import { meetsRequirement } from '@omsorg/domain';
import type { Evaluation } from '../engine/evaluate.js';
import type { CompiledProblem } from '../model/compile.js';

/** One reason a problem cannot be solved legally, as far as can be found. */
export interface InfeasibilityFinding {
  /** `DEMAND_EXCEEDS_STAFF`: fewer eligible, available staff than a minimum; `HARD_RULE_UNMET`: the best rota still breaks a hard rule. */
  code: 'DEMAND_EXCEEDS_STAFF' | 'HARD_RULE_UNMET';
  /** The date concerned, if any. */
  date?: string;
  /** The rule concerned, if any. */
  ruleId?: string;
  /** How many violations or how many staff are missing. */
  amount: number;
  /** Explanation in bokmål and English. */
  message: LocalizedText;
}

/**
 * Static check before search: every day's minimum cover against the staff who could work it at all
 * (right competence, ward and not absent). Finds demand that no rota can meet.
 */
export function diagnoseDemand(model: CompiledProblem): InfeasibilityFinding[] {
  const out: InfeasibilityFinding[] = [];
  const { problem, days, employees } = model;
  for (let d = 0; d < days; d++) {
    for (const line of model.demand[d]!) {
      if (line.min === 0) continue;
      let possible = 0;
      for (let e = 0; e < employees; e++) {
        if (!model.available[e * days + d]) continue;
        const emp = problem.employees[e]!;
        if (!meetsRequirement(emp, line.competence)) continue;
        if (line.wardId !== undefined) {
          let ok = false;
          for (let o = 0; o < model.options; o++) if (model.optionWard[o] === line.wardId && model.allowed[e * model.options + o]) ok = true;
          if (!ok) continue;
        }
        possible++;
      }
      if (possible < line.min) {
        const who = line.competence.roles?.join('/') ?? (problem.employees.length ? 'staff' : '');
        out.push({
          code: 'DEMAND_EXCEEDS_STAFF',
          date: line.date,
          amount: line.min - possible,
          message: {
            nb: `${line.date}: behovet på ${line.shiftTypeId}-vakt er minst ${line.min} ${who}, men bare ${possible} kan jobbe (kompetanse, avdeling, fravær).`,
            en: `${line.date}: the ${line.shiftTypeId} shift needs at least ${line.min} ${who}, but only ${possible} can work (competence, ward, absences).`,
          },
        });
      }
    }
  }
  return out;
}

/** Summarise the hard violations left in the best rota found, one finding per rule. */
export function diagnoseResult(evaluation: Evaluation): InfeasibilityFinding[] {
  const byRule = new Map<string, { count: number; first: Evaluation['violations'][number] }>();
  for (const v of evaluation.violations) {
    if (v.level !== 'hard') continue;
    const cur = byRule.get(v.ruleId);
    if (cur) cur.count++;
    else byRule.set(v.ruleId, { count: 1, first: v });
  }
  return [...byRule.entries()].map(([ruleId, { count, first }]) => {
    const finding: InfeasibilityFinding = {
      code: 'HARD_RULE_UNMET',
      ruleId,
      amount: count,
      message: { nb: `${count} brudd på ${ruleId}, f.eks.: ${first.message.nb}`, en: `${count} violations of ${ruleId}, e.g.: ${first.message.en}` },
    };
    if (first.date) finding.date = first.date;
    return finding;
  });
}
