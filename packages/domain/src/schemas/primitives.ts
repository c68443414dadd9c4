import { z } from 'zod';
import { isLocalDate } from '../calendar/dates.js';
import { parseLocalTime } from '../calendar/instants.js';

/** An identifier: a non-empty string without surrounding whitespace. */
export const IdSchema = z.string().min(1).max(200).regex(/^\S(.*\S)?$/, 'must not start or end with whitespace');
/** An identifier. */
export type Id = z.infer<typeof IdSchema>;

/** A local calendar date in Europe/Oslo, `YYYY-MM-DD`. */
export const LocalDateSchema = z.string().refine(isLocalDate, { message: 'expected a calendar date YYYY-MM-DD' });
/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = z.infer<typeof LocalDateSchema>;

/** A local wall-clock time, `HH:MM` (24 h). */
export const LocalTimeSchema = z.string().refine((t) => parseLocalTime(t) !== undefined, { message: 'expected a time HH:MM' });
/** A local wall-clock time, `HH:MM`. */
export type LocalTime = z.infer<typeof LocalTimeSchema>;

/** A text in Norwegian bokmål (`nb`) and English (`en`). */
export const LocalizedTextSchema = z.object({ nb: z.string().min(1), en: z.string().min(1) });

/** An ISO weekday, 1 = Monday … 7 = Sunday. */
export const IsoWeekdaySchema = z.number().int().min(1).max(7);

/**
 * Roles in falling order of formal health competence: sykepleier (nurse), vernepleier (social
 * educator, both bachelor level), helsefagarbeider (health worker), assistent (assistant),
 * servicemedarbeider (service worker, non-clinical), student.
 */
export const RoleSchema = z.enum(['nurse', 'socialEducator', 'healthWorker', 'assistant', 'serviceWorker', 'student']);
/** A staff role (see {@link RoleSchema}). */
export type Role = z.infer<typeof RoleSchema>;

/** Every role, highest formal health competence first. */
export const ROLES: readonly Role[] = RoleSchema.options;

/**
 * Competence level of a role for clinical tasks (higher = more). Nurse and social educator are both
 * bachelor level; a service worker and a student have no independent clinical level.
 */
export const ROLE_LEVEL: Readonly<Record<Role, number>> = {
  nurse: 4,
  socialEducator: 4,
  healthWorker: 3,
  assistant: 2,
  student: 1,
  serviceWorker: 0,
};

/** Norwegian names of the roles (for docs and end-user messages). */
export const ROLE_NAMES: Readonly<Record<Role, { nb: string; en: string }>> = {
  nurse: { nb: 'sykepleier', en: 'nurse' },
  socialEducator: { nb: 'vernepleier', en: 'social educator' },
  healthWorker: { nb: 'helsefagarbeider', en: 'health worker' },
  assistant: { nb: 'assistent', en: 'assistant' },
  serviceWorker: { nb: 'servicemedarbeider', en: 'service worker' },
  student: { nb: 'student', en: 'student' },
};
