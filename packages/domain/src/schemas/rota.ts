import { z } from 'zod';
import { DayOffCodeSchema } from './absence.js';
import { IdSchema, LocalDateSchema } from './primitives.js';

/** One cell of a rota: an employee on a date works a shift type, or is off (`shiftTypeId: null`). */
export const RotaCellSchema = z.object({
  employeeId: IdSchema,
  date: LocalDateSchema,
  shiftTypeId: IdSchema.nullable(),
  /** A pinned cell is fixed by the planner; the optimizer never moves it. */
  pinned: z.boolean().optional(),
  /** Day-off code for an off cell (F1, F3, F5, FE, AV). */
  code: DayOffCodeSchema.optional(),
  /** Ward the shift is worked in, for staff with positions in several wards or units. */
  wardId: IdSchema.optional(),
});
/** A rota cell. */
export type RotaCell = z.infer<typeof RotaCellSchema>;

/**
 * A rota (turnus) over `days` dates from `start`. Cells not listed are off. An årsturnus (annual
 * rota) has 364 or 371 days; a grunnturnus (base rota) has `cycleWeeks` and repeats.
 */
export const RotaSchema = z.object({
  id: IdSchema.optional(),
  name: z.string().optional(),
  start: LocalDateSchema,
  days: z.number().int().min(1).max(3 * 366),
  /** For a cyclic base rota (grunnturnus): the number of weeks in the cycle. */
  cycleWeeks: z.number().int().min(1).max(52).optional(),
  cells: z.array(RotaCellSchema),
});
/** A rota. */
export type Rota = z.infer<typeof RotaSchema>;
