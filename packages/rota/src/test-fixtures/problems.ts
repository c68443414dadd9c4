/**
 * Small hand-built problems and rotas for the unit tests: 1–3 employees, a few weeks, the shift
 * types of a Norwegian nursing home. Not part of the public API.
 */
import { addDays, type Problem, parseProblem, type RotaCell } from '@omsorg/domain';
import { type Evaluation, evaluate } from '../engine/evaluate.js';
import { IncrementalEvaluator } from '../engine/incremental.js';
import { assignmentFromRota, emptyAssignment } from '../model/assignment.js';
import { compileProblem } from '../model/compile.js';
import type { RuleInput } from '../rules/rule.js';

/** Dagvakt 07:00–15:00, Kveldsvakt 14:00–22:00, Nattevakt 21:30–07:30, Langvakt 08:00–20:30. */
export const SHIFT_TYPES = [
  { id: 'D', name: 'Dagvakt', start: '07:00', durationMinutes: 480, unpaidBreakMinutes: 30, labels: ['day'] },
  { id: 'K', name: 'Kveldsvakt', start: '14:00', durationMinutes: 480, unpaidBreakMinutes: 30, labels: ['evening'] },
  { id: 'N', name: 'Nattevakt', start: '21:30', durationMinutes: 600, labels: ['night'] },
  { id: 'LV', name: 'Langvakt', start: '08:00', durationMinutes: 750, unpaidBreakMinutes: 45, labels: ['day', 'long'] },
] as const;

/** Names of the test employees, in index order (ids e1, e2, e3). */
export const NAMES = ['Kari', 'Ola', 'Nora'] as const;

/** Options of {@link makeProblem}. */
export interface MakeProblemOptions {
  start: string;
  days: number;
  employees?: number;
  shiftTypes?: readonly Record<string, unknown>[];
  percent?: readonly number[];
  longShiftsAgreed?: readonly boolean[];
  extra?: Record<string, unknown>;
}

/** A valid problem with employees Kari (e1), Ola (e2), Nora (e3), each in a 100 % turnus position (35.5 h). */
export function makeProblem(o: MakeProblemOptions): Problem {
  const n = o.employees ?? 1;
  const ids = Array.from({ length: n }, (_, i) => `e${i + 1}`);
  return parseProblem({
    id: 'test',
    name: 'Testproblem',
    horizon: { start: o.start, days: o.days },
    units: [{ id: 'u1', name: 'Sykehjem', kind: 'nursingHome' }],
    wards: [{ id: 'w1', unitId: 'u1', name: 'Avdeling 1', residents: 10 }],
    employees: ids.map((id, i) => ({ id, name: NAMES[i]!, role: i === 0 ? 'nurse' : 'healthWorker' })),
    positions: ids.map((id, i) => ({
      id: `p${i + 1}`,
      employeeId: id,
      unitId: 'u1',
      percent: o.percent?.[i] ?? 100,
      weeklyHoursNorm: 35.5,
      start: '2020-01-01',
      longShiftsAgreed: o.longShiftsAgreed?.[i] ?? false,
    })),
    shiftTypes: o.shiftTypes ?? SHIFT_TYPES,
    ...o.extra,
  });
}

/**
 * Cells from one line per employee: shift type ids separated by spaces, `-` for off, starting on the
 * horizon's first date. `{ e1: 'D D - K' }`.
 */
export function cells(problem: Problem, lines: Record<string, string>): RotaCell[] {
  return Object.entries(lines).flatMap(([employeeId, line]) =>
    line
      .trim()
      .split(/\s+/)
      .map((code, i) => ({ employeeId, date: addDays(problem.horizon.start, i), shiftTypeId: code === '-' ? null : code })),
  );
}

/** A rota of the given lines. */
export function rota(problem: Problem, lines: Record<string, string>): { cells: RotaCell[] } {
  return { cells: cells(problem, lines) };
}

/** Cells putting employee `employeeId` on `shiftTypeId` at the given dates. */
export function at(employeeId: string, shiftTypeId: string, ...dates: string[]): RotaCell[] {
  return dates.map((date) => ({ employeeId, date, shiftTypeId }));
}

/**
 * Evaluate `rules` on the rota given as lines, and check on the way that the incremental evaluator,
 * building the same rota cell by cell from an empty one in assert mode, ends on the same score.
 */
export function evalLines(problem: Problem, lines: Record<string, string>, rules: readonly RuleInput[]): Evaluation {
  const r = rota(problem, lines);
  const ev = evaluate(problem, r, rules);
  const model = compileProblem(problem);
  const target = assignmentFromRota(model, r);
  const inc = new IncrementalEvaluator(model, rules, emptyAssignment(model), { assert: true });
  target.forEach((o, k) => inc.set(Math.floor(k / model.days), k % model.days, o));
  if (Math.abs(inc.hard - ev.score.hard) > 1e-6 || Math.abs(inc.soft - ev.score.soft) > 1e-6) {
    throw new Error(`incremental ${JSON.stringify(inc.score)} ≠ evaluate ${JSON.stringify(ev.score)}`);
  }
  return ev;
}

/** The violations reduced to what the unit tests compare. */
export function brief(ev: Evaluation): { ruleId: string; employeeId?: string; date?: string; endDate?: string; amount: number }[] {
  return ev.violations.map((v) => ({
    ruleId: v.ruleId,
    ...(v.employeeId !== undefined ? { employeeId: v.employeeId } : {}),
    ...(v.date !== undefined ? { date: v.date } : {}),
    ...(v.endDate !== undefined ? { endDate: v.endDate } : {}),
    amount: v.amount,
  }));
}

/** A hard rule of a kind, with id = kind unless given. */
export function hardRule(kind: string, params: Record<string, unknown> = {}, extra: Partial<RuleInput> = {}): RuleInput {
  return { id: kind, kind, level: 'hard', params, ...extra };
}
