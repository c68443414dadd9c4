import { z } from 'zod';
import { IdSchema, IsoWeekdaySchema, LocalDateSchema, RoleSchema } from './primitives.js';

/**
 * Day types for demand: a public holiday (or public day) is `holiday` whatever its weekday;
 * otherwise Saturday, Sunday or weekday.
 */
export const DayTypeSchema = z.enum(['weekday', 'saturday', 'sunday', 'holiday']);
/** A day type. */
export type DayType = z.infer<typeof DayTypeSchema>;

/**
 * Which staff count towards a demand: any of `roles` (all roles when absent) and, when given,
 * holders of `qualificationId`.
 */
export const CompetenceRequirementSchema = z.object({
  roles: z.array(RoleSchema).min(1).optional(),
  qualificationId: IdSchema.optional(),
});
/** A competence requirement of a demand line. */
export type CompetenceRequirement = z.infer<typeof CompetenceRequirementSchema>;

/**
 * A demand (bemanningsbehov / cover) line: how many staff with a competence a shift type needs on
 * the dates it applies to. Applies to `date` when given; else to the listed `dayTypes` and/or
 * `weekdays`; else to every date. For one (shift type, ward, competence), the most specific line
 * wins on each date: date > holiday > weekday/day type.
 */
export const DemandSchema = z
  .object({
    id: IdSchema.optional(),
    date: LocalDateSchema.optional(),
    dayTypes: z.array(DayTypeSchema).min(1).optional(),
    weekdays: z.array(IsoWeekdaySchema).min(1).optional(),
    shiftTypeId: IdSchema,
    unitId: IdSchema.optional(),
    wardId: IdSchema.optional(),
    competence: CompetenceRequirementSchema.default({}),
    /** Hard minimum (the coverage rule decides how hard it is). */
    min: z.number().int().min(0),
    /** Preferred number; defaults to `min`. */
    preferred: z.number().int().min(0).optional(),
    /** Maximum; none when absent. */
    max: z.number().int().min(0).optional(),
    /** Per-person penalty under `preferred` (overrides the coverage rule's weight). */
    weightUnder: z.number().min(0).optional(),
    /** Per-person penalty over `preferred` (overrides the coverage rule's weight). */
    weightOver: z.number().min(0).optional(),
  })
  .refine((d) => d.preferred === undefined || d.preferred >= d.min, { message: 'preferred must be ≥ min', path: ['preferred'] })
  .refine((d) => d.max === undefined || d.max >= (d.preferred ?? d.min), { message: 'max must be ≥ preferred and min', path: ['max'] });
/** A demand line. */
export type Demand = z.infer<typeof DemandSchema>;
/** A demand line as written in input. */
export type DemandInput = z.input<typeof DemandSchema>;
