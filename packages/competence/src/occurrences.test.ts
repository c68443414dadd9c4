import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from './catalogue/default.js';
import { expandServiceDecisions, occurrenceMinutes, scheduleSlots, TaskOccurrenceSchema } from './occurrences.js';

const catalogue = defaultCatalogue();
const residents = [
  { id: 'r1', pseudonym: 'R-1', unitId: 'lia', wardId: 'sol' },
  { id: 'r2', pseudonym: 'R-2', unitId: 'hjemme', teamId: 'sone-nord' },
];

describe('scheduleSlots', () => {
  const week = ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26', '2027-03-27', '2027-03-28'];

  it('given weekly Monday and Thursday at 11:00, gives exactly those two slots', () => {
    expect(scheduleSlots({ kind: 'weekly', weekdays: [1, 4], times: ['11:00'] }, week, 'k')).toEqual([
      { date: '2027-03-22', time: '11:00' },
      { date: '2027-03-25', time: '11:00' },
    ]);
  });

  it('spreads twice a week over the week, three or four days apart, on the same weekdays every week', () => {
    const twoWeeks = [...week, '2027-03-29', '2027-03-30', '2027-03-31', '2027-04-01', '2027-04-02', '2027-04-03', '2027-04-04'];
    const slots = scheduleSlots({ kind: 'timesPerWeek', count: 2, times: ['10:00'] }, twoWeeks, 'shower-r1');
    expect(slots).toHaveLength(4);
    const days = slots.map((s) => twoWeeks.indexOf(s.date));
    expect(days[2]! - days[0]!).toBe(7);
    expect([3, 4]).toContain((days[1]! - days[0]! + 7) % 7);
  });

  it('gives 14 times a week as two a day with the two preferred times', () => {
    const slots = scheduleSlots({ kind: 'timesPerWeek', count: 14, times: ['08:00', '20:00'] }, week, 'x');
    expect(slots).toHaveLength(14);
    expect(new Set(slots.map((s) => s.date)).size).toBe(7);
    expect(slots.filter((s) => s.time === '08:00')).toHaveLength(7);
  });
});

