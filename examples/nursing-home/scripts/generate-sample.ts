// Generates data/sykehjem.json: a realistic nursing home (sykehjem) of two wards and ~60 staff (plus
// summer temps for the main vacation) with a mix of part-time positions (average near the 77.85 % reported by the seed municipality), four shift
// types (day, evening, night, long day 12.5 h) and weekday/weekend/holiday demand per role.
// Deterministic: re-running writes the same file.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, type ProblemInput, parseProblem } from '@omsorg/domain';

const start = '2027-01-04'; // Monday of ISO week 1, 2027
const wards = [
  { id: 'sol', unitId: 'lia', name: 'Solsiden', residents: 16 },
  { id: 'fjell', unitId: 'lia', name: 'Fjellsiden', residents: 16 },
];
const firstNames = ['Kari', 'Ola', 'Ingrid', 'Lars', 'Aisha', 'Nora', 'Emil', 'Sofie', 'Jonas', 'Maja', 'Ahmed', 'Sara', 'Henrik', 'Thea', 'Mohammed', 'Ida', 'Sander', 'Emma', 'Olav', 'Hanna', 'Tobias', 'Linnea', 'Ali', 'Marte', 'Kristian', 'Julie', 'Fatima', 'Magnus', 'Amalie', 'Piotr'];
const lastNames = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Berg', 'Haugen'];

// Role and position size per employee; the mix averages ~78 % as in the seed municipality.
type Spec = { role: 'nurse' | 'socialEducator' | 'healthWorker' | 'assistant' | 'serviceWorker'; percent: number; long?: boolean; quals?: string[]; tags?: string[] };
const specs: Spec[] = [
  ...[100, 100, 100, 100, 80, 80, 80, 80, 75, 75, 75, 60, 60, 75, 75, 100, 100, 80].map((percent, i) => ({ role: 'nurse' as const, percent, long: i % 3 === 0, tags: i >= 15 ? ['nightWorker'] : [] })),
  { role: 'socialEducator', percent: 100 },
  { role: 'socialEducator', percent: 80, long: true },
  ...[100, 100, 100, 100, 100, 100, 90, 80, 80, 80, 80, 75, 75, 75, 70, 70, 70, 60, 60, 60, 60, 70, 70, 70, 60, 60, 100, 100, 60, 50].map((percent, i) => ({
    role: 'healthWorker' as const,
    percent,
    long: i % 2 === 0,
    quals: i % 4 === 0 ? ['insulin'] : i % 4 === 1 ? ['insulin', 'catheter'] : [],
    tags: i >= 26 ? ['nightWorker'] : [],
  })),
  ...[75, 60, 60, 50, 50, 40, 80, 75].map((percent, i) => ({ role: 'assistant' as const, percent, tags: i >= 6 ? ['nightWorker'] : [] })),
  { role: 'serviceWorker', percent: 100 },
  { role: "serviceWorker", percent: 80 },
];

const employees = specs.map((s, i) => ({
  id: `a${String(i + 1).padStart(2, '0')}`,
  name: `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]}`,
  role: s.role,
  qualifications: s.quals ?? [],
  tags: s.tags ?? [],
}));
const positions = specs.flatMap((s, i) => {
  // Two employees hold combined positions (kombinasjonsstilling) across both wards.
  const ward = wards[i % 2]!;
  const base = { employeeId: employees[i]!.id, unitId: 'lia', weeklyHoursNorm: 35.5, start: '2019-08-01', longShiftsAgreed: s.long ?? false };
  if (i === 20 || i === 21) {
    return [
      { ...base, id: `st${i + 1}a`, wardId: 'sol', percent: s.percent / 2 },
      { ...base, id: `st${i + 1}b`, wardId: 'fjell', percent: s.percent / 2 },
    ];
  }
  return [{ ...base, id: `st${i + 1}`, wardId: ward.id, percent: s.percent }];
});

