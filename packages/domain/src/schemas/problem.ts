import { z } from 'zod';
import { AbsenceSchema, RequestSchema } from './absence.js';
import { DeviceSchema, ResidentSchema, ServiceDecisionSchema, TaskSchema } from './care.js';
import { DemandSchema } from './demand.js';
import { MunicipalitySchema, TeamSchema, UnitSchema, WardSchema } from './organisation.js';
import { IdSchema, LocalDateSchema } from './primitives.js';
import { RotaCellSchema } from './rota.js';
import { ShiftTypeSchema } from './shifts.js';
import { EmployeeSchema, PositionSchema, QualificationSchema } from './staff.js';

/** The planning horizon: `days` local dates from `start`. */
export const HorizonSchema = z.object({
  start: LocalDateSchema,
  days: z.number().int().min(1).max(3 * 366),
});
/** A planning horizon. */
export type Horizon = z.infer<typeof HorizonSchema>;

/** Current version of the {@link ProblemSchema} document format. */
export const PROBLEM_SCHEMA_VERSION = 1;

/**
 * A planning problem: the organisation, staff, shift types, demand, absences and wishes a rota is
 * made for, plus the care data (residents, service decisions, tasks, devices) other packages use.
 * `history` holds cells worked just before the horizon, so rest and run rules hold across its start.
 */
export const ProblemSchema = z.object({
  schemaVersion: z.literal(PROBLEM_SCHEMA_VERSION).default(PROBLEM_SCHEMA_VERSION),
  id: IdSchema,
  name: z.string().min(1),
  timeZone: z.literal('Europe/Oslo').default('Europe/Oslo'),
  horizon: HorizonSchema,
  municipality: MunicipalitySchema.optional(),
  units: z.array(UnitSchema).default([]),
  wards: z.array(WardSchema).default([]),
  teams: z.array(TeamSchema).default([]),
  qualifications: z.array(QualificationSchema).default([]),
  employees: z.array(EmployeeSchema),
  positions: z.array(PositionSchema).default([]),
  shiftTypes: z.array(ShiftTypeSchema).min(1),
  demand: z.array(DemandSchema).default([]),
  absences: z.array(AbsenceSchema).default([]),
  requests: z.array(RequestSchema).default([]),
  history: z.array(RotaCellSchema).default([]),
  residents: z.array(ResidentSchema).default([]),
  tasks: z.array(TaskSchema).default([]),
  serviceDecisions: z.array(ServiceDecisionSchema).default([]),
  devices: z.array(DeviceSchema).default([]),
});
/** A planning problem (validated, defaults applied). */
export type Problem = z.infer<typeof ProblemSchema>;
/** A planning problem as written in input (optional fields may be missing). */
export type ProblemInput = z.input<typeof ProblemSchema>;
