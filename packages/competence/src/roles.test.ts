import type { Task } from '@omsorg/domain';
import { describe, expect, it } from 'vitest';
import { candidateSlots, delegationFloor, lowestRoleFor, mayPerform, performBasis, STAFFING_ROLES } from './roles.js';

const insulin: Task = {
  id: 'insulin',
  name: { nb: 'Insulin', en: 'Insulin' },
  category: 'healthProfessional',
  minRole: 'nurse',
  qualificationId: 'insulin',
  delegable: true,
  delegableTo: 'healthWorker',
  typicalDurationMinutes: 10,
};
const shower: Task = { id: 'shower', name: { nb: 'Dusj', en: 'Shower' }, category: 'practical', minRole: 'assistant', delegable: false, typicalDurationMinutes: 30 };

describe('roles', () => {
  it('orders the staffing roles from service worker to nurse, without students', () => {
    expect(STAFFING_ROLES).toEqual(['serviceWorker', 'assistant', 'healthWorker', 'socialEducator', 'nurse']);
  });

  it('given insulin (nurse, delegable to health worker with "insulin"), exactly nurse, social educator and a qualified health worker may give it', () => {
    expect(performBasis(insulin, { role: 'nurse', qualifications: [] })).toBe('role');
    expect(performBasis(insulin, { role: 'socialEducator', qualifications: [] })).toBe('role');
    expect(performBasis(insulin, { role: 'healthWorker', qualifications: ['insulin'] })).toBe('delegation');
    expect(mayPerform(insulin, { role: 'healthWorker', qualifications: [] })).toBe(false);
    expect(mayPerform(insulin, { role: 'assistant', qualifications: ['insulin'] })).toBe(false);
  });

  it('given a shower (assistant), a service worker may not and an assistant may', () => {
    expect(mayPerform(shower, { role: 'serviceWorker', qualifications: [] })).toBe(false);
    expect(mayPerform(shower, { role: 'assistant', qualifications: [] })).toBe(true);
  });

  it('lists candidate slots lowest first: the delegated health worker, then the task\'s own role', () => {
    expect(candidateSlots(insulin)).toEqual([{ role: 'healthWorker', qualificationId: 'insulin' }, { role: 'nurse' }, { role: 'socialEducator' }]);
    expect(candidateSlots(shower).map((s) => s.role)).toEqual(['assistant', 'healthWorker', 'socialEducator', 'nurse']);
  });

  it('has no delegation floor when the task is not delegable or the floor is not below the minimum role', () => {
    expect(delegationFloor({ ...insulin, delegable: false })).toBeUndefined();
    expect(delegationFloor({ ...insulin, delegableTo: 'nurse' })).toBeUndefined();
    expect(lowestRoleFor(insulin)).toBe('healthWorker');
    expect(lowestRoleFor({ ...insulin, delegable: false })).toBe('nurse');
  });
});
