import { fc, test } from '@fast-check/vitest';
import { addDays, type Problem, parseProblem, type Rota, type RotaCell } from '@omsorg/domain';
import { problemArbitrary, rotaArbitrary } from '@omsorg/domain/testing';
import { describe, expect } from 'vitest';
import { BUILT_IN_KINDS } from '../kinds/catalogue.js';
import { assignmentFromRota } from '../model/assignment.js';
import { compileProblem, OFF } from '../model/compile.js';
import { amlChapter10 } from '../presets/aml.js';
import { coreRules } from '../presets/core.js';
import { combineRules, ksTurnus } from '../presets/ks.js';
import type { RuleInput } from '../rules/rule.js';
import { compileRules } from './compile-rules.js';
import { evaluate, evaluateAssignment } from './evaluate.js';
import { IncrementalEvaluator } from './incremental.js';

/** Every other kind, and other params of the preset kinds, so each constraint's delta path is exercised. */
const EXTRA: RuleInput[] = [
  { id: 'x.eligibility', kind: 'competenceEligibility', level: 'hard', params: { requirements: [{ shifts: { labels: ['night'] }, competence: { roles: ['nurse', 'socialEducator'] } }] } },
  { id: 'x.restMinutes', kind: 'minRestBetweenShifts', level: 'soft', weight: 0.5, params: { minutes: 600, penalty: 'minutes' } },
  { id: 'x.weeklyRolling', kind: 'weeklyRest', level: 'soft', params: { minutes: 2100, mode: 'rolling', penalty: 'minutes' } },
  { id: 'x.rolling24', kind: 'maxWorkIn24h', level: 'soft', params: { minutes: 600, period: 'rolling', penalty: 'minutes' } },
  { id: 'x.divider24', kind: 'maxWorkIn24h', level: 'soft', params: { minutes: 600, dayStartMinute: 480 } },
  { id: 'x.weekNominal', kind: 'maxWorkPerWeek', level: 'soft', params: { minutes: 2000, mode: 'calendarWeek', measure: 'nominal' } },
  { id: 'x.average', kind: 'averageWeeklyHours', level: 'soft', params: { periodWeeks: 2, weighting: { floorMinutes: 1800 } } },
  { id: 'x.minRun', kind: 'consecutiveWorkDays', level: 'soft', params: { min: 2, max: 5, exemptAtBoundaries: false } },
  { id: 'x.offRun', kind: 'consecutiveDaysOff', level: 'soft', params: { min: 2, max: 4 } },
  { id: 'x.succession', kind: 'forbiddenSuccession', level: 'hard', params: { pairs: [{ from: 'A', to: 'D' }, { from: 'N', to: 'D' }, { from: 'N', to: 'LV' }] } },
  { id: 'x.weekendDates', kind: 'weekendWork', level: 'soft', params: { definition: 'dates', maxTotal: 1, maxInWindow: { count: 1, window: 2 } } },
  { id: 'x.sameShiftWeekend', kind: 'completeWeekends', level: 'soft', params: { sameShiftType: true }, scope: { roles: ['nurse', 'healthWorker'] } },
  { id: 'x.sundayAverage', kind: 'sundayHolidayOff', level: 'soft', params: { mode: 'average', averagingWeeks: 2 } },
  { id: 'x.nightWorkerNominal', kind: 'nightWorkerAverage', level: 'soft', params: { periodWeeks: 1, minNightShifts: 2, measure: 'nominal' } },
  { id: 'x.nightsPerWeek', kind: 'shiftTypeCount', level: 'soft', params: { labels: ['night'], min: 1, max: 2, periodDays: 7 } },
  { id: 'x.total', kind: 'totalWorkedMinutes', level: 'soft', params: { min: 1000, max: 6000 } },
  { id: 'x.contracted', kind: 'contractedHours', level: 'soft', params: { toleranceMinutes: 120 } },
  { id: 'x.sickOnly', kind: 'absences', level: 'soft', params: { kinds: ['vacation'] } },
  { id: 'x.fairAll', kind: 'fairness', level: 'soft', weight: 0.25, params: { perPositionPercent: false } },
  { id: 'x.breaks', kind: 'breaks', level: 'soft', params: { breakAfterMinutes: 300, longDayMinutes: 420, minTotalBreakMinutes: 45 } },
  { id: 'x.longConsent', kind: 'longShiftConsent', level: 'soft', params: { maxMinutes: 700 } },
  { id: 'x.overlap', kind: 'oneShiftPerDay', level: 'soft', params: {} },
  { id: 'x.requests', kind: 'requests', level: 'soft', weight: 3, params: {} },
  { id: 'x.coverMax', kind: 'coverage', level: 'soft', params: { target: 'max', weightOver: 2 } },
];
const RULES = combineRules(coreRules(), amlChapter10(), ksTurnus({ longShifts: true }), EXTRA);
const RULES_NO_LONG = combineRules(amlChapter10({ averaging: 'none', sundayHolidayOff: 'average', weeklyRestMode: 'rolling' }), ksTurnus());