const shiftTypes = [
  { id: 'D', name: 'Dagvakt', code: 'D', start: '07:00', durationMinutes: 480, unpaidBreakMinutes: 30, labels: ['day'], color: '#f6d55c' },
  { id: 'A', name: 'Aftenvakt', code: 'A', start: '14:30', durationMinutes: 480, unpaidBreakMinutes: 30, labels: ['evening'], color: '#3caea3' },
  { id: 'N', name: 'Nattevakt', code: 'N', start: '22:00', durationMinutes: 570, unpaidBreakMinutes: 0, paidBreakMinutes: 30, labels: ['night'], color: '#20639b' },
  { id: 'LV', name: 'Langvakt', code: 'LV', start: '08:00', durationMinutes: 750, unpaidBreakMinutes: 45, labels: ['day', 'long'], color: '#ed553b' },
  { id: 'S', name: 'Servicevakt', code: 'S', start: '08:00', durationMinutes: 450, unpaidBreakMinutes: 30, labels: ['day'], color: '#a8a8a8' },
];

const NURSE = { roles: ['nurse', 'socialEducator'] };
const CARE = { roles: ['healthWorker', 'assistant', 'nurse', 'socialEducator'] };
const WEEKEND = ['saturday', 'sunday', 'holiday'];
const demand = wards.flatMap((w) => [
  { id: `${w.id}-D-ss`, wardId: w.id, shiftTypeId: 'D', dayTypes: ['weekday'], competence: NURSE, min: 1, preferred: 2 },
  { id: `${w.id}-D-hf`, wardId: w.id, shiftTypeId: 'D', dayTypes: ['weekday'], competence: CARE, min: 4, preferred: 5, max: 6 },
  { id: `${w.id}-D-ss-h`, wardId: w.id, shiftTypeId: 'D', dayTypes: WEEKEND, competence: NURSE, min: 1, preferred: 1 },
  { id: `${w.id}-D-hf-h`, wardId: w.id, shiftTypeId: 'D', dayTypes: WEEKEND, competence: CARE, min: 2, preferred: 3, max: 4 },
  { id: `${w.id}-LV-h`, wardId: w.id, shiftTypeId: 'LV', dayTypes: WEEKEND, competence: CARE, min: 0, preferred: 2, max: 2 },
  { id: `${w.id}-A-ss`, wardId: w.id, shiftTypeId: 'A', competence: NURSE, min: 1, preferred: 1 },
  { id: `${w.id}-A-hf`, wardId: w.id, shiftTypeId: 'A', dayTypes: ['weekday'], competence: CARE, min: 3, preferred: 4, max: 5 },
  { id: `${w.id}-A-hf-h`, wardId: w.id, shiftTypeId: 'A', dayTypes: WEEKEND, competence: CARE, min: 2, preferred: 3, max: 4 },
  { id: `${w.id}-N-hf`, wardId: w.id, shiftTypeId: 'N', competence: CARE, min: 1, preferred: 1, max: 2 },
]);
// One nurse on night duty covers both wards.
demand.push({ id: 'lia-N-ss', unitId: 'lia', shiftTypeId: 'N', competence: NURSE, min: 1, preferred: 1 } as never);
demand.push({ id: 'lia-S', unitId: 'lia', shiftTypeId: 'S', dayTypes: ['weekday'], competence: { roles: ['serviceWorker'] }, min: 0, preferred: 1, max: 2 } as never);

// Summer temps (sommervikarer) cover the main vacation: registered nurses and health workers on
// fixed-term positions from mid-June to late August (the optimizer rosters them only then).
const SUMMER = { start: '2027-06-14', end: '2027-08-22' };
const temps: Spec[] = [
  ...[100, 100, 100, 100, 100, 80].map((percent) => ({ role: 'nurse' as const, percent })),
  ...[100, 100, 100, 100, 80, 80].map((percent) => ({ role: 'healthWorker' as const, percent })),
];
const tempFirst = ['Vilde', 'Eirik', 'Selma', 'Jakob', 'Ingeborg', 'Mathias', 'Oda', 'Filip', 'Tiril', 'Adrian', 'Synne', 'Vetle'];
temps.forEach((s, j) => {
  const id = `v${String(j + 1).padStart(2, '0')}`;
  employees.push({ id, name: `${tempFirst[j]} ${lastNames[(j * 5 + 3) % lastNames.length]}`, role: s.role, qualifications: [], tags: ['summerTemp'] });
  positions.push({ employeeId: id, unitId: 'lia', weeklyHoursNorm: 35.5, start: SUMMER.start, end: SUMMER.end, longShiftsAgreed: false, id: `st-${id}`, wardId: wards[j % 2]!.id, percent: s.percent } as never);
});

