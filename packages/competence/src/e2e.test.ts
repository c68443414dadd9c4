import { type DemandInput, resolveDemand, safeParseProblem } from '@omsorg/domain';
import { describe, expect, it } from 'vitest';
import { allocateOccurrences } from './allocation.js';
import { defaultCatalogue } from './catalogue/default.js';
import { deriveDemand } from './demand.js';
import { expandServiceDecisions, occurrenceMinutes } from './occurrences.js';
import { deriveQualifications, safeParseProgression } from './progression.js';
import { liaDecisions, liaProblem } from './test-fixtures/lia.js';

/**
 * End to end on the sample nursing home (Lia sykehjem, two wards, 60 staff): service decisions for
 * its 32 residents over two weeks across the spring DST change → occurrences → allocation with the
 * real staff → demand per role per shift → a planning problem the domain accepts.
 */
describe('Lia sykehjem: service decisions to demand for the rota', () => {
  const sample = liaProblem();
  const catalogue = defaultCatalogue();
  const horizon = { start: '2027-03-22', days: 14 };
  const residents = sample.residents ?? [];
  const decisions = liaDecisions(residents.map((r) => r.id));
  const healthWorkers = sample.employees.filter((e) => e.role === 'healthWorker');
  const nurse = sample.employees.find((e) => e.role === 'nurse')!;
  // Ten health workers signed off for medication administration on 1 March.
  const { records: progression, issues: progressionIssues } = safeParseProgression(
    healthWorkers.slice(0, 10).map((e) => ({
      employeeId: e.id,
      procedureId: 'medication',
      events: [
        { step: 'observes', date: '2027-02-01' },
        { step: 'performsWithGuidance', date: '2027-02-08', supervisorId: nurse.id },
        { step: 'performsUnderSupervision', date: '2027-02-15', supervisorId: nurse.id },
        { step: 'performsAlone', date: '2027-03-01', supervisorId: nurse.id, evidence: 'Legemiddelkurs og signert delegering' },
      ],
    })),
    { employees: sample.employees, catalogue },
  );
  const staff = deriveQualifications(horizon.start, { employees: sample.employees, catalogue, progression });
  const shiftTypes = sample.shiftTypes.filter((s) => s.id !== 'LV');
  const { occurrences, issues: expandIssues } = expandServiceDecisions({ decisions, residents, catalogue, period: horizon });
  const allocation = allocateOccurrences(occurrences, { catalogue, shiftTypes, staff, roleShifts: { serviceWorker: ['S'] }, shiftRoles: { S: ['serviceWorker'] } });
  const derived = deriveDemand(allocation, { shiftTypes });

  it('expands and allocates every occurrence, conserving task minutes', () => {
    expect(progressionIssues).toEqual([]);
    expect(expandIssues).toEqual([]);
    expect(occurrences.length).toBeGreaterThan(7000);
    expect(allocation.unallocated).toEqual([]);
    expect(allocation.issues).toEqual([]);
    expect(derived.allocatedMinutes).toBe(occurrences.reduce((s, o) => s + occurrenceMinutes(o), 0));
  });

  it('gives medication to signed-off health workers, insulin to health workers holding it, wound care to nurses, cleaning to the service shift', () => {
    const roleOf = (taskId: string) => new Set(allocation.allocations.filter((a) => a.taskId === taskId).map((a) => `${a.role}${a.qualificationId ? `/${a.qualificationId}` : ''}`));
    expect(roleOf('medication-administration')).toEqual(new Set(['healthWorker/medication']));
    expect(roleOf('insulin')).toEqual(new Set(['healthWorker/insulin']));
    expect(roleOf('wound-care-complex')).toEqual(new Set(['nurse']));
    expect(roleOf('medication-preparation')).toEqual(new Set(['nurse']));
    expect(new Set(allocation.allocations.filter((a) => a.taskId === 'cleaning').map((a) => `${a.role}@${a.shiftTypeId}`))).toEqual(new Set(['serviceWorker@S']));
  });

  it('builds a problem with the sample\'s staff and the derived demand that safeParseProblem accepts', () => {
    const result = safeParseProblem({
      ...sample,
      horizon,
      employees: staff,
      demand: derived.demand satisfies DemandInput[],
      tasks: catalogue.tasks,
      qualifications: catalogue.qualifications,
      serviceDecisions: decisions,
    });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    // Every derived line dated inside the horizon resolves on its date; a night shift that starts the
    // evening before the horizon (for tasks just after midnight) is a warning, not an error.
    const perDay = resolveDemand(result.problem!);
    const inside = derived.demand.filter((d) => d.date! >= horizon.start);
    expect(perDay.flat()).toHaveLength(inside.length);
    expect(result.issues.map((i) => i.code)).toEqual(derived.demand.filter((d) => d.date! < horizon.start).map(() => 'OUTSIDE_HORIZON'));
    // Complex wound care on Mondays and Thursdays in both wards: a nurse on the day shift.
    for (const date of ['2027-03-22', '2027-03-25', '2027-03-29', '2027-04-01']) {
      for (const ward of ['sol', 'fjell']) {
        const nurseLine = perDay.flat().find((d) => d.date === date && d.wardId === ward && d.shiftTypeId === 'D' && d.competence.roles?.join() === 'socialEducator,nurse');
        expect(nurseLine?.min).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('needs fewer nurse shifts than a catalogue without delegation would', () => {
    const strict = { ...catalogue, tasks: catalogue.tasks.map((t) => ({ ...t, delegable: false })) };
    const strictOcc = expandServiceDecisions({ decisions, residents, catalogue: strict, period: horizon }).occurrences;
    const strictDemand = deriveDemand(allocateOccurrences(strictOcc, { catalogue: strict, shiftTypes, staff, roleShifts: { serviceWorker: ['S'] }, shiftRoles: { S: ['serviceWorker'] } }), { shiftTypes });
    expect(strictDemand.byRole.nurse.personShifts).toBeGreaterThan(derived.byRole.nurse.personShifts);
    expect(strictDemand.byRole.nurse.taskMinutes).toBeGreaterThan(derived.byRole.nurse.taskMinutes);
    // The figures quoted in docs/competence.md: 72 nurse shifts without delegation, 12 with it.
    expect([strictDemand.byRole.nurse.personShifts, derived.byRole.nurse.personShifts]).toEqual([72, 12]);
  });
});
