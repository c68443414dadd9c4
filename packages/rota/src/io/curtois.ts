import { addDays, type DomainIssue, type Problem, ProblemSchema } from '@omsorg/domain';
import type { RuleInput } from '../rules/rule.js';

/** A shift of a Curtois & Qu instance. */
export interface CurtoisShift {
  id: string;
  minutes: number;
  forbiddenNext: string[];
}

/** A staff member of a Curtois & Qu instance. */
export interface CurtoisStaff {
  id: string;
  maxShifts: Record<string, number>;
  maxTotalMinutes: number;
  minTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
}

/** A parsed instance of the Curtois & Qu (2014) shift-scheduling benchmark. */
export interface CurtoisInstance {
  horizon: number;
  shifts: CurtoisShift[];
  staff: CurtoisStaff[];
  daysOff: { employeeId: string; days: number[] }[];
  onRequests: { employeeId: string; day: number; shiftId: string; weight: number }[];
  offRequests: { employeeId: string; day: number; shiftId: string; weight: number }[];
  cover: { day: number; shiftId: string; requirement: number; weightUnder: number; weightOver: number }[];
}

/** Result of {@link parseCurtois}: the instance when the text is usable, and every issue found (with `['line', n]` paths). */
export type CurtoisParseResult = { ok: true; instance: CurtoisInstance; issues: DomainIssue[] } | { ok: false; instance?: undefined; issues: DomainIssue[] };

const SECTIONS = ['SECTION_HORIZON', 'SECTION_SHIFTS', 'SECTION_STAFF', 'SECTION_DAYS_OFF', 'SECTION_SHIFT_ON_REQUESTS', 'SECTION_SHIFT_OFF_REQUESTS', 'SECTION_COVER'] as const;

/**
 * Parse the plain-text Curtois & Qu format. Untrusted input never throws: malformed lines become
 * issues (code `CURTOIS_SYNTAX`, path `['line', n]`), unknown references `CURTOIS_REFERENCE`.
 */
