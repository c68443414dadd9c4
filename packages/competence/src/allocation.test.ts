import { describe, expect, it } from 'vitest';
import { allocateOccurrences } from './allocation.js';
import { defaultCatalogue } from './catalogue/default.js';
import { expandServiceDecisions, type TaskOccurrence } from './occurrences.js';

const catalogue = defaultCatalogue();
const shiftTypes = [
  { id: 'D', name: 'Dagvakt', start: '07:00', durationMinutes: 480, unpaidBreakMinutes: 30 },
  { id: 'A', name: 'Aftenvakt', start: '14:30', durationMinutes: 480, unpaidBreakMinutes: 30 },
  { id: 'N', name: 'Nattevakt', start: '22:00', durationMinutes: 570 },
  { id: 'S', name: 'Servicevakt', start: '08:00', durationMinutes: 450, unpaidBreakMinutes: 30 },
];
const residents = [
  { id: 'r1', pseudonym: 'R-1', unitId: 'lia', wardId: 'sol', teamId: 'team-sol' },
  { id: 'r2', pseudonym: 'R-2', unitId: 'lia', wardId: 'sol' },
];

function occurrencesOf(services: { taskId: string; time: string; windowMinutes?: number }[], residentId = 'r1'): TaskOccurrence[] {
  return expandServiceDecisions({
    decisions: [
      {
        id: 'v',
        residentId,
        validFrom: '2027-01-01',
        services: services.map((s) => ({ taskId: s.taskId, schedule: { kind: 'daily' as const, times: [s.time] }, windowMinutes: s.windowMinutes ?? 30 })),
      },
    ],
    residents,
    catalogue,
    period: { start: '2027-02-03', days: 1 },
  }).occurrences;
}

