import { z } from 'zod';
import { IdSchema, IsoWeekdaySchema, LocalDateSchema, LocalizedTextSchema, LocalTimeSchema, RoleSchema } from './primitives.js';

/** A resident (beboer) or home-care client, by pseudonym only: no names or national ids here. */
export const ResidentSchema = z.object({
  id: IdSchema,
  pseudonym: z.string().min(1),
  unitId: IdSchema,
  wardId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  room: z.string().optional(),
});
/** A resident or client. */
export type Resident = z.infer<typeof ResidentSchema>;

/** Task category: health-professional (helsefaglig), practical (praktisk bistand), non-health (ikke-helsefaglig). */
export const TaskCategorySchema = z.enum(['healthProfessional', 'practical', 'nonHealth']);
/** A task category. */
export type TaskCategory = z.infer<typeof TaskCategorySchema>;

/**
 * A task in the task catalogue: the lowest role that may do it on its own, and optionally a
 * procedure qualification that lets a lower role do it after training (delegation).
 */
export const TaskSchema = z.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  category: TaskCategorySchema,
  /** Lowest role that may perform the task without a delegated qualification. */
  minRole: RoleSchema,
  /** A qualification that lets a lower role perform the task when `delegable`. */
  qualificationId: IdSchema.optional(),
  /** May be delegated to a lower role holding `qualificationId` (down to `delegableTo`). */
  delegable: z.boolean().default(false),
  /** Lowest role the task may be delegated to. */
  delegableTo: RoleSchema.optional(),
  typicalDurationMinutes: z.number().int().min(1).max(24 * 60),
});
/** A task. */
export type Task = z.infer<typeof TaskSchema>;
/** A task as written in input. */
export type TaskInput = z.input<typeof TaskSchema>;

/** When a granted service recurs. */
export const ServiceScheduleSchema = z.discriminatedUnion('kind', [
  /** Every day at the given times. */
  z.object({ kind: z.literal('daily'), times: z.array(LocalTimeSchema).min(1) }),
  /** On the given ISO weekdays at the given times. */
  z.object({ kind: z.literal('weekly'), weekdays: z.array(IsoWeekdaySchema).min(1), times: z.array(LocalTimeSchema).min(1) }),
  /** A number of times per week, placed by the planner; `times` are preferred times. */
  z.object({ kind: z.literal('timesPerWeek'), count: z.number().int().min(1).max(50), times: z.array(LocalTimeSchema).min(1) }),
]);
/** A service schedule. */
export type ServiceSchedule = z.infer<typeof ServiceScheduleSchema>;

/** One granted service in a decision: a task, its schedule and time window. */
export const GrantedServiceSchema = z.object({
  taskId: IdSchema,
  schedule: ServiceScheduleSchema,
  /** Minutes before/after the scheduled time the task may be done. */
  windowMinutes: z.number().int().min(0).max(12 * 60).default(30),
  /** Overrides the task's typical duration. */
  durationMinutes: z.number().int().min(1).max(24 * 60).optional(),
  /** Number of staff needed at once (e.g. two for a lift). */
  staff: z.number().int().min(1).max(4).default(1),
});
/** A granted service. */
export type GrantedService = z.infer<typeof GrantedServiceSchema>;

/** A service decision (tjenestevedtak) granting a resident or client specified services. */
export const ServiceDecisionSchema = z
  .object({
    id: IdSchema,
    residentId: IdSchema,
    validFrom: LocalDateSchema,
    validTo: LocalDateSchema.optional(),
    services: z.array(GrantedServiceSchema).min(1),
  })
  .refine((d) => d.validTo === undefined || d.validTo >= d.validFrom, { message: 'validTo must not be before validFrom', path: ['validTo'] });
/** A service decision. */
export type ServiceDecision = z.infer<typeof ServiceDecisionSchema>;
/** A service decision as written in input. */
export type ServiceDecisionInput = z.input<typeof ServiceDecisionSchema>;

/** Kinds of welfare-technology device (velferdsteknologi). */
export const DeviceTypeSchema = z.enum([
  'socialAlarm',
  'fallSensor',
  'bedSensor',
  'doorSensor',
  'motionSensor',
  'digitalSupervision',
  'medicationDispenser',
  'gpsTracker',
  'smokeDetector',
  'gateway',
  'other',
]);
/** A device type. */
export type DeviceType = z.infer<typeof DeviceTypeSchema>;

/** A welfare-technology device in the equipment registry. */
export const DeviceSchema = z.object({
  id: IdSchema,
  type: DeviceTypeSchema,
  vendor: z.string().min(1),
  model: z.string().optional(),
  serial: z.string().min(1),
  firmware: z.string().optional(),
  unitId: IdSchema.optional(),
  wardId: IdSchema.optional(),
  room: z.string().optional(),
  residentId: IdSchema.optional(),
  /** Expected interval between signs of life, in seconds. */
  heartbeatIntervalSeconds: z.number().int().min(1).optional(),
  installedAt: LocalDateSchema.optional(),
  retiredAt: LocalDateSchema.optional(),
});
/** A device. */
export type Device = z.infer<typeof DeviceSchema>;
