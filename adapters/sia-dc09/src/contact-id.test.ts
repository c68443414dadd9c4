/**
 * Every vector of fixtures/vectors/contactid_dc05_generated.json (copied from shared/vectors/contact-id).
 */
import { describe, expect, it } from 'vitest';
import dc05 from '../fixtures/vectors/contactid_dc05_generated.json';
import { siaDc09Adapter } from './adapter.js';
import { buildDc09Frame } from './protocol/build.js';
import { contactIdChecksum, parseContactIdMessage } from './protocol/contact-id.js';
import { parseDc09Frame } from './protocol/frame.js';

const at = new Date('2024-01-15T10:00:00Z');

// What each vector means in the standard (kind.lifecycle and component), or the issue it raises.
const MEANING: Record<string, string> = {
  'perimeter burglary, zone 15 (classic DC-05 style example)': 'CODE_NOT_MAPPED',
  'medical alarm': 'care.medical_alarm.raised zone-1',
  'personal emergency (pendant)': 'care.assistance_call.raised zone-1',
  'personal emergency restore': 'care.assistance_call.resolved zone-1',
  'low system battery': 'technical.battery_low.raised main',
  'RF low battery, zone 5': 'technical.battery_low.raised zone-5',
  'loss of supervision RF, zone 5': 'technical.rf_supervision_lost.raised zone-5',
  'communication trouble': 'technical.communication_fault.raised main',
  'AC loss': 'technical.power_loss.raised main',
  'AC restore': 'technical.power_loss.resolved main',
  'periodic test report': 'technical.test_report.raised main',
  'manual test report': 'technical.test_report.raised main',
};

describe('DC-05 Contact ID messages', () => {
  it.each(dc05.vectors.map((v) => [v.description, v] as const))('%s: checksum and fields', (_d, v) => {
    expect(contactIdChecksum(v.message.slice(0, 15))).toBe(v.checksum);
    const r = parseContactIdMessage(v.message);
    expect(r.ok).toBe(true);
    expect(r.message).toEqual({
      account: v.account,
      messageType: v.message_type,
      qualifier: v.qualifier,
      event: v.event,
      partition: v.group,
      zoneOrUser: v.zone,
      checksum: v.checksum,
      checksumValid: true,
    });
  });

  it.each(dc05.vectors.map((v) => [v.description, v] as const))('%s: any other checksum digit is refused', (_d, v) => {
    const wrong = v.checksum === '1' ? '2' : '1';
    const r = parseContactIdMessage(v.message.slice(0, 15) + wrong);
    expect(r.ok).toBe(false);
    expect(r.message?.checksumValid).toBe(false);
  });

  it.each(dc05.vectors.map((v) => [v.description, v] as const))('%s: its DC-09 form decodes to the standard event', (description, v) => {
    const frame = buildDc09Frame({ token: 'ADM-CID', sequence: 1, account: v.account, data: v.dc09_adm_cid_data, timestamp: at })!;
    expect(parseDc09Frame(frame, { receivedAt: at }).frame?.contactId).toEqual({ qualifier: v.qualifier, event: v.event, partition: v.group, zoneOrUser: v.zone });
    const out = siaDc09Adapter.decode(frame, { tenant: 'kristiansand', receivedAt: at, strict: true });
    const want = MEANING[description]!;
    if (want === 'CODE_NOT_MAPPED') {
      expect(out.events).toEqual([]);
      expect(out.issues.map((i) => i.code)).toEqual(['CODE_NOT_MAPPED']);
    } else {
      expect(out.issues).toEqual([]);
      expect(out.events.map((e) => `${e.data.category}.${e.data.kind}.${e.data.lifecycle} ${e.data.device.component}`)).toEqual([want]);
      expect(out.events[0]!.data.codes.contactId).toBe(`${v.qualifier}${v.event}`);
    }
  });
});

describe('upstream samples', () => {
  const [lupusec, iobrokerSia] = dc05.upstream_samples;

  it('given the Lupusec wire form [test 18160201010B], the fields are read and the checksum is marked uncheckable', () => {
    const r = parseContactIdMessage(lupusec!.line);
    expect(r).toEqual({
      ok: true,
      message: { account: 'TEST', messageType: '18', qualifier: '1', event: '602', partition: '01', zoneOrUser: '010', checksum: 'B', checksumValid: null },
    });
  });

  it('given the ioBroker.sia data portion A444F|1401 02 001 (no #), lenient decoding reads account A444F and an open/close report', () => {
    const frame = buildDc09Frame({ token: 'ADM-CID', sequence: 5, data: iobrokerSia!.line, timestamp: at })!;
    const strict = parseDc09Frame(frame, { receivedAt: at });
    expect(strict.frame).toMatchObject({ account: 'A444F', contactId: { qualifier: '1', event: '401', partition: '02', zoneOrUser: '001' } });
    const out = siaDc09Adapter.decode(frame, { tenant: 'kristiansand', receivedAt: at, strict: false });
    expect(out.events.map((e) => [e.type, e.data.codes.sia, e.data.attributes?.['omsorg.mapping']])).toEqual([['no.omsorg.system.heartbeat.raised', 'OP', 'informational']]);
  });

  it('given text that is not a Contact ID message, the parser says so instead of throwing', () => {
    expect(parseContactIdMessage('hello').ok).toBe(false);
    expect(contactIdChecksum('12341811310101G')).toBeNull();
  });
});
