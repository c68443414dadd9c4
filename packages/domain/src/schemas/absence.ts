import { z } from 'zod';
import { IdSchema, LocalDateSchema } from './primitives.js';

/**
 * Day-off codes used in Norwegian rotas: F1 weekly day off (ukefridag), F3 Sunday/holiday
 * compensation, F5 holiday replacement, FE vacation (ferie), AV other leave (avspasering/permisjon).
 */
export const DayOffCodeSchema = z.enum(['F1', 'F3', 'F5', 'FE', 'AV']);
/** A day-off code. */
export type DayOffCode = z.infer<typeof DayOffCodeSchema>;

/** An absence: vacation (ferie), leave (permisjon), sick leave (sykefravær), course, or a fixed day off. */
export const AbsenceSchema = z
  .object({
    id: IdSchema,
    employeeId: IdSchema,
    kind: z.enum(['vacation', 'leave', 'sick', 'course', 'dayOff']),
    /** First date, inclusive. */
    start: LocalDateSchema,
    /** Last date, inclusive. */
    end: LocalDateSchema,
    code: DayOffCodeSchema.optional(),
  })
  .refine((a) => a.end >= a.start, { message: 'end must not be before start', path: ['end'] });
/** An absence. */
export type Absence = z.infer<typeof AbsenceSchema>;

/** A wish (ønske): to work (`on`) or not (`off`) a date, optionally a specific shift type, with a weight. */
export const RequestSchema = z.object({
  id: IdSchema,
  employeeId: IdSchema,
  date: LocalDateSchema,
  kind: z.enum(['on', 'off']),
  /** The shift type wished for or against; any shift when absent. */
  shiftTypeId: IdSchema.optional(),
  weight: z.number().min(0).default(1),
});
/** A request (wish). */
export type Request = z.infer<typeof RequestSchema>;
