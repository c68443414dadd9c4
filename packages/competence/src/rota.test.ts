import { parseProblem } from '@omsorg/domain';
import { coreRules, evaluate } from '@omsorg/rota';
import { solve } from '@omsorg/rota/optimizer';
import { describe, expect, it } from 'vitest';
import { allocateOccurrences } from './allocation.js';
import { defaultCatalogue } from './catalogue/default.js';
import { deriveDemand } from './demand.js';
import { expandServiceDecisions } from './occurrences.js';
import { deriveQualifications } from './progression.js';
import { liaDecisions, liaProblem } from './test-fixtures/lia.js';

/** The derived demand fed to the rule engine of `@omsorg/rota` (service-driven staffing end to end). */
describe('derived demand in the rota rule engine', () => {
  const sample = liaProblem();
  const catalogue = defaultCatalogue();
  const horizon = { start: '2027-03-22', days: 7 };
  const residents = sample.residents ?? [];
  const staff = deriveQualifications(horizon.start, { employees: sample.employees, catalogue });
  const shiftTypes = sample.shiftTypes.filter((s) => s.id !== 'LV');
  const { occurrences } = expandServiceDecisions({ decisions: liaDecisions(residents.map((r) => r.id)), residents, catalogue, period: horizon });
  const allocation = allocateOccurrences(occurrences, { catalogue, shiftTypes, staff, roleShifts: { serviceWorker: ['S'] }, shiftRoles: { S: ['serviceWorker'] } });
  const derived = deriveDemand(allocation, { shiftTypes });
  // Lines dated inside the horizon (a night shift from the evening before is outside it).
  const inside = derived.demand.filter((d) => d.date! >= horizon.start);
  const problem = parseProblem({ ...sample, horizon, employees: staff, demand: derived.demand, qualifications: catalogue.qualifications, history: [] });
  const rules = coreRules().filter((r) => r.id === 'core.coverMin');

  it('given an empty rota, the hard minimum-cover rule is short by exactly the sum of the derived minimums', () => {
    const result = evaluate(problem, { cells: [] }, rules);
    const short = result.violations.filter((v) => v.ruleId === 'core.coverMin').reduce((s, v) => s + v.amount, 0);
    expect(short).toBe(inside.reduce((s, d) => s + d.min, 0));
    expect(short).toBeGreaterThan(0);
  });

  it('given nurses on the day shift of Solsiden on 22 March, the nurse line there is met and the nested lines count them too', () => {
    const line = (suffix: string) => inside.find((d) => d.id === `competence-2027-03-22-D-sol-${suffix}`)!;
    const nurseLine = line('socialEducator');
    const solNurses = sample.positions!.filter((p) => p.wardId === 'sol').map((p) => p.employeeId).filter((id) => sample.employees.find((e) => e.id === id)?.role === 'nurse');
    const working = solNurses.slice(0, nurseLine.min);
    expect(working).toHaveLength(nurseLine.min);
    const cells = working.map((employeeId) => ({ employeeId, date: '2027-03-22', shiftTypeId: 'D', wardId: 'sol' }));
    const before = evaluate(problem, { cells: [] }, rules).violations.filter((v) => v.date === '2027-03-22');
    const after = evaluate(problem, { cells }, rules).violations.filter((v) => v.date === '2027-03-22');
    const total = (vs: { amount: number }[]) => vs.reduce((s, v) => s + v.amount, 0);
    // Each nurse counts in the nurse line and in every nested line of lower levels on that shift and ward.
    const nested = inside.filter((d) => d.date === '2027-03-22' && d.shiftTypeId === 'D' && d.wardId === 'sol' && d.competence.qualificationId === undefined);
    const relieved = nested.reduce((s, d) => s + Math.min(d.min, working.length), 0);
    const qualified = inside
      .filter((d) => d.date === '2027-03-22' && d.shiftTypeId === 'D' && d.wardId === 'sol' && d.competence.qualificationId !== undefined)
      .reduce((s, d) => s + Math.min(d.min, working.length), 0);
    expect(total(before) - total(after)).toBe(relieved + qualified);
    // Lines met in full disappear from the violations (the nurse line among them); the rest shrink.
    const here = inside.filter((d) => d.date === '2027-03-22' && d.shiftTypeId === 'D' && d.wardId === 'sol');
    expect(before.length - after.length).toBe(here.filter((d) => d.min <= working.length).length);
    expect(here.filter((d) => d.min <= working.length)).toContain(nurseLine);
  });

  it('the optimizer plans against the derived demand: fewer missing staff than the empty rota, scored as evaluate scores it', async () => {
    const planRules = coreRules().filter((r) => ['core.coverMin', 'core.oneShift', 'core.eligibility', 'core.absences'].includes(r.id));
    const empty = evaluate(problem, { cells: [] }, planRules).score.hard;
    const result = await solve(problem, planRules, { timeLimitMs: 60_000, maxIterations: 150_000, seed: 1 });
    expect(result.score.hard).toBeLessThan(empty / 4);
    expect(evaluate(problem, result.rota, planRules).score).toEqual(result.score);
  });
});
