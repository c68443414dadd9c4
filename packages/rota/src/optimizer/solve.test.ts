import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { addDays, dateRange, type Problem, parseProblem, type Rota } from '@omsorg/domain';
import { problemArbitrary, rotaArbitrary } from '@omsorg/domain/testing';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../engine/compile-rules.js';
import { evaluate } from '../engine/evaluate.js';
import { curtoisToProblem, parseCurtois } from '../io/curtois.js';
import { assignmentFromRota } from '../model/assignment.js';
import { compileProblem } from '../model/compile.js';
import type { RuleInput } from '../rules/rule.js';
import { columnGenerationWindows } from './cg/windows.js';
import { COLUMN_GENERATION_LONG_MAX_DAYS, COLUMN_GENERATION_LONG_MIN_MS, COLUMN_GENERATION_MAX_DAYS, solve } from './solve.js';

/** Rules every planted problem is built to satisfy. */
const PLANTED_RULES: RuleInput[] = [
  { id: 'cover', kind: 'coverage', level: 'hard', params: { target: 'min' } },
  { id: 'absences', kind: 'absences', level: 'hard', params: {} },
  { id: 'maxRun', kind: 'consecutiveWorkDays', level: 'hard', params: { max: 6 } },
  { id: 'requests', kind: 'requests', level: 'soft', params: {} },
];

/** A problem built around a hidden rota: demand per date and shift is exactly what the hidden rota covers. */
const plantedArbitrary = problemArbitrary({ employees: { min: 2, max: 6 }, weeks: { min: 1, max: 3 } }).chain((base) =>
  rotaArbitrary(base, 0.55).map((hidden) => {
    const absent = new Set(base.absences.flatMap((a) => dateRange(a.start, 1 + (Date.parse(a.end) - Date.parse(a.start)) / 86_400_000).map((d) => `${a.employeeId}|${d}`)));
    const cells = hidden.cells.map((c) => (absent.has(`${c.employeeId}|${c.date}`) ? { ...c, shiftTypeId: null } : c));
    const counts = new Map<string, number>();
    for (const c of cells) if (c.shiftTypeId) counts.set(`${c.date}|${c.shiftTypeId}`, (counts.get(`${c.date}|${c.shiftTypeId}`) ?? 0) + 1);
    const demand = [...counts.entries()].map(([key, n], i) => {
      const [date, shiftTypeId] = key.split('|') as [string, string];
      return { id: `d${i}`, date, shiftTypeId, min: n, preferred: n };
    });
    const problem = parseProblem({ ...base, demand });
    return { problem, hidden: { ...hidden, cells } as Rota };
  }),
);

/** Curtois Instance1 (the fixture) as a problem and its rules. */
function instance1() {
  const parsed = parseCurtois(readFileSync(fileURLToPath(new URL('../../fixtures/curtois/Instance1.txt', import.meta.url)), 'utf8'));
  if (!parsed.ok) throw new Error('fixture Instance1 does not parse');
  return curtoisToProblem(parsed.instance, { id: 'Instance1' });
}

