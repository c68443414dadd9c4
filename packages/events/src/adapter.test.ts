import { OmsorgError } from '@omsorg/domain';
import { describe, expect, it } from 'vitest';
import { type AdapterDefinition, defineAdapter, isAdapter } from './adapter.js';
import { createEvent } from './build.js';
import { AdapterError, AdapterManifestError } from './errors.js';
import { jsonVendorAdapter } from './testing/json-vendor.js';

const manifest = { id: 'demo', vendor: 'Demo AS', version: '1.2.3', standard: { min: 1, max: 1 } };
const ctx = { tenant: 'kristiansand', receivedAt: new Date('2026-11-23T10:00:05Z'), strict: true };

function fallEvent() {
  return createEvent({
    tenant: 'kristiansand',
    source: 'urn:omsorg:kristiansand:demo:1',
    kind: 'fall',
    device: { id: 'dev-1' },
    codes: { raw: 'F1' },
    time: '2026-11-23T10:00:00Z',
    recordedAt: ctx.receivedAt,
    idParts: ['F1', 1],
  });
}

const base: AdapterDefinition = { manifest, detect: () => true, decode: () => ({ events: [fallEvent()], issues: [] }) };

describe('defineAdapter', () => {
  it('given a valid manifest, fills in capability defaults and brands the adapter', () => {
    const a = defineAdapter(base);
    expect(isAdapter(a)).toBe(true);
    expect(isAdapter({ ...base })).toBe(false);
    expect(a.manifest.capabilities).toEqual({ encode: false, replies: false, heartbeat: false, encryption: false, strictMode: false });
    expect(Object.isFrozen(a)).toBe(true);
    expect(a.encode).toBeUndefined();
  });

  it('given a manifest with a bad id, version and standard range, throws ADAPTER_MANIFEST_INVALID listing each path', () => {
    const bad = { ...base, manifest: { ...manifest, id: 'Demo Adapter', version: 'one', standard: { min: 2, max: 3 } } };
    let error: unknown;
    try {
      defineAdapter(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AdapterManifestError);
    expect(error).toBeInstanceOf(OmsorgError);
    const e = error as AdapterManifestError;
    expect(e.code).toBe('ADAPTER_MANIFEST_INVALID');
    expect(e.issues.map((i) => i.path?.join('.')).sort()).toEqual(['id', 'standard', 'version']);
    expect(e.message).toContain('Demo Adapter');
  });

  it('given a standard range that excludes v1, throws with the path standard', () => {
    expect(() => defineAdapter({ ...base, manifest: { ...manifest, standard: { min: 2, max: 3 } } })).toThrow(/standard/);
  });

  it('given encode without the capability flag (and the reverse), throws', () => {
    expect(() => defineAdapter({ ...base, encode: () => 'ACK' })).toThrow(AdapterManifestError);
    expect(() => defineAdapter({ ...base, manifest: { ...manifest, capabilities: { encode: true } } })).toThrow(/encode is missing/);
  });

  it('given decode throws, returns no events and one ADAPTER_DECODE_FAILED issue with the adapter id', () => {
    const a = defineAdapter({
      ...base,
      decode: () => {
        throw new TypeError('boom');
      },
    });
    const r = a.decode('x', ctx);
    expect(r.events).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'ADAPTER_DECODE_FAILED', adapterId: 'demo', severity: 'error' });
    expect(r.issues[0]?.message.en).toContain('boom');
  });

  it('given decode returns a malformed result, reports ADAPTER_RESULT_INVALID', () => {
    const a = defineAdapter({ ...base, decode: () => undefined as never });
    expect(a.decode('x', ctx).issues[0]?.code).toBe('ADAPTER_RESULT_INVALID');
  });

  it('given detect throws, throws AdapterError ADAPTER_DETECT_FAILED carrying the id and the cause', () => {
    const cause = new Error('bad detect');
    const a = defineAdapter({
      ...base,
      detect: () => {
        throw cause;
      },
    });
    try {
      a.detect('x');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AdapterError);
      expect((e as AdapterError).code).toBe('ADAPTER_DETECT_FAILED');
      expect((e as AdapterError).adapterId).toBe('demo');
      expect((e as AdapterError).cause).toBe(cause);
    }
  });

  it('given encode throws, throws AdapterError ADAPTER_ENCODE_FAILED; otherwise returns its bytes', () => {
    const ok = defineAdapter({ ...base, manifest: { ...manifest, capabilities: { encode: true } }, encode: (r) => `ACK ${r.kind}` });
    expect(ok.encode?.({ kind: 'ack' })).toBe('ACK ack');
    const failing = defineAdapter({
      ...base,
      manifest: { ...manifest, capabilities: { encode: true } },
      encode: () => {
        throw new Error('no');
      },
    });
    expect(() => failing.encode?.({ kind: 'ack' })).toThrow(expect.objectContaining({ code: 'ADAPTER_ENCODE_FAILED', adapterId: 'demo' }));
  });

  it('in strict mode, moves an invalid event to an EVENT_INVALID issue with its index in the path; lenient mode passes it through', () => {
    const broken = { ...fallEvent(), type: 'no.omsorg.care.fall.nonsense' };
    const a = defineAdapter({ ...base, decode: () => ({ events: [fallEvent(), broken], issues: [], reply: 'ACK' }) });
    const strict = a.decode('x', ctx);
    expect(strict.events).toHaveLength(1);
    expect(strict.reply).toBe('ACK');
    expect(strict.issues.length).toBeGreaterThan(0);
    expect(strict.issues[0]).toMatchObject({ code: 'EVENT_INVALID', adapterId: 'demo', path: ['events', 1, 'type'] });
    expect(a.decode('x', { ...ctx, strict: false }).events).toHaveLength(2);
  });

  it('fills adapterId into issues the adapter reports', () => {
    const a = defineAdapter({
      ...base,
      decode: () => ({ events: [], issues: [{ code: 'CRC_MISMATCH', message: { nb: 'feil CRC', en: 'bad CRC' }, severity: 'error' }] }),
    });
    expect(a.decode('x', ctx).issues[0]?.adapterId).toBe('demo');
  });
});

describe('the JSON vendor test adapter', () => {
  it('decodes a fall into one valid event with a deterministic id', () => {
    const raw = '{"acct":"A17","seq":42,"ts":"2026-11-23T10:00:00Z","code":"FALL","zone":"1"}';
    const r1 = jsonVendorAdapter.decode(raw, ctx);
    const r2 = jsonVendorAdapter.decode(new TextEncoder().encode(raw), { ...ctx, receivedAt: new Date('2026-11-23T10:01:00Z') });
    expect(r1.issues).toEqual([]);
    expect(r1.events[0]?.type).toBe('no.omsorg.care.fall.raised');
    expect(r1.events[0]?.data.alertKey).toBe('kristiansand/A17/1/fall');
    expect(r1.events[0]?.id).toBe(r2.events[0]?.id);
    expect(jsonVendorAdapter.detect(raw)).toBe(true);
    expect(jsonVendorAdapter.detect('SIA')).toBe(false);
  });

  it('given bytes that are not JSON, returns JSON_INVALID and no events', () => {
    const r = jsonVendorAdapter.decode(new Uint8Array([0xff, 0x00, 0x7b]), ctx);
    expect(r.events).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['JSON_INVALID']);
  });
});
