import { describe, expect, it } from 'vitest';
import { createEvent } from '../build.js';
import type { EventKind, Lifecycle } from '../schema/kinds.js';
import { DeviceRegistry, RegistryError } from './registry.js';

const base = { type: 'socialAlarm', vendor: 'Tunstall', installedAt: '2025-01-10' } as const;

function event(deviceId: string, at: string, kind: EventKind = 'heartbeat', lifecycle: Lifecycle = 'raised', batteryPercent?: number, tenant = 'arendal') {
  return createEvent({
    tenant,
    source: 'urn:test',
    kind,
    lifecycle,
    device: { id: deviceId, ...(batteryPercent === undefined ? {} : { batteryPercent }) },
    codes: { raw: 'X' },
    time: at,
    recordedAt: at,
    idParts: [deviceId, at, kind],
  });
}

function fleet() {
  const r = new DeviceRegistry({ tenant: 'arendal' });
  r.register({ ...base, id: 'd1', serial: 'S1', unitId: 'u1', wardId: 'w1', residentId: 'r1' }, new Date('2025-01-10T10:00:00Z'));
  r.register({ ...base, id: 'd2', serial: 'S2', unitId: 'u1', type: 'doorSensor' });
  r.register({ ...base, id: 'd3', serial: 'S3', unitId: 'u2' });
  r.register({ ...base, id: 'd4', serial: 'S4', unitId: 'u1' });
  return r;
}

describe('DeviceRegistry', () => {
  it('answers "offline for more than 24 h in unit u1" from the signs of life it observed', () => {
    const r = fleet();
    r.observe(event('d1', '2026-11-21T08:00:00Z'));
    r.observe(event('d2', '2026-11-23T08:00:00Z'));
    r.observe(event('d3', '2026-11-20T08:00:00Z'));
    const now = new Date('2026-11-23T09:00:00Z');
    expect(r.offlineLongerThan(24, { unitId: 'u1', now }).map((e) => e.device.id)).toEqual(['d1']);
    expect(r.offlineLongerThan(24, { now }).map((e) => e.device.id)).toEqual(['d1', 'd3']);
    expect(r.query({ neverSeen: true, now }).map((e) => e.device.id)).toEqual(['d4']);
  });

  it('leaves retired devices out unless asked', () => {
    const r = fleet();
    r.observe(event('d1', '2026-11-01T08:00:00Z'));
    r.retire('d1', '2026-11-02');
    const now = new Date('2026-11-23T09:00:00Z');
    expect(r.offlineLongerThan(24, { now })).toEqual([]);
    expect(r.query({ silentForMoreThanHours: 24, includeRetired: true, now }).map((e) => e.device.id)).toEqual(['d1']);
  });

  it('opens and closes the offline state from device_offline events, and any other message clears it', () => {
    const r = fleet();
    r.observe(event('d1', '2026-11-23T08:00:00Z'));
    r.observe(event('d1', '2026-11-23T08:30:00Z', 'device_offline', 'raised'));
    expect(r.get('d1')?.offlineSince).toBe('2026-11-23T08:30:00Z');
    expect(r.get('d1')?.lastSeenAt).toBe('2026-11-23T08:00:00Z');
    expect(r.query({ offline: true }).map((e) => e.device.id)).toEqual(['d1']);
    r.observe(event('d1', '2026-11-23T09:00:00Z', 'fall'));
    expect(r.get('d1')?.offlineSince).toBeUndefined();
  });

  it('keeps battery history and finds low batteries', () => {
    const r = fleet();
    r.observe(event('d1', '2026-11-23T08:00:00Z', 'heartbeat', 'raised', 80));
    r.observe(event('d1', '2026-11-23T09:00:00Z', 'heartbeat', 'raised', 15));
    r.observe(event('d3', '2026-11-23T09:00:00Z', 'battery_low'));
    expect(r.get('d1')?.batteryHistory).toEqual([
      { at: '2026-11-23T08:00:00Z', percent: 80 },
      { at: '2026-11-23T09:00:00Z', percent: 15 },
    ]);
    expect(r.query({ batteryBelow: 20 }).map((e) => e.device.id)).toEqual(['d1', 'd3']);
    r.observe(event('d3', '2026-11-23T10:00:00Z', 'battery_low', 'resolved'));
    expect(r.query({ batteryBelow: 20 }).map((e) => e.device.id)).toEqual(['d1']);
  });

  it('records sign-of-life history at most once per resolution step', () => {
    const r = fleet();
    for (const t of ['08:00', '08:20', '09:05', '09:10', '10:06']) r.observe(event('d1', `2026-11-23T${t}:00Z`));
    expect(r.get('d1')?.seenHistory).toEqual(['2026-11-23T08:00:00Z', '2026-11-23T09:05:00Z', '2026-11-23T10:06:00Z']);
  });

  it('keeps resident assignment history', () => {
    const r = fleet();
    r.assignResident('d1', 'r2', new Date('2026-01-01T00:00:00Z'));
    r.assignResident('d1', undefined, new Date('2026-02-01T00:00:00Z'));
    expect(r.get('d1')?.device.residentId).toBeUndefined();
    expect(r.get('d1')?.residentHistory).toEqual([
      { residentId: 'r1', from: '2025-01-10T10:00:00.000Z', to: '2026-01-01T00:00:00.000Z' },
      { residentId: 'r2', from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' },
    ]);
  });

  it('ignores other tenants and unknown devices; rejects invalid and duplicate devices with typed errors', () => {
    const r = fleet();
    expect(r.observe(event('d1', '2026-11-23T08:00:00Z', 'heartbeat', 'raised', undefined, 'grimstad'))).toBe(false);
    expect(r.observe(event('zz', '2026-11-23T08:00:00Z'))).toBe(false);
    expect(() => r.register({ ...base, id: 'd1', serial: 'S1' })).toThrow(expect.objectContaining({ code: 'DEVICE_DUPLICATE' }));
    expect(() => r.register({ id: 'd9', type: 'toaster' })).toThrow(RegistryError);
    expect(() => r.update('nope', { firmware: '2' })).toThrow(expect.objectContaining({ code: 'DEVICE_UNKNOWN' }));
    expect(r.update('d2', { firmware: '2.1.0', room: '104' }).device).toMatchObject({ firmware: '2.1.0', room: '104' });
  });
});
