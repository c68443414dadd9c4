import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  DomainValidationError,
  ProblemSchema,
  parseProblem,
  resolveDemand,
  safeParseProblem,
  TOP_LEVEL_SCHEMAS,
  toJsonSchema,
} from '../index.js';
import { problemArbitrary } from '../testing/index.js';

const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'docs', 'schemas');

const minimal = {
  id: 'p',
  name: 'Test',
  horizon: { start: '2026-03-23', days: 14 },
  units: [{ id: 'u1', name: 'Sykehjem', kind: 'nursingHome' }],
  wards: [{ id: 'w1', unitId: 'u1', name: 'A' }],
  employees: [
    { id: 'e1', name: 'Kari', role: 'nurse' },
    { id: 'e2', name: 'Ola', role: 'healthWorker' },
  ],
  positions: [{ id: 'p1', employeeId: 'e1', unitId: 'u1', percent: 80, start: '2020-01-01' }],
  shiftTypes: [{ id: 'D', name: 'Dag', start: '07:00', durationMinutes: 480 }],
  demand: [
    { shiftTypeId: 'D', dayTypes: ['weekday'], min: 2 },
    { shiftTypeId: 'D', dayTypes: ['saturday', 'sunday', 'holiday'], min: 1 },
    { shiftTypeId: 'D', date: '2026-03-25', min: 0 },
  ],
};

describe('ProblemSchema and cross-reference checks', () => {
  it('accepts a minimal problem and applies defaults', () => {
    const p = parseProblem(minimal);
    expect(p.timeZone).toBe('Europe/Oslo');
    expect(p.employees[0]!.qualifications).toEqual([]);
    expect(p.positions[0]!.weeklyHoursNorm).toBe(35.5);
  });

  it('reports unknown references, overlapping absences and unmet competence with paths', () => {
    const bad = {
      ...minimal,
      positions: [{ id: 'p1', employeeId: 'ghost', unitId: 'u1', percent: 80, start: '2020-01-01' }],
      absences: [
        { id: 'a1', employeeId: 'e1', kind: 'vacation', start: '2026-03-23', end: '2026-03-27' },
        { id: 'a2', employeeId: 'e1', kind: 'sick', start: '2026-03-26', end: '2026-03-28' },
      ],
      demand: [{ shiftTypeId: 'D', min: 1, competence: { roles: ['socialEducator'] } }],
    };
    const result = safeParseProblem(bad);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['UNKNOWN_REFERENCE', 'positions.0.employeeId'],
      ['DEMAND_WITHOUT_STAFF', 'demand.0.competence'],
      ['OVERLAPPING_ABSENCES', 'absences.1'],
    ]);
    expect(result.issues[0]!.message.nb).toContain('Ukjent ansatt');
    expect(() => parseProblem(bad)).toThrow(DomainValidationError);
  });

  it('turns schema errors into issues instead of throwing', () => {
    const result = safeParseProblem({ ...minimal, horizon: { start: '2026-02-30', days: 0 } });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.path.join('.'))).toEqual(['horizon.start', 'horizon.days']);
    expect(safeParseProblem('not json').ok).toBe(false);
    expect(safeParseProblem(null).ok).toBe(false);
  });

  it('resolves demand: date beats holiday beats weekday', () => {
    const p = parseProblem(minimal);
    const days = resolveDemand(p);
    expect(days).toHaveLength(14);
    expect(days[0]!.map((d) => d.min)).toEqual([2]); // Monday
    expect(days[2]!.map((d) => d.min)).toEqual([0]); // the dated line
    expect(days[5]!.map((d) => d.min)).toEqual([1]); // Saturday
    // 2026-04-02 (Maundy Thursday, day 10) is a holiday: the weekday line does not apply.
    expect(days[10]!.map((d) => [d.date, d.min])).toEqual([['2026-04-02', 1]]);
  });
});

describe('JSON Schemas', () => {
  it.each(Object.keys(TOP_LEVEL_SCHEMAS) as (keyof typeof TOP_LEVEL_SCHEMAS)[])('docs/schemas/%s.schema.json is up to date (run `pnpm schemas`)', (name) => {
    const onDisk = JSON.parse(readFileSync(join(docsDir, `${name}.schema.json`), 'utf8'));
    expect(onDisk).toEqual(toJsonSchema(name));
  });
});

describe('generated problems (properties)', () => {
  test.prop([problemArbitrary()])('every generated problem passes schema and cross-reference validation', (problem) => {
    const result = safeParseProblem(problem);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  test.prop([problemArbitrary()])('JSON round-trips losslessly', (problem) => {
    const back = ProblemSchema.parse(JSON.parse(JSON.stringify(problem)));
    expect(back).toEqual(problem);
  });

  test.prop([fc.anything()])('untrusted input never throws from safeParseProblem', (input) => {
    expect(() => safeParseProblem(input)).not.toThrow();
  });
});
