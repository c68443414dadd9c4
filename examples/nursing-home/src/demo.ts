// `pnpm demo`: load the embedded sample nursing home, validate it, and show what the planner is up
// against (staff, position sizes, demand hours against contracted hours, holidays, DST nights).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, localDayMinutes, publicHolidays, resolveDemand, safeParseProblem, shiftInstance } from '@omsorg/domain';

const file = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'sykehjem.json');
const result = safeParseProblem(JSON.parse(readFileSync(file, 'utf8')));
for (const issue of result.issues) console.log(`${issue.severity.toUpperCase()} ${issue.path.join('.')}: ${issue.message.nb} / ${issue.message.en}`);
if (!result.ok) process.exit(1);
const p = result.problem;

const percentByEmployee = new Map<string, number>();
for (const pos of p.positions) percentByEmployee.set(pos.employeeId, (percentByEmployee.get(pos.employeeId) ?? 0) + pos.percent);
const percents = p.employees.map((e) => percentByEmployee.get(e.id) ?? 0);
const fte = percents.reduce((a, b) => a + b, 0) / 100;
const residents = p.wards.reduce((s, w) => s + (w.residents ?? 0), 0);
const shiftById = new Map(p.shiftTypes.map((s) => [s.id, s]));
const demandMinutes = resolveDemand(p)
  .flat()
  .reduce((s, d) => s + d.preferred * (shiftById.get(d.shiftTypeId)!.durationMinutes - shiftById.get(d.shiftTypeId)!.unpaidBreakMinutes), 0);
const contractedMinutes = p.positions.reduce((s, pos) => s + (pos.percent / 100) * pos.weeklyHoursNorm * 60 * (p.horizon.days / 7), 0);
const end = addDays(p.horizon.start, p.horizon.days - 1);
const holidays = [...publicHolidays(Number(p.horizon.start.slice(0, 4))), ...publicHolidays(Number(end.slice(0, 4)))].filter((h) => h.date >= p.horizon.start && h.date <= end);
const dstNights = Array.from({ length: p.horizon.days }, (_, i) => addDays(p.horizon.start, i)).filter((d) => localDayMinutes(addDays(d, 1)) !== 1440);

console.log(`\n${p.name} (${p.horizon.start} – ${end}, ${p.horizon.days} days)`);
console.log(`  wards: ${p.wards.map((w) => `${w.name} (${w.residents} residents)`).join(', ')}`);
console.log(`  staff: ${p.employees.length}, full-time (heltid): ${percents.filter((x) => x >= 100).length}, FTE (årsverk): ${fte.toFixed(2)}`);
console.log(`  average position (stillingssnitt): ${((fte * 100) / p.employees.length).toFixed(2)} %`);
console.log(`  staffing ratio (bemanningsfaktor): ${(fte / residents).toFixed(2)} FTE per resident`);
console.log(`  demand (preferred cover): ${(demandMinutes / 60).toFixed(0)} h; contracted before vacation: ${(contractedMinutes / 60).toFixed(0)} h`);
console.log(`  public holidays in horizon: ${holidays.map((h) => `${h.date} ${h.name.nb}`).join(', ')}`);
for (const d of dstNights) {
  const n = shiftInstance(d, shiftById.get('N') ?? p.shiftTypes[0]!);
  console.log(`  clock change: night shift from ${d} lasts ${n.minutes} real minutes (${n.nominalMinutes} on the rota)`);
}
console.log('\nSample is valid.');
