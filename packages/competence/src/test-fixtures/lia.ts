/**
 * Test fixtures: the sample nursing home (Lia sykehjem, examples/nursing-home) with service decisions
 * (tjenestevedtak) for its 32 residents. Not part of the public API.
 */
import { readFileSync } from 'node:fs';
import type { ProblemInput, ServiceDecisionInput } from '@omsorg/domain';

/** The sample nursing home problem as written. */
export function liaProblem(): ProblemInput {
  return JSON.parse(readFileSync(new URL('../../../../examples/nursing-home/data/sykehjem.json', import.meta.url), 'utf8')) as ProblemInput;
}

type Service = ServiceDecisionInput['services'][number];

/**
 * Service decisions for residents, deterministic by position in the list: everyone gets morning and
 * evening care, medication three times a day, meals, bed making, cleaning, laundry and a shower twice
 * a week; every fourth resident insulin and blood glucose; others wound care, catheter, compression,
 * transfers with two staff, escort and activities.
 */
export function liaDecisions(residentIds: readonly string[], validFrom = '2026-01-01'): ServiceDecisionInput[] {
  return residentIds.map((residentId, i) => {
    const services: Service[] = [
      { taskId: 'morning-care', schedule: { kind: 'daily', times: ['08:00'] }, windowMinutes: 60 },
      { taskId: 'evening-care', schedule: { kind: 'daily', times: ['21:00'] }, windowMinutes: 60 },
      { taskId: 'medication-administration', schedule: { kind: 'daily', times: ['08:00', '14:00', '20:00'] }, windowMinutes: 30 },
      { taskId: 'meal-preparation', schedule: { kind: 'daily', times: ['08:30', '13:00', '17:00'] }, windowMinutes: 30, durationMinutes: 10 },
      { taskId: 'bed-making', schedule: { kind: 'daily', times: ['10:00'] }, windowMinutes: 120 },
      { taskId: 'cleaning', schedule: { kind: 'weekly', weekdays: [1 + (i % 5)], times: ['10:00'] }, windowMinutes: 180 },
      { taskId: 'laundry', schedule: { kind: 'weekly', weekdays: [1 + ((i + 2) % 5)], times: ['11:00'] }, windowMinutes: 180 },
      { taskId: 'shower', schedule: { kind: 'timesPerWeek', count: 2, times: ['10:00'] }, windowMinutes: 120 },
      { taskId: 'medication-preparation', schedule: { kind: 'weekly', weekdays: [3], times: ['13:00'] }, windowMinutes: 120 },
      { taskId: 'care-documentation', schedule: { kind: 'daily', times: ['14:00', '21:30'] }, windowMinutes: 30, durationMinutes: 5 },
    ];
    if (i % 2 === 0) services.push({ taskId: 'meal-assistance', schedule: { kind: 'daily', times: ['08:30', '13:00', '17:00'] }, windowMinutes: 30 });
    if (i % 3 === 0) services.push({ taskId: 'toileting', schedule: { kind: 'daily', times: ['07:30', '11:00', '15:00', '19:00'] }, windowMinutes: 30 });
    if (i % 3 === 1) services.push({ taskId: 'night-check', schedule: { kind: 'daily', times: ['00:00', '02:30', '05:00'] }, windowMinutes: 30 });
    if (i % 4 === 0) {
      services.push({ taskId: 'blood-glucose', schedule: { kind: 'daily', times: ['07:30', '17:30'] }, windowMinutes: 15 });
      services.push({ taskId: 'insulin', schedule: { kind: 'daily', times: ['07:45', '17:45'] }, windowMinutes: 15 });
    }
    if (i % 5 === 0) services.push({ taskId: 'wound-care-complex', schedule: { kind: 'weekly', weekdays: [1, 4], times: ['11:00'] }, windowMinutes: 120 });
    if (i % 5 === 2) services.push({ taskId: 'wound-care-simple', schedule: { kind: 'timesPerWeek', count: 3, times: ['11:00'] }, windowMinutes: 120 });
    if (i % 8 === 3) {
      services.push({ taskId: 'catheter-care', schedule: { kind: 'daily', times: ['09:00', '21:00'] }, windowMinutes: 60 });
      services.push({ taskId: 'catheterisation', schedule: { kind: 'weekly', weekdays: [2], times: ['10:00'] }, windowMinutes: 120 });
    }
    if (i % 6 === 1) services.push({ taskId: 'compression-stockings', schedule: { kind: 'daily', times: ['09:00'] }, windowMinutes: 60 });
    if (i % 7 === 2) services.push({ taskId: 'mobilisation', schedule: { kind: 'daily', times: ['08:15', '20:45'] }, windowMinutes: 30, staff: 2 });
    if (i % 4 === 1) services.push({ taskId: 'vital-signs', schedule: { kind: 'weekly', weekdays: [1], times: ['10:00'] }, windowMinutes: 120 });
    if (i % 9 === 4) services.push({ taskId: 'escort', schedule: { kind: 'timesPerWeek', count: 1, times: ['12:00'] }, windowMinutes: 120, durationMinutes: 90 });
    if (i % 2 === 1) services.push({ taskId: 'social-activity', schedule: { kind: 'weekly', weekdays: [2, 5], times: ['13:00'] }, windowMinutes: 60 });
    return { id: `vedtak-${residentId}`, residentId, validFrom, services };
  });
}
