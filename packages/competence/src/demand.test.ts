import { DemandSchema } from '@omsorg/domain';
import { describe, expect, it } from 'vitest';
import type { Allocation } from './allocation.js';
import { deriveDemand } from './demand.js';

const shiftTypes = [
  { id: 'D', name: 'Dagvakt', start: '07:00', durationMinutes: 480, unpaidBreakMinutes: 30 },
  { id: 'N', name: 'Nattevakt', start: '22:00', durationMinutes: 570 },
];

function alloc(over: Partial<Allocation>): Allocation {
  return {
    occurrenceId: `o${Math.random()}`,
    taskId: 't',
    role: 'assistant',
    basis: 'role',
    shiftTypeId: 'D',
    shiftDate: '2027-02-03',
    plannedStart: '2027-02-03T08:00:00.000Z',
    minutes: 30,
    staff: 1,
    unitId: 'lia',
    wardId: 'sol',
    ...over,
  };
}

describe('deriveDemand', () => {
  it('given 400 assistant minutes in a day shift (450 paid × 0.8 = 360 per person), needs exactly 2 assistants', () => {
    const d = deriveDemand({ allocations: [alloc({ minutes: 200 }), alloc({ minutes: 200 })], unallocated: [] }, { shiftTypes });
    expect(d.cells).toEqual([
      {
        date: '2027-02-03',
        shiftTypeId: 'D',
        unitId: 'lia',
        wardId: 'sol',
        minutesByRole: { assistant: 400 },
        minutesByQualification: {},
        taskMinutes: 400,
        occurrences: 2,
        staffByRole: { assistant: 2 },
        staffByQualification: {},
        staff: 2,
      },
    ]);
    expect(d.demand).toEqual([
      {
        id: 'competence-2027-02-03-D-sol-assistant',
        date: '2027-02-03',
        shiftTypeId: 'D',
        unitId: 'lia',
        wardId: 'sol',
        competence: { roles: ['assistant', 'healthWorker', 'socialEducator', 'nurse'] },
        min: 2,
        preferred: 2,
      },
    ]);
  });

  it('nests the lines: 300 assistant, 40 delegated insulin and 100 nurse minutes need one nurse and one assistant; the nurse gives the insulin', () => {
    const d = deriveDemand(
      {
        allocations: [alloc({ minutes: 300 }), alloc({ role: 'nurse', minutes: 100 }), alloc({ role: 'healthWorker', qualificationId: 'insulin', basis: 'delegation', minutes: 40 })],
        unallocated: [],
      },
      { shiftTypes },
    );
    const lines = Object.fromEntries(d.demand.map((l) => [l.id!.split('-').at(-1)!, l]));
    expect(lines.assistant).toMatchObject({ min: 2, competence: { roles: ['assistant', 'healthWorker', 'socialEducator', 'nurse'] } });
    expect(lines.healthWorker).toMatchObject({ min: 1, competence: { roles: ['healthWorker', 'socialEducator', 'nurse'] } });
    expect(lines.socialEducator).toMatchObject({ min: 1, competence: { roles: ['socialEducator', 'nurse'] } });
    expect(lines.insulin).toMatchObject({ min: 1, competence: { roles: ['healthWorker', 'socialEducator', 'nurse'], qualificationId: 'insulin' } });
    expect(d.cells[0]).toMatchObject({ staffByRole: { nurse: 1, healthWorker: 0, assistant: 1 }, staffByQualification: { insulin: 1 }, staff: 2 });
    for (const l of d.demand) expect(DemandSchema.safeParse(l).success).toBe(true);
  });

  it('keeps a health worker of their own when health-worker minutes exceed the nurse\'s spare time', () => {
    const d = deriveDemand({ allocations: [alloc({ role: 'nurse', minutes: 300 }), alloc({ role: 'healthWorker', minutes: 200 })], unallocated: [] }, { shiftTypes });
    expect(d.cells[0]!.staffByRole).toEqual({ nurse: 1, healthWorker: 1 });
    expect(d.demand.map((l) => [l.id, l.min])).toEqual([
      ['competence-2027-02-03-D-sol-healthWorker', 2],
      ['competence-2027-02-03-D-sol-socialEducator', 1],
    ]);
  });

  it('splits level 4 between social educator and nurse by their own minutes', () => {
    const d = deriveDemand({ allocations: [alloc({ role: 'nurse', minutes: 300 }), alloc({ role: 'socialEducator', minutes: 300 })], unallocated: [] }, { shiftTypes });
    expect(d.cells[0]!.staffByRole).toEqual({ socialEducator: 1, nurse: 1 });
  });

  it('needs at least as many staff as a two-person task, and keeps teams apart', () => {
    const d = deriveDemand(
      { allocations: [alloc({ minutes: 20, staff: 2, teamId: 'a' }), alloc({ minutes: 20, teamId: 'b' })], unallocated: [] },
      { shiftTypes },
    );
    expect(d.cells.map((c) => [c.teamId, c.staff])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(d.demand).toHaveLength(1);
    expect(d.demand[0]!.min).toBe(3);
  });

  it('uses the real length of a night shift: 570 min, 540 across the spring change', () => {
    const d = deriveDemand(
      {
        allocations: [alloc({ shiftTypeId: 'N', shiftDate: '2027-03-27', minutes: 440 }), alloc({ shiftTypeId: 'N', shiftDate: '2027-03-26', minutes: 440 })],
        unallocated: [],
      },
      { shiftTypes, utilisation: 0.8 },
    );
    // 570 × 0.8 = 456 ≥ 440 → 1; 540 × 0.8 = 432 < 440 → 2
    expect(d.cells.map((c) => [c.date, c.staff])).toEqual([
      ['2027-03-26', 1],
      ['2027-03-27', 2],
    ]);
  });

  it('conserves minutes: allocated equals the sum of cells, unallocated is reported apart; one nurse covers 60 minutes of nurse and assistant tasks', () => {
    const d = deriveDemand(
      { allocations: [alloc({ minutes: 25 }), alloc({ role: 'nurse', minutes: 35 })], unallocated: [{ occurrenceId: 'u', taskId: 't', minutes: 15, reason: 'NO_SHIFT_COVERS_WINDOW' }] },
      { shiftTypes },
    );
    expect(d.allocatedMinutes).toBe(60);
    expect(d.unallocatedMinutes).toBe(15);
    expect(d.byRole.assistant).toEqual({ taskMinutes: 25, personShifts: 0 });
    expect(d.byRole.nurse).toEqual({ taskMinutes: 35, personShifts: 1 });
  });

  it('rejects a utilisation outside (0, 1]', () => {
    expect(() => deriveDemand({ allocations: [], unallocated: [] }, { shiftTypes, utilisation: 0 })).toThrow(RangeError);
  });
});
