/**
 * Every vector in fixtures/vectors (copies of shared/vectors/sia-dc09 and contact-id) is a test here.
 */
import { describe, expect, it } from 'vitest';
import encrypted from '../fixtures/vectors/sia_dc09_encrypted_generated.json';
import fioletoven from '../fixtures/vectors/sia_dc09_fioletoven_frames.json';
import strict from '../fixtures/vectors/sia_dc09_strict_generated.json';
import { siaDc09Adapter } from './adapter.js';
import { buildDc09Frame } from './protocol/build.js';
import { decryptHex, encryptToHex, keyBytes } from './protocol/crypto.js';
import { parseDc09Frame } from './protocol/frame.js';
import { buildReply, replyKindFor } from './protocol/reply.js';
import { XDATA_IDENTIFIERS, xdataFieldInfo } from './tables/index.js';

const wire = (frameWithoutLfCr: string) => `\n${frameWithoutLfCr}\r`;
const zeros = (n: number) => '0'.repeat(n);
const ctx = (receivedAt: Date, extra: object = {}) => ({ tenant: 'kristiansand', receivedAt, strict: true, ...extra });

describe('fioletoven/dc09 frames', () => {
  const [encodeVector, parseMessage, parseNak] = fioletoven.vectors;

  it('given the to_string_test fields, buildDc09Frame writes exactly the upstream frame', () => {
    const f = encodeVector!.fields;
    const frame = buildDc09Frame({ token: f.token, sequence: f.sequence, receiver: f.receiver!, line: f.line_prefix, account: f.account, data: f.data! });
    expect(frame).toBe(encodeVector!.frame);
    expect(frame!.slice(1, 5)).toBe(encodeVector!.independent_frame_checks.crc_field);
  });

  it('given the parse_message_test frame, strict parsing yields its fields and an empty data block', () => {
    const r = parseDc09Frame(parseMessage!.frame);
    expect(r.ok).toBe(true);
    expect(r.frame).toMatchObject({ token: 'SIA-DCS', account: '1234', sequence: '0001', receiver: null, line: 'L0', data: '', sia: null });
    expect(r.frame!.crc).toEqual({ field: '96ED', computed: '96ED' });
    expect(r.frame!.length).toEqual({ field: 0x16, computed: 0x16 });
  });

  it('given the parse_nak_test frame, the NAK is read with the literal account A0 and its timestamp', () => {
    const r = parseDc09Frame(parseNak!.frame, { receivedAt: new Date('2025-09-24T16:20:01Z') });
    expect(r.ok).toBe(true);
    expect(r.frame).toMatchObject({ token: 'NAK', account: 'A0', sequence: '0000', receiver: 'R0', line: 'L0', timestamp: '2025-09-24T16:20:01Z' });
    expect(replyKindFor(r)).toBeNull();
  });
});

type StrictExpected = (typeof strict.vectors)[number]['expected'] & Record<string, unknown>;

