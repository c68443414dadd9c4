import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { buildDc09Frame } from './build.js';
import { parseContactIdMessage } from './contact-id.js';
import { parseDc09Frame } from './frame.js';

const hexDigits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789ABCDEF'), minLength: min, maxLength: max });
const instant = fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }).map((s) => new Date(s * 1000));
const siaEvent = fc
  .tuple(fc.constantFrom('MA', 'QA', 'YT', 'RP', 'CL', 'BA'), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 999 }))
  .map(([code, area, zone]) => `Nri${area}/${code}${String(zone).padStart(3, '0')}`);
const cidEvent = fc
  .tuple(fc.constantFrom('1', '3', '6'), fc.constantFrom('100', '101', '302', '381', '602'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 999 }))
  .map(([q, e, g, z]) => `${q}${e} ${String(g).padStart(2, '0')} ${String(z).padStart(3, '0')}`);

const fields = fc.record({
  kind: fc.constantFrom('SIA-DCS', 'ADM-CID', 'NULL'),
  sequence: fc.integer({ min: 0, max: 9999 }),
  receiver: fc.option(hexDigits(1, 6), { nil: undefined }),
  line: hexDigits(1, 6),
  account: hexDigits(3, 16),
  sia: siaEvent,
  cid: cidEvent,
  timestamp: instant,
  x: fc.option(fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJ0123456789.'), maxLength: 20 }), { nil: undefined }),
});

test.prop([fields, fc.option(fc.constantFrom(16, 24, 32), { nil: undefined }), fc.string({ unit: fc.constantFrom(...'abcXYZ019'), minLength: 16, maxLength: 16 })])(
  'a frame built from any fields, plain or encrypted with any padding, parses strictly back to the same fields',
  (f, keyLength, padSource) => {
    const data = f.kind === 'NULL' ? '' : `#${f.account}|${f.kind === 'SIA-DCS' ? f.sia : f.cid}`;
    const key = keyLength === undefined ? undefined : 'k'.repeat(keyLength);
    const frame = buildDc09Frame(
      { token: f.kind, sequence: f.sequence, line: f.line, account: f.account, data, timestamp: f.timestamp, ...(f.receiver ? { receiver: f.receiver } : {}), ...(f.x ? { xdata: { X: f.x } } : {}) },
      key === undefined ? {} : { key, pad: (n) => padSource.slice(0, n) },
    )!;
    const r = parseDc09Frame(frame, { receivedAt: f.timestamp, ...(key === undefined ? {} : { keys: key }) });
    expect(r.issues).toEqual([]);
    expect(r.frame).toMatchObject({
      token: f.kind,
      encrypted: key !== undefined,
      sequence: String(f.sequence).padStart(4, '0'),
      receiver: f.receiver ? `R${f.receiver}` : null,
      line: `L${f.line}`,
      account: f.account,
      data,
      xdata: f.x ? { X: f.x } : {},
      timestamp: f.timestamp.toISOString().replace('.000Z', 'Z'),
    });
  },
);

test.prop([fields, fc.nat(), fc.integer({ min: 1, max: 255 })])(
  'changing any one byte of a valid frame body makes strict parsing fail (CRC-16 catches every single-byte error)',
  (f, where, xor) => {
    const frame = buildDc09Frame({ token: 'SIA-DCS', sequence: f.sequence, line: f.line, account: f.account, data: `#${f.account}|${f.sia}`, timestamp: f.timestamp })!;
    const bodyStart = 9;
    const at = bodyStart + (where % (frame.length - 1 - bodyStart));
    const changed = frame.slice(0, at) + String.fromCharCode(frame.charCodeAt(at) ^ xor) + frame.slice(at + 1);
    expect(parseDc09Frame(changed, { receivedAt: f.timestamp }).ok).toBe(false);
  },
);

test.prop([fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.uint8Array({ maxLength: 300 })), fc.constantFrom('strict', 'lenient' as const)])(
  'parsing never throws on any text or bytes',
  (input, mode) => {
    const r = parseDc09Frame(input, { mode, receivedAt: new Date(0), keys: 'AAAAAAAAAAAAAAAA' });
    expect(typeof r.ok).toBe('boolean');
    expect(r.ok).toBe(r.frame !== null && r.issues.every((i) => i.severity !== 'error'));
    expect(typeof parseContactIdMessage(typeof input === 'string' ? input : Buffer.from(input).toString('latin1')).ok).toBe('boolean');
  },
);
