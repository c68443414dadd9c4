import { type DomainIssue, type Employee, type EmployeeInput, EmployeeSchema, fromZodIssues, IdSchema, LocalDateSchema, ROLE_LEVEL, type Task } from '@omsorg/domain';
import { z } from 'zod';
import type { Catalogue } from './catalogue/schema.js';
import { CompetenceError, issue } from './errors.js';
import { delegationFloor } from './roles.js';

/**
 * The four steps of competence progression on a procedure, in order: observes (observerer), performs
 * with guidance (utfører med veiledning), performs under supervision (utfører under tilsyn),
 * performs alone (utfører selvstendig).
 */
export const ProgressionStepSchema = z.enum(['observes', 'performsWithGuidance', 'performsUnderSupervision', 'performsAlone']);
/** A progression step. */
export type ProgressionStep = z.infer<typeof ProgressionStepSchema>;

/** The steps in order. */
export const PROGRESSION_STEPS: readonly ProgressionStep[] = ProgressionStepSchema.options;

/** Norwegian and English names of the steps. */
export const PROGRESSION_STEP_NAMES: Readonly<Record<ProgressionStep, { nb: string; en: string }>> = {
  observes: { nb: 'observerer', en: 'observes' },
  performsWithGuidance: { nb: 'utfører med veiledning', en: 'performs with guidance' },
  performsUnderSupervision: { nb: 'utfører under tilsyn', en: 'performs under supervision' },
  performsAlone: { nb: 'utfører selvstendig', en: 'performs alone' },
};

/** One step reached: when, who supervised or signed it off, and the evidence. */
export const ProgressionEventSchema = z.object({
  step: ProgressionStepSchema,
  date: LocalDateSchema,
  /** Employee id of the supervisor (veileder); required from `performsWithGuidance` on. */
  supervisorId: IdSchema.optional(),
  /** What shows the step was reached: a course certificate, an observed procedure, a signed form. */
  evidence: z.string().min(1).optional(),
  note: z.string().optional(),
});
/** A progression event. */
export type ProgressionEvent = z.infer<typeof ProgressionEventSchema>;

/**
 * One employee's progression on one procedure (a qualification id of the catalogue, e.g. `insulin`).
 * `validUntil` ends the right to perform alone (delegations are commonly renewed yearly).
 */
export const ProgressionRecordSchema = z.object({
  employeeId: IdSchema,
  procedureId: IdSchema,
  events: z.array(ProgressionEventSchema).min(1),
  validUntil: LocalDateSchema.optional(),
});
/** A progression record. */
export type ProgressionRecord = z.infer<typeof ProgressionRecordSchema>;
/** A progression record as written in input. */
export type ProgressionRecordInput = z.input<typeof ProgressionRecordSchema>;

/** Result of {@link safeParseProgression}. */
export interface ParseProgressionResult {
  /** The records that passed; records with errors are left out. */
  records: ProgressionRecord[];
  issues: DomainIssue[];
}

/**
 * Validate progression records against the staff and catalogue: known employee, supervisor and
 * procedure; steps in order (none skipped back, dates not decreasing); a supervisor for every step
 * from `performsWithGuidance` on, who is not the employee and may perform the procedure alone; one
 * record per employee and procedure. Never throws; bad records come back as issues and are dropped.
 */
