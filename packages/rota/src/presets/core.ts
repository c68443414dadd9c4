import { z } from 'zod';
import type { RuleInput } from '../rules/rule.js';

/** Options of {@link coreRules}. */
export const CoreOptionsSchema = z.object({
  /** Weight per missing person below the preferred cover (soft). */
  preferredCoverWeight: z.number().min(0).default(10),
  /** Weight per person above the preferred cover (soft). */
  overCoverWeight: z.number().min(0).default(1),
  /** Weight of unmet requests (multiplies each request's own weight). */
  requestWeight: z.number().min(0).default(1),
  /** Competence requirements by shift (e.g. night shifts need a nurse). */
  requirements: z.array(z.unknown()).default([]),
});
/** Options of {@link coreRules} (input form). */
export type CoreOptions = z.input<typeof CoreOptionsSchema>;

/**
 * The rules every rota needs whatever law applies: one shift at a time, eligibility by competence
 * and ward, no work during absences, minimum cover (hard), preferred cover and wishes (soft).
 */
export function coreRules(options: CoreOptions = {}): RuleInput[] {
  const o = CoreOptionsSchema.parse(options);
  return [
    { id: 'core.oneShift', kind: 'oneShiftPerDay', level: 'hard', params: {} },
    { id: 'core.eligibility', kind: 'competenceEligibility', level: 'hard', params: { requirements: o.requirements } },
    { id: 'core.absences', kind: 'absences', level: 'hard', params: {} },
    { id: 'core.coverMin', kind: 'coverage', level: 'hard', params: { target: 'min', weightUnder: 1 } },
    { id: 'core.coverMax', kind: 'coverage', level: 'hard', params: { target: 'max', weightOver: 1 } },
    { id: 'core.coverPreferred', kind: 'coverage', level: 'soft', weight: 1, params: { target: 'preferred', weightUnder: o.preferredCoverWeight, weightOver: o.overCoverWeight } },
    { id: 'core.requests', kind: 'requests', level: 'soft', weight: o.requestWeight, params: {} },
  ];
}
