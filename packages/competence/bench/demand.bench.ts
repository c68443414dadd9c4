/**
 * Benchmark: a year of service decisions for the sample nursing home (32 residents) through expansion,
 * allocation with the sample's staff, and demand derivation. Run with `pnpm bench`.
 */
import { allocateOccurrences, defaultCatalogue, deriveDemand, deriveQualifications, expandServiceDecisions } from '../src/index.js';
import { liaDecisions, liaProblem } from '../src/test-fixtures/lia.js';

const problem = liaProblem();
const catalogue = defaultCatalogue();
const residents = problem.residents ?? [];
const decisions = liaDecisions(residents.map((r) => r.id));
const shiftTypes = problem.shiftTypes.filter((s) => s.id !== 'LV');
const staff = deriveQualifications(problem.horizon.start, { employees: problem.employees, catalogue });

for (const days of [28, 364]) {
  const t0 = performance.now();
  const { occurrences } = expandServiceDecisions({ decisions, residents, catalogue, period: { start: problem.horizon.start, days } });
  const t1 = performance.now();
  const allocation = allocateOccurrences(occurrences, { catalogue, shiftTypes, staff, roleShifts: { serviceWorker: ['S'] }, shiftRoles: { S: ['serviceWorker'] } });
  const t2 = performance.now();
  const derived = deriveDemand(allocation, { shiftTypes });
  const t3 = performance.now();
  console.log(
    `${days} days: ${occurrences.length} occurrences, ${derived.demand.length} demand lines — expand ${(t1 - t0).toFixed(0)} ms, allocate ${(t2 - t1).toFixed(0)} ms, derive ${(t3 - t2).toFixed(0)} ms`,
  );
}