// Main vacation (hovedferie): three weeks between June and August, staggered in four groups.
const vacationStarts = ['2027-06-21', '2027-06-28', '2027-07-12', '2027-07-26'];
const absences = employees
  .filter((e) => !e.tags.includes('summerTemp'))
  .map((e, i) => ({ id: `ferie-${e.id}`, employeeId: e.id, kind: 'vacation', code: 'FE', start: vacationStarts[i % 4]!, end: addDays(vacationStarts[i % 4]!, 20) }));
absences.push({ id: 'perm-a07', employeeId: 'a07', kind: 'leave', code: 'AV', start: '2027-03-01', end: '2027-03-14' });

const requests = [
  { id: 'r1', employeeId: 'a01', date: '2027-02-12', kind: 'off', weight: 3 },
  { id: 'r2', employeeId: 'a05', date: '2027-05-17', kind: 'off', weight: 5 },
  { id: 'r3', employeeId: 'a23', date: '2027-04-10', kind: 'on', shiftTypeId: 'LV', weight: 2 },
  { id: 'r4', employeeId: 'a30', date: '2027-12-24', kind: 'off', weight: 5 },
  { id: 'r5', employeeId: 'a12', date: '2027-09-03', kind: 'off', weight: 2 },
];

const residents = wards.flatMap((w) => Array.from({ length: w.residents }, (_, i) => ({ id: `${w.id}-b${i + 1}`, pseudonym: `${w.name.slice(0, 3).toUpperCase()}-${i + 1}`, unitId: 'lia', wardId: w.id, room: `${w.id === 'sol' ? 1 : 2}${String(i + 1).padStart(2, '0')}` })));
const devices = residents.slice(0, 12).map((r, i) => ({ id: `dev-${i + 1}`, type: i % 3 === 0 ? 'digitalSupervision' : i % 3 === 1 ? 'bedSensor' : 'socialAlarm', vendor: i % 2 ? 'Vendor A' : 'Vendor B', serial: `SN-${1000 + i}`, unitId: 'lia', wardId: r.wardId, room: r.room, residentId: r.id, heartbeatIntervalSeconds: 300, installedAt: '2025-05-01' }));

const problem: ProblemInput = {
  id: 'lia-sykehjem-2027',
  name: 'Lia sykehjem – årsturnus 2027',
  horizon: { start, days: 364 },
  municipality: { id: 'eksempel', name: 'Eksempel kommune', number: '4204' },
  units: [{ id: 'lia', municipalityId: 'eksempel', name: 'Lia sykehjem', kind: 'nursingHome' }],
  wards,
  teams: wards.map((w) => ({ id: `team-${w.id}`, unitId: 'lia', name: `Team ${w.name}`, kind: 'wardTeam' as const })),
  qualifications: [
    { id: 'insulin', name: { nb: 'Insulinadministrering', en: 'Insulin administration' } },
    { id: 'catheter', name: { nb: 'Kateterisering', en: 'Catheterisation' } },
  ],
  employees,
  positions,
  shiftTypes,
  demand,
  absences,
  requests,
  residents,
  devices,
} as ProblemInput;

const parsed = parseProblem(problem); // throws with every issue if the sample is wrong
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'sykehjem.json');
writeFileSync(out, `${JSON.stringify(problem, null, 1)}\n`);
const permanent = parsed.employees.filter((e) => !e.tags.includes('summerTemp'));
const avg = parsed.positions.filter((p) => p.end === undefined).reduce((s, p) => s + p.percent, 0) / permanent.length;
console.log(`wrote ${out}: ${permanent.length} staff (average position ${avg.toFixed(2)} %) and ${parsed.employees.length - permanent.length} summer temps`);
