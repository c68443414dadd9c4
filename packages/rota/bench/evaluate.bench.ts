// pnpm bench (in packages/rota, or from the root): evaluation speed of the rule engine.
// For Instance23 of the Curtois & Qu benchmark (100 staff, 364 days, its own rules) and a generated
// 150-staff 52-week nursing home under coreRules + amlChapter10 + ksTurnus, reports the full
// evaluation time, incremental move evaluations per second (set + undo of random cells and swaps),
// the ratio of incremental to full, the time to compile the problem, and the full analysis
// (`evaluateAssignment`: every violation explained in bokmål and English, and the KPIs), its first call
// and the mean of the next five. `--per-rule` adds the full-evaluation time of each rule.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, type Problem, parseProblem } from '@omsorg/domain';
import {
  amlChapter10,
  combineRules,
  compileProblem,
  compileRules,
  coreRules,
  curtoisToProblem,
  evaluateAssignment,
  IncrementalEvaluator,
  ksTurnus,
  parseCurtois,
  type RuleInput,
} from '@omsorg/rota';
import { Random } from '@omsorg/rota/optimizer';

const here = dirname(fileURLToPath(import.meta.url));

function generated(staff: number): Problem {
  const roles = ['nurse', 'healthWorker', 'healthWorker', 'assistant'] as const;
  const start = '2027-01-04';
  return parseProblem({
    id: 'gen150',
    name: 'Generated 150 staff',
    horizon: { start, days: 364 },
    units: [{ id: 'u', name: 'Sykehjem', kind: 'nursingHome' }],
    wards: [1, 2, 3, 4].map((i) => ({ id: `w${i}`, unitId: 'u', name: `Avdeling ${i}`, residents: 20 })),
    employees: Array.from({ length: staff }, (_, i) => ({ id: `e${i}`, name: `Ansatt ${i}`, role: roles[i % 4] })),
    positions: Array.from({ length: staff }, (_, i) => ({ id: `p${i}`, employeeId: `e${i}`, unitId: 'u', wardId: `w${(i % 4) + 1}`, percent: [100, 80, 75, 60, 50][i % 5], start: '2020-01-01', longShiftsAgreed: i % 2 === 0 })),
    shiftTypes: [
      { id: 'D', name: 'Dag', start: '07:00', durationMinutes: 480, unpaidBreakMinutes: 30, labels: ['day'] },
      { id: 'A', name: 'Aften', start: '14:30', durationMinutes: 480, unpaidBreakMinutes: 30, labels: ['evening'] },
      { id: 'N', name: 'Natt', start: '22:00', durationMinutes: 570, paidBreakMinutes: 30, labels: ['night'] },
      { id: 'LV', name: 'Langvakt', start: '08:00', durationMinutes: 750, unpaidBreakMinutes: 45, labels: ['day', 'long'] },
    ],
    demand: [1, 2, 3, 4].flatMap((w) => [
      { wardId: `w${w}`, shiftTypeId: 'D', min: 3, preferred: 4 },
      { wardId: `w${w}`, shiftTypeId: 'D', min: 1, competence: { roles: ['nurse'] } },
      { wardId: `w${w}`, shiftTypeId: 'A', min: 2, preferred: 3 },
      { wardId: `w${w}`, shiftTypeId: 'N', min: 1, preferred: 1 },
      { wardId: `w${w}`, shiftTypeId: 'LV', dayTypes: ['saturday', 'sunday', 'holiday'], min: 0, preferred: 1 },
    ]),
    absences: Array.from({ length: staff }, (_, i) => ({ id: `v${i}`, employeeId: `e${i}`, kind: 'vacation', start: addDays('2027-06-21', (i % 4) * 7), end: addDays('2027-06-21', (i % 4) * 7 + 20) })),
  });
}

function measure(name: string, problem: Problem, rules: RuleInput[]) {
  const t0 = performance.now();
  const model = compileProblem(problem);
  const compileMs = performance.now() - t0;
  const compiled = compileRules(model, rules);
  const rnd = new Random(7);
  const a = new Int16Array(model.employees * model.days).map(() => (rnd.next() < 0.55 ? -1 : rnd.int(model.options)));
  const inc = new IncrementalEvaluator(model, compiled, a);
  // Full evaluation: every rule from scratch (what evaluate() does before writing explanations).
  for (let i = 0; i < 5; i++) inc.recompute();
  const fullRuns = 30;
  let t = performance.now();
  for (let i = 0; i < fullRuns; i++) inc.recompute();
  const fullMs = (performance.now() - t) / fullRuns;
  // Incremental: random single-cell changes and one-day swaps, each applied and undone.
  const moves = 400_000;
  t = performance.now();
  for (let i = 0; i < moves; i++) {
    const e = rnd.int(model.employees);
    const d = rnd.int(model.days);
    if (i % 2 === 0) {
      const old = inc.get(e, d);
      inc.set(e, d, rnd.next() < 0.4 ? -1 : rnd.int(model.options));
      inc.set(e, d, old);
    } else {
      const e2 = rnd.int(model.employees);
      inc.swap(e, e2, d);
      inc.swap(e, e2, d);
    }
  }
  const perSecond = moves / ((performance.now() - t) / 1000);
  if (process.argv.includes('--per-rule')) {
    for (const r of compiled) {
      const t1 = performance.now();
      for (let i = 0; i < 10; i++) r.constraint.init(inc.assignment);
      console.log(`  ${r.rule.id.padEnd(28)} ${((performance.now() - t1) / 10).toFixed(2)} ms`);
    }
    inc.recompute();
  }
  const ratio = (fullMs / 1000) * perSecond;
  // The full analysis, as `solve` returns it (and as an abort waits for it).
  t = performance.now();
  const analysis = evaluateAssignment(model, compiled, inc.assignment);
  const analysisFirstMs = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < 5; i++) evaluateAssignment(model, compiled, inc.assignment);
  const analysisMs = (performance.now() - t) / 5;
  console.log(
    `${name.padEnd(34)} ${String(model.employees).padStart(5)} staff ${String(model.days).padStart(4)} days ${String(compiled.length).padStart(4)} rules | full ${fullMs.toFixed(2).padStart(7)} ms | incremental ${Math.round(perSecond).toLocaleString('en').padStart(10)} moves/s | ratio ${Math.round(ratio).toLocaleString('en')}× | compile ${compileMs.toFixed(0)} ms | analysis (${analysis.violations.length.toLocaleString('en')} violations) first ${analysisFirstMs.toFixed(0)} ms, then ${analysisMs.toFixed(0)} ms`,
  );
}

const inst23 = [join(here, '..', '..', '..', '..', 'shared', 'benchmarks', 'curtois', 'Instance23.txt'), join(here, '..', 'fixtures', 'curtois', 'Instance23.txt')].find(existsSync);
if (inst23) {
  const parsed = parseCurtois(readFileSync(inst23, 'utf8'));
  if (parsed.ok) {
    const { problem, rules } = curtoisToProblem(parsed.instance, { id: 'Instance23' });
    measure('Curtois Instance23', problem, rules);
  }
} else console.log('Instance23.txt not found (expected ../shared/benchmarks/curtois beside the repository)');
measure('generated, AML + KS + core', generated(150), combineRules(coreRules(), amlChapter10(), ksTurnus({ longShifts: true })));
