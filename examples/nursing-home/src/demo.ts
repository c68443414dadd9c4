// `pnpm demo`: plan the sample nursing home's annual rota (årsturnus) and explain it.
// Loads examples/nursing-home/data/sykehjem.json (or a file given as the first argument), validates
// it, solves it under arbeidsmiljøloven ch. 10 + KS turnus practice with a progress bar, prints the
// KPIs and the remaining violations with their explanations, and writes an HTML report.
//   pnpm demo [problem.json] [--seconds 60] [--seed 1] [--out out/rota.html] [--lang nb|en]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { addDays, publicHolidays, safeParseProblem } from '@omsorg/domain';
import { amlChapter10, combineRules, coreRules, ksTurnus, rotaReportHtml } from '@omsorg/rota';
import { type SolvePhaseName, solve } from '@omsorg/rota/optimizer';
import cliProgress from 'cli-progress';

const { values, positionals } = parseArgs({
  // `pnpm demo -- --seconds 20` passes the `--` through; drop it.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: process.env.OMSORG_DEMO_SECONDS ?? '60' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'out/rota-report.html' },
    lang: { type: 'string', default: 'nb' },
  },
});
const lang = values.lang === 'en' ? 'en' : 'nb';
const file = positionals[0] ? resolve(process.cwd(), positionals[0]) : join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'sykehjem.json');
const parsed = safeParseProblem(JSON.parse(readFileSync(file, 'utf8')));
for (const issue of parsed.issues) console.log(`${issue.severity.toUpperCase()} ${issue.path.join('.')}: ${issue.message[lang]}`);
if (!parsed.ok) process.exit(1);
const problem = parsed.problem;
const end = addDays(problem.horizon.start, problem.horizon.days - 1);
const holidays = [...new Set([problem.horizon.start, end].map((d) => Number(d.slice(0, 4))))].flatMap((y) => publicHolidays(y)).filter((h) => h.date >= problem.horizon.start && h.date <= end);
console.log(`\n${problem.name}: ${problem.employees.length} ${lang === 'nb' ? 'ansatte' : 'staff'}, ${problem.wards.length} ${lang === 'nb' ? 'avdelinger' : 'wards'}, ${problem.horizon.start} – ${end} (${holidays.length} ${lang === 'nb' ? 'helligdager' : 'public holidays'})`);

// The rule set: the law, the tariff practice and the basics; the optimizer and the checker share it.
const rules = combineRules(coreRules(), amlChapter10({ averaging: 'representatives', weeklyNormHours: 38 }), ksTurnus({ longShifts: true, weekendFrequency: 3 }));
const seconds = Number(values.seconds);
const bar = new cliProgress.SingleBar(
  { format: ' {bar} {percentage}% | {elapsed}s | hard {hard} | soft {soft}', hideCursor: true, clearOnComplete: false },
  cliProgress.Presets.shades_classic,
);
bar.start(100, 0, { hard: '-', soft: '-' });
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
const result = await solve(problem, rules, {
  timeLimitMs: seconds * 1000,
  seed: Number(values.seed),
  // A short run (two minutes at most): small MIP repairs first, they gain sooner (on this årsturnus at
  // 60 s, 1.6 % lower soft scores than the default start of 120 cells; docs/rota/MIP.md).
  ...(seconds <= 120 ? { mipCellBudget: 30 } : {}),
  signal: controller.signal,
  onProgress: (p) => bar.update(Math.round(p.fraction * 100), { hard: p.best.hard, soft: Math.round(p.best.soft) }),
});
bar.update(100, { hard: result.score.hard, soft: Math.round(result.score.soft) });
bar.stop();

// Where the time went: each phase of the solver, its seconds and the best score it ended with.
const phaseNames: Record<SolvePhaseName, [string, string]> = {
  construction: ['konstruksjon', 'construction'],
  columnGeneration: ['kolonnegenerering', 'column generation'],
  localSearch: ['lokalsøk', 'local search'],
  rowRepair: ['radreparasjon', 'row repair'],
  legalize: ['lovliggjøring', 'legalising'],
  windows: ['vinduer', 'windows'],
  mipRepair: ['MIP-reparasjon', 'MIP repair'],
  branchAndPrice: ['forgrening og prising', 'branch and price'],
  hardRepair: ['reparasjon av harde brudd', 'hard repair'],
  finalSearch: ['sluttsøk', 'final search'],
  portfolio: ['portefølje', 'portfolio'],
};
const phaseLine = result.phases
  .map((p) => `${phaseNames[p.name]![lang === 'nb' ? 0 : 1]} ${((p.endMs - p.startMs) / 1000).toFixed(1)} s → ${p.after.hard}/${Math.round(p.after.soft)}`)
  .join(', ');
