import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine/evaluate.js';
import { curtoisToProblem, parseCurtois } from './curtois.js';

const instance1 = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'curtois', 'Instance1.txt'), 'utf8');

function load() {
  const parsed = parseCurtois(instance1);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message.en).join('; '));
  return { instance: parsed.instance, ...curtoisToProblem(parsed.instance) };
}

const employees = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
const days = Array.from({ length: 14 }, (_, d) => d);
const date = (d: number) => `2024-01-${String(d + 1).padStart(2, '0')}`;
const roster = (work: Record<string, number[]>) => ({
  cells: employees.flatMap((e) => days.map((d) => ({ employeeId: e, date: date(d), shiftTypeId: work[e]?.includes(d) ? 'D' : null }))),
});

describe('Curtois & Qu import', () => {
  it('reads Instance1 completely', () => {
    const { instance } = load();
    expect(instance.horizon).toBe(14);
    expect(instance.shifts).toEqual([{ id: 'D', minutes: 480, forbiddenNext: [] }]);
    expect(instance.staff).toHaveLength(8);
    expect(instance.staff[0]).toEqual({ id: 'A', maxShifts: { D: 14 }, maxTotalMinutes: 4320, minTotalMinutes: 3360, maxConsecutiveShifts: 5, minConsecutiveShifts: 2, minConsecutiveDaysOff: 2, maxWeekends: 1 });
    expect(instance.onRequests).toHaveLength(21);
    expect(instance.offRequests).toHaveLength(5);
    expect(instance.cover.map((c) => c.requirement)).toEqual([5, 7, 6, 4, 5, 5, 5, 6, 7, 4, 2, 5, 6, 4]);
  });

  it('an empty roster: objective = 71 missing × 100 + 37 unmet on-request weight = 7137; hard = 8 × 3360 minutes short', () => {
    const { problem, rules } = load();
    const result = evaluate(problem, roster({}), rules);
    expect(result.score.soft).toBe(7137);
    expect(result.score.hard).toBe(8 * 3360);
    expect(result.rules.find((r) => r.ruleId === 'curtois.cover')!.penalty).toBe(7100);
    expect(result.rules.find((r) => r.ruleId === 'curtois.requests')!.penalty).toBe(37);
  });

  it('A working days 2–3 grants two requests (−4) and covers two people (−200): 6933', () => {
    const { problem, rules } = load();
    const result = evaluate(problem, roster({ A: [2, 3] }), rules);
    expect(result.score.soft).toBe(6933);
    expect(result.score.hard).toBe(7 * 3360 + (3360 - 960));
  });

  it('everyone on day 10 (requirement 2) costs 6 over-cover and breaks the two-day minimum run', () => {
    const { problem, rules } = load();
    const result = evaluate(problem, roster(Object.fromEntries(employees.map((e) => [e, [10]]))), rules);
    // day 10: 8 worked, requirement 2 → 6 over × 1; other days 71 − 2 = 69 missing × 100; requests: H's day-10 request granted (−1).
    expect(result.score.soft).toBe(6 + 6900 + 36);
    // Each one-day run (day off on both sides) is 1 short of the minimum of 2; E's fixed day off is day 9, not 10.
    expect(result.rules.find((r) => r.ruleId.startsWith('curtois.minConsecutive'))!.penalty).toBe(8);
  });

  it('a fixed day off, a third weekend and a six-day run are hard violations', () => {
    const { problem, rules } = load();
    // A: day 0 is a fixed day off; days 0–5 is a six-day run (max 5); days 5–6 is a weekend, as are 12–13 (max 1).
    const result = evaluate(problem, roster({ A: [0, 1, 2, 3, 4, 5, 12, 13] }), rules);
    const byRule = Object.fromEntries(result.rules.filter((r) => r.level === 'hard' && r.penalty > 0).map((r) => [r.ruleId.replace(/\.\d+$/, ''), r.penalty]));
    expect(byRule['curtois.daysOff']).toBe(1);
    expect(byRule['curtois.maxConsecutive']).toBe(1);
    expect(byRule['curtois.maxWeekends']).toBe(1);
  });

  it('never throws on malformed input; it reports the line', () => {
    const bad = parseCurtois('SECTION_HORIZON\nfourteen\nSECTION_SHIFTS\nD,abc,\nSECTION_COVER\n0,X,1,100,1\n');
    expect(bad.ok).toBe(false);
    expect(bad.issues.map((i) => [i.code, i.path.join(':')])).toEqual([
      ['CURTOIS_SYNTAX', 'line:2'],
      ['CURTOIS_SYNTAX', 'line:4'],
      ['CURTOIS_SYNTAX', 'line:0'],
      ['CURTOIS_REFERENCE', 'reference'],
    ]);
    expect(parseCurtois('').ok).toBe(false);
    expect(() => parseCurtois('\u0000\u0001garbage,,,|||')).not.toThrow();
  });
});
