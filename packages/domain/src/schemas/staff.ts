import { z } from 'zod';
import { IdSchema, LocalDateSchema, LocalizedTextSchema, RoleSchema } from './primitives.js';

/**
 * A procedure qualification (e.g. insulin, catheter) that can be delegated to a role below the
 * task's minimum after training.
 */
export const QualificationSchema = z.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  description: z.string().optional(),
});
/** A procedure qualification. */
export type Qualification = z.infer<typeof QualificationSchema>;

/** An employee: one person, with a role and procedure qualifications. */
export const EmployeeSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  role: RoleSchema,
  /** Ids of procedure qualifications held (see {@link QualificationSchema}). */
  qualifications: z.array(IdSchema).default([]),
  birthDate: LocalDateSchema.optional(),
  teamId: IdSchema.optional(),
  /** Free labels for local rules and filtering (e.g. `nightWorker`). */
  tags: z.array(z.string()).default([]),
});
/** An employee. */
export type Employee = z.infer<typeof EmployeeSchema>;
/** An employee as written in input (defaults not yet applied). */
export type EmployeeInput = z.input<typeof EmployeeSchema>;

/**
 * A position (stilling): an employee's contract in one unit. Several positions for one employee in
 * different units form a kombinasjonsstilling (combined position).
 */
export const PositionSchema = z
  .object({
    id: IdSchema,
    employeeId: IdSchema,
    unitId: IdSchema,
    wardId: IdSchema.optional(),
    /** Stillingsprosent: contracted size as a percentage of full time (0 < p ≤ 100). */
    percent: z.number().gt(0).max(100),
    /** Full-time weekly hours for this position: 37.5, 35.5 (turnus), 33.6 (round-the-clock). */
    weeklyHoursNorm: z.number().gt(0).max(60).default(35.5),
    start: LocalDateSchema,
    end: LocalDateSchema.optional(),
    /** The employee has agreed to work long shifts (langvakter); voluntary under the tariff. */
    longShiftsAgreed: z.boolean().default(false),
  })
  .refine((p) => p.end === undefined || p.end >= p.start, { message: 'end must not be before start', path: ['end'] });
/** A position (stilling). */
export type Position = z.infer<typeof PositionSchema>;