export function safeParseProgression(input: unknown, context: { employees: readonly EmployeeInput[]; catalogue: Catalogue }): ParseProgressionResult {
  const issues: DomainIssue[] = [];
  if (!Array.isArray(input)) return { records: [], issues: [issue('INVALID_VALUE', [], 'Forventet en liste med oppføringer', 'Expected a list of records')] };
  const employees = new Map<string, Employee>();
  for (const raw of context.employees) {
    const parsed = EmployeeSchema.safeParse(raw);
    if (parsed.success) employees.set(parsed.data.id, parsed.data);
  }
  const procedures = new Set(context.catalogue.qualifications.map((q) => q.id));
  const records: ProgressionRecord[] = [];
  const seen = new Set<string>();
  input.forEach((raw, i) => {
    const parsed = ProgressionRecordSchema.safeParse(raw);
    if (!parsed.success) {
      for (const x of fromZodIssues(parsed.error.issues)) issues.push({ ...x, path: [i, ...x.path] });
      return;
    }
    const r = parsed.data;
    const before = issues.length;
    if (!employees.has(r.employeeId)) issues.push(issue('UNKNOWN_REFERENCE', [i, 'employeeId'], `Ukjent ansatt «${r.employeeId}»`, `Unknown employee "${r.employeeId}"`));
    if (!procedures.has(r.procedureId)) issues.push(issue('UNKNOWN_REFERENCE', [i, 'procedureId'], `Ukjent prosedyre «${r.procedureId}»`, `Unknown procedure "${r.procedureId}"`));
    const key = `${r.employeeId}|${r.procedureId}`;
    if (seen.has(key)) issues.push(issue('DUPLICATE_RECORD', [i], 'Ansatt og prosedyre har allerede en oppføring', 'Employee and procedure already have a record'));
    seen.add(key);
    r.events.forEach((e, j) => {
      const prev = r.events[j - 1];
      if (prev && PROGRESSION_STEPS.indexOf(e.step) < PROGRESSION_STEPS.indexOf(prev.step)) {
        issues.push(issue('STEP_OUT_OF_ORDER', [i, 'events', j, 'step'], 'Trinnene må komme i rekkefølge', 'Steps must come in order'));
      }
      if (prev && e.date < prev.date) issues.push(issue('DATE_OUT_OF_ORDER', [i, 'events', j, 'date'], 'Datoen er før forrige trinn', 'The date is before the previous step'));
      if (e.step === 'observes') return;
      if (e.supervisorId === undefined) {
        issues.push(issue('SUPERVISOR_MISSING', [i, 'events', j, 'supervisorId'], 'Trinnet krever en veileder', 'The step needs a supervisor'));
        return;
      }
      const supervisor = employees.get(e.supervisorId);
      if (!supervisor) {
        issues.push(issue('UNKNOWN_REFERENCE', [i, 'events', j, 'supervisorId'], `Ukjent veileder «${e.supervisorId}»`, `Unknown supervisor "${e.supervisorId}"`));
      } else if (supervisor.id === r.employeeId) {
        issues.push(issue('SELF_SUPERVISION', [i, 'events', j, 'supervisorId'], 'Den ansatte kan ikke veilede seg selv', 'An employee cannot supervise themselves'));
      } else if (procedures.has(r.procedureId) && !supervisorQualified(supervisor, r.procedureId, context.catalogue)) {
        issues.push(
          issue('SUPERVISOR_NOT_QUALIFIED', [i, 'events', j, 'supervisorId'], 'Veilederen kan ikke selv utføre prosedyren', 'The supervisor may not perform the procedure alone', 'warning'),
        );
      }
    });
    if (!issues.slice(before).some((x) => x.severity === 'error')) records.push(r);
  });
  return { records, issues };
}

/** Tasks of the catalogue that a procedure (qualification) opens. */
export function tasksForProcedure(catalogue: Catalogue, procedureId: string): Task[] {
  return catalogue.tasks.filter((t) => t.qualificationId === procedureId);
}

/** The role that may do every task of a procedure without delegation: the highest `minRole` among them. */
function roleFloor(catalogue: Catalogue, procedureId: string): number | undefined {
  const tasks = tasksForProcedure(catalogue, procedureId);
  if (tasks.length === 0) return undefined;
  return Math.max(...tasks.map((t) => ROLE_LEVEL[t.minRole]));
}

function supervisorQualified(supervisor: Employee, procedureId: string, catalogue: Catalogue): boolean {
  const floor = roleFloor(catalogue, procedureId);
  return supervisor.qualifications.includes(procedureId) || (floor !== undefined && ROLE_LEVEL[supervisor.role] >= floor);
}

/** The step an employee has reached on a procedure on a date, or `undefined` before the first. */
export function stepOn(record: ProgressionRecord, date: string): ProgressionStep | undefined {
  let reached: ProgressionStep | undefined;
  for (const e of record.events) {
    if (e.date > date) break;
    if (reached === undefined || PROGRESSION_STEPS.indexOf(e.step) > PROGRESSION_STEPS.indexOf(reached)) reached = e.step;
  }
  return reached;
}

