import type { z } from 'zod';
import { addDays, dayNumber } from './calendar/dates.js';
import { type DomainIssue, DomainValidationError } from './errors.js';
import { type Problem, ProblemSchema } from './schemas/problem.js';

type Path = (string | number)[];

function issue(code: string, path: Path, nb: string, en: string, severity: DomainIssue['severity'] = 'error'): DomainIssue {
  return { code, path, message: { nb, en }, severity };
}

/** Convert zod issues into {@link DomainIssue}s (code `INVALID_VALUE`, zod's message in both languages). */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): DomainIssue[] {
  return issues.map((i) =>
    issue('INVALID_VALUE', i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), `Ugyldig verdi: ${i.message}`, `Invalid value: ${i.message}`),
  );
}

/**
 * Cross-reference checks on a schema-valid problem: unknown ids, duplicate ids, overlapping absences,
 * demand for a competence nobody has, positions outside their unit. Returns issues; never throws.
 */
export function checkProblem(problem: Problem): DomainIssue[] {
  const out: DomainIssue[] = [];
  const idSet = (key: keyof Problem, items: readonly { id: string }[]) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) out.push(issue('DUPLICATE_ID', [key, i, 'id'], `Id «${item.id}» er brukt flere ganger`, `Id "${item.id}" is used more than once`));
      seen.add(item.id);
    });
    return seen;
  };
  const units = idSet('units', problem.units);
  const wards = idSet('wards', problem.wards);
  const teams = idSet('teams', problem.teams);
  const quals = idSet('qualifications', problem.qualifications);
  const employees = idSet('employees', problem.employees);
  idSet('positions', problem.positions);
  const shifts = idSet('shiftTypes', problem.shiftTypes);
  idSet('absences', problem.absences);
  idSet('requests', problem.requests);
  const residents = idSet('residents', problem.residents);
  const tasks = idSet('tasks', problem.tasks);
  idSet('serviceDecisions', problem.serviceDecisions);
  idSet('devices', problem.devices);

  const ref = (set: Set<string>, id: string | undefined, path: Path, what: { nb: string; en: string }) => {
    if (id !== undefined && !set.has(id)) {
      out.push(issue('UNKNOWN_REFERENCE', path, `Ukjent ${what.nb} «${id}»`, `Unknown ${what.en} "${id}"`));
    }
  };
  const UNIT = { nb: 'enhet', en: 'unit' };
  const WARD = { nb: 'avdeling', en: 'ward' };
  const TEAM = { nb: 'team', en: 'team' };
  const EMP = { nb: 'ansatt', en: 'employee' };
  const SHIFT = { nb: 'vakttype', en: 'shift type' };
  const QUAL = { nb: 'kvalifikasjon', en: 'qualification' };
  const RES = { nb: 'beboer', en: 'resident' };
  const TASK = { nb: 'oppgave', en: 'task' };

  const wardUnit = new Map(problem.wards.map((w) => [w.id, w.unitId]));
  problem.wards.forEach((w, i) => ref(units, w.unitId, ['wards', i, 'unitId'], UNIT));
  problem.teams.forEach((t, i) => ref(units, t.unitId, ['teams', i, 'unitId'], UNIT));
  problem.employees.forEach((e, i) => {
    ref(teams, e.teamId, ['employees', i, 'teamId'], TEAM);
    e.qualifications.forEach((q, j) => ref(quals, q, ['employees', i, 'qualifications', j], QUAL));
  });
  problem.positions.forEach((p, i) => {
    ref(employees, p.employeeId, ['positions', i, 'employeeId'], EMP);
    ref(units, p.unitId, ['positions', i, 'unitId'], UNIT);
    ref(wards, p.wardId, ['positions', i, 'wardId'], WARD);
    if (p.wardId && wardUnit.has(p.wardId) && wardUnit.get(p.wardId) !== p.unitId) {
      out.push(issue('WARD_NOT_IN_UNIT', ['positions', i, 'wardId'], `Avdeling «${p.wardId}» hører ikke til enhet «${p.unitId}»`, `Ward "${p.wardId}" is not in unit "${p.unitId}"`));
    }
  });
  // An employee's positions may not add up to more than 100 % at any time.
  const percentByEmployee = new Map<string, number>();
  for (const p of problem.positions) percentByEmployee.set(p.employeeId, (percentByEmployee.get(p.employeeId) ?? 0) + p.percent);
  problem.employees.forEach((e, i) => {
    const total = percentByEmployee.get(e.id) ?? 0;
    if (total > 100 + 1e-9) {
      out.push(issue('POSITIONS_OVER_FULL_TIME', ['employees', i], `${e.name} har stillinger på til sammen ${total} %`, `${e.name} holds positions totalling ${total} %`, 'warning'));
    }
  });
  problem.shiftTypes.forEach((s, i) => ref(units, s.unitId, ['shiftTypes', i, 'unitId'], UNIT));

  const first = problem.horizon.start;
  const last = addDays(first, problem.horizon.days - 1);
  const holders = (req: Problem['demand'][number]['competence']) =>
    problem.employees.some((e) => (!req.roles || req.roles.includes(e.role)) && (!req.qualificationId || e.qualifications.includes(req.qualificationId)));
  problem.demand.forEach((d, i) => {
    ref(shifts, d.shiftTypeId, ['demand', i, 'shiftTypeId'], SHIFT);
    ref(units, d.unitId, ['demand', i, 'unitId'], UNIT);
    ref(wards, d.wardId, ['demand', i, 'wardId'], WARD);
    ref(quals, d.competence.qualificationId, ['demand', i, 'competence', 'qualificationId'], QUAL);
    if ((d.preferred ?? d.min) > 0 && !holders(d.competence)) {
      out.push(issue('DEMAND_WITHOUT_STAFF', ['demand', i, 'competence'], 'Ingen ansatte har kompetansen dette behovet krever', 'No employee has the competence this demand requires'));
    }
    if (d.date && (d.date < first || d.date > last)) {
      out.push(issue('OUTSIDE_HORIZON', ['demand', i, 'date'], `Datoen ${d.date} er utenfor planperioden`, `Date ${d.date} is outside the horizon`, 'warning'));
    }
  });

  const absencesByEmployee = new Map<string, { start: string; end: string; index: number }[]>();
  problem.absences.forEach((a, i) => {
    ref(employees, a.employeeId, ['absences', i, 'employeeId'], EMP);
    const list = absencesByEmployee.get(a.employeeId) ?? [];
    for (const other of list) {
      if (a.start <= other.end && other.start <= a.end) {
        out.push(issue('OVERLAPPING_ABSENCES', ['absences', i], `Fraværet overlapper fravær nr. ${other.index}`, `Absence overlaps absence #${other.index}`));
      }
    }
    list.push({ start: a.start, end: a.end, index: i });
    absencesByEmployee.set(a.employeeId, list);
  });
  problem.requests.forEach((r, i) => {
    ref(employees, r.employeeId, ['requests', i, 'employeeId'], EMP);
    ref(shifts, r.shiftTypeId, ['requests', i, 'shiftTypeId'], SHIFT);
  });
  problem.history.forEach((c, i) => {
    ref(employees, c.employeeId, ['history', i, 'employeeId'], EMP);
    if (c.shiftTypeId !== null) ref(shifts, c.shiftTypeId, ['history', i, 'shiftTypeId'], SHIFT);
    if (dayNumber(c.date) >= dayNumber(first)) {
      out.push(issue('HISTORY_NOT_BEFORE_HORIZON', ['history', i, 'date'], 'Historikk må ligge før planperioden', 'History must lie before the horizon'));
    }
  });
  problem.residents.forEach((r, i) => {
    ref(units, r.unitId, ['residents', i, 'unitId'], UNIT);
    ref(wards, r.wardId, ['residents', i, 'wardId'], WARD);
    ref(teams, r.teamId, ['residents', i, 'teamId'], TEAM);
  });
  problem.tasks.forEach((t, i) => {
    ref(quals, t.qualificationId, ['tasks', i, 'qualificationId'], QUAL);
    if (t.delegable && !t.qualificationId) {
      out.push(issue('DELEGATION_WITHOUT_QUALIFICATION', ['tasks', i], 'En delegerbar oppgave må ha en kvalifikasjon', 'A delegable task needs a qualification'));
    }
  });
  problem.serviceDecisions.forEach((d, i) => {
    ref(residents, d.residentId, ['serviceDecisions', i, 'residentId'], RES);
    d.services.forEach((s, j) => ref(tasks, s.taskId, ['serviceDecisions', i, 'services', j, 'taskId'], TASK));
  });
  problem.devices.forEach((d, i) => {
    ref(units, d.unitId, ['devices', i, 'unitId'], UNIT);
    ref(wards, d.wardId, ['devices', i, 'wardId'], WARD);
    ref(residents, d.residentId, ['devices', i, 'residentId'], RES);
  });
  return out;
}

/** Result of {@link safeParseProblem}. */
export type ParseProblemResult =
  | { ok: true; problem: Problem; issues: DomainIssue[] }
  | { ok: false; problem?: undefined; issues: DomainIssue[] };

/**
 * Validate untrusted input as a problem: schema, then cross-references. Never throws. `ok` is false
 * when any issue has severity `error`; warnings come back with a usable problem.
 */
export function safeParseProblem(input: unknown): ParseProblemResult {
  const parsed = ProblemSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues) };
  const issues = checkProblem(parsed.data);
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, problem: parsed.data, issues };
}

/** Validate a problem and throw {@link DomainValidationError} listing every error when invalid. */
export function parseProblem(input: unknown): Problem {
  const result = safeParseProblem(input);
  if (!result.ok) throw new DomainValidationError(result.issues, 'Problem');
  return result.problem;
}
