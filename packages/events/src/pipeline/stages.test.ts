import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createEvent } from '../build.js';
import type { EventKind, Lifecycle } from '../schema/kinds.js';
import { AlertCorrelator } from './correlate.js';
import { Deduplicator } from './dedupe.js';
import { FlappingDetector } from './flapping.js';
import { HeartbeatMonitor, type LastSeenRecord, type LastSeenStore } from './heartbeat.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');
let n = 0;
function ev(kind: EventKind, lifecycle: Lifecycle, seconds: number, device = 'd1') {
  const at = new Date(T0 + seconds * 1000);
  return createEvent({ tenant: 't', source: 'urn:s', kind, lifecycle, device: { id: device }, codes: { raw: 'x' }, time: at, recordedAt: at, idParts: [n++] });
}

describe('Deduplicator', () => {
  it('remembers exactly the last `capacity` pairs', () => {
    const d = new Deduplicator({ capacity: 2 });
    const [a, b, c] = [{ source: 's', id: 'a' }, { source: 's', id: 'b' }, { source: 's', id: 'c' }];
    expect([d.isDuplicate(a), d.isDuplicate(b), d.isDuplicate(a)]).toEqual([false, false, true]);
    expect(d.isDuplicate(c)).toBe(false); // evicts a
    expect([d.isDuplicate(a), d.size]).toEqual([false, 2]);
    expect(d.isDuplicate({ source: 'other', id: 'c' })).toBe(false);
  });

  it('keeps one id from several sources apart, and forgets each pair on its own', () => {
    const d = new Deduplicator({ capacity: 3 });
    const [s1, s2, s3] = [{ source: 's1', id: 'x' }, { source: 's2', id: 'x' }, { source: 's3', id: 'x' }];
    expect([d.isDuplicate(s1), d.isDuplicate(s2), d.isDuplicate(s3)]).toEqual([false, false, false]);
    expect([d.isDuplicate(s1), d.isDuplicate(s2), d.isDuplicate(s3), d.size]).toEqual([true, true, true, 3]);
    expect(d.isDuplicate({ source: 's', id: 'y' })).toBe(false); // evicts (s1, x)
    expect([d.isDuplicate(s2), d.isDuplicate(s3), d.isDuplicate(s1)]).toEqual([true, true, false]); // s1 comes back, evicting s2
    expect([d.isDuplicate(s3), d.isDuplicate(s2), d.size]).toEqual([true, false, 3]);
  });
});

describe('Deduplicator against a model', () => {
  test.prop([fc.integer({ min: 1, max: 6 }), fc.array(fc.record({ source: fc.constantFrom('a', 'b', 'c'), id: fc.constantFrom('1', '2', '3', '4') }), { maxLength: 80 })])(
    'answers exactly as a list of the last `capacity` remembered pairs',
    (capacity, pairs) => {
      const d = new Deduplicator({ capacity });
      const model: string[] = [];
      for (const p of pairs) {
        const key = `${p.source} ${p.id}`;
        const expected = model.includes(key);
        if (!expected) {
          model.push(key);
          if (model.length > capacity) model.shift();
        }
        expect(d.isDuplicate(p)).toBe(expected);
        expect(d.size).toBe(model.length);
      }
    },
  );
});

describe('AlertCorrelator', () => {
  it('carries the handling state into repeats: raised, acknowledged, repeat → updated (acknowledged, 2), resolved closes', () => {
    const c = new AlertCorrelator();
    const out = [
      c.apply(ev('fall', 'raised', 0)),
      c.apply(ev('fall', 'acknowledged', 10)),
      c.apply(ev('fall', 'raised', 20)),
      c.apply(ev('fall', 'resolved', 30)),
    ];
    expect(out.map((e) => [e.data.lifecycle, e.data.handling, e.data.repeatCount])).toEqual([
      ['raised', 'unhandled', 1],
      ['acknowledged', 'acknowledged', 1],
      ['updated', 'acknowledged', 2],
      ['resolved', 'closed', 2],
    ]);
    expect(out[2]?.type).toBe('no.omsorg.care.fall.updated');
    expect(c.size).toBe(0);
  });

  it('keeps alert keys apart and leaves point kinds alone', () => {
    const c = new AlertCorrelator();
    c.apply(ev('fall', 'raised', 0, 'd1'));
    expect(c.apply(ev('fall', 'raised', 1, 'd2')).data.lifecycle).toBe('raised');
    expect(c.apply(ev('heartbeat', 'raised', 2)).data.lifecycle).toBe('raised');
    expect(c.apply(ev('heartbeat', 'raised', 3)).data.lifecycle).toBe('raised');
    expect(c.size).toBe(2);
  });

  it('forgets an episode idle past its TTL: the next raise opens a new one; sweep drops stale ones', () => {
    const c = new AlertCorrelator({ episodeTtlSeconds: 60 });
    c.apply(ev('assistance_call', 'raised', 0));
    expect(c.apply(ev('assistance_call', 'raised', 120)).data.repeatCount).toBe(1);
    c.apply(ev('fall', 'raised', 130));
    expect(c.sweep(new Date(T0 + 185_000))).toBe(1);
    expect(c.size).toBe(1);
  });
});

describe('FlappingDetector', () => {
  it('never suppresses a life-safety kind or a kind outside door/bed/connectivity', () => {
    const f = new FlappingDetector({ windowSeconds: 60, threshold: 2 });
    for (let i = 0; i < 20; i++) {
      expect(f.apply(ev('assistance_call', i % 2 ? 'resolved' : 'raised', i)).action).toBe('emit');
      expect(f.apply(ev('water_leak', i % 2 ? 'resolved' : 'raised', i)).action).toBe('emit');
    }
    expect(f.size).toBe(0);
  });

  it('counts transitions per alert within the window only', () => {
    const f = new FlappingDetector({ windowSeconds: 60, threshold: 3 });
    // Two transitions a minute apart never reach three within 60 s.
    for (let i = 0; i < 10; i++) expect(f.apply(ev('door_open', i % 2 ? 'resolved' : 'raised', i * 61)).action).toBe('emit');
    expect(f.isFlapping('t/d1/main/door_open')).toBe(false);
  });
});

describe('HeartbeatMonitor', () => {
  it('saves only records that changed since the last flush', async () => {
    const saved: LastSeenRecord[][] = [];
    const store: LastSeenStore = { load: async () => [], save: async (r) => void saved.push([...r]) };
    const h = new HeartbeatMonitor({ store });
    h.seen({ tenant: 't', deviceId: 'a', at: T0 });
    h.seen({ tenant: 't', deviceId: 'b', at: T0 });
    await h.flush();
    h.seen({ tenant: 't', deviceId: 'b', at: T0 + 1000, intervalSeconds: 30 });
    await h.flush();
    await h.flush();
    expect(saved.map((batch) => batch.map((r) => `${r.deviceId}@${r.lastSeenAt - T0}/${r.intervalSeconds}`))).toEqual([
      ['a@0/300', 'b@0/300'],
      ['b@1000/30'],
    ]);
  });
});
