import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEvent } from '../build.js';
import { eventId } from '../ids.js';
import { validateEvent } from '../validate.js';
import { CATEGORY_OF_KIND, EVENT_KINDS, FLAPPING_KINDS, LIFE_SAFETY_KINDS, PRIORITY_TO_VKP_SEVERITY, priorityFromVkpSeverity } from './kinds.js';
import { WelfareEventSchema } from './v1.js';

const event = createEvent({
  tenant: 'kristiansand',
  source: 'urn:omsorg:kristiansand:sia-dc09:1234',
  kind: 'assistance_call',
  device: { id: 'acct-1234', vendor: 'Tunstall', type: 'socialAlarm' },
  codes: { raw: 'QA', sia: 'QA', contactId: '1101', vkp: '3' },
  time: '2026-11-23T10:00:00Z',
  recordedAt: new Date('2026-11-23T10:00:02.500Z'),
  idParts: ['"SIA-DCS"0042L0#1234[#1234|Nri1/QA01]'],
  sequence: '0042',
  subject: 'res-7f3a',
  location: { unitId: 'sykehjem-1', wardId: 'avd-a', room: '104' },
});

function issuePaths(value: unknown): string[] {
  const r = validateEvent(value);
  return r.ok ? [] : r.issues.map((i) => i.path?.join('.') ?? '');
}

describe('event schema v1', () => {
  it('given createEvent output, yields exactly this CloudEvents envelope', () => {
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'no.omsorg.care.assistance_call.raised',
      time: '2026-11-23T10:00:00Z',
      recordedtime: '2026-11-23T10:00:02.500Z',
      datacontenttype: 'application/json',
      dataschema: 'https://omsorg.dev/schemas/events/v1.json',
      subject: 'res-7f3a',
      data: {
        category: 'care',
        priority: 'high',
        condition: 'active',
        handling: 'unhandled',
        repeatCount: 1,
        alertKey: 'kristiansand/acct-1234/main/assistance_call',
      },
    });
    expect(event.id).toMatch(/^[0-9a-f]{32}$/);
    expect(WelfareEventSchema.safeParse(event).success).toBe(true);
  });

  it('rejects a type that does not match the payload', () => {
    expect(issuePaths({ ...event, type: 'no.omsorg.care.fall.raised' })).toEqual(['type']);
  });

  it('rejects a kind outside its category', () => {
    const e = { ...event, type: 'no.omsorg.technical.assistance_call.raised', data: { ...event.data, category: 'technical' } };
    expect(issuePaths(e)).toEqual(['data.kind']);
  });

  it('rejects an alertKey that is not tenant/device/component/kind', () => {
    expect(issuePaths({ ...event, data: { ...event.data, alertKey: 'other/acct-1234/main/assistance_call' } })).toEqual(['data.alertKey']);
  });

  it('rejects a national identity number as subject, with or without a space', () => {
    expect(issuePaths({ ...event, subject: '01019012345' })).toEqual(['subject']);
    expect(issuePaths({ ...event, subject: 'fnr:010190-12345' })).toEqual(['subject']);
  });

  it('rejects a timestamp without offset and a specversion other than 1.0', () => {
    expect(issuePaths({ ...event, time: '2026-11-23T10:00:00' })).toEqual(['time']);
    expect(issuePaths({ ...event, specversion: '0.3' })).toEqual(['specversion']);
  });

  it('accepts an extension attribute with a String, Integer or Boolean value and keeps it', () => {
    const e = { ...event, traceparent: '00-abc-def-01', hops: 3, replay: false };
    const r = validateEvent(e);
    expect(r.ok && (r.event as Record<string, unknown>).hops).toBe(3);
  });

  it('rejects extensions with a bad name or a non-scalar, fractional or 64-bit value', () => {
    expect(issuePaths({ ...event, TraceId: 'x' })).toEqual(['TraceId']);
    expect(issuePaths({ ...event, averylongextensionname: 'x' })).toEqual(['averylongextensionname']);
    expect(issuePaths({ ...event, ext: { a: 1 } })).toEqual(['ext']);
    expect(issuePaths({ ...event, ext: 1.5 })).toEqual(['ext']);
    expect(issuePaths({ ...event, ext: 2 ** 31 })).toEqual(['ext']);
    expect(issuePaths({ ...event, ext: null })).toEqual(['ext']);
  });

  it('rejects a missing required attribute', () => {
    const { source: _source, ...noSource } = event;
    expect(issuePaths(noSource)).toEqual(['source']);
  });
});

describe('vocabulary', () => {
  it('maps priorities to the VKP severity levels 40/30/20/10/0 and back', () => {
    expect(PRIORITY_TO_VKP_SEVERITY).toEqual({ critical: 40, high: 30, medium: 20, low: 10, info: 0 });
    expect(priorityFromVkpSeverity('30')).toBe('high');
    expect(priorityFromVkpSeverity(15)).toBeUndefined();
  });

  it('gives every kind exactly one category, and never lets a life-safety kind flap', () => {
    expect(new Set(EVENT_KINDS).size).toBe(EVENT_KINDS.length);
    for (const k of EVENT_KINDS) expect(CATEGORY_OF_KIND[k]).toBeDefined();
    for (const k of FLAPPING_KINDS) expect(LIFE_SAFETY_KINDS.has(k)).toBe(false);
  });
});

describe('eventId', () => {
  it('is SHA-256 over tag + UTF-8 length + ":" + bytes per part, first 32 hex digits (pinned: ids are part of the contract)', () => {
    const frame = (tag: string, b: Buffer) => Buffer.concat([Buffer.from(`${tag}${b.length}:`), b]);
    const expected = createHash('sha256')
      .update(frame('s', Buffer.from('urn:omsorg:kristiansand:adapter:sia-dc09:1234')))
      .update(frame('s', Buffer.from('SIA-DCS')))
      .update(frame('n', Buffer.from('#42')))
      .update(frame('s', Buffer.from('ø')))
      .digest('hex')
      .slice(0, 32);
    expect(eventId('urn:omsorg:kristiansand:adapter:sia-dc09:1234', 'SIA-DCS', 42, 'ø')).toBe(expected);
    expect(expected).toBe('134f83f535bca7ec6c4d1ea509ad3cc0');
    expect(eventId('s', new Uint8Array([1, 2]))).toBe('1bfab80c5ffc7a054c159ad91484589a');
  });

  it('is 32 hex digits, the same for the same parts and different when parts are split differently', () => {
    expect(eventId('s', 'ab', 'c')).toBe(eventId('s', 'ab', 'c'));
    expect(eventId('s', 'ab', 'c')).not.toBe(eventId('s', 'a', 'bc'));
    expect(eventId('s', 1)).not.toBe(eventId('s', '1'));
    expect(eventId('s', new TextEncoder().encode('x'))).not.toBe(eventId('t', new TextEncoder().encode('x')));
    expect(eventId('s')).toMatch(/^[0-9a-f]{32}$/);
  });
});