describe('strictly valid generated frames', () => {
  it.each(strict.vectors.map((v) => [v.name, v] as const))('%s: strict parse reads the expected fields', (_name, v) => {
    const e = v.expected as StrictExpected;
    const ts = typeof e.timestamp_utc === 'string' ? new Date(e.timestamp_utc) : /_(\d\d:\d\d:\d\d),(\d\d)-(\d\d)-(\d{4})$/.exec(v.body);
    const receivedAt = ts instanceof Date ? ts : ts ? new Date(`${ts[4]}-${ts[2]}-${ts[3]}T${ts[1]}Z`) : new Date('2024-01-15T10:00:00Z');
    const r = parseDc09Frame(wire(v.frame_without_lf_cr), { receivedAt });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const f = r.frame!;
    expect(f.crc.field).toBe(f.crc.computed);
    expect(f.length.field).toBe(v.body.length);
    expect(f.token).toBe(e.token);
    expect(f.encrypted).toBe(false);
    expect(f.account).toBe(e.account);
    if ('sequence' in e) expect(f.sequence).toBe(e.sequence);
    if ('receiver' in e) expect(f.receiver).toBe(e.receiver);
    if ('line' in e) expect(f.line).toBe(e.line);
    if ('timestamp_utc' in e) expect(f.timestamp).toBe(e.timestamp_utc);
    if ('xdata' in e) expect(f.xdata).toEqual(e.xdata);
    if ('code' in e) {
      const ev = f.sia!.events[0]!;
      expect([ev.code, ev.address, ev.area]).toEqual([e.code, e.zone_or_user ?? ev.address, e.ri ?? ev.area]);
      if ('ascii_text' in e) expect(ev.text).toBe(e.ascii_text);
      expect(f.sia!.trailing).toBe((e.trailing_unparsed as string | undefined) ?? null);
    }
    if ('cid_event' in e) {
      expect(f.contactId).toMatchObject({ qualifier: e.cid_qualifier, event: e.cid_event });
      if ('cid_partition' in e) expect(f.contactId!.partition).toBe(e.cid_partition);
      if ('cid_zone_or_user' in e) expect(f.contactId!.zoneOrUser).toBe(e.cid_zone_or_user);
    }
    const expectedReply = typeof e.expected_response === 'string' ? e.expected_response.slice(0, 3) : 'ACK';
    expect(replyKindFor(r)).toBe(expectedReply);
  });

  // The `normalized` and `mapped_sia_code` columns, through the adapter.
  const normalized: Record<string, { type: string; component: string; sia?: string }> = {
    adm_cid_dc09_spec_style: { type: 'environment.fire.raised', component: 'zone-129', sia: 'FA' },
    adm_cid_closing: { type: 'system.heartbeat.raised', component: 'main', sia: 'CL' },
    adm_cid_medical: { type: 'care.medical_alarm.raised', component: 'zone-1', sia: 'MA' },
    adm_cid_personal_emergency: { type: 'care.assistance_call.raised', component: 'zone-2', sia: 'QA' },
    adm_cid_personal_emergency_restore: { type: 'care.assistance_call.resolved', component: 'zone-2', sia: 'QH' },
    adm_cid_low_battery: { type: 'technical.battery_low.raised', component: 'main', sia: 'YT' },
    adm_cid_rf_low_battery_zone: { type: 'technical.battery_low.raised', component: 'zone-5' },
    adm_cid_periodic_test: { type: 'technical.test_report.raised', component: 'main', sia: 'RP' },
    sia_medical: { type: 'care.medical_alarm.raised', component: 'zone-1', sia: 'MA' },
    sia_emergency_restore: { type: 'care.assistance_call.resolved', component: 'zone-1', sia: 'QH' },
    null_heartbeat: { type: 'system.heartbeat.raised', component: 'main' },
    wa_no_pipe: { type: 'environment.water_leak.raised', component: 'main', sia: 'WA' },
    kr_heat_restoral_text: { type: 'environment.fire.resolved', component: 'zone-1', sia: 'KR' },
    rp_with_key_xdata: { type: 'technical.test_report.raised', component: 'main', sia: 'RP' },
  };
  it.each(Object.entries(normalized))('%s: the adapter emits the standard event', (name, want) => {
    const v = strict.vectors.find((x) => x.name === name)!;
    const at = /_(\d\d:\d\d:\d\d),(\d\d)-(\d\d)-(\d{4})$/.exec(v.body);
    const receivedAt = at ? new Date(`${at[4]}-${at[2]}-${at[3]}T${at[1]}Z`) : new Date('2024-01-15T10:00:00Z');
    const out = siaDc09Adapter.decode(wire(v.frame_without_lf_cr), ctx(receivedAt));
    expect(out.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(out.events).toHaveLength(1);
    const event = out.events[0]!;
    expect(event.type).toBe(`no.omsorg.${want.type}`);
    expect(event.data.device).toEqual({ id: (v.expected as StrictExpected).account, component: want.component });
    if (want.sia) expect(event.data.codes.sia).toBe(want.sia);
  });

  it('given the PA frame with X/Y extended data, the event carries the position in degrees', () => {
    const v = strict.vectors.find((x) => x.name === 'pa_with_gps_xdata')!;
    const out = siaDc09Adapter.decode(wire(v.frame_without_lf_cr), ctx(new Date('2021-04-22T20:45:46Z')));
    const geo = out.events[0]!.data.location!.geo!;
    expect(geo.lon).toBeCloseTo(6 + 7.7777777 / 60, 9);
    expect(geo.lat).toBeCloseTo(49 + 6.6666666 / 60, 9);
    expect(out.events[0]!.type).toBe('no.omsorg.care.assistance_call.raised');
  });
});

describe('replies', () => {
  const [ack, nak, duh] = strict.responses;
  const clBasic = parseDc09Frame(wire(strict.vectors[0]!.frame_without_lf_cr)).frame;

  it('given cl_basic, the ACK echoes sequence, line and account with an empty data block', () => {
    expect(buildReply('ACK', clBasic)).toBe(wire(ack!.frame_without_lf_cr));
  });
  it('given the time 16:20:01 on 2025-09-24, the generic NAK is exactly the upstream one', () => {
    expect(buildReply('NAK', null, { now: new Date('2025-09-24T16:20:01Z') })).toBe(wire(nak!.frame_without_lf_cr));
    expect(buildReply('NAK', clBasic, { now: new Date('2025-09-24T16:20:01Z') })).toBe(wire(nak!.frame_without_lf_cr));
  });
  it('given cl_basic, the DUH is the ACK layout with the DUH token', () => {
    expect(buildReply('DUH', clBasic)).toBe(wire(duh!.frame_without_lf_cr));
  });
  it('given every reply vector, strict parsing accepts it as a frame that needs no reply', () => {
    for (const r of strict.responses) {
      const parsed = parseDc09Frame(wire(r.frame_without_lf_cr));
      expect(parsed.ok).toBe(true);
      expect(replyKindFor(parsed)).toBeNull();
    }
  });
});

describe('encrypted frames (AES-CBC, zero IV, padding in front)', () => {
  it.each(encrypted.vectors.map((v) => [`${v.token} AES-${v.key_bits}`, v] as const))('%s: decrypts to the plaintext and the fields', (_n, v) => {
    const cipherHex = v.frame_without_lf_cr.slice(v.frame_without_lf_cr.indexOf('[') + 1);
    expect(decryptHex(cipherHex, keyBytes(v.key_ascii)!)).toBe(v.plaintext_after_bracket);
    const r = parseDc09Frame(wire(v.frame_without_lf_cr), { keys: { [v.account]: v.key_ascii }, receivedAt: new Date('2020-07-09T16:04:10Z') });
    expect(r.issues).toEqual([]);
    const { decrypted_content_ends_with: endsWith, ...fields } = v.expected;
    expect(r.frame).toMatchObject({ token: v.token.slice(1), account: v.account, ...fields, timestamp: '2020-07-09T16:04:02Z' });
    expect(`${r.frame!.data}]_16:04:02,07-09-2020`.endsWith(endsWith)).toBe(true);
  });

  it.each(encrypted.vectors.map((v) => [`${v.token} AES-${v.key_bits}`, v] as const))('%s: encrypting with zero padding rebuilds the frame byte for byte', (_n, v) => {
    const plain = v.plaintext_after_bracket.replace(/^0+(?=[|\]])/, '');
    const cipherHex = v.frame_without_lf_cr.slice(v.frame_without_lf_cr.indexOf('[') + 1);
    expect(encryptToHex(plain, keyBytes(v.key_ascii)!, zeros)).toBe(cipherHex);
    const data = plain.slice(0, plain.indexOf(']'));
    const frame = buildDc09Frame(
      { token: v.token.slice(1), sequence: 1, line: 'L0', account: v.account, data, timestamp: new Date('2020-07-09T16:04:02Z') },
      { key: v.key_ascii, pad: zeros },
    );
    expect(frame).toBe(wire(v.frame_without_lf_cr));
  });

  it.each(encrypted.vectors.map((v) => [`${v.token} AES-${v.key_bits}`, v] as const))('%s: the adapter decodes it with a hex key and answers with an encrypted ACK', (_n, v) => {
    const keyHex = Buffer.from(v.key_ascii, 'latin1').toString('hex');
    const receivedAt = new Date('2020-07-09T16:04:12Z');
    const out = siaDc09Adapter.decode(wire(v.frame_without_lf_cr), ctx(receivedAt, { keys: { [v.account]: keyHex } }));
    expect(out.issues).toEqual([]);
    const kind = { '*SIA-DCS': 'care.medical_alarm.raised', '*ADM-CID': 'care.assistance_call.raised', '*NULL': 'system.heartbeat.raised' }[v.token];
    expect(out.events.map((e) => e.type)).toEqual([`no.omsorg.${kind}`]);
    const reply = parseDc09Frame(out.reply as string, { keys: v.key_ascii, receivedAt });
    expect(reply.ok).toBe(true);
    expect(reply.frame).toMatchObject({ token: 'ACK', encrypted: true, sequence: '0001', account: v.account, timestamp: '2020-07-09T16:04:12Z' });
  });

  it('given the ASCII key with keyEncoding ascii, the adapter decodes the same frame', () => {
    const v = encrypted.vectors[0]!;
    const out = siaDc09Adapter.decode(wire(v.frame_without_lf_cr), ctx(new Date('2020-07-09T16:04:02Z'), { keys: { '*': v.key_ascii }, options: { keyEncoding: 'ascii' } }));
    expect(out.events.map((e) => e.data.kind)).toEqual(['medical_alarm']);
  });

  it('given no key, the frame is refused with KEY_MISSING and a DUH', () => {
    const v = encrypted.vectors[0]!;
    const out = siaDc09Adapter.decode(wire(v.frame_without_lf_cr), ctx(new Date('2020-07-09T16:04:02Z')));
    expect(out.events).toEqual([]);
    expect(out.issues.map((i) => [i.code, i.severity])).toEqual([['KEY_MISSING', 'error']]);
    expect(out.reply).toBe(buildReply('DUH', { sequence: '0001', receiver: null, line: 'L0', account: '1111', encrypted: false }));
  });

  it('given the wrong key, the frame is refused with DECRYPTION_FAILED', () => {
    const v = encrypted.vectors[0]!;
    const r = parseDc09Frame(wire(v.frame_without_lf_cr), { keys: 'BBBBBBBBBBBBBBBB' });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.code)).toEqual(['DECRYPTION_FAILED']);
  });
});

describe('extended data identifiers (sia_dc09_xdata_fields.json)', () => {
  it.each(XDATA_IDENTIFIERS.map((id) => [id, xdataFieldInfo(id)!.name] as const))('[%s…] (%s) is read, kept, and carried into the event attributes', (id) => {
    const at = new Date('2024-01-15T10:00:00Z');
    const frame = buildDc09Frame({ token: 'SIA-DCS', sequence: 1, account: '1234', data: '#1234|Nri1/MA001', xdata: { [id]: 'value 1' }, timestamp: at })!;
    expect(parseDc09Frame(frame, { receivedAt: at }).frame!.xdata).toEqual({ [id]: 'value 1' });
    const out = siaDc09Adapter.decode(frame, ctx(at));
    expect(out.events[0]!.data.attributes?.[`xdata.${id}`]).toBe('value 1');
  });
  it('given the table, it has the 18 identifiers of the source file', () => {
    expect(XDATA_IDENTIFIERS.join('')).toBe('ACHIJKLMNOPRSTVXYZ');
  });
});
