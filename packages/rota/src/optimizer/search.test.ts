import { describe, expect, test } from 'vitest';
import { compileRules } from '../engine/compile-rules.js';
import { IncrementalEvaluator } from '../engine/incremental.js';
import { assignmentFromRota } from '../model/assignment.js';
import { compileProblem } from '../model/compile.js';
import type { RuleInput } from '../rules/rule.js';
import { makeProblem, rota } from '../test-fixtures/problems.js';
import { competenceFlags, lateAcceptanceSearch, polishHard } from './search.js';
import { searchSpace } from './solve.js';

// Monday 3 March 2025, three weeks: weekends 8–9, 15–16 and 22–23 March. Kari (e1) and Ola (e2).
const start = '2025-03-03';
const RULES: RuleInput[] = [
  { id: 'weekends', kind: 'weekendWork', level: 'hard', params: { definition: 'dates', maxInWindow: { count: 1, window: 2 } } },
  { id: 'cover', kind: 'coverage', level: 'hard', params: { target: 'min' } },
];
const problem = makeProblem({
  start,
  days: 21,
  employees: 2,
  extra: { demand: [{ id: 'weekend-D', shiftTypeId: 'D', dayTypes: ['saturday', 'sunday'], min: 1, preferred: 1 }] },
});
// Kari works the first two weekends (two in a window of two: one too many), Ola the third.
const LINES = {
  e1: '- - - - - D D - - - - - D D - - - - - - -',
  e2: '- - - - - - - - - - - - - - - - - - - D D',
};

function setup(lines: Record<string, string>) {
  const model = compileProblem(problem);
  const compiled = compileRules(model, RULES);
  const inc = new IncrementalEvaluator(model, compiled, assignmentFromRota(model, rota(problem, lines)));
  return { model, inc, space: searchSpace(model, compiled, model.days, 1) };
}

describe('hardHotSpots', () => {
  test('given Kari on two weekends in a row, exactly one hot spot: Kari, from Saturday 8 to Sunday 16 March, no shift hint', () => {
    const { inc } = setup(LINES);
    const hot = inc.hardHotSpots();
    expect(hot.count).toBe(1);
    expect([hot.employee[0], hot.day[0], hot.endDay[0], hot.option[0]]).toEqual([0, 5, 13, -2]);
  });

  test('given nobody on Sunday 23 March, a roster hot spot (employee -1) on day 20 hinting the day shift', () => {
    const { inc, model } = setup({ e1: '- - - - - D D - - - - - - - - - - - - D -', e2: '- - - - - - - - - - - - D D - - - - - - -' });
    const hot = inc.hardHotSpots();
    expect(hot.count).toBe(1);
    expect([hot.employee[0], hot.day[0], hot.endDay[0]]).toEqual([-1, 20, 20]);
    expect(model.shiftIds[model.optionShift[hot.option[0]!]!]).toBe('D');
  });

  test('given a legal rota, no hot spots', () => {
    expect(setup({ e1: '- - - - - D D - - - - - - - - - - - - D D', e2: '- - - - - - - - - - - - D D - - - - - - -' }).inc.hardHotSpots().count).toBe(0);
  });
});

describe('softHotSpots', () => {
  test('given cover as a soft rule and nobody on Sunday 23 March, the soft hot spots list it (roster, day 20, the day shift), the hard ones nothing', () => {
    const model = compileProblem(problem);
    const compiled = compileRules(model, [RULES[0]!, { ...RULES[1]!, level: 'soft' }]);
    const lines = { e1: '- - - - - D D - - - - - - - - - - - - D -', e2: '- - - - - - - - - - - - D D - - - - - - -' };
    const inc = new IncrementalEvaluator(model, compiled, assignmentFromRota(model, rota(problem, lines)));
    expect(inc.hardHotSpots().count).toBe(0);
    const soft = inc.softHotSpots();
    expect(soft.count).toBe(1);
    expect([soft.employee[0], soft.day[0], soft.endDay[0]]).toEqual([-1, 20, 20]);
    expect(model.shiftIds[model.optionShift[soft.option[0]!]!]).toBe('D');
  });
});

describe('polishHard', () => {
  test('given Kari on two weekends in a row and Ola free for the middle one, it hands that weekend to Ola in one move: hard 0', () => {
    const { inc, space } = setup(LINES);
    expect(inc.hard).toBe(1);
    expect(polishHard(inc, space, 1000, performance.now() + 5_000)).toBe(1);
    expect(inc.hard).toBe(0);
    // Cover is kept: still one person on each weekend day.
    for (const d of [5, 6, 12, 13, 19, 20]) expect(inc.get(0, d) !== -1 || inc.get(1, d) !== -1).toBe(true);
  });

  test('given a rota with no hard violation, it makes no move', () => {
    const { inc, space } = setup({ e1: '- - - - - D D - - - - - - - - - - - - D D', e2: '- - - - - - - - - - - - D D - - - - - - -' });
    expect(polishHard(inc, space, 1000, performance.now() + 5_000)).toBe(0);
  });
});

