import { fc, test } from '@fast-check/vitest';
import { DemandSchema, type EmployeeInput, ROLE_LEVEL, type Role, type Task } from '@omsorg/domain';
import { describe, expect } from 'vitest';
import { allocateOccurrences } from './allocation.js';
import type { Catalogue } from './catalogue/schema.js';
import { deriveDemand } from './demand.js';
import { expandServiceDecisions, occurrenceMinutes } from './occurrences.js';
import { mayPerform, STAFFING_ROLES } from './roles.js';

const SHIFT_TYPES = [
  { id: 'D', name: 'Dagvakt', start: '07:00', durationMinutes: 480, unpaidBreakMinutes: 30 },
  { id: 'A', name: 'Aftenvakt', start: '14:30', durationMinutes: 480, unpaidBreakMinutes: 30 },
  { id: 'N', name: 'Nattevakt', start: '22:00', durationMinutes: 570 },
];
const QUALS = ['q0', 'q1', 'q2'];
const TEAMS = ['t1', 't2'];
const STARTS = ['2027-01-04', '2027-03-25', '2027-10-28', '2027-12-22'];

const roleArb = fc.constantFrom<Role>(...STAFFING_ROLES);

/** A task: a minimum role and, sometimes, delegation with a qualification to a lower role. */
const taskArb = (i: number) =>
  fc.record({ minRole: roleArb, delegateTo: fc.option(roleArb, { nil: undefined }), qual: fc.constantFrom(...QUALS), minutes: fc.integer({ min: 5, max: 90 }) }).map(({ minRole, delegateTo, qual, minutes }): Task => {
    const delegable = delegateTo !== undefined && ROLE_LEVEL[delegateTo] < ROLE_LEVEL[minRole];
    return {
      id: `task${i}`,
      name: { nb: `Oppgave ${i}`, en: `Task ${i}` },
      category: 'healthProfessional',
      minRole,
      delegable,
      ...(delegable ? { qualificationId: qual, delegableTo: delegateTo } : {}),
      typicalDurationMinutes: minutes,
    };
  });

const catalogueArb = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => taskArb(i)))).map(
  (tasks): Catalogue => ({ id: 'generated', qualifications: QUALS.map((id) => ({ id, name: { nb: id, en: id } })), tasks }),
);

const timeArb = fc.record({ h: fc.integer({ min: 0, max: 23 }), m: fc.constantFrom(0, 15, 30, 45) }).map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

/** Services for residents r0..r3 over the catalogue's tasks, with windows, two-person tasks and every schedule kind. */
const servicesArb = (taskCount: number) =>
  fc.array(
    fc.record({
      resident: fc.integer({ min: 0, max: 3 }),
      task: fc.integer({ min: 0, max: taskCount - 1 }),
      schedule: fc.oneof(
        fc.record({ kind: fc.constant('daily' as const), times: fc.array(timeArb, { minLength: 1, maxLength: 3 }) }),
        fc.record({ kind: fc.constant('weekly' as const), weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }), times: fc.array(timeArb, { minLength: 1, maxLength: 2 }) }),
        fc.record({ kind: fc.constant('timesPerWeek' as const), count: fc.integer({ min: 1, max: 10 }), times: fc.array(timeArb, { minLength: 1, maxLength: 2 }) }),
      ),
      windowMinutes: fc.constantFrom(0, 15, 30, 60, 120),
      staff: fc.constantFrom(1, 1, 1, 2),
    }),
    { minLength: 1, maxLength: 12 },
  );

const staffArb = fc.option(
  fc.array(fc.record({ role: roleArb, qualifications: fc.subarray(QUALS), team: fc.option(fc.constantFrom(...TEAMS), { nil: undefined }) }), { minLength: 1, maxLength: 6 }).map((list) =>
    list.map((e, i): EmployeeInput => ({ id: `e${i}`, name: `Ansatt ${i}`, role: e.role, qualifications: e.qualifications, ...(e.team ? { teamId: e.team } : {}) })),
  ),
  { nil: undefined },
);

const scenarioArb = catalogueArb.chain((catalogue) =>
  fc.record({
    catalogue: fc.constant(catalogue),
    services: servicesArb(catalogue.tasks.length),
    start: fc.constantFrom(...STARTS),
    days: fc.integer({ min: 1, max: 8 }),
    staff: staffArb,
  }),
);

const residents = [0, 1, 2, 3].map((i) => ({ id: `r${i}`, pseudonym: `R-${i}`, unitId: 'u1', wardId: i < 2 ? 'w1' : 'w2', ...(i % 2 === 0 ? { teamId: TEAMS[i / 2]! } : {}) }));

function expand(s: { catalogue: Catalogue; services: { resident: number; task: number; schedule: unknown; windowMinutes: number; staff: number }[]; start: string; days: number }, catalogue = s.catalogue) {
  const decisions = [0, 1, 2, 3].flatMap((r) => {
    const services = s.services.filter((x) => x.resident === r).map((x) => ({ taskId: `task${x.task}`, schedule: x.schedule, windowMinutes: x.windowMinutes, staff: x.staff }));
    return services.length ? [{ id: `v${r}`, residentId: `r${r}`, validFrom: '2026-01-01', services }] : [];
  });
  return expandServiceDecisions({ decisions, residents, catalogue, period: { start: s.start, days: s.days } });
}