describe('solve (properties)', () => {
  test.prop([plantedArbitrary], { numRuns: 15 })('planted feasibility: finds a rota with no hard violation', async ({ problem, hidden }) => {
    fc.pre(evaluate(problem, hidden, PLANTED_RULES).score.hard === 0);
    const result = await solve(problem, PLANTED_RULES, { timeLimitMs: 20_000, seed: 3, targetScore: { hard: 0, soft: Number.POSITIVE_INFINITY } });
    expect(result.score.hard).toBe(0);
    expect(result.feasible).toBe(true);
    expect(result.diagnosis).toEqual([]);
  });

  test.prop([problemArbitrary({ employees: { min: 2, max: 5 }, weeks: { min: 1, max: 2 } }), fc.integer({ min: 1, max: 1000 })], { numRuns: 10 })(
    'the reported score equals a fresh full evaluation, and the same seed gives the same rota',
    async (problem, seed) => {
      const rules: RuleInput[] = [
        { id: 'cover', kind: 'coverage', level: 'hard', params: { target: 'min' } },
        { id: 'pref', kind: 'coverage', level: 'soft', params: { target: 'preferred', weightUnder: 5, weightOver: 1 } },
        { id: 'rest', kind: 'minRestBetweenShifts', level: 'hard', params: { minutes: 660 } },
        { id: 'weekend', kind: 'weekendWork', level: 'soft', weight: 3, params: { maxInWindow: { count: 1, window: 2 } } },
        { id: 'requests', kind: 'requests', level: 'soft', params: {} },
        { id: 'fair', kind: 'fairness', level: 'soft', params: { days: 'weekend' } },
      ];
      const a = await solve(problem, rules, { timeLimitMs: 60_000, maxIterations: 20_000, seed });
      const again = await solve(problem, rules, { timeLimitMs: 60_000, maxIterations: 20_000, seed });
      const fresh = evaluate(problem, a.rota, rules);
      expect(a.score.hard).toBeCloseTo(fresh.score.hard, 6);
      expect(a.score.soft).toBeCloseTo(fresh.score.soft, 6);
      expect(again.rota).toEqual(a.rota);
      expect(a.stoppedBy).toBe('iterations');
    },
  );

  test.prop([problemArbitrary({ employees: { min: 2, max: 5 }, weeks: { min: 1, max: 2 } }), fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true }))], { numRuns: 10 })(
    'pinned cells never change',
    async (problem, draws) => {
      const dates = dateRange(problem.horizon.start, problem.horizon.days);
      const it = draws[Symbol.iterator]();
      const pinned = problem.employees.flatMap((e) =>
        dates.flatMap((date) => {
          if (it.next().value! > 0.3) return [];
          const absent = problem.absences.some((x) => x.employeeId === e.id && date >= x.start && date <= x.end);
          const u = it.next().value!;
          const shiftTypeId = absent || u < 0.4 ? null : problem.shiftTypes[Math.floor(u * problem.shiftTypes.length) % problem.shiftTypes.length]!.id;
          return [{ employeeId: e.id, date, shiftTypeId, pinned: true }];
        }),
      );
      const rules: RuleInput[] = [{ id: 'cover', kind: 'coverage', level: 'soft', params: { target: 'preferred', weightUnder: 10, weightOver: 1 } }];
      const result = await solve(problem, rules, { timeLimitMs: 60_000, maxIterations: 10_000, seed: 5, pinned });
      const byKey = new Map(result.rota.cells.map((c) => [`${c.employeeId}|${c.date}`, c]));
      for (const p of pinned) {
        const got = byKey.get(`${p.employeeId}|${p.date}`)!;
        expect(got.shiftTypeId).toBe(p.shiftTypeId);
        expect(got.pinned).toBe(true);
      }
    },
  );
});

function smallProblem(): Problem {
  return parseProblem({
    id: 'small',
    name: 'Liten avdeling',
    horizon: { start: '2026-03-16', days: 28 },
    employees: Array.from({ length: 8 }, (_, i) => ({ id: `e${i}`, name: `Ansatt ${i}`, role: i < 3 ? 'nurse' : 'healthWorker' })),
    positions: Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, employeeId: `e${i}`, unitId: 'u', percent: 80, start: '2020-01-01' })),
    units: [{ id: 'u', name: 'Sykehjem', kind: 'nursingHome' }],
    shiftTypes: [
      { id: 'D', name: 'Dagvakt', start: '07:00', durationMinutes: 480, unpaidBreakMinutes: 30, labels: ['day'] },
      { id: 'A', name: 'Aftenvakt', start: '14:30', durationMinutes: 480, unpaidBreakMinutes: 30, labels: ['evening'] },
    ],
    demand: [
      { shiftTypeId: 'D', min: 2, preferred: 2 },
      { shiftTypeId: 'A', min: 1, preferred: 2 },
    ],
  });
}