export function parseCurtois(text: string): CurtoisParseResult {
  const issues: DomainIssue[] = [];
  const fail = (line: number, code: string, nb: string, en: string) => issues.push({ code, path: ['line', line], message: { nb, en }, severity: 'error' });
  const inst: CurtoisInstance = { horizon: 0, shifts: [], staff: [], daysOff: [], onRequests: [], offRequests: [], cover: [] };
  let section: (typeof SECTIONS)[number] | undefined;
  const int = (s: string | undefined, line: number, what: string): number | undefined => {
    const v = s === undefined ? Number.NaN : Number(s.trim());
    if (!Number.isInteger(v) || v < 0) {
      fail(line, 'CURTOIS_SYNTAX', `Forventet et ikke-negativt heltall for ${what}, fikk «${s ?? ''}»`, `Expected a non-negative integer for ${what}, got "${s ?? ''}"`);
      return undefined;
    }
    return v;
  };
  String(text)
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      const s = raw.trim();
      if (s === '' || s.startsWith('#')) return;
      if (s.startsWith('SECTION_')) {
        if (!(SECTIONS as readonly string[]).includes(s)) fail(line, 'CURTOIS_SYNTAX', `Ukjent seksjon ${s}`, `Unknown section ${s}`);
        else section = s as (typeof SECTIONS)[number];
        return;
      }
      const f = s.split(',').map((x) => x.trim());
      switch (section) {
        case 'SECTION_HORIZON': {
          const h = int(f[0], line, 'horizon');
          if (h !== undefined) inst.horizon = h;
          return;
        }
        case 'SECTION_SHIFTS': {
          const minutes = int(f[1], line, 'LengthMinutes');
          if (!f[0] || minutes === undefined) return;
          inst.shifts.push({ id: f[0], minutes, forbiddenNext: (f[2] ?? '').split('|').map((x) => x.trim()).filter(Boolean) });
          return;
        }
        case 'SECTION_STAFF': {
          if (f.length < 8 || !f[0]) {
            fail(line, 'CURTOIS_SYNTAX', 'En ansattlinje har åtte felt', 'A staff line has eight fields');
            return;
          }
          const maxShifts: Record<string, number> = {};
          for (const part of f[1]!.split('|').filter(Boolean)) {
            const [sid, n] = part.split('=');
            const v = int(n, line, `MaxShifts ${sid}`);
            if (sid && v !== undefined) maxShifts[sid.trim()] = v;
          }
          const nums = f.slice(2, 8).map((x, j) => int(x, line, ['MaxTotalMinutes', 'MinTotalMinutes', 'MaxConsecutiveShifts', 'MinConsecutiveShifts', 'MinConsecutiveDaysOff', 'MaxWeekends'][j]!));
          if (nums.some((x) => x === undefined)) return;
          const [maxTotalMinutes, minTotalMinutes, maxConsecutiveShifts, minConsecutiveShifts, minConsecutiveDaysOff, maxWeekends] = nums as number[];
          inst.staff.push({ id: f[0], maxShifts, maxTotalMinutes: maxTotalMinutes!, minTotalMinutes: minTotalMinutes!, maxConsecutiveShifts: maxConsecutiveShifts!, minConsecutiveShifts: minConsecutiveShifts!, minConsecutiveDaysOff: minConsecutiveDaysOff!, maxWeekends: maxWeekends! });
          return;
        }
        case 'SECTION_DAYS_OFF': {
          const days = f.slice(1).map((x) => int(x, line, 'day'));
          if (!f[0] || days.some((x) => x === undefined)) return;
          inst.daysOff.push({ employeeId: f[0], days: days as number[] });
          return;
        }
        case 'SECTION_SHIFT_ON_REQUESTS':
        case 'SECTION_SHIFT_OFF_REQUESTS': {
          const day = int(f[1], line, 'day');
          const weight = int(f[3], line, 'weight');
          if (!f[0] || !f[2] || day === undefined || weight === undefined) return;
          (section === 'SECTION_SHIFT_ON_REQUESTS' ? inst.onRequests : inst.offRequests).push({ employeeId: f[0], day, shiftId: f[2], weight });
          return;
        }
        case 'SECTION_COVER': {
          const day = int(f[0], line, 'day');
          const requirement = int(f[2], line, 'requirement');
          const weightUnder = int(f[3], line, 'weightUnder');
          const weightOver = int(f[4], line, 'weightOver');
          if (!f[1] || day === undefined || requirement === undefined || weightUnder === undefined || weightOver === undefined) return;
          inst.cover.push({ day, shiftId: f[1], requirement, weightUnder, weightOver });
          return;
        }
        default:
          fail(line, 'CURTOIS_SYNTAX', 'Data før første seksjon', 'Data before the first section');
      }
    });
  if (inst.horizon <= 0) fail(0, 'CURTOIS_SYNTAX', 'Mangler planhorisont', 'Missing horizon');
  const shiftIds = new Set(inst.shifts.map((s) => s.id));
  const staffIds = new Set(inst.staff.map((s) => s.id));
  const ref = (ok: boolean, what: string) => {
    if (!ok) issues.push({ code: 'CURTOIS_REFERENCE', path: ['reference'], message: { nb: `Ukjent referanse: ${what}`, en: `Unknown reference: ${what}` }, severity: 'error' });
  };
  for (const s of inst.shifts) for (const n of s.forbiddenNext) ref(shiftIds.has(n), `shift ${n}`);
  for (const s of inst.staff) for (const k of Object.keys(s.maxShifts)) ref(shiftIds.has(k), `shift ${k}`);
  for (const d of inst.daysOff) ref(staffIds.has(d.employeeId) && d.days.every((x) => x < inst.horizon), `days off ${d.employeeId}`);
  for (const r of [...inst.onRequests, ...inst.offRequests]) ref(staffIds.has(r.employeeId) && shiftIds.has(r.shiftId) && r.day < inst.horizon, `request ${r.employeeId} ${r.day} ${r.shiftId}`);
  for (const c of inst.cover) ref(shiftIds.has(c.shiftId) && c.day < inst.horizon, `cover ${c.day} ${c.shiftId}`);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, instance: inst, issues };
}

/** Options of {@link curtoisToProblem}. */
export interface CurtoisImportOptions {
  /** The Monday that day 0 maps to (default 2024-01-01). */
  start?: string;
  /** Problem id and name. */
  id?: string;
}

/**
 * Map a Curtois & Qu instance onto the Omsorg problem model and rule kinds, so that the hard score
 * is 0 exactly when the benchmark's hard constraints hold and the soft score equals the benchmark's
 * objective. Staff with identical limits share one rule (scoped by employee ids).
 */