const k = result.evaluation.kpis;
const h = (m: number) => `${(m / 60).toFixed(0)} t`;
console.log(`\n${lang === 'nb' ? 'Resultat' : 'Result'} (${(result.elapsedMs / 1000).toFixed(1)} s, ${result.iterations.toLocaleString('en')} ${lang === 'nb' ? 'trekk' : 'moves'}): hard ${result.score.hard}, soft ${result.score.soft.toFixed(0)} — ${result.feasible ? (lang === 'nb' ? 'lovlig' : 'legal') : lang === 'nb' ? 'IKKE lovlig ennå' : 'NOT legal yet'}`);
console.log(`  ${lang === 'nb' ? 'faser (hard/myk)' : 'phases (hard/soft)'}: ${phaseLine}`);
console.log(`  ${lang === 'nb' ? 'stillingssnitt' : 'average position'}: ${k.averagePositionPercent.toFixed(2)} %, ${lang === 'nb' ? 'heltidsandel' : 'full-time share'}: ${(k.fullTimeShare * 100).toFixed(0)} %, ${lang === 'nb' ? 'årsverk' : 'FTE'}: ${k.fte.toFixed(1)}, ${lang === 'nb' ? 'bemanningsfaktor' : 'staffing ratio'}: ${k.staffingRatio.toFixed(2)}`);
console.log(`  ${lang === 'nb' ? 'planlagt / avtalt' : 'planned / contracted'}: ${k.plannedHours.toFixed(0)} / ${k.contractedHours.toFixed(0)} t, ${lang === 'nb' ? 'kostnad (estimat)' : 'cost (estimate)'}: ${Math.round(k.cost).toLocaleString('nb-NO')} kr (${lang === 'nb' ? 'tillegg' : 'supplements'} ${k.supplementCost.toLocaleString('nb-NO')} kr)`);
const heavy = [...k.perEmployee].sort((a, b) => b.workedWeekends - a.workedWeekends).slice(0, 3);
console.log(`  ${lang === 'nb' ? 'flest arbeidshelger' : 'most worked weekends'}: ${heavy.map((x) => `${problem.employees.find((e) => e.id === x.employeeId)!.name} ${x.workedWeekends} (${h(x.weekendMinutes)})`).join(', ')}`);

console.log(`\n${lang === 'nb' ? 'Regler med brudd' : 'Rules with violations'}:`);
for (const r of result.evaluation.rules.filter((x) => x.penalty > 0)) {
  const n = result.evaluation.violations.filter((v) => v.ruleId === r.ruleId).length;
  console.log(`  ${r.level === 'hard' ? 'HARD' : 'soft'} ${r.ruleId.padEnd(22)} ${String(n).padStart(5)} ${lang === 'nb' ? 'brudd' : 'violations'}, ${lang === 'nb' ? 'poeng' : 'score'} ${r.score.toFixed(0)}`);
}
const hard = result.evaluation.violations.filter((v) => v.level === 'hard');
if (hard.length > 0) {
  console.log(`\n${lang === 'nb' ? 'Harde brudd (første 10)' : 'Hard violations (first 10)'}:`);
  for (const v of hard.slice(0, 10)) console.log(`  - ${v.message[lang]}`);
}
for (const d of result.diagnosis.filter((x) => x.code === 'DEMAND_EXCEEDS_STAFF').slice(0, 5)) console.log(`  ! ${d.message[lang]}`);
const soft = result.evaluation.violations.filter((v) => v.level === 'soft');
console.log(`\n${lang === 'nb' ? 'Eksempler på myke brudd' : 'Examples of soft violations'}:`);
for (const v of soft.slice(0, 5)) console.log(`  - ${v.message[lang]}`);

const out = resolve(process.cwd(), values.out!);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, rotaReportHtml(problem, result.rota, result.evaluation, { lang }));
console.log(`\n${lang === 'nb' ? 'Rapport' : 'Report'}: ${out}`);
