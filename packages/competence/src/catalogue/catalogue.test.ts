import { checkProblem, ProblemSchema, ROLE_LEVEL, TaskSchema } from '@omsorg/domain';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from './default.js';
import { editCatalogue, parseCatalogue, safeParseCatalogue } from './schema.js';

describe('default catalogue', () => {
  it('holds 33 tasks in three categories and 7 delegable procedures, every one valid', () => {
    const c = defaultCatalogue();
    expect(c.tasks).toHaveLength(33);
    expect(c.qualifications.map((q) => q.id)).toEqual(['medication', 'insulin', 'injection', 'catheter', 'blood-glucose', 'vital-signs', 'compression']);
    expect(new Set(c.tasks.map((t) => t.category))).toEqual(new Set(['healthProfessional', 'practical', 'nonHealth']));
    for (const t of c.tasks) expect(TaskSchema.safeParse(t).success).toBe(true);
    expect(safeParseCatalogue(c)).toMatchObject({ ok: true, issues: [] });
  });

  it('names medication, insulin, wound care, catheter, vital signs, hygiene, meals, cleaning, laundry and escort', () => {
    const ids = defaultCatalogue().tasks.map((t) => t.id);
    for (const id of ['medication-administration', 'insulin', 'wound-care-complex', 'catheterisation', 'vital-signs', 'morning-care', 'shower', 'meal-assistance', 'cleaning', 'laundry', 'escort']) {
      expect(ids).toContain(id);
    }
  });

  it('delegates only to a role below the minimum, always with a qualification', () => {
    for (const t of defaultCatalogue().tasks.filter((x) => x.delegable)) {
      expect(t.qualificationId).toBeDefined();
      expect(ROLE_LEVEL[t.delegableTo!]).toBeLessThan(ROLE_LEVEL[t.minRole]);
    }
  });

  it('is a fresh copy each time, so one edit does not leak into the next caller', () => {
    const a = defaultCatalogue();
    a.tasks[0]!.minRole = 'assistant';
    expect(defaultCatalogue().tasks[0]!.minRole).toBe('nurse');
  });

  it('passes the domain cross-reference checks when put into a problem', () => {
    const c = defaultCatalogue();
    const problem = ProblemSchema.parse({
      id: 'p',
      name: 'p',
      horizon: { start: '2027-01-04', days: 7 },
      employees: [],
      shiftTypes: [{ id: 'D', name: 'Dag', start: '07:00', durationMinutes: 480 }],
      qualifications: c.qualifications,
      tasks: c.tasks,
    });
    expect(checkProblem(problem)).toEqual([]);
  });
});

describe('catalogue validation and edits', () => {
  it('given a duplicate task, an unknown qualification and delegation upwards, reports exactly those three with paths', () => {
    const result = safeParseCatalogue({
      id: 'x',
      qualifications: [],
      tasks: [
        { id: 'a', name: { nb: 'A', en: 'A' }, category: 'practical', minRole: 'assistant', typicalDurationMinutes: 5 },
        { id: 'a', name: { nb: 'A', en: 'A' }, category: 'practical', minRole: 'assistant', typicalDurationMinutes: 5 },
        { id: 'b', name: { nb: 'B', en: 'B' }, category: 'healthProfessional', minRole: 'healthWorker', qualificationId: 'q', delegable: true, delegableTo: 'nurse', typicalDurationMinutes: 5 },
      ],
    });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['DUPLICATE_ID', 'tasks.1.id'],
      ['UNKNOWN_REFERENCE', 'tasks.2.qualificationId'],
      ['DELEGATION_NOT_BELOW_MIN_ROLE', 'tasks.2.delegableTo'],
    ]);
    expect(result.issues[0]!.message.nb).toContain('flere ganger');
  });

  it('given schema-invalid input, returns INVALID_VALUE issues and does not throw', () => {
    const result = safeParseCatalogue({ id: 'x', tasks: [{ id: 'a' }] });
    expect(result.ok).toBe(false);
    expect(result.issues.every((i) => i.code === 'INVALID_VALUE')).toBe(true);
    expect(() => parseCatalogue({ id: 'x', tasks: [] })).toThrowError(expect.objectContaining({ code: 'INVALID_CATALOGUE' }));
  });

  it('applies a municipality\'s edits: stop delegating insulin, remove shopping, add a task', () => {
    const result = editCatalogue(defaultCatalogue(), {
      id: 'grimstad-2027',
      change: { insulin: { delegable: false } },
      remove: ['shopping'],
      add: [{ id: 'key-handover', name: { nb: 'Nøkkelutlevering', en: 'Key handover' }, category: 'nonHealth', minRole: 'serviceWorker', typicalDurationMinutes: 5 }],
    });
    expect(result.ok).toBe(true);
    const c = result.catalogue!;
    expect(c.id).toBe('grimstad-2027');
    expect(c.tasks.find((t) => t.id === 'insulin')!.delegable).toBe(false);
    expect(c.tasks.some((t) => t.id === 'shopping')).toBe(false);
    expect(c.tasks.at(-1)!.id).toBe('key-handover');
  });

  it('reports a change to a task that does not exist', () => {
    const result = editCatalogue(defaultCatalogue(), { change: { nope: { minRole: 'nurse' } } });
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ code: 'UNKNOWN_REFERENCE', path: ['change', 'nope'] });
  });
});
