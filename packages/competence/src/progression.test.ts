import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from './catalogue/default.js';
import { deriveQualifications, type ProgressionRecordInput, safeParseProgression, stepOn, whoMayPerformAlone } from './progression.js';

const catalogue = defaultCatalogue();
const employees = [
  { id: 'kari', name: 'Kari (sykepleier)', role: 'nurse' as const },
  { id: 'ola', name: 'Ola (helsefagarbeider)', role: 'healthWorker' as const },
  { id: 'siri', name: 'Siri (helsefagarbeider)', role: 'healthWorker' as const, qualifications: ['insulin'] },
  { id: 'per', name: 'Per (assistent)', role: 'assistant' as const, qualifications: ['insulin'] },
  { id: 'lise', name: 'Lise (servicemedarbeider)', role: 'serviceWorker' as const },
];
const olaInsulin: ProgressionRecordInput = {
  employeeId: 'ola',
  procedureId: 'insulin',
  events: [
    { step: 'observes', date: '2027-01-10' },
    { step: 'performsWithGuidance', date: '2027-01-17', supervisorId: 'kari' },
    { step: 'performsUnderSupervision', date: '2027-01-24', supervisorId: 'kari', evidence: 'Observert 3 ganger' },
    { step: 'performsAlone', date: '2027-02-01', supervisorId: 'kari', evidence: 'Signert delegeringsskjema' },
  ],
  validUntil: '2028-01-31',
};

describe('progression records', () => {
  it('accepts a complete four-step record and tells the step on each date', () => {
    const { records, issues } = safeParseProgression([olaInsulin], { employees, catalogue });
    expect(issues).toEqual([]);
    const r = records[0]!;
    expect(stepOn(r, '2027-01-09')).toBeUndefined();
    expect(stepOn(r, '2027-01-10')).toBe('observes');
    expect(stepOn(r, '2027-01-30')).toBe('performsUnderSupervision');
    expect(stepOn(r, '2027-02-01')).toBe('performsAlone');
  });

  it('given steps out of order, a missing supervisor and self-supervision, reports each with its path and drops the record', () => {
    const { records, issues } = safeParseProgression(
      [
        {
          employeeId: 'ola',
          procedureId: 'catheter',
          events: [
            { step: 'performsUnderSupervision', date: '2027-01-10', supervisorId: 'kari' },
            { step: 'observes', date: '2027-01-09' },
            { step: 'performsAlone', date: '2027-01-20' },
          ],
        },
        { employeeId: 'siri', procedureId: 'insulin', events: [{ step: 'performsWithGuidance', date: '2027-01-10', supervisorId: 'siri' }] },
      ],
      { employees, catalogue },
    );
    expect(records).toEqual([]);
    expect(issues.map((i) => `${i.code} ${i.path.join('.')}`)).toEqual([
      'STEP_OUT_OF_ORDER 0.events.1.step',
      'DATE_OUT_OF_ORDER 0.events.1.date',
      'SUPERVISOR_MISSING 0.events.2.supervisorId',
      'SELF_SUPERVISION 1.events.0.supervisorId',
    ]);
  });

  it('warns when the supervisor may not perform the procedure alone, and rejects unknown ids', () => {
    const { records, issues } = safeParseProgression(
      [
        { employeeId: 'ola', procedureId: 'catheter', events: [{ step: 'performsWithGuidance', date: '2027-01-10', supervisorId: 'lise' }] },
        { employeeId: 'nobody', procedureId: 'teleport', events: [{ step: 'observes', date: '2027-01-10' }] },
        { employeeId: 'ola', events: [] },
      ],
      { employees, catalogue },
    );
    expect(records).toHaveLength(1);
    expect(issues.map((i) => `${i.code} ${i.severity} ${i.path.join('.')}`)).toEqual([
      'SUPERVISOR_NOT_QUALIFIED warning 0.events.0.supervisorId',
      'UNKNOWN_REFERENCE error 1.employeeId',
      'UNKNOWN_REFERENCE error 1.procedureId',
      'INVALID_VALUE error 2.procedureId',
      'INVALID_VALUE error 2.events',
    ]);
    expect(safeParseProgression({ not: 'a list' }, { employees, catalogue }).issues).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', path: [] })]);
  });
});

describe('who may do a procedure alone today', () => {
  const { records: progression } = safeParseProgression([olaInsulin], { employees, catalogue });

  it('on 2027-02-15: the nurse by role, Ola by progression, Siri by her listed qualification; not the assistant', () => {
    expect(whoMayPerformAlone('insulin', '2027-02-15', { employees, catalogue, progression })).toEqual([
      { employeeId: 'kari', basis: 'role' },
      { employeeId: 'ola', basis: 'progression' },
      { employeeId: 'siri', basis: 'qualification' },
    ]);
  });

  it('before Ola\'s sign-off, and after it runs out, only Kari and Siri', () => {
    const ids = (date: string) => whoMayPerformAlone('insulin', date, { employees, catalogue, progression }).map((a) => a.employeeId);
    expect(ids('2027-01-31')).toEqual(['kari', 'siri']);
    expect(ids('2028-02-01')).toEqual(['kari', 'siri']);
  });

  it('throws UNKNOWN_PROCEDURE for a procedure no task uses', () => {
    expect(() => whoMayPerformAlone('teleport', '2027-02-15', { employees, catalogue })).toThrowError(expect.objectContaining({ code: 'UNKNOWN_PROCEDURE' }));
  });

  it('derives qualifications for the rota: nurses hold every procedure, Ola gains insulin, the assistant loses it', () => {
    const derived = Object.fromEntries(deriveQualifications('2027-02-15', { employees, catalogue, progression }).map((e) => [e.id, e.qualifications]));
    expect(derived.kari).toEqual(['medication', 'insulin', 'injection', 'catheter', 'blood-glucose', 'vital-signs', 'compression']);
    expect(derived.ola).toEqual(['insulin', 'blood-glucose', 'vital-signs', 'compression']);
    expect(derived.per).toEqual([]);
    expect(derived.lise).toEqual([]);
  });
});