/** A small, fast PRNG for the move sequences (the seed comes from fast-check, so runs replay). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const scenario = (employees: { min: number; max: number }, weeks: { min: number; max: number }) =>
  problemArbitrary({ employees, weeks }).chain((problem: Problem) => fc.record({ problem: fc.constant(problem), rota: rotaArbitrary(problem, 0.45), seed: fc.integer() }));

/**
 * The problem with a random history: each employee works a random shift (or is off) on each of the
 * `days` days before the horizon, worked with probability `density`; now and then an explicit off
 * cell marks the earliest day as known.
 */
function withHistory(problem: Problem, seed: number, days: number, density: number): Problem {
  const rnd = mulberry32(seed ^ 0x5bd1e995);
  const history: RotaCell[] = [];
  for (const emp of problem.employees) {
    for (let i = 1; i <= days; i++) {
      const date = addDays(problem.horizon.start, -i);
      if (rnd() < density) history.push({ employeeId: emp.id, date, shiftTypeId: problem.shiftTypes[Math.floor(rnd() * problem.shiftTypes.length)]!.id });
      else if (i === days && rnd() < 0.5) history.push({ employeeId: emp.id, date, shiftTypeId: null });
    }
  }
  return parseProblem({ ...problem, history });
}

/** Generated problems carrying 1–63 days of history (beyond the 56 kept, too) of varying density. */
const historyScenario = (employees: { min: number; max: number }, weeks: { min: number; max: number }) =>
  fc
    .tuple(scenario(employees, weeks), fc.integer({ min: 1, max: 63 }), fc.double({ min: 0.2, max: 0.95, noNaN: true }))
    .map(([s, days, density]) => ({ ...s, problem: withHistory(s.problem, s.seed, days, density) }));

/** Time limit of the move walks (they take a few seconds; shrinking a failure takes longer). */
const LONG = 60_000;

