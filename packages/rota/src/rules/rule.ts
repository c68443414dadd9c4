import { IdSchema, LocalizedTextSchema, RoleSchema } from '@omsorg/domain';
import { z } from 'zod';

/** A reference to the legal or agreement text a rule encodes. */
export const LegalRefSchema = z.object({
  /** Short source, e.g. `AML` (arbeidsmiljøloven), `HTA` (hovedtariffavtalen), `local`. */
  source: z.string().min(1),
  /** Paragraph or clause, e.g. `§ 10-8 (1)`. */
  section: z.string().min(1),
  /** Link to the text (e.g. lovdata). */
  url: z.string().url().optional(),
});
/** A legal reference. */
export type LegalRef = z.infer<typeof LegalRefSchema>;

/** Which employees a rule applies to; all when absent. Criteria combine with AND. */
export const RuleScopeSchema = z.object({
  employeeIds: z.array(IdSchema).optional(),
  roles: z.array(RoleSchema).optional(),
  /** Employees carrying any of these tags. */
  tags: z.array(z.string()).optional(),
  unitIds: z.array(IdSchema).optional(),
});
/** A rule scope. */
export type RuleScope = z.infer<typeof RuleScopeSchema>;

/**
 * A rule is data: a kind from the catalogue with its parameters, a level and a weight. Hard rules
 * define legality; soft rules are preferences. Weight 0 turns a rule off.
 */
export const RuleSchema = z.object({
  id: IdSchema,
  kind: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
  level: z.enum(['hard', 'soft']),
  weight: z.number().min(0).default(1),
  legalRef: LegalRefSchema.optional(),
  scope: RuleScopeSchema.optional(),
  description: LocalizedTextSchema.optional(),
});
/** A rule. */
export type Rule = z.infer<typeof RuleSchema>;
/** A rule as written in input (defaults not applied). */
export type RuleInput = z.input<typeof RuleSchema>;

/** A named list of rules. */
export const RuleSetSchema = z.object({
  id: IdSchema,
  name: z.string().optional(),
  rules: z.array(RuleSchema),
});
/** A rule set. */
export type RuleSet = z.infer<typeof RuleSetSchema>;