describe('lateAcceptanceSearch, coolAfterTarget', () => {
  const config = (coolAfterTarget: boolean) => ({
    timeLimitMs: 20_000,
    seed: 1,
    hardWeight: 1e6,
    lateAcceptance: 100,
    progressIntervalMs: 1e9,
    annealing: { startTemperature: 50, endTemperature: 1, cycleIterations: 5_000 },
    targetScore: { hard: 0, soft: Number.POSITIVE_INFINITY },
    coolAfterTarget,
  });

  test('given Kari on two weekends in a row and the target "legal", it stops where it first becomes legal; with coolAfterTarget at the end of that cooling cycle', async () => {
    const plain = setup(LINES);
    const at = await lateAcceptanceSearch(plain.inc, plain.space, config(false));
    const firstLegal = at.trace.find((p) => p.hard === 0)!;
    expect(at).toMatchObject({ stoppedBy: 'target', bestScore: { hard: 0 } });
    expect(at.iterations).toBe(firstLegal.iteration);

    const cooled = setup(LINES);
    const on = await lateAcceptanceSearch(cooled.inc, cooled.space, config(true));
    expect(on).toMatchObject({ stoppedBy: 'target', bestScore: { hard: 0 } });
    // Same seed, same path up to the target; then on to the next multiple of the cycle.
    expect(on.trace.find((p) => p.hard === 0)!.iteration).toBe(firstLegal.iteration);
    expect(on.iterations).toBe(Math.ceil(firstLegal.iteration / 5_000) * 5_000);
    expect(on.bestScore.soft).toBeLessThanOrEqual(at.bestScore.soft);
  });
});

describe('lateAcceptanceSearch, coolAfterMs', () => {
  test('given coolAfterMs 0 and a cycle of 5 000 iterations, it stops at the end of the first cycle and says time; given 50 ms and 20 000-iteration cycles, at a multiple of the cycle past 50 ms, before the time limit', async () => {
    const base = { seed: 1, hardWeight: 1e6, lateAcceptance: 100, progressIntervalMs: 1e9 };
    const first = setup(LINES);
    const out = await lateAcceptanceSearch(first.inc, first.space, { ...base, timeLimitMs: 20_000, annealing: { startTemperature: 50, endTemperature: 1, cycleIterations: 5_000 }, coolAfterMs: 0 });
    expect(out.stoppedBy).toBe('time');
    expect(out.iterations).toBe(5_000);

    const later = setup(LINES);
    const t0 = performance.now();
    const on = await lateAcceptanceSearch(later.inc, later.space, { ...base, timeLimitMs: 20_000, annealing: { startTemperature: 50, endTemperature: 1, cycleIterations: 20_000 }, coolAfterMs: 50 });
    expect(on.stoppedBy).toBe('time');
    expect(on.iterations % 20_000).toBe(0);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(50);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});

describe('competenceFlags', () => {
  test('given lines asking for a nurse, for a nurse or health worker, for a qualification and for anyone, a nurse meets the first two, a health worker with the qualification the last two asked, an assistant none; with no line asking, no flags', () => {
    const mixed = makeProblem({
      start,
      days: 7,
      employees: 3,
      extra: {
        qualifications: [{ id: 'med', name: { nb: 'Legemiddelhåndtering', en: 'Medication handling' } }],
        employees: [
          { id: 'e1', name: 'Kari', role: 'nurse' },
          { id: 'e2', name: 'Ola', role: 'healthWorker', qualifications: ['med'] },
          { id: 'e3', name: 'Per', role: 'assistant' },
        ],
        demand: [
          { id: 'sp', shiftTypeId: 'D', competence: { roles: ['nurse'] }, min: 1 },
          { id: 'hf', shiftTypeId: 'D', competence: { roles: ['nurse', 'healthWorker'] }, min: 1 },
          { id: 'med', shiftTypeId: 'D', competence: { qualificationId: 'med' }, min: 1 },
          { id: 'any', shiftTypeId: 'D', min: 1 },
        ],
      },
    });
    expect(competenceFlags(compileProblem(mixed)).map((f) => Array.from(f))).toEqual([
      [1, 1, 0],
      [0, 1, 1],
      [0, 0, 0],
    ]);
    expect(competenceFlags(compileProblem(problem)).map((f) => f.length)).toEqual([0, 0]);
  });
});
