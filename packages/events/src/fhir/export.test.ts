import { describe, expect, it } from 'vitest';
import { createEvent, withLifecycle } from '../build.js';
import { EVENT_KINDS } from '../schema/kinds.js';
import { fhirId, toDetectedIssue, toFhirBundle, toFlag, toFollowUpEncounter, uuidFromId, VKP_ALERT_CODE_OF_KIND, vkpAlertConcept } from './export.js';
import { VKP_ALERT_CODES } from './vkp-codes.js';

const fall = createEvent({
  tenant: 'kristiansand',
  source: 'urn:omsorg:kristiansand:roommate:7',
  kind: 'fall',
  device: { id: 'rm-7', vendor: 'RoomMate', type: 'digitalSupervision' },
  codes: { raw: 'FALL_DETECTED' },
  time: '2026-11-23T02:14:00+01:00',
  recordedAt: '2026-11-23T01:14:01Z',
  idParts: ['rm-7', 991],
  subject: 'res-7f3a',
  location: { unitId: 'Vågsbygd sykehjem', wardId: 'avd 2', room: 'rom 24' },
  text: { nb: 'Fall oppdaget', en: 'Fall detected' },
});

describe('FHIR/VKP export', () => {
  it('maps a fall to a VKP DetectedIssue with alert code 4.1, high severity and the device implicated', () => {
    const issue = toDetectedIssue(fall);
    expect(issue).toEqual({
      resourceType: 'DetectedIssue',
      id: fall.id,
      meta: { profile: ['http://ehelse.no/fhir/StructureDefinition/vkp-DetectedIssue-v090'] },
      identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuidFromId(fall.id)}` }],
      status: 'preliminary',
      code: {
        coding: [
          { system: 'http://ehelse.no/fhir/CodeSystem/vkp-alert-code-v090', code: '4.1', display: 'Fall' },
          { system: 'https://omsorg.dev/fhir/CodeSystem/event-kind', code: 'fall' },
        ],
        text: 'Fall oppdaget',
      },
      severity: 'high',
      patient: { identifier: { system: 'urn:omsorg:kristiansand:resident', value: 'res-7f3a' } },
      identifiedDateTime: '2026-11-23T02:14:00+01:00',
      implicated: [{ identifier: { system: 'urn:omsorg:kristiansand:device', value: 'rm-7' }, display: 'RoomMate' }],
      detail: 'Fall oppdaget',
    });
  });

  it('lets the municipality resolve the pseudonym to the national id VKP expects', () => {
    const issue = toDetectedIssue(fall, {
      resolveSubject: () => ({ identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '05073500186' } }),
    });
    expect(issue.patient?.identifier?.system).toBe('urn:oid:2.16.578.1.12.4.1.4.1');
  });

  it('closes the DetectedIssue (final) and the Flag (inactive, period end) when the alert is resolved', () => {
    const resolved = withLifecycle({ ...fall, time: '2026-11-23T02:20:00+01:00' }, 'resolved');
    expect(toDetectedIssue(resolved).status).toBe('final');
    const flag = toFlag(resolved, { raisedAt: fall.time });
    expect(flag.status).toBe('inactive');
    expect(flag.period).toEqual({ start: '2026-11-23T02:14:00+01:00', end: '2026-11-23T02:20:00+01:00' });
  });

  it('carries the priority as the VKP severity level on the Flag: critical → 40 Kritisk', () => {
    const flag = toFlag(fall);
    expect(flag.extension[0]).toEqual({
      url: 'http://ehelse.no/fhir/StructureDefinition/vkp-severity-level-v090',
      valueCodeableConcept: { coding: [{ system: 'http://ehelse.no/fhir/ValueSet/vkp-severity-level-v090', code: '40', display: 'Kritisk' }] },
    });
    expect(flag.extension[1]?.valueReference?.reference).toBe(`DetectedIssue/${fall.id}`);
    expect(toFlag(withLifecycle({ ...fall, data: { ...fall.data, priority: 'info' } }, 'raised')).extension[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe('0');
  });

  it('maps only to codes that exist in vkp-alert-code-v090, and uses an adapter code when it is a real one', () => {
    const known = new Set(VKP_ALERT_CODES.concepts.map((c) => c.code));
    for (const code of Object.values(VKP_ALERT_CODE_OF_KIND)) expect(known.has(code as string)).toBe(true);
    expect(EVENT_KINDS.filter((k) => VKP_ALERT_CODE_OF_KIND[k]).length).toBeGreaterThan(20);
    expect(vkpAlertConcept({ ...fall, data: { ...fall.data, codes: { raw: 'x', vkp: '4.14' } } })?.display).toBe('Snortrekk');
    expect(vkpAlertConcept({ ...fall, data: { ...fall.data, codes: { raw: 'x', vkp: '99.9' } } })?.code).toBe('4.1');
  });

  it('gives a dispenser battery warning VKP code 1.17, and a social-alarm battery warning none', () => {
    const battery = (type: 'medicationDispenser' | 'socialAlarm') =>
      createEvent({ tenant: 't', source: 'urn:s', kind: 'battery_low', device: { id: 'd', type }, codes: { raw: 'B' }, recordedAt: '2026-11-23T10:00:00Z' });
    expect(vkpAlertConcept(battery('medicationDispenser'))?.code).toBe('1.17');
    expect(vkpAlertConcept(battery('socialAlarm'))).toBeUndefined();
    expect(toDetectedIssue(battery('socialAlarm')).code.coding).toEqual([{ system: 'https://omsorg.dev/fhir/CodeSystem/event-kind', code: 'battery_low' }]);
  });

  it('writes the follow-up as a VKP Encounter: event-based reason, two-way voice mode, "room @ place"', () => {
    const nurse = { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.4', value: '9144900' }, display: 'Sykepleier' };
    const enc = toFollowUpEncounter({ alert: fall, participant: nurse, mode: '2', start: '2026-11-23T01:15:00Z', end: new Date('2026-11-23T01:19:00Z') });
    expect(enc).toMatchObject({
      resourceType: 'Encounter',
      status: 'finished',
      class: { code: 'VR' },
      participant: [{ type: [{ coding: [{ system: 'http://ehelse.no/fhir/CodeSystem/vkp-encounter-mode-v090', code: '2', display: 'toveis tale' }] }], individual: nurse }],
      period: { start: '2026-11-23T01:15:00Z', end: '2026-11-23T01:19:00.000Z' },
      reasonCode: [{ coding: [{ system: 'http://ehelse.no/fhir/CodeSystem/vkp-encounter-reason-v090', code: '2', display: 'hendelsesbasert tilsyn' }] }],
      location: [{ location: { display: 'rom 24 @ avd 2, Vågsbygd sykehjem' } }],
    });
    expect(enc?.identifier[0]?.value).toBe(`urn:uuid:${enc?.id}`);
    const { subject: _s, ...anonymous } = fall;
    expect(toFollowUpEncounter({ alert: anonymous, participant: nurse, mode: '2', start: '2026-11-23T01:15:00Z' })).toBeUndefined();
  });

  it('bundles resources with stable urn:uuid full URLs', () => {
    const b = toFhirBundle([toDetectedIssue(fall), toFlag(fall)], new Date('2026-11-23T12:00:00Z'));
    expect(b.entry.map((e) => e.resource.resourceType)).toEqual(['DetectedIssue', 'Flag']);
    expect(b.entry[0]?.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(toFhirBundle([toDetectedIssue(fall)], new Date(0)).entry[0]?.fullUrl).toBe(b.entry[0]?.fullUrl);
  });

  it('keeps ids within FHIR rules', () => {
    expect(fhirId('abc-1.2')).toBe('abc-1.2');
    expect(fhirId('has/slash')).toMatch(/^[0-9a-f-]{36}$/);
    expect(uuidFromId('x')).not.toBe(uuidFromId('y'));
  });
});
