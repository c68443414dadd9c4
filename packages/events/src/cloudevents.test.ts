import { describe, expect, it } from 'vitest';
import { createEvent } from './build.js';
import { checkCloudEvent, parseCloudEventJson, parseEventBatchJson, parseEventJson, serializeEvent, serializeEventBatch } from './cloudevents.js';

const event = createEvent({
  tenant: 'bergen',
  source: '/receivers/dc09-1',
  kind: 'door_open',
  device: { id: 'door-12', component: 'front' },
  codes: { raw: 'DOOR', vkp: '4.15' },
  time: '2026-03-29T01:30:00+01:00',
  recordedAt: '2026-03-29T00:30:01Z',
  idParts: ['door-12', 7],
});

const minimal = { specversion: '1.0', id: 'A234-1234-1234', source: '/mycontext', type: 'com.example.someevent' };
const codes = (v: unknown) => checkCloudEvent(v).map((i) => `${i.code}@${i.path?.join('.')}`);

describe('CloudEvents JSON format', () => {
  it('accepts the minimal event with the four required attributes', () => {
    expect(checkCloudEvent(minimal)).toEqual([]);
  });

  it('reports each missing required attribute', () => {
    expect(codes({})).toEqual(['CE_REQUIRED_MISSING@id', 'CE_REQUIRED_MISSING@source', 'CE_REQUIRED_MISSING@specversion', 'CE_REQUIRED_MISSING@type']);
  });

  it('treats a null attribute as unset: null subject is fine, null id is missing', () => {
    expect(codes({ ...minimal, subject: null, time: null })).toEqual([]);
    expect(codes({ ...minimal, id: null })).toEqual(['CE_REQUIRED_MISSING@id']);
  });

  it('rejects a non-object, wrong specversion and empty or mistyped attributes', () => {
    expect(codes([])).toEqual(['CE_NOT_OBJECT@']);
    expect(codes({ ...minimal, specversion: '0.3' })).toEqual(['CE_SPECVERSION_UNSUPPORTED@specversion']);
    expect(codes({ ...minimal, id: '' })).toEqual(['CE_ATTRIBUTE_INVALID@id']);
    expect(codes({ ...minimal, type: 5 })).toEqual(['CE_ATTRIBUTE_INVALID@type']);
    expect(codes({ ...minimal, source: 'has space' })).toEqual(['CE_ATTRIBUTE_INVALID@source']);
    expect(codes({ ...minimal, time: '05.04.2018 17:31' })).toEqual(['CE_ATTRIBUTE_INVALID@time']);
    expect(codes({ ...minimal, dataschema: '/relative/schema.json' })).toEqual(['CE_ATTRIBUTE_INVALID@dataschema']);
    expect(codes({ ...minimal, datacontenttype: 'json' })).toEqual(['CE_ATTRIBUTE_INVALID@datacontenttype']);
    expect(codes({ ...minimal, subject: '' })).toEqual(['CE_ATTRIBUTE_INVALID@subject']);
  });

  it('accepts media types with parameters and extensions of the three JSON types', () => {
    expect(codes({ ...minimal, datacontenttype: 'application/json; charset=utf-8', comexampleothervalue: 5, flag: true, ext: 'v' })).toEqual([]);
  });

  it('enforces extension names (lowercase alphanumerics) and value types (string, boolean, 32-bit integer)', () => {
    expect(codes({ ...minimal, comExample: 'x' })).toEqual(['CE_ATTRIBUTE_NAME_INVALID@comExample']);
    expect(codes({ ...minimal, 'com-example': 'x' })).toEqual(['CE_ATTRIBUTE_NAME_INVALID@com-example']);
    expect(codes({ ...minimal, ext: 1.5 })).toEqual(['CE_EXTENSION_TYPE_INVALID@ext']);
    expect(codes({ ...minimal, ext: 2 ** 31 })).toEqual(['CE_EXTENSION_TYPE_INVALID@ext']);
    expect(codes({ ...minimal, ext: { nested: true } })).toEqual(['CE_EXTENSION_TYPE_INVALID@ext']);
    expect(codes({ ...minimal, ext: [1] })).toEqual(['CE_EXTENSION_TYPE_INVALID@ext']);
  });

  it('warns (does not reject) when a name exceeds 20 characters', () => {
    const issues = checkCloudEvent({ ...minimal, averyveryverylongname1: 'x' });
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['CE_ATTRIBUTE_NAME_LONG', 'warning']]);
    const parsed = parseCloudEventJson(JSON.stringify({ ...minimal, averyveryverylongname1: 'x' }));
    expect(parsed.ok).toBe(true);
  });

  it('keeps data and data_base64 mutually exclusive and data_base64 Base64', () => {
    expect(codes({ ...minimal, data: {}, data_base64: 'AAAA' })).toEqual(['CE_DATA_CONFLICT@data_base64']);
    expect(codes({ ...minimal, data_base64: 'not base64!' })).toEqual(['CE_DATA_BASE64_INVALID@data_base64']);
    expect(codes({ ...minimal, data_base64: 'PG11Y2ggd293PSJ4bWwiLz4=' })).toEqual([]);
    expect(codes({ ...minimal, data: null })).toEqual([]);
  });

  it('round-trips an Omsorg event through serializeEvent and parseEventJson', () => {
    const r = parseEventJson(serializeEvent(event));
    expect(r.ok && r.event).toEqual(event);
    expect(parseEventJson(new TextEncoder().encode(serializeEvent(event))).ok).toBe(true);
  });

  it('given bytes that are not UTF-8 JSON, returns CE_JSON_INVALID', () => {
    const r = parseEventJson(new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['CE_JSON_INVALID']);
  });

  it('given a valid CloudEvent that is not an Omsorg event, returns EVENT_INVALID issues', () => {
    const r = parseEventJson(JSON.stringify(minimal));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : [...new Set(r.issues.map((i) => i.code))]).toEqual(['EVENT_INVALID']);
  });

  it('parses a batch element by element, with the index in each path', () => {
    const text = serializeEventBatch([event, { ...event, specversion: '0.3' } as never, event]);
    const r = parseEventBatchJson(text);
    expect(r.events).toHaveLength(2);
    expect(r.issues.map((i) => `${i.code}@${i.path?.join('.')}`)).toEqual(['CE_SPECVERSION_UNSUPPORTED@1.specversion']);
    expect(parseEventBatchJson('{}').issues[0]?.code).toBe('CE_BATCH_NOT_ARRAY');
  });
});
