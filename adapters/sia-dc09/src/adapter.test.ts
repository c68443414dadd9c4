import { AdapterError } from '@omsorg/events';
import { describe, expect, it } from 'vitest';
import { siaDc09Adapter } from './adapter.js';
import { buildDc09Frame } from './protocol/build.js';
import { parseDc09Frame } from './protocol/frame.js';

const at = new Date('2024-01-15T10:00:00Z');
const ctx = { tenant: 'kristiansand', receivedAt: at, strict: true };
const ma = buildDc09Frame({ token: 'SIA-DCS', sequence: 1, account: '1234', data: '#1234|Nri1/MA001', timestamp: at })!;

describe('decode', () => {
  it('given malformed options, it reports OPTIONS_INVALID with the option path and emits nothing', () => {
    const out = siaDc09Adapter.decode(ma, { ...ctx, options: { timestampWindow: { pastSeconds: -1, futureSeconds: 20 }, colour: 'red' } });
    expect(out.events).toEqual([]);
    expect(out.issues.map((i) => [i.code, i.path?.join('.')])).toEqual([
      ['OPTIONS_INVALID', 'options.timestampWindow.pastSeconds'],
      ['OPTIONS_INVALID', 'options'],
    ]);
  });

  it('given two SIA events in one data block, it emits two events with different ids and components', () => {
    const frame = buildDc09Frame({ token: 'SIA-DCS', sequence: 2, account: '1234', data: '#1234|Nri1/MA001/ri1/QA002', timestamp: at })!;
    const out = siaDc09Adapter.decode(frame, ctx);
    expect(out.events.map((e) => [e.data.kind, e.data.device.component])).toEqual([
      ['medical_alarm', 'zone-1'],
      ['assistance_call', 'zone-2'],
    ]);
    expect(new Set(out.events.map((e) => e.id)).size).toBe(2);
  });

  it('given the same frame received 10 s later (lenient), the ids are the same; given another sequence number, they differ', () => {
    const first = siaDc09Adapter.decode(ma, { ...ctx, strict: false }).events[0]!.id;
    const later = siaDc09Adapter.decode(ma, { ...ctx, strict: false, receivedAt: new Date(at.getTime() + 10_000) }).events[0]!.id;
    const other = buildDc09Frame({ token: 'SIA-DCS', sequence: 2, account: '1234', data: '#1234|Nri1/MA001', timestamp: at })!;
    expect(later).toBe(first);
    expect(siaDc09Adapter.decode(other, ctx).events[0]!.id).not.toBe(first);
  });

  it('given a tenant with a non-ASCII letter, the source percent-encodes it and the event is valid', () => {
    const out = siaDc09Adapter.decode(ma, { ...ctx, tenant: 'bærum' });
    expect(out.issues).toEqual([]);
    expect(out.events[0]!.source).toBe('urn:omsorg:b%C3%A6rum:adapter:sia-dc09:1234');
  });
});

describe('detect', () => {
  it('given DC-09 frames as text or bytes (also without the header), it says yes; given JSON or HTTP, no', () => {
    expect(siaDc09Adapter.detect(ma)).toBe(true);
    expect(siaDc09Adapter.detect(new Uint8Array(Buffer.from(ma, 'latin1')))).toBe(true);
    expect(siaDc09Adapter.detect('"*SIA-DCS"0001L0#1111[AB]')).toBe(true);
    expect(siaDc09Adapter.detect('{"acct":"A17"}')).toBe(false);
    expect(siaDc09Adapter.detect('GET / HTTP/1.1\r\n')).toBe(false);
  });
});

describe('encode', () => {
  it('given ack and a frame, it returns the ACK; given nak, the generic NAK stamped with the time', () => {
    expect(siaDc09Adapter.encode!({ kind: 'ack', raw: ma })).toBe('\n1BC10012"ACK"0001L0#1234[]\r');
    expect(siaDc09Adapter.encode!({ kind: 'NAK', time: new Date('2025-09-24T16:20:01Z') })).toBe('\nE4410025"NAK"0000R0L0A0[]_16:20:01,09-24-2025\r');
  });

  it('given ack for an encrypted frame and its key (hex), the ACK is encrypted and carries the time', () => {
    const key = 'AAAAAAAAAAAAAAAA';
    const frame = buildDc09Frame({ token: 'SIA-DCS', sequence: 9, account: '1111', data: '|Nri1/MA000', timestamp: at }, { key })!;
    const reply = siaDc09Adapter.encode!({ kind: 'ack', raw: frame, time: at, fields: { key: Buffer.from(key).toString('hex') } }) as string;
    expect(parseDc09Frame(reply, { keys: key, receivedAt: at }).frame).toMatchObject({ token: 'ACK', encrypted: true, sequence: '0009', account: '1111', timestamp: '2024-01-15T10:00:00Z' });
  });

  it('given an unknown kind or no frame to answer, it throws ADAPTER_ENCODE_FAILED with the adapter id', () => {
    for (const request of [{ kind: 'hello', raw: ma }, { kind: 'ack' }]) {
      try {
        siaDc09Adapter.encode!(request);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(AdapterError);
        expect([(e as AdapterError).code, (e as AdapterError).adapterId]).toEqual(['ADAPTER_ENCODE_FAILED', 'sia-dc09']);
      }
    }
  });
});
