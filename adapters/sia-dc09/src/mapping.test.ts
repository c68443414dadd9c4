import { describe, expect, it } from 'vitest';
import { type CodeMeaning, meaningOfContactId, meaningOfSiaCode, SIA_RULES } from './mapping.js';
import { CONTACT_ID_CODES, contactIdCodeInfo, SIA_CODES, siaCodeInfo } from './tables/index.js';

const short = (m: CodeMeaning) => (m.outcome === 'event' ? `${m.kind} ${m.lifecycle} ${m.priority}` : m.outcome);
const cid = (qualifier: string, event: string) => short(meaningOfContactId({ qualifier, event, partition: '01', zoneOrUser: '001' }));

describe('the codes the issue names', () => {
  it('given MA and Contact ID 100, both are a critical medical alarm', () => {
    expect([short(meaningOfSiaCode('MA')), cid('1', '100')]).toEqual(['medical_alarm raised critical', 'medical_alarm raised critical']);
  });
  it('given QA and Contact ID 101 (personal emergency, the trygghetsalarm button), both are a high-priority assistance call', () => {
    expect([short(meaningOfSiaCode('QA')), cid('1', '101'), cid('3', '101')]).toEqual([
      'assistance_call raised high',
      'assistance_call raised high',
      'assistance_call resolved high',
    ]);
  });
  it('given YT and Contact ID 302, both are low battery', () => {
    expect([short(meaningOfSiaCode('YT')), cid('1', '302'), short(meaningOfSiaCode('YR'))]).toEqual(['battery_low raised low', 'battery_low raised low', 'battery_low resolved low']);
  });
  it('given YS and every Contact ID 350–357, each is a communication fault', () => {
    const codes = ['350', '351', '352', '353', '354', '355', '356', '357'];
    expect(new Set([short(meaningOfSiaCode('YS')), ...codes.map((c) => cid('1', c))])).toEqual(new Set(['communication_fault raised medium']));
  });
  it('given Contact ID 381, it is RF supervision lost', () => {
    expect(cid('1', '381')).toBe('rf_supervision_lost raised medium');
  });
  it('given Contact ID 601, 602 and SIA RP, RX, each is a test report that is never resolved', () => {
    expect([cid('1', '601'), cid('1', '602'), cid('3', '602'), short(meaningOfSiaCode('RP')), short(meaningOfSiaCode('RX'))]).toEqual(Array(5).fill('test_report raised info'));
  });
  it('given qualifier 6 (previously reported, still present), the lifecycle is updated', () => {
    expect(cid('6', '100')).toBe('medical_alarm updated critical');
  });
});

describe('the whole tables', () => {
  it('given every SIA code in the table, each has a meaning (none is unknown)', () => {
    expect(SIA_CODES.filter((c) => meaningOfSiaCode(c).outcome === 'unknown')).toEqual([]);
    expect(SIA_CODES).toHaveLength(325);
  });
  it('given every explicit SIA rule, its code is in the table', () => {
    expect(Object.keys(SIA_RULES).filter((c) => !siaCodeInfo(c))).toEqual([]);
  });
  it('given every Contact ID code in the table, each has a meaning', () => {
    expect(CONTACT_ID_CODES.filter((c) => cid('1', c) === 'unknown')).toEqual([]);
    expect(CONTACT_ID_CODES).toHaveLength(225);
  });
  it('given any alarm code (SIA "… Alarm" or Contact ID category alarm), it is never waved through as informational', () => {
    const siaAlarms = SIA_CODES.filter((c) => /alarm/i.test(siaCodeInfo(c)!.type) && !/restor|cancel|silenced/i.test(siaCodeInfo(c)!.type));
    expect(siaAlarms.filter((c) => meaningOfSiaCode(c).outcome === 'informational')).toEqual([]);
    const cidAlarms = CONTACT_ID_CODES.filter((c) => contactIdCodeInfo(c)!.category === 'alarm');
    expect(cidAlarms.filter((c) => cid('1', c) === 'informational')).toEqual([]);
    expect(siaAlarms.length).toBe(26);
  });
  it('given burglary and gas alarms and their restores, they are unmapped rather than guessed', () => {
    expect(['BA', 'BH', 'GA', 'GH', 'UA'].map((c) => meaningOfSiaCode(c).outcome)).toEqual(Array(5).fill('unmapped'));
    expect([cid('1', '130'), cid('1', '162')]).toEqual(['unmapped', 'unmapped']);
  });
  it('given informational reports (closing, opening, bypass), they are informational', () => {
    expect(['CL', 'OP', 'BB', 'BU'].map((c) => meaningOfSiaCode(c).outcome)).toEqual(Array(4).fill('informational'));
  });
  it('given a code in neither table, it is unknown', () => {
    expect([meaningOfSiaCode('QQ').outcome, cid('1', '999')]).toEqual(['unknown', 'unknown']);
  });
});
