import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { FLAPPING_KINDS } from '../schema/kinds.js';
import { JSON_VENDOR_CODES, jsonVendorAdapter } from '../testing/json-vendor.js';
import { MemoryDeadLetterSink } from './dead-letters.js';
import { FlappingDetector } from './flapping.js';
import { EventPipeline } from './pipeline.js';

const encoder = new TextEncoder();

/** Device messages: mostly valid (with retransmissions), some garbage, some that decode to invalid events. */
const message = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        acct: fc.constantFrom('A1', 'A2', 'B7'),
        code: fc.constantFrom(...Object.keys(JSON_VENDOR_CODES)),
        seq: fc.integer({ min: 0, max: 15 }),
        restore: fc.boolean(),
      })
      .map((m) => JSON.stringify({ acct: m.acct, seq: m.seq, code: m.code, ts: '2026-11-23T10:00:00Z', ...(m.restore ? { state: 'restore' } : {}) })),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('{"acct":"A1","code":"NOPE"}', '{"acct":"has space","code":"FALL"}', '{"acct":"A1"', 'null') },
  // Decodes, but the event breaks the standard (device id over 200 characters).
  { weight: 1, arbitrary: fc.constant(JSON.stringify({ acct: 'x'.repeat(250), code: 'FALL', ts: '2026-11-23T10:00:00Z' })) },
);

test.prop([fc.array(message, { maxLength: 60 }), fc.boolean()], { numRuns: 60 })(
  'accounts for every message: outcomes add up to received, events to decoded, dead letters keep the exact bytes',
  (messages, withFlapping) => {
    const deadLetters = new MemoryDeadLetterSink();
    const p = new EventPipeline({
      tenant: 'agder',
      adapters: [jsonVendorAdapter],
      deadLetters,
      flapping: withFlapping ? new FlappingDetector({ windowSeconds: 3600, threshold: 3 }) : false,
    });
    const outcomes = { emitted: 0, partial: 0, 'dead-lettered': 0, absorbed: 0 };
    const emittedIds = new Set<string>();
    const lettersExpected: Uint8Array[] = [];
    messages.forEach((raw, i) => {
      const r = p.ingest(raw, { receivedAt: new Date(Date.UTC(2026, 10, 23, 10, 0, i)) });
      outcomes[r.outcome]++;
      for (const e of r.events) emittedIds.add(`${e.source} ${e.id}`);
      if (r.deadLetter) lettersExpected.push(typeof raw === 'string' ? encoder.encode(raw) : raw);
    });
    const s = p.stats;
    expect(s.received).toBe(messages.length);
    expect(s.outcomes).toEqual(outcomes);
    expect(outcomes.emitted + outcomes.partial + outcomes.absorbed + outcomes['dead-lettered']).toBe(messages.length);
    expect(s.decoded).toBe(s.emitted + s.duplicates + s.suppressed);
    expect(deadLetters.letters.length).toBe(outcomes['dead-lettered'] + outcomes.partial);
    expect(deadLetters.letters.map((l) => [...l.raw])).toEqual(lettersExpected.map((b) => [...b]));
    if (!withFlapping) expect(s.suppressed).toBe(0);

    // Nothing but flapping kinds is ever suppressed: every distinct valid non-flapping event went out.
    const replay = new EventPipeline({ tenant: 'agder', adapters: [jsonVendorAdapter], flapping: false, heartbeat: false });
    messages.forEach((raw, i) => {
      for (const e of replay.ingest(raw, { receivedAt: new Date(Date.UTC(2026, 10, 23, 10, 0, i)) }).events) {
        if (!FLAPPING_KINDS.has(e.data.kind)) expect(emittedIds.has(`${e.source} ${e.id}`)).toBe(true);
      }
    });
  },
);
