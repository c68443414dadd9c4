import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createEvent } from '../build.js';
import type { EventKind, Lifecycle } from '../schema/kinds.js';
import { AlertCorrelator } from './correlate.js';
import { Deduplicator } from './dedupe.js';
import { FlappingDetector } from './flapping.js';
import { HeartbeatMonitor, type LastSeenRecord, type LastSeenStore } from './heartbeat.js';
import { hexIdHash, hexWord, textIdHash } from './id-hash-table.js';

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

/** Feeds `pairs` to a Deduplicator and checks every answer and size against a list of the last `capacity` remembered pairs. */
function agreesWithModel(capacity: number, pairs: readonly { source: string; id: string }[]): void {
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
  // Everything remembered is still found after all the evictions (the table stays consistent).
  for (const key of model) {
    const at = key.indexOf(' ');
    expect(d.isDuplicate({ source: key.slice(0, at), id: key.slice(at + 1) })).toBe(true);
  }
}

describe('Deduplicator against a model', () => {
  test.prop([fc.integer({ min: 1, max: 6 }), fc.array(fc.record({ source: fc.constantFrom('a', 'b', 'c'), id: fc.constantFrom('1', '2', '3', '4') }), { maxLength: 80 })])(
    'answers exactly as a list of the last `capacity` remembered pairs',
    agreesWithModel,
  );

  // Ids as the pipeline makes them (32 lowercase hex digits), built from few distinct words so that
  // ids share prefixes, suffixes and whole words; plus text ids (short, upper-case hex, 31 or 33
  // digits, a non-hex digit) that must never equal a hex id; one id from several sources.
  const word = fc.constantFrom('00000000', 'ffffffff', '0123abcd', '0123abce', 'deadbeef', '80000000');
  const hexId = fc.tuple(word, word, word, word).map((w) => w.join(''));
  const textId = fc.oneof(
    fc.constantFrom('x', '1', 'DEADBEEF0123ABCD0123ABCD0123ABCD', '0123abcd0123abcd0123abcd0123abc', '0123abcd0123abcd0123abcd0123abcd0'),
    hexId.map((h) => h.toUpperCase()),
    hexId.map((h) => `${h.slice(0, 31)}g`),
  );
  const pair = fc.record({ source: fc.constantFrom('a', 'b', 'urn:omsorg:t:x:1', ''), id: fc.oneof({ weight: 4, arbitrary: hexId }, { weight: 1, arbitrary: textId }) });

  test.prop([fc.integer({ min: 1, max: 40 }), fc.array(pair, { maxLength: 400 })])(
    'answers exactly as the model for computed (hex) ids, other ids and shared ids, through many evictions',
    agreesWithModel,
  );

  it('tells ids apart whose hashes collide: hex ids differing in two words, and a text id with a hex id', () => {
    const seed = 7;
    const hex = (words: number[]) => words.map((w) => w.toString(16).padStart(8, '0')).join('');
    // For each two neighbouring words: ids differing only there, until two share the 32-bit hash
    // (birthday bound; with one word alone the hash is one-to-one, so no pair could collide).
    const pairs: [string, string][] = [];
    for (let k = 0; k < 4; k++) {
      const seen = new Map<number, string>();
      for (let i = 1; i < 1_000_000; i++) {
        const words = [0x0123_abcd, 0x4567_ef01, 0x89ab_cdef, 0x1357_9bdf];
        words[k] = Math.imul(i, 0x9e37_79b1) >>> 0;
        words[(k + 1) % 4] = Math.imul(i, 0x85eb_ca77) >>> 0;
        const h = hexIdHash(words[0]!, words[1]!, words[2]!, words[3]!, seed);
          const other = seen.get(h);
        if (other !== undefined) {
          pairs.push([other, hex(words)]);
          break;
        }
        seen.set(h, hex(words));
      }
    }
    // A text id (upper-case hex) with the hash of some hex id.
    const byHash = new Map<number, string>();
    for (let i = 0; i < 200_000; i++) {
      const words = [i, 0x2468_ace0, i ^ 0x5555_5555, 0x0f0f_0f0f];
      byHash.set(hexIdHash(words[0]!, words[1]!, words[2]!, words[3]!, seed), hex(words));
    }
    for (let i = 0; i < 1_000_000; i++) {
      const text = `ID-${i}`;
      const match = byHash.get(textIdHash(text, seed));
      if (match !== undefined) {
        pairs.push([match, text]);
        break;
      }
    }
    expect(pairs).toHaveLength(5);
    for (const [a, b] of pairs) {
      expect(hexWord(a, 0) >= 0 && a !== b).toBe(true);
      const d = new Deduplicator({ capacity: 4, seed });
      expect([d.isDuplicate({ source: 's', id: a }), d.isDuplicate({ source: 's', id: b })]).toEqual([false, false]);
      expect([d.isDuplicate({ source: 's', id: a }), d.isDuplicate({ source: 's', id: b }), d.size]).toEqual([true, true, 2]);
      const e = new Deduplicator({ capacity: 4, seed });
      expect([e.isDuplicate({ source: 's', id: b }), e.isDuplicate({ source: 's', id: a }), e.isDuplicate({ source: 't', id: a })]).toEqual([false, false, false]);
      // One slot: b takes over the slot a had (and its hash); a is forgotten, so it is new again.
      const f = new Deduplicator({ capacity: 1, seed });
      expect([f.isDuplicate({ source: 's', id: a }), f.isDuplicate({ source: 's', id: b }), f.isDuplicate({ source: 's', id: a })]).toEqual([false, false, false]);
      expect([f.isDuplicate({ source: 's', id: a }), f.isDuplicate({ source: 's', id: b }), f.isDuplicate({ source: 's', id: b })]).toEqual([true, false, true]);
    }
  });

  it('keeps 10 000 pairs with the same first 24 hex digits apart and forgets them in order', () => {
    const d = new Deduplicator({ capacity: 5_000 });
    const id = (i: number) => `0123abcd0123abcd0123abcd${i.toString(16).padStart(8, '0')}`;
    for (let i = 0; i < 10_000; i++) expect(d.isDuplicate({ source: 's', id: id(i) })).toBe(false);
    for (let i = 5_000; i < 10_000; i++) expect(d.isDuplicate({ source: 's', id: id(i) })).toBe(true);
    expect(d.isDuplicate({ source: 's', id: id(4_999) })).toBe(false);
    expect(d.isDuplicate({ source: 't', id: id(9_999) })).toBe(false);
    expect(d.size).toBe(5_000);
  });
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

  it('pass() decides as apply() does: the same event out, the marked copy, undefined for suppressed', () => {
    const viaApply = new FlappingDetector({ windowSeconds: 60, threshold: 3, quietSeconds: 30 });
    const viaPass = new FlappingDetector({ windowSeconds: 60, threshold: 3, quietSeconds: 30 });
    // Transitions every 5 s (flapping from the third on), then a quiet 40 s, then one more.
    const seconds = [0, 5, 10, 15, 20, 60];
    const decided = seconds.map((s, i) => {
      const e = ev('door_open', i % 2 ? 'resolved' : 'raised', s);
      const a = viaApply.apply(e);
      const p = viaPass.pass(e);
      expect(a.action === 'emit' ? a.event : undefined).toEqual(p);
      return p === undefined ? 'suppressed' : p === e ? 'same' : `marked ${p.data.attributes?.flapping}`;
    });
    expect(decided).toEqual(['same', 'same', 'marked true', 'suppressed', 'suppressed', 'marked false']);
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