describe('solve', () => {
  const rules: RuleInput[] = [
    { id: 'cover', kind: 'coverage', level: 'hard', params: { target: 'min' } },
    { id: 'pref', kind: 'coverage', level: 'soft', params: { target: 'preferred', weightUnder: 10 } },
    { id: 'rest', kind: 'minRestBetweenShifts', level: 'hard', params: { minutes: 660 }, legalRef: { source: 'AML', section: '§ 10-8 (1)' } },
    { id: 'run', kind: 'consecutiveWorkDays', level: 'hard', params: { max: 5 } },
    { id: 'weekends', kind: 'weekendWork', level: 'hard', params: { maxInWindow: { count: 1, window: 2 } } },
  ];

  it('an abort returns the best so far promptly', async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 100);
    const result = await solve(smallProblem(), rules, { timeLimitMs: 60_000, seed: 1, signal: controller.signal });
    const elapsed = performance.now() - started;
    expect(result.stoppedBy).toBe('abort');
    // Within 100 ms of the abort on an idle machine; allow for a loaded CI runner.
    expect(elapsed).toBeLessThan(2_000);
    expect(result.rota.cells).toHaveLength(8 * 28);
  });

  it('reports progress with the best so far', async () => {
    const seen: number[] = [];
    await solve(smallProblem(), rules, { timeLimitMs: 400, seed: 1, progressIntervalMs: 50, onProgress: (p) => seen.push(p.best.hard * 1e6 + p.best.soft) });
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeLessThanOrEqual(seen[i - 1]!);
  });

  it('a grunnturnus repeats its cycle and is checked across the wrap', async () => {
    const result = await solve(smallProblem(), rules, { timeLimitMs: 60_000, maxIterations: 200_000, seed: 2, cycleWeeks: 2 });
    expect(result.rota.cycleWeeks).toBe(2);
    const byKey = new Map(result.rota.cells.map((c) => [`${c.employeeId}|${c.date}`, c.shiftTypeId]));
    for (const c of result.rota.cells) {
      const later = addDays(c.date, 14);
      if (byKey.has(`${c.employeeId}|${later}`)) expect(byKey.get(`${c.employeeId}|${later}`)).toBe(c.shiftTypeId);
    }
    // The evaluation covers two cycles, so a rest or run violation across the wrap would show.
    expect(evaluate(smallProblem(), result.rota, rules).score).toEqual(result.score);
  });

  it('given a night shift in the history on the day before the horizon and hard daily rest, never rosters a shift on day 1 for those who worked it', async () => {
    const base = smallProblem();
    const problem = parseProblem({
      ...base,
      shiftTypes: [...base.shiftTypes, { id: 'N', name: 'Nattevakt', start: '21:30', durationMinutes: 600, labels: ['night'] }],
      history: ['e0', 'e1', 'e2'].map((employeeId) => ({ employeeId, date: '2026-03-15', shiftTypeId: 'N' })),
    });
    const result = await solve(problem, rules, { timeLimitMs: 60_000, maxIterations: 100_000, seed: 4, targetScore: { hard: 0, soft: Number.POSITIVE_INFINITY } });
    expect(result.score.hard).toBe(0);
    const first = result.rota.cells.filter((c) => c.date === '2026-03-16' && ['e0', 'e1', 'e2'].includes(c.employeeId));
    expect(first.map((c) => c.shiftTypeId)).toEqual([null, null, null]);
    // Day 1 is still covered (at least 2 day, 1 evening) by the other five.
    expect(result.rota.cells.filter((c) => c.date === '2026-03-16' && c.shiftTypeId !== null).length).toBeGreaterThanOrEqual(3);
    expect(evaluate(problem, result.rota, rules).score).toEqual(result.score);
  });

  it('given Curtois Instance1 and column generation (the default), it proves the optimum 607 there (enumeration below the gap, master MIP): stoppedBy "optimal" within seconds, no MIP repair after', { timeout: 60_000 }, async () => {
    const { problem, rules: curtois } = instance1();
    const result = await solve(problem, curtois, { timeLimitMs: 40_000, seed: 1 });
    expect(result.stoppedBy).toBe('optimal');
    expect(result.score).toEqual({ hard: 0, soft: 607 });
    expect(result.phases.map((p) => p.name)).toEqual(['construction', 'columnGeneration']);
    // About 1 s quiet; 15 s leaves room for a loaded runner.
    expect(result.elapsedMs).toBeLessThan(15_000);
    expect(evaluate(problem, result.rota, curtois).score).toEqual(result.score);
  });

  it('given Curtois Instance1 (small enough for one MIP), column generation off and 40 s, it returns the optimum 607 with stoppedBy "optimal", long before the limit', { timeout: 60_000 }, async () => {
    const { problem, rules: curtois } = instance1();
    const result = await solve(problem, curtois, { timeLimitMs: 40_000, seed: 1, localSearchShare: 0.1, columnGeneration: 'off' });
    expect(result.stoppedBy).toBe('optimal');
    expect(result.score).toEqual({ hard: 0, soft: 607 });
    // The local search's tenth (to the end of its cooling cycle), then the whole-problem repair with
    // 40 % of the rest at most: well under 36 s even on a loaded runner (about 4 s quiet).
    expect(result.elapsedMs).toBeLessThan(30_000);
    expect(evaluate(problem, result.rota, curtois).score).toEqual(result.score);
  });

  it('given Curtois Instance1, column generation off and a local search cut short (a cycle of 2000 moves) that leaves hard points, rowRepair mends them before anything else runs, and the rota ends legal', { timeout: 60_000 }, async () => {
    const { problem, rules: curtois } = instance1();
    // A share so small that it is over before the search starts: exactly one cooling cycle runs, the
    // same moves on any machine (with 0.001, 5 ms, a fast machine ran cycles enough to end legal).
    const options = { timeLimitMs: 6_000, seed: 1, localSearchShare: 1e-6, columnGeneration: 'off', annealing: { cycleIterations: 2000 } } as const;
    const result = await solve(problem, curtois, options);
    const names = result.phases.map((p) => p.name);
    expect(names.slice(0, 3)).toEqual(['construction', 'localSearch', 'rowRepair']);
    const repair = result.phases[2]!;
    expect(repair.before.hard).toBeGreaterThan(0);
    expect(repair.after.hard).toBe(0);
    expect(names).not.toContain('legalize');
    expect(result.score.hard).toBe(0);
    expect(evaluate(problem, result.rota, curtois).score).toEqual(result.score);
    // Without it, the local search makes the rota legal (legalize) instead.
    const without = await solve(problem, curtois, { ...options, rowRepair: false });
    expect(without.phases.map((p) => p.name)).not.toContain('rowRepair');
    expect(without.phases.map((p) => p.name)).toContain('legalize');
  });

  it('given 98 days (past COLUMN_GENERATION_MAX_DAYS, so column generation over windows) and rules with row programs, the windows run and the rota is legal at the score a fresh evaluation gives', { timeout: 60_000 }, async () => {
    const problem = parseProblem({ ...smallProblem(), horizon: { start: '2026-03-16', days: 98 } });
    const rowRules: RuleInput[] = [
      { id: 'cover', kind: 'coverage', level: 'soft', params: { target: 'min', weightUnder: 100 } },
      { id: 'pref', kind: 'coverage', level: 'soft', params: { target: 'preferred', weightUnder: 10 } },
      { id: 'rest', kind: 'minRestBetweenShifts', level: 'hard', params: { minutes: 660 } },
      { id: 'run', kind: 'consecutiveWorkDays', level: 'hard', params: { max: 5 } },
      { id: 'off', kind: 'consecutiveDaysOff', level: 'hard', params: { min: 2 } },
      { id: 'weekends', kind: 'weekendWork', level: 'hard', params: { definition: 'dates', maxTotal: 7 } },
    ];
    const result = await solve(problem, rowRules, { timeLimitMs: 8000, seed: 1, columnGenerationWindowShare: 1 });
    expect(result.feasible).toBe(true);
    expect(evaluate(problem, result.rota, rowRules).score).toEqual(result.score);
    // Not vacuous: the windows accept these rules (they do not decline) and start from the result.
    const model = compileProblem(problem);
    const compiled = compileRules(model, rowRules);
    const w = await columnGenerationWindows(model, compiled, assignmentFromRota(model, result.rota), { timeLimitMs: 1500, windowTimeMs: 1000, seed: 1 });
    expect(w.declined).toBeUndefined();
    expect(w.windows).toBeGreaterThan(0);
    expect(w.score.soft).toBeLessThanOrEqual(result.score.soft);
  });

  it('given 98 days and a time limit of COLUMN_GENERATION_LONG_MIN_MS (2 min), the start comes from column generation over the whole horizon; 1 ms less, from the local search', { timeout: 60_000 }, async () => {
    const problem = parseProblem({ ...smallProblem(), horizon: { start: '2026-03-16', days: 98 } });
    const rowRules: RuleInput[] = [
      { id: 'cover', kind: 'coverage', level: 'soft', params: { target: 'min', weightUnder: 100 } },
      { id: 'rest', kind: 'minRestBetweenShifts', level: 'hard', params: { minutes: 660 } },
      { id: 'run', kind: 'consecutiveWorkDays', level: 'hard', params: { max: 5 } },
    ];
    // Both runs are aborted after 1.5 s (the choice is made at the start), unless column generation proves its rota optimal first.
    const phasesOf = async (timeLimitMs: number) => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 1500);
      try {
        const result = await solve(problem, rowRules, { timeLimitMs, seed: 1, signal: controller.signal });
        expect(['abort', 'optimal']).toContain(result.stoppedBy);
        return result.phases.map((p) => p.name);
      } finally {
        clearTimeout(timer);
      }
    };
    expect(COLUMN_GENERATION_MAX_DAYS).toBeLessThan(98);
    expect(COLUMN_GENERATION_LONG_MAX_DAYS).toBeGreaterThanOrEqual(98);
    const long = await phasesOf(COLUMN_GENERATION_LONG_MIN_MS);
    expect(long[0]).toBe('construction');
    expect(long[1]).toBe('columnGeneration');
    const short = await phasesOf(COLUMN_GENERATION_LONG_MIN_MS - 1);
    expect(short).not.toContain('columnGeneration');
    expect(short[1]).toBe('localSearch');
  });

  it('diagnoses demand that no rota can meet instead of hanging', async () => {
    const problem = parseProblem({ ...smallProblem(), demand: [{ shiftTypeId: 'D', min: 9, competence: {} }] });
    const result = await solve(problem, rules, { timeLimitMs: 300, seed: 1 });
    expect(result.feasible).toBe(false);
    expect(result.diagnosis[0]).toMatchObject({ code: 'DEMAND_EXCEEDS_STAFF', amount: 1, date: '2026-03-16' });
    expect(result.diagnosis[0]!.message.nb).toContain('bare 8 kan jobbe');
  });
});
