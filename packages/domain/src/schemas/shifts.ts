import { z } from 'zod';
import { IdSchema, LocalTimeSchema } from './primitives.js';

/** Labels that classify a shift type; rules and KPIs select shifts by label. */
export const ShiftLabelSchema = z.enum(['day', 'evening', 'night', 'long', 'short', 'onCall']);
/** A shift label. */
export type ShiftLabel = z.infer<typeof ShiftLabelSchema>;

/**
 * A shift type (vakttype): starts at a local time and lasts `durationMinutes` by the wall clock.
 * `unpaidBreakMinutes` is deducted from worked time; a paid break is part of it.
 */
export const ShiftTypeSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  /** Short code printed in rota grids, e.g. `D`, `A`, `N`, `LV`. */
  code: z.string().min(1).max(4).optional(),
  start: LocalTimeSchema,
  durationMinutes: z.number().int().min(1).max(24 * 60),
  unpaidBreakMinutes: z.number().int().min(0).max(120).default(0),
  /** Paid break within the shift (counted as working time; the employee stays available). */
  paidBreakMinutes: z.number().int().min(0).max(120).default(0),
  labels: z.array(ShiftLabelSchema).default([]),
  /** Restrict the shift type to one unit. */
  unitId: IdSchema.optional(),
  /** Display colour for reports, `#rrggbb`. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
});
/** A shift type. */
export type ShiftType = z.infer<typeof ShiftTypeSchema>;
/** A shift type as written in input. */
export type ShiftTypeInput = z.input<typeof ShiftTypeSchema>;
