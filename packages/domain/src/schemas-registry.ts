import { z } from 'zod';
import { AbsenceSchema, RequestSchema } from './schemas/absence.js';
import { DeviceSchema, ResidentSchema, ServiceDecisionSchema, TaskSchema } from './schemas/care.js';
import { DemandSchema } from './schemas/demand.js';
import { MunicipalitySchema, TeamSchema, UnitSchema, WardSchema } from './schemas/organisation.js';
import { ProblemSchema } from './schemas/problem.js';
import { RotaSchema } from './schemas/rota.js';
import { ShiftTypeSchema } from './schemas/shifts.js';
import { EmployeeSchema, PositionSchema, QualificationSchema } from './schemas/staff.js';

/** Every top-level schema by its published name; `docs/schemas/<name>.schema.json` is generated from these. */
export const TOP_LEVEL_SCHEMAS = {
  Problem: ProblemSchema,
  Rota: RotaSchema,
  Municipality: MunicipalitySchema,
  Unit: UnitSchema,
  Ward: WardSchema,
  Team: TeamSchema,
  Employee: EmployeeSchema,
  Position: PositionSchema,
  Qualification: QualificationSchema,
  ShiftType: ShiftTypeSchema,
  Demand: DemandSchema,
  Absence: AbsenceSchema,
  Request: RequestSchema,
  Resident: ResidentSchema,
  Task: TaskSchema,
  ServiceDecision: ServiceDecisionSchema,
  Device: DeviceSchema,
} as const;

/** JSON Schema (draft 2020-12) of a top-level schema, describing the accepted input. */
export function toJsonSchema(name: keyof typeof TOP_LEVEL_SCHEMAS): Record<string, unknown> {
  const schema = z.toJSONSchema(TOP_LEVEL_SCHEMAS[name], { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $id: `https://omsorg.dev/schemas/domain/v1/${name}.schema.json`, title: name, ...schema };
}