export function curtoisToProblem(inst: CurtoisInstance, options: CurtoisImportOptions = {}): { problem: Problem; rules: RuleInput[] } {
  const start = options.start ?? '2024-01-01';
  const date = (d: number) => addDays(start, d);
  const problem = ProblemSchema.parse({
    id: options.id ?? 'curtois',
    name: options.id ?? 'Curtois & Qu instance',
    horizon: { start, days: inst.horizon },
    employees: inst.staff.map((s) => ({ id: s.id, name: s.id, role: 'nurse' })),
    // Start times are not part of the format; 08:00 keeps every shift clear of the DST change hours.
    shiftTypes: inst.shifts.map((s) => ({ id: s.id, name: s.id, code: s.id.slice(0, 4), start: '08:00', durationMinutes: Math.max(1, Math.min(1440, s.minutes)) })),
    demand: inst.cover.map((c, i) => ({ id: `cover-${i}`, date: date(c.day), shiftTypeId: c.shiftId, min: 0, preferred: c.requirement, weightUnder: c.weightUnder, weightOver: c.weightOver })),
    absences: inst.daysOff.flatMap((d) => d.days.map((day) => ({ id: `off-${d.employeeId}-${day}`, employeeId: d.employeeId, kind: 'dayOff', start: date(day), end: date(day) }))),
    requests: [
      ...inst.onRequests.map((r, i) => ({ id: `on-${i}`, employeeId: r.employeeId, date: date(r.day), kind: 'on', shiftTypeId: r.shiftId, weight: r.weight })),
      ...inst.offRequests.map((r, i) => ({ id: `off-${i}`, employeeId: r.employeeId, date: date(r.day), kind: 'off', shiftTypeId: r.shiftId, weight: r.weight })),
    ],
  });

  const rules: RuleInput[] = [];
  const grouped = (prefix: string, kind: string, paramsOf: (s: CurtoisStaff) => Record<string, unknown> | undefined) => {
    const groups = new Map<string, { params: Record<string, unknown>; ids: string[] }>();
    for (const s of inst.staff) {
      const params = paramsOf(s);
      if (!params) continue;
      const key = JSON.stringify(params);
      const g = groups.get(key) ?? { params, ids: [] };
      g.ids.push(s.id);
      groups.set(key, g);
    }
    [...groups.values()].forEach((g, i) => rules.push({ id: `${prefix}.${i + 1}`, kind, level: 'hard', params: g.params, scope: { employeeIds: g.ids } }));
  };
  const pairs = inst.shifts.flatMap((s) => s.forbiddenNext.map((n) => ({ from: s.id, to: n })));
  if (pairs.length > 0) rules.push({ id: 'curtois.forbiddenNext', kind: 'forbiddenSuccession', level: 'hard', params: { pairs } });
  for (const sh of inst.shifts) {
    grouped(`curtois.maxShifts.${sh.id}`, 'shiftTypeCount', (s) => (s.maxShifts[sh.id] === undefined ? undefined : { shiftTypeIds: [sh.id], max: s.maxShifts[sh.id] }));
  }
  grouped('curtois.totalMinutes', 'totalWorkedMinutes', (s) => ({ min: s.minTotalMinutes, max: s.maxTotalMinutes, measure: 'nominal' }));
  grouped('curtois.maxConsecutive', 'consecutiveWorkDays', (s) => ({ max: Math.max(1, s.maxConsecutiveShifts) }));
  grouped('curtois.minConsecutive', 'consecutiveWorkDays', (s) => (s.minConsecutiveShifts > 1 ? { min: s.minConsecutiveShifts, exemptAtBoundaries: true } : undefined));
  grouped('curtois.minDaysOff', 'consecutiveDaysOff', (s) => (s.minConsecutiveDaysOff > 1 ? { min: s.minConsecutiveDaysOff, exemptAtBoundaries: true } : undefined));
  grouped('curtois.maxWeekends', 'weekendWork', (s) => ({ definition: 'dates', maxTotal: s.maxWeekends }));
  rules.push(
    { id: 'curtois.daysOff', kind: 'absences', level: 'hard', params: {} },
    { id: 'curtois.requests', kind: 'requests', level: 'soft', weight: 1, params: {} },
    { id: 'curtois.cover', kind: 'coverage', level: 'soft', weight: 1, params: { target: 'preferred' } },
  );
  return { problem, rules };
}