/** Generated problems with a second ward and demand split between the wards. */
const wardScenario = problemArbitrary({ employees: { min: 2, max: 6 }, weeks: { min: 1, max: 3 } })
  .map((p: Problem) =>
    parseProblem({
      ...p,
      wards: [...p.wards, { id: 'w2', unitId: 'u1', name: 'Avdeling 2', residents: 6 }],
      demand: p.demand.map((line, i) => ({ ...line, wardId: i % 2 === 0 ? 'w1' : 'w2' })),
      positions: p.positions.map((pos, i) => ({ ...pos, wardId: i % 2 === 0 ? 'w1' : 'w2' })),
    }),
  )
  .chain((problem) => fc.record({ problem: fc.constant(problem), rota: rotaArbitrary(problem, 0.45), seed: fc.integer() }));

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** Apply `moves` random set/swap moves; every `every` moves compare with a fresh evaluator. Returns the moves applied. */
function walk(problem: Problem, rota: Rota, rules: readonly RuleInput[], seed: number, moves: number, every: number, assert: boolean): number {
  const model = compileProblem(problem);
  const compiled = compileRules(model, rules);
  const inc = new IncrementalEvaluator(model, compiled, assignmentFromRota(model, rota), { assert });
  const rnd = mulberry32(seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  for (let m = 1; m <= moves; m++) {
    const e = pick(model.employees);
    const d = pick(model.days);
    if (rnd() < 0.6) {
      inc.set(e, d, rnd() < 0.3 ? OFF : pick(model.options));
    } else {
      const len = 1 + pick(Math.min(3, model.days - d));
      inc.swap(e, (e + 1 + pick(model.employees - 1)) % model.employees, d, len);
    }
    // check() recomputes every rule from scratch and throws ASSERT_MISMATCH naming the rule that drifted.
    if (m % every === 0) inc.check(`move ${m}`);
    // Another evaluator sharing the compiled rules rebuilds their state for a different rota; `inc`
    // must take them back before its next change.
    if (m % (every * 5) === 0) new IncrementalEvaluator(model, compiled, Int16Array.from(inc.assignment, () => (rnd() < 0.5 ? OFF : pick(model.options))));
  }
  // At the end, rules compiled afresh (no state shared with `inc`) give the same score.
  const fresh = new IncrementalEvaluator(model, rules, inc.assignment);
  expect(close(fresh.hard, inc.hard) && close(fresh.soft, inc.soft), `${JSON.stringify(inc.score)} vs ${JSON.stringify(fresh.score)}`).toBe(true);
  const full = evaluateAssignment(model, fresh.rules, inc.assignment);
  expect(close(full.score.hard, inc.hard) && close(full.score.soft, inc.soft)).toBe(true);
  return moves;
}

describe('IncrementalEvaluator against full evaluation', () => {
  test('the test rule set uses every built-in kind', () => {
    const kinds = new Set(RULES.map((r) => r.kind));
    expect(BUILT_IN_KINDS.filter((k) => !kinds.has(k.kind)).map((k) => k.kind)).toEqual([]);
  });

  let total = 0;
  test.prop([scenario({ min: 2, max: 8 }, { min: 1, max: 6 })], { numRuns: 28 })(
    'given a generated problem, all presets and every kind, 2500 random set/swap moves keep the incremental score equal to a full recomputation (checked every 100 moves)',
    ({ problem, rota, seed }) => {
      total += walk(problem, rota, RULES, seed, 2500, 100, false);
    },
    LONG,
  );

  test.prop([scenario({ min: 2, max: 4 }, { min: 1, max: 5 })], { numRuns: 20 })(
    'given the other preset options (no averaging, Sunday average, rolling weekly rest, no long shifts), 1000 moves agree too',
    ({ problem, rota, seed }) => {
      total += walk(problem, rota, RULES_NO_LONG, seed, 1000, 100, false);
    },
    LONG,
  );

  test.prop([wardScenario], { numRuns: 15 })(
    'given demand per ward (options are shift type × ward, staff placed in one ward), 1000 moves agree too',
    ({ problem, rota, seed }) => {
      total += walk(problem, rota, RULES, seed, 1000, 100, false);
    },
    LONG,
  );

  test.prop([historyScenario({ min: 2, max: 6 }, { min: 1, max: 5 })], { numRuns: 20 })(
    'given problems with history before the horizon, 1500 random set/swap moves keep the incremental score equal to a full recomputation',
    ({ problem, rota, seed }) => {
      total += walk(problem, rota, RULES, seed, 1500, 100, false);
    },
    LONG,
  );

  test.prop([historyScenario({ min: 2, max: 3 }, { min: 1, max: 2 })], { numRuns: 10 })('given history and assert mode on small problems, every single move is checked', ({ problem, rota, seed }) => {
    total += walk(problem, rota, RULES_NO_LONG, seed, 300, 1000, true);
  }, LONG);

  test.prop([scenario({ min: 2, max: 3 }, { min: 1, max: 2 })], { numRuns: 15 })('given assert mode on small problems, every single move is checked against a full recomputation', ({ problem, rota, seed }) => {
    total += walk(problem, rota, RULES, seed, 300, 1000, true);
  }, LONG);

  test('at least 100 000 random moves were checked in total', () => {
    expect(total).toBeGreaterThanOrEqual(100_000);
  });
});

describe('evaluate and the IncrementalEvaluator', () => {
  test.prop([fc.oneof(scenario({ min: 1, max: 6 }, { min: 1, max: 4 }), historyScenario({ min: 1, max: 6 }, { min: 1, max: 4 }))], { numRuns: 60 })(
    'given the same rota (with or without history), evaluate’s score equals the incremental evaluator’s, and each rule’s violations add up to its penalty',
    ({ problem, rota }) => {
      const ev = evaluate(problem, rota, RULES);
      const model = compileProblem(problem);
      const inc = new IncrementalEvaluator(model, RULES, assignmentFromRota(model, rota));
      expect(close(ev.score.hard, inc.hard) && close(ev.score.soft, inc.soft)).toBe(true);
      for (const r of ev.rules) {
        const sum = ev.violations.filter((v) => v.ruleId === r.ruleId).reduce((s, v) => s + v.weighted, 0);
        expect({ rule: r.ruleId, sum: Math.round(sum * 1e6) / 1e6 }).toEqual({ rule: r.ruleId, sum: Math.round(r.score * 1e6) / 1e6 });
      }
    },
    LONG,
  );
});