/** Why someone may perform a procedure alone. */
export type AloneBasis = 'role' | 'progression' | 'qualification';

/** One answer to {@link whoMayPerformAlone}. */
export interface AloneAnswer {
  employeeId: string;
  basis: AloneBasis;
}

/** Input of {@link whoMayPerformAlone} and {@link deriveQualifications}. */
export interface EligibilityContext {
  employees: readonly EmployeeInput[];
  catalogue: Catalogue;
  /** Validated records (see {@link safeParseProgression}). */
  progression?: readonly ProgressionRecord[];
}

function aloneBasis(employee: Employee, procedureId: string, date: string, ctx: EligibilityContext, byEmployee: Map<string, ProgressionRecord>): AloneBasis | undefined {
  const floor = roleFloor(ctx.catalogue, procedureId);
  if (floor !== undefined && ROLE_LEVEL[employee.role] >= floor) return 'role';
  const delegableTo = Math.min(
    ...tasksForProcedure(ctx.catalogue, procedureId).map((t) => {
      const f = delegationFloor(t);
      return f === undefined ? Number.POSITIVE_INFINITY : ROLE_LEVEL[f];
    }),
  );
  if (ROLE_LEVEL[employee.role] < delegableTo) return undefined;
  const record = byEmployee.get(employee.id);
  if (record && stepOn(record, date) === 'performsAlone' && (record.validUntil === undefined || date <= record.validUntil)) return 'progression';
  if (employee.qualifications.includes(procedureId)) return 'qualification';
  return undefined;
}

/**
 * Who may do procedure X alone on a date: employees whose role covers every task of the procedure
 * (`role`), those who reached `performsAlone` on or before the date and whose sign-off has not run
 * out (`progression`), and those whose employee record already lists the qualification
 * (`qualification`) — the latter two only when their role is at least the tasks' `delegableTo`.
 * Throws {@link CompetenceError} `UNKNOWN_PROCEDURE` for a procedure no task of the catalogue uses.
 */
export function whoMayPerformAlone(procedureId: string, date: string, ctx: EligibilityContext): AloneAnswer[] {
  if (tasksForProcedure(ctx.catalogue, procedureId).length === 0) {
    throw new CompetenceError('UNKNOWN_PROCEDURE', `No task of catalogue "${ctx.catalogue.id}" uses procedure "${procedureId}"`, { details: { procedureId } });
  }
  const byEmployee = new Map((ctx.progression ?? []).filter((r) => r.procedureId === procedureId).map((r) => [r.employeeId, r]));
  const out: AloneAnswer[] = [];
  for (const raw of ctx.employees) {
    const parsed = EmployeeSchema.safeParse(raw);
    if (!parsed.success) continue;
    const basis = aloneBasis(parsed.data, procedureId, date, ctx, byEmployee);
    if (basis) out.push({ employeeId: parsed.data.id, basis });
  }
  return out;
}

/**
 * Eligibility the rota can use: every employee with `qualifications` set to exactly the procedures
 * they may perform alone on `date` (by role, by progression, or already listed and still allowed by
 * role). A nurse thereby counts towards a demand line that asks for `insulin`, and a health worker
 * signed off last week does too. Procedures come in catalogue order; qualifications the catalogue does not know are kept as they were;
 * employees that fail the schema are left out.
 */
export function deriveQualifications(date: string, ctx: EligibilityContext): Employee[] {
  const used = new Set(ctx.catalogue.tasks.flatMap((t) => (t.qualificationId === undefined ? [] : [t.qualificationId])));
  const procedures = ctx.catalogue.qualifications.map((q) => q.id).filter((id) => used.has(id));
  const maps = new Map(procedures.map((p) => [p, new Map((ctx.progression ?? []).filter((r) => r.procedureId === p).map((r) => [r.employeeId, r]))]));
  const out: Employee[] = [];
  for (const raw of ctx.employees) {
    const parsed = EmployeeSchema.safeParse(raw);
    if (!parsed.success) continue;
    const e = parsed.data;
    const unknown = e.qualifications.filter((q) => !maps.has(q));
    const held = procedures.filter((p) => aloneBasis(e, p, date, ctx, maps.get(p)!) !== undefined);
    out.push({ ...e, qualifications: [...unknown, ...held] });
  }
  return out;
}