describe('expandServiceDecisions', () => {
  it('given insulin 08:00 daily and meal help 3× daily for one week, gives 7 + 21 occurrences with the resident\'s ward', () => {
    const { occurrences, issues } = expandServiceDecisions({
      decisions: [
        {
          id: 'v1',
          residentId: 'r1',
          validFrom: '2027-01-01',
          services: [
            { taskId: 'insulin', schedule: { kind: 'daily', times: ['08:00'] }, windowMinutes: 15 },
            { taskId: 'meal-assistance', schedule: { kind: 'daily', times: ['08:30', '13:00', '17:00'] } },
          ],
        },
      ],
      residents,
      catalogue,
      period: { start: '2027-02-01', days: 7 },
    });
    expect(issues).toEqual([]);
    expect(occurrences).toHaveLength(28);
    expect(occurrences.filter((o) => o.taskId === 'insulin').map((o) => o.date)).toEqual(['2027-02-01', '2027-02-02', '2027-02-03', '2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07']);
    const first = occurrences[0]!;
    expect(first).toMatchObject({ taskId: 'insulin', time: '08:00', scheduledAt: '2027-02-01T07:00:00.000Z', earliestStart: '2027-02-01T06:45:00.000Z', latestStart: '2027-02-01T07:15:00.000Z' });
    expect(first).toMatchObject({ durationMinutes: 10, staff: 1, unitId: 'lia', wardId: 'sol' });
    expect(occurrences.find((o) => o.taskId === 'meal-assistance')!.durationMinutes).toBe(20);
    for (const o of occurrences) expect(TaskOccurrenceSchema.parse(JSON.parse(JSON.stringify(o)))).toEqual(o);
  });

  it('is DST-correct: 08:00 is 07:00Z in winter and 06:00Z in summer; 02:30 on the spring-forward night is 03:30 CEST', () => {
    const { occurrences } = expandServiceDecisions({
      decisions: [{ id: 'v', residentId: 'r1', validFrom: '2027-01-01', services: [{ taskId: 'night-check', schedule: { kind: 'daily', times: ['02:30', '08:00'] }, windowMinutes: 0 }] }],
      residents,
      catalogue,
      period: { start: '2027-03-27', days: 3 },
    });
    const at = (date: string, time: string) => occurrences.find((o) => o.date === date && o.time === time)!.scheduledAt;
    expect(at('2027-03-27', '08:00')).toBe('2027-03-27T07:00:00.000Z');
    expect(at('2027-03-28', '02:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(at('2027-03-28', '08:00')).toBe('2027-03-28T06:00:00.000Z');
    expect(at('2027-03-27', '02:30')).toBe('2027-03-27T01:30:00.000Z');
  });

  it('keeps to the decision\'s validity inside the period', () => {
    const { occurrences } = expandServiceDecisions({
      decisions: [{ id: 'v', residentId: 'r2', validFrom: '2027-02-03', validTo: '2027-02-04', services: [{ taskId: 'shopping', schedule: { kind: 'daily', times: ['12:00'] } }] }],
      residents,
      catalogue,
      period: { start: '2027-02-01', days: 7 },
    });
    expect(occurrences.map((o) => o.date)).toEqual(['2027-02-03', '2027-02-04']);
    expect(occurrences[0]).toMatchObject({ unitId: 'hjemme', teamId: 'sone-nord' });
    expect(occurrences[0]!.wardId).toBeUndefined();
  });

  it('counts staff-minutes as duration × staff', () => {
    const { occurrences } = expandServiceDecisions({
      decisions: [{ id: 'v', residentId: 'r1', validFrom: '2027-01-01', services: [{ taskId: 'mobilisation', schedule: { kind: 'daily', times: ['09:00'] }, staff: 2, durationMinutes: 15 }] }],
      residents,
      catalogue,
      period: { start: '2027-02-01', days: 1 },
    });
    expect(occurrenceMinutes(occurrences[0]!)).toBe(30);
  });

  it('turns an invalid decision, an unknown resident and an unknown task into issues with paths, and expands the rest', () => {
    const { occurrences, issues } = expandServiceDecisions({
      decisions: [
        { id: 'bad', residentId: 'r1', validFrom: 'not-a-date', services: [] },
        { id: 'v2', residentId: 'ghost', validFrom: '2027-01-01', services: [{ taskId: 'shower', schedule: { kind: 'daily', times: ['10:00'] } }] },
        {
          id: 'v3',
          residentId: 'r1',
          validFrom: '2027-01-01',
          services: [
            { taskId: 'teleport', schedule: { kind: 'daily', times: ['10:00'] } },
            { taskId: 'shower', schedule: { kind: 'weekly', weekdays: [1], times: ['10:00'] } },
          ],
        },
      ],
      residents: [...residents, { id: 'broken' }],
      catalogue,
      period: { start: '2027-02-01', days: 7 },
    });
    expect(occurrences.map((o) => o.id)).toEqual(['v3#1@2027-02-01T10:00']);
    const paths = issues.map((i) => `${i.code} ${i.path.join('.')}`);
    expect(paths).toContain('UNKNOWN_REFERENCE decisions.1.residentId');
    expect(paths).toContain('UNKNOWN_REFERENCE decisions.2.services.0.taskId');
    expect(paths.some((p) => p.startsWith('INVALID_VALUE decisions.0.'))).toBe(true);
    expect(paths.some((p) => p.startsWith('INVALID_VALUE residents.2.'))).toBe(true);
    expect(issues.every((i) => i.message.nb.length > 0 && i.message.en.length > 0)).toBe(true);
  });

  it('throws INVALID_PERIOD for a period that is not a date and a positive number of days', () => {
    const call = (period: { start: string; days: number }) => () => expandServiceDecisions({ decisions: [], residents, catalogue, period });
    expect(call({ start: '2027-02-30', days: 7 })).toThrowError(expect.objectContaining({ code: 'INVALID_PERIOD' }));
    expect(call({ start: '2027-02-01', days: 0 })).toThrowError(expect.objectContaining({ code: 'INVALID_PERIOD' }));
    expect(call({ start: '2027-02-01', days: 1 })()).toEqual({ occurrences: [], issues: [] });
  });
});