/** Nurse-level demand (lines counting only nurses and social educators, no qualification) per date, shift and place. */
function nurseDemand(demand: readonly { date?: string | undefined; shiftTypeId: string; wardId?: string | undefined; competence: { roles?: string[] | undefined; qualificationId?: string | undefined }; min: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of demand) {
    const roles = d.competence.roles ?? [];
    if (d.competence.qualificationId !== undefined || roles.some((r) => ROLE_LEVEL[r as Role] < ROLE_LEVEL.nurse)) continue;
    const key = `${d.date}|${d.shiftTypeId}|${d.wardId}`;
    out.set(key, (out.get(key) ?? 0) + d.min);
  }
  return out;
}

/** A stricter edition: per task, raise the minimum role, drop delegation, or raise the delegation floor. */
function stricter(catalogue: Catalogue, moves: readonly { kind: 0 | 1 | 2; role: Role }[]): Catalogue {
  return {
    ...catalogue,
    tasks: catalogue.tasks.map((t, i) => {
      const move = moves[i % moves.length]!;
      if (move.kind === 0 && ROLE_LEVEL[move.role] > ROLE_LEVEL[t.minRole]) {
        const stillBelow = t.delegableTo !== undefined && ROLE_LEVEL[t.delegableTo] < ROLE_LEVEL[move.role];
        return { ...t, minRole: move.role, ...(t.delegable && !stillBelow ? { delegable: false } : {}) };
      }
      if (move.kind === 1) return { ...t, delegable: false };
      if (move.kind === 2 && t.delegable && t.delegableTo !== undefined && ROLE_LEVEL[move.role] > ROLE_LEVEL[t.delegableTo] && ROLE_LEVEL[move.role] < ROLE_LEVEL[t.minRole]) {
        return { ...t, delegableTo: move.role };
      }
      return t;
    }),
  };
}

describe('allocation and demand laws', () => {
  test.prop([scenarioArb])('allocation never gives a task to a role that may not do it, nor to a slot nobody in the team holds without a warning', (s) => {
    const { occurrences } = expand(s);
    const result = allocateOccurrences(occurrences, { catalogue: s.catalogue, shiftTypes: SHIFT_TYPES, ...(s.staff ? { staff: s.staff } : {}) });
    const tasks = new Map(s.catalogue.tasks.map((t) => [t.id, t]));
    const warned = new Set(result.issues.filter((i) => i.code === 'NO_QUALIFIED_STAFF_IN_TEAM').map((i) => occurrences[i.path[1] as number]!.taskId));
    for (const a of result.allocations) {
      expect(mayPerform(tasks.get(a.taskId)!, { role: a.role, qualifications: a.qualificationId === undefined ? [] : [a.qualificationId] })).toBe(true);
      if (!s.staff || warned.has(a.taskId)) continue;
      const pool = a.teamId !== undefined && s.staff.some((e) => e.teamId === a.teamId) ? s.staff.filter((e) => e.teamId === a.teamId) : s.staff;
      expect(pool.some((e) => e.role === a.role && (a.qualificationId === undefined || (e.qualifications ?? []).includes(a.qualificationId)))).toBe(true);
    }
  });

  test.prop([scenarioArb])('total task minutes are conserved from occurrences to derived demand, and every line is a valid Demand', (s) => {
    const { occurrences } = expand(s);
    const input = occurrences.reduce((sum, o) => sum + occurrenceMinutes(o), 0);
    const allocation = allocateOccurrences(occurrences, { catalogue: s.catalogue, shiftTypes: SHIFT_TYPES, ...(s.staff ? { staff: s.staff } : {}) });
    const derived = deriveDemand(allocation, { shiftTypes: SHIFT_TYPES });
    expect(derived.allocatedMinutes + derived.unallocatedMinutes).toBe(input);
    expect(derived.cells.reduce((sum, c) => sum + c.taskMinutes, 0)).toBe(derived.allocatedMinutes);
    expect(Object.values(derived.byRole).reduce((sum, r) => sum + r.taskMinutes, 0)).toBe(derived.allocatedMinutes);
    expect(allocation.allocations.length + allocation.unallocated.length).toBe(occurrences.length);
    for (const line of derived.demand) expect(DemandSchema.safeParse(line).success).toBe(true);
  });

  test.prop([scenarioArb, fc.array(fc.record({ kind: fc.constantFrom<0 | 1 | 2>(0, 1, 2), role: roleArb }), { minLength: 1, maxLength: 6 })])(
    'a stricter catalogue never lowers nurse demand, on any date, shift or ward',
    (s, moves) => {
      const strict = stricter(s.catalogue, moves);
      const run = (catalogue: Catalogue) =>
        deriveDemand(allocateOccurrences(expand(s, catalogue).occurrences, { catalogue, shiftTypes: SHIFT_TYPES, ...(s.staff ? { staff: s.staff } : {}) }), { shiftTypes: SHIFT_TYPES });
      const base = nurseDemand(run(s.catalogue).demand);
      const after = nurseDemand(run(strict).demand);
      for (const [key, n] of base) expect(after.get(key) ?? 0).toBeGreaterThanOrEqual(n);
    },
  );
});
