import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RotaError } from '../errors.js';
import { BUILT_IN_KINDS } from '../kinds/catalogue.js';
import { compileProblem } from '../model/compile.js';
import { brief, evalLines, hardRule, makeProblem, rota } from '../test-fixtures/problems.js';
import { parseRules } from './compile-rules.js';
import { evaluate } from './evaluate.js';
import { IncrementalEvaluator } from './incremental.js';

const week = makeProblem({ start: '2025-03-03', days: 7, employees: 2 });

function rotaError(fn: () => unknown): RotaError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RotaError);
    return e as RotaError;
  }
  throw new Error('expected a RotaError');
}

describe('evaluate', () => {
  test('given a rule scoped to nurses, only Kari (nurse) is penalised, not Ola (health worker)', () => {
    const ev = evalLines(week, { e1: 'D D D D D D D', e2: 'D D D D D D D' }, [hardRule('consecutiveWorkDays', { max: 5 }, { scope: { roles: ['nurse'] } })]);
    expect(brief(ev)).toEqual([{ ruleId: 'consecutiveWorkDays', employeeId: 'e1', date: '2025-03-03', endDate: '2025-03-09', amount: 2 }]);
  });

  test('given hard and soft rules, violations list hard first, then by date, and rules report weight, penalty and score', () => {
    const ev = evalLines(week, { e1: 'K D - - - - D', e2: '- - - - - - -' }, [
      { id: 'soft.days', kind: 'consecutiveDaysOff', level: 'soft', weight: 2.5, params: { max: 3 } },
      hardRule('minRestBetweenShifts', { minutes: 660 }),
    ]);
    expect(ev.violations.map((v) => [v.level, v.ruleId, v.employeeId, v.date, v.weighted])).toEqual([
      ['hard', 'minRestBetweenShifts', 'e1', '2025-03-03', 1],
      ['soft', 'soft.days', 'e2', '2025-03-03', 10],
      ['soft', 'soft.days', 'e1', '2025-03-05', 2.5],
    ]);
    expect(ev.rules).toEqual([
      { ruleId: 'soft.days', kind: 'consecutiveDaysOff', level: 'soft', weight: 2.5, penalty: 5, score: 12.5 },
      { ruleId: 'minRestBetweenShifts', kind: 'minRestBetweenShifts', level: 'hard', weight: 1, penalty: 1, score: 1 },
    ]);
    expect(ev.score).toEqual({ hard: 1, soft: 12.5 });
  });

  test('given a rule without a legal reference but with a description, the message cites the description', () => {
    const ev = evalLines(week, { e1: 'K D - - - - -' }, [hardRule('minRestBetweenShifts', { minutes: 660 }, { description: { nb: 'lokal avtale om hvile', en: 'local rest agreement' } })]);
    expect(ev.violations[0]!.message.nb).toBe('Kari har 9 t hvile mellom kveldsvakt 3. mars og dagvakt 4. mars; lokal avtale om hvile krever 11 t.');
  });

  test('given malformed rules, RULE_INVALID lists every problem (unknown kind, bad params, duplicate id)', () => {
    const e = rotaError(() =>
      parseRules([
        { id: 'a', kind: 'noSuchKind', level: 'hard', params: {} },
        { id: 'b', kind: 'minRestBetweenShifts', level: 'hard', params: { minutes: -5 } },
        { id: 'b', kind: 'breaks', level: 'hard', params: {} },
        { id: 'c', kind: 'weekendWork', level: 'soft', params: {} },
      ]),
    );
    expect(e.code).toBe('RULE_INVALID');
    expect(e.details!.problems).toEqual([
      'rules.0: unknown kind "noSuchKind"',
      expect.stringMatching(/^rules\.1 \(b\): params minutes /),
      'rules.2: duplicate rule id "b"',
      'rules.3 (c): params (root) give maxTotal or maxInWindow',
    ]);
  });

  test('given cells for an unknown employee, a date outside the horizon and an unknown shift type, ROTA_MISMATCH lists them', () => {
    const e = rotaError(() =>
      evaluate(
        week,
        {
          cells: [
            { employeeId: 'e9', date: '2025-03-03', shiftTypeId: 'D' },
            { employeeId: 'e1', date: '2025-03-10', shiftTypeId: 'D' },
            { employeeId: 'e1', date: '2025-03-04', shiftTypeId: 'X' },
          ],
        },
        [],
      ),
    );
    expect(e.code).toBe('ROTA_MISMATCH');
    expect(e.details!.cells).toEqual(['cells.0: unknown employee e9', 'cells.1: date 2025-03-10 outside the horizon', 'cells.2: unknown shift type X']);
  });

  test('given a drifted incremental state, assert mode throws ASSERT_MISMATCH naming the rule', () => {
    const model = compileProblem(week);
    const inc = new IncrementalEvaluator(model, [hardRule('minRestBetweenShifts', { minutes: 660 })], new Int16Array(model.employees * model.days).fill(-1), { assert: true });
    inc.penalties[0] = 7;
    const e = rotaError(() => inc.set(0, 0, 0));
    expect(e.code).toBe('ASSERT_MISMATCH');
    expect(e.details).toMatchObject({ ruleId: 'minRestBetweenShifts', incremental: 7, full: 0 });
  });

  test('given an off cell written explicitly or left out, the evaluation is the same', () => {
    const listed = evaluate(week, rota(week, { e1: 'D - D - - - -' }), [hardRule('consecutiveDaysOff', { min: 2 })]);
    const sparse = evaluate(week, { cells: [{ employeeId: 'e1', date: '2025-03-03', shiftTypeId: 'D' }, { employeeId: 'e1', date: '2025-03-05', shiftTypeId: 'D' }] }, [hardRule('consecutiveDaysOff', { min: 2 })]);
    expect(sparse.score).toEqual(listed.score);
    expect(listed.score.hard).toBe(1);
  });
});

describe('the catalogue', () => {
  test('every built-in kind has unit tests in kinds/*.test.ts', () => {
    const dir = new URL('../kinds/', import.meta.url);
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
      .join('\n');
    expect(BUILT_IN_KINDS.map((k) => k.kind).filter((k) => !text.includes(`describe('${k}`))).toEqual([]);
  });
});
