import { describe, expect, it } from 'vitest';
import { jsonVendorAdapter } from '../testing/json-vendor.js';
import { MemoryDeadLetterSink } from './dead-letters.js';
import { FlappingDetector } from './flapping.js';
import { HeartbeatMonitor, MemoryLastSeenStore } from './heartbeat.js';
import { EventPipeline } from './pipeline.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const msg = (o: Record<string, unknown>) => JSON.stringify({ acct: 'A1', ts: '2026-11-23T10:00:00Z', ...o });

function pipeline(extra: Partial<ConstructorParameters<typeof EventPipeline>[0]> = {}) {
  const deadLetters = new MemoryDeadLetterSink();
  return { p: new EventPipeline({ tenant: 'kristiansand', adapters: [jsonVendorAdapter], deadLetters, ...extra }), deadLetters };
}

describe('EventPipeline', () => {
  it('given the same message twice, emits it once and absorbs the retransmission', () => {
    const { p } = pipeline();
    const raw = msg({ code: 'FALL', seq: 1 });
    expect(p.ingest(raw, { receivedAt: at(0) }).outcome).toBe('emitted');
    const again = p.ingest(raw, { receivedAt: at(5) });
    expect(again).toMatchObject({ outcome: 'absorbed', events: [] });
    expect(p.stats).toMatchObject({ received: 2, decoded: 2, emitted: 1, duplicates: 1 });
  });

  it('given three presses of the alarm button, emits raised then updated with repeatCount 2 and 3', () => {
    const { p } = pipeline();
    const events = [1, 2, 3].flatMap((seq) => p.ingest(msg({ code: 'BTN', seq }), { receivedAt: at(seq) }).events);
    expect(events.map((e) => [e.type, e.data.repeatCount])).toEqual([
      ['no.omsorg.care.assistance_call.raised', 1],
      ['no.omsorg.care.assistance_call.updated', 2],
      ['no.omsorg.care.assistance_call.updated', 3],
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
  });

  it('closes the episode on restore: the next press is raised again with repeatCount 1', () => {
    const { p } = pipeline();
    p.ingest(msg({ code: 'BTN', seq: 1 }), { receivedAt: at(1) });
    p.ingest(msg({ code: 'BTN', seq: 2 }), { receivedAt: at(2) });
    const restore = p.ingest(msg({ code: 'BTN', seq: 3, state: 'restore' }), { receivedAt: at(3) }).events[0];
    expect([restore?.data.lifecycle, restore?.data.repeatCount]).toEqual(['resolved', 2]);
    const next = p.ingest(msg({ code: 'BTN', seq: 4 }), { receivedAt: at(4) }).events[0];
    expect([next?.data.lifecycle, next?.data.repeatCount]).toEqual(['raised', 1]);
  });

  it('given undecodable bytes, keeps them as a dead letter with the raw bytes and a typed reason', () => {
    const { p, deadLetters } = pipeline();
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x63, 0x63, 0x74, 0x22, 0xff]);
    const r = p.ingest(bytes, { receivedAt: at(0) });
    expect(r.outcome).toBe('dead-lettered');
    expect(deadLetters.letters).toHaveLength(1);
    expect(deadLetters.letters[0]).toMatchObject({ reason: 'DECODE_FAILED', adapterId: 'json-vendor', tenant: 'kristiansand' });
    expect([...(deadLetters.letters[0]?.raw ?? [])]).toEqual([...bytes]);
    bytes[0] = 0;
    expect(deadLetters.letters[0]?.raw[0]).toBe(0x7b);
  });

  it('given a message no adapter detects, dead-letters it as NO_ADAPTER; an unknown adapter id too', () => {
    const { p, deadLetters } = pipeline();
    p.ingest('SIA-DCS garbage', { receivedAt: at(0) });
    p.ingest(msg({ code: 'FALL' }), { receivedAt: at(0), adapterId: 'nope' });
    expect(deadLetters.letters.map((l) => l.reason)).toEqual(['NO_ADAPTER', 'NO_ADAPTER']);
    expect(deadLetters.letters[1]?.issues[0]?.code).toBe('ADAPTER_UNKNOWN');
  });

  it('flaps a door that opens and closes 6 times in a minute, then settles with its last state', () => {
    const { p } = pipeline({ flapping: new FlappingDetector({ windowSeconds: 60, threshold: 4 }) });
    const out = [];
    for (let i = 0; i < 6; i++) {
      out.push(...p.ingest(msg({ code: 'DOOR', seq: i, state: i % 2 ? 'restore' : 'open' }), { receivedAt: at(i * 5) }).events);
    }
    expect(out).toHaveLength(4);
    expect(out[3]?.data.attributes).toEqual({ flapping: true });
    expect(p.stats.suppressed).toBe(2);
    const settled = p.tick(at(25 + 60));
    expect(settled).toHaveLength(1);
    expect(settled[0]?.data).toMatchObject({ lifecycle: 'resolved', attributes: { flapping: false, suppressedTransitions: 2 } });
  });

  it('never treats falls as flapping, however many', () => {
    const { p } = pipeline({ flapping: new FlappingDetector({ windowSeconds: 60, threshold: 2 }) });
    let emitted = 0;
    for (let i = 0; i < 10; i++) emitted += p.ingest(msg({ code: 'FALL', seq: i }), { receivedAt: at(i) }).events.length;
    expect(emitted).toBe(10);
    expect(p.stats.suppressed).toBe(0);
  });

  it('raises device_offline after interval × tolerance of silence, once, and resolves it on the next message', () => {
    const heartbeat = new HeartbeatMonitor({ defaultIntervalSeconds: 60, toleranceFactor: 2, startupGraceSeconds: 0 });
    const { p } = pipeline({ heartbeat });
    p.ingest(msg({ code: 'HB', seq: 1 }), { receivedAt: at(0) });
    // The JSON vendor manifest says 300 s, which wins over the default.
    expect(p.tick(at(599))).toEqual([]);
    const raised = p.tick(at(601));
    expect(raised.map((e) => [e.type, e.data.alertKey])).toEqual([['no.omsorg.technical.device_offline.raised', 'kristiansand/A1/connectivity/device_offline']]);
    expect(p.tick(at(700))).toEqual([]);
    const back = p.ingest(msg({ code: 'HB', seq: 2 }), { receivedAt: at(800) }).events;
    expect(back.map((e) => e.type)).toEqual(['no.omsorg.technical.device_offline.resolved', 'no.omsorg.system.heartbeat.raised']);
  });

  it('after a restart, waits out the grace period before marking a silent fleet offline, from persisted last-seen state', async () => {
    const store = new MemoryLastSeenStore();
    const before = new HeartbeatMonitor({ defaultIntervalSeconds: 60, toleranceFactor: 2, startupGraceSeconds: 300, store });
    before.seen({ tenant: 'k', deviceId: 'd1', at: at(0) });
    before.seen({ tenant: 'k', deviceId: 'd2', at: at(0) });
    await before.flush();
    // Down for an hour; on restart the devices look long silent but are not reported yet.
    const after = new HeartbeatMonitor({ defaultIntervalSeconds: 60, toleranceFactor: 2, startupGraceSeconds: 300, store });
    await after.start(at(3600));
    expect(after.size).toBe(2);
    after.seen({ tenant: 'k', deviceId: 'd1', at: at(3850) });
    expect(after.check(at(3800))).toEqual([]);
    expect(after.check(at(3899))).toEqual([]);
    expect(after.check(at(3901)).map((e) => e.data.device.id)).toEqual(['d2']);
  });
});