describe('allocateOccurrences', () => {
  it('without staff, gives insulin to a health worker by delegation, a shower to an assistant, cleaning to a service worker', () => {
    const occ = occurrencesOf([
      { taskId: 'insulin', time: '08:00' },
      { taskId: 'shower', time: '10:00' },
      { taskId: 'cleaning', time: '11:00' },
      { taskId: 'wound-care-complex', time: '12:00' },
    ]);
    const { allocations, unallocated, issues } = allocateOccurrences(occ, { catalogue, shiftTypes });
    expect(unallocated).toEqual([]);
    expect(issues).toEqual([]);
    const byTask = Object.fromEntries(allocations.map((a) => [a.taskId, a]));
    expect(byTask.insulin).toMatchObject({ role: 'healthWorker', qualificationId: 'insulin', basis: 'delegation', shiftTypeId: 'D', shiftDate: '2027-02-03' });
    expect(byTask.shower).toMatchObject({ role: 'assistant', basis: 'role', shiftTypeId: 'D' });
    expect(byTask.cleaning).toMatchObject({ role: 'serviceWorker', shiftTypeId: 'D' });
    expect(byTask['wound-care-complex']).toMatchObject({ role: 'nurse', shiftTypeId: 'D' });
  });

  it('with staff where no health worker holds "insulin", gives insulin to the nurse', () => {
    const occ = occurrencesOf([{ taskId: 'insulin', time: '08:00' }]);
    const staff = [
      { id: 'e1', name: 'Sykepleier', role: 'nurse' as const },
      { id: 'e2', name: 'Helsefagarbeider', role: 'healthWorker' as const, qualifications: ['catheter'] },
    ];
    expect(allocateOccurrences(occ, { catalogue, shiftTypes, staff }).allocations[0]).toMatchObject({ role: 'nurse', basis: 'role' });
    staff[1]!.qualifications = ['insulin'];
    expect(allocateOccurrences(occ, { catalogue, shiftTypes, staff }).allocations[0]).toMatchObject({ role: 'healthWorker', qualificationId: 'insulin' });
  });

  it('keeps to the resident\'s team when the team has staff, and falls back to all staff when it has none', () => {
    const staff = [
      { id: 'e1', name: 'A', role: 'nurse' as const, teamId: 'team-sol' },
      { id: 'e2', name: 'B', role: 'assistant' as const, teamId: 'team-fjell' },
    ];
    const inTeam = allocateOccurrences(occurrencesOf([{ taskId: 'shower', time: '10:00' }], 'r1'), { catalogue, shiftTypes, staff });
    expect(inTeam.allocations[0]!.role).toBe('nurse');
    const noTeam = allocateOccurrences(occurrencesOf([{ taskId: 'shower', time: '10:00' }], 'r2'), { catalogue, shiftTypes, staff });
    expect(noTeam.allocations[0]!.role).toBe('assistant');
  });

  it('when nobody in the team may do a task, uses the lowest slot and warns once per task and team', () => {
    const staff = [{ id: 'e1', name: 'A', role: 'assistant' as const, teamId: 'team-sol' }];
    const occ = [...occurrencesOf([{ taskId: 'wound-care-complex', time: '10:00' }]), ...occurrencesOf([{ taskId: 'wound-care-complex', time: '13:00' }])];
    const { allocations, issues } = allocateOccurrences(occ, { catalogue, shiftTypes, staff });
    expect(allocations.map((a) => a.role)).toEqual(['nurse', 'nurse']);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'NO_QUALIFIED_STAFF_IN_TEAM', severity: 'warning' });
    expect(issues[0]!.message.en).toContain('(2 times)');
  });

  it('puts a task at 05:00 in the night shift that started the evening before', () => {
    const { allocations } = allocateOccurrences(occurrencesOf([{ taskId: 'night-check', time: '05:00' }]), { catalogue, shiftTypes });
    expect(allocations[0]).toMatchObject({ shiftTypeId: 'N', shiftDate: '2027-02-02', plannedStart: '2027-02-03T04:00:00.000Z' });
  });

  it('prefers the shift that lets a task start on time: evening care at 22:20 goes to the night shift, not squeezed into the evening', () => {
    const { allocations } = allocateOccurrences(occurrencesOf([{ taskId: 'evening-care', time: '22:20', windowMinutes: 30 }]), { catalogue, shiftTypes });
    // Evening shift ends 22:30: latest start 22:10 (10 min off); night shift starts 22:00: start 22:20 (on time).
    expect(allocations[0]).toMatchObject({ shiftTypeId: 'N', plannedStart: '2027-02-03T21:20:00.000Z' });
  });

  it('with roleShifts, keeps service workers to the service shift; cleaning at 18:00 then goes to an assistant in the evening', () => {
    const occ = occurrencesOf([
      { taskId: 'cleaning', time: '10:00' },
      { taskId: 'cleaning', time: '18:00' },
    ]);
    const { allocations } = allocateOccurrences(occ, { catalogue, shiftTypes, roleShifts: { serviceWorker: ['S'] }, shiftRoles: { S: ['serviceWorker'] } });
    expect(allocations.map((a) => [a.role, a.shiftTypeId])).toEqual([
      ['serviceWorker', 'S'],
      ['assistant', 'A'],
    ]);
  });

  it('reports an occurrence no shift covers, and an unknown task, as unallocated with their minutes', () => {
    const occ = occurrencesOf([{ taskId: 'shower', time: '03:00', windowMinutes: 0 }]);
    const { allocations, unallocated, issues } = allocateOccurrences([...occ, { ...occ[0]!, id: 'x', taskId: 'teleport' }], { catalogue, shiftTypes: shiftTypes.slice(0, 2) });
    expect(allocations).toEqual([]);
    expect(unallocated).toEqual([
      { occurrenceId: occ[0]!.id, taskId: 'shower', minutes: 30, reason: 'NO_SHIFT_COVERS_WINDOW' },
      { occurrenceId: 'x', taskId: 'teleport', minutes: 30, reason: 'UNKNOWN_TASK' },
    ]);
    expect(issues.map((i) => i.code)).toEqual(['NO_SHIFT_COVERS_WINDOW', 'UNKNOWN_REFERENCE']);
  });
});
