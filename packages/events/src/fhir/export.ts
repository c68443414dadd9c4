/**
 * FHIR R4 export following the national VKP profiles (v0.9.0): an alert becomes a DetectedIssue
 * (vkp-DetectedIssue: VKP alert code) and a Flag (vkp-Flag: VKP severity level); the follow-up
 * (tilsyn) becomes an Encounter (vkp-Encounter: reason, mode, period).
 */
import { type EventKind, PRIORITY_TO_VKP_SEVERITY } from '../schema/kinds.js';
import type { WelfareEvent } from '../schema/v1.js';
import type { FhirBundle, FhirCodeableConcept, FhirDetectedIssue, FhirEncounter, FhirFlag, FhirReference, FhirResource } from './types.js';
import { VKP_ALERT_CODES, VKP_ENCOUNTER_MODES, VKP_ENCOUNTER_REASONS, VKP_SEVERITY_LEVELS, type VkpConcept } from './vkp-codes.js';

/** Profile URLs of the VKP resources written here. */
export const VKP_PROFILES = {
  DetectedIssue: 'http://ehelse.no/fhir/StructureDefinition/vkp-DetectedIssue-v090',
  Flag: 'http://ehelse.no/fhir/StructureDefinition/vkp-Flag-v090',
  Encounter: 'http://ehelse.no/fhir/StructureDefinition/vkp-Encounter-v090',
} as const;

/** URL of the VKP severity-level extension. */
export const VKP_SEVERITY_EXTENSION_URL = 'http://ehelse.no/fhir/StructureDefinition/vkp-severity-level-v090';
/**
 * The coding system the vkp-severity-level extension fixes (`fixedUri`). The profile fixes the
 * ValueSet URL rather than the CodeSystem URL; we follow the profile so its validator accepts it.
 */
export const VKP_SEVERITY_CODING_SYSTEM = 'http://ehelse.no/fhir/ValueSet/vkp-severity-level-v090';
/** Code system of the Omsorg event kinds (the second coding of every alert). */
export const OMSORG_EVENT_KIND_SYSTEM = 'https://omsorg.dev/fhir/CodeSystem/event-kind';

const ALERT_BY_CODE = new Map(VKP_ALERT_CODES.concepts.map((c) => [c.code, c]));

/** VKP alert code of each kind where one exists (digitalt tilsyn 4.x, medisindispenser 1.x, lokalisering 2, trygghetsalarm 3, sykesignal 7.x). */
export const VKP_ALERT_CODE_OF_KIND: Readonly<Partial<Record<EventKind, string>>> = {
  fall: '4.1',
  bed_exit: '4.2',
  chair_exit: '4.4',
  inactivity: '4.9',
  high_sound_level: '4.10',
  fire: '4.11',
  smoke: '4.11',
  presence_missing: '4.12',
  assistance_call: '4.13',
  door_open: '4.15',
  door_closed: '4.16',
  water_leak: '4.17',
  motion: '4.18',
  left_home: '4.21',
  seizure: '4.24',
  camera_check: '4.25',
  planned_check: '4.26',
  medical_alarm: '3',
  geofence_exit: '2',
  geofence_entry: '2',
  location_update: '2',
  incontinence: '7.1',
  dose_missed: '1.1',
  dose_pending: '1.10',
  dispenser_low: '1.12',
  dispenser_empty: '1.13',
  dispenser_fault: '1.5',
  dispenser_open: '1.21',
};

/** Technical kinds that have a VKP code only on a medicine dispenser (1.17–1.22). */
const DISPENSER_TECHNICAL: Readonly<Partial<Record<EventKind, string>>> = {
  battery_low: '1.17',
  battery_empty: '1.18',
  power_loss: '1.19',
  device_offline: '1.20',
  tamper: '1.22',
};

/**
 * The VKP alert concept for an event: the adapter's `codes.vkp` when it is a known code, else the
 * kind's default (technical kinds only on a medicine dispenser); undefined when VKP has none.
 */
export function vkpAlertConcept(event: WelfareEvent): VkpConcept | undefined {
  const d = event.data;
  const own = d.codes.vkp === undefined ? undefined : ALERT_BY_CODE.get(d.codes.vkp);
  if (own) return own;
  const code = VKP_ALERT_CODE_OF_KIND[d.kind] ?? (d.device.type === 'medicationDispenser' ? DISPENSER_TECHNICAL[d.kind] : undefined);
  return code === undefined ? undefined : ALERT_BY_CODE.get(code);
}

/** How residents, devices and places are referred to in the export. */
export interface FhirExportOptions {
  /**
   * Turn the pseudonymous resident reference into the reference the receiving system needs (VKP
   * expects a national id in `identifier`; only the municipality's own system can supply it).
   * Default: a logical reference with system `urn:omsorg:<tenant>:resident` and the pseudonym.
   */
  resolveSubject?: (subject: string, event: WelfareEvent) => FhirReference;
}

/** A deterministic UUID (version 8 layout) from an event id or any text. */
export function uuidFromId(id: string): string {
  let hex = /^[0-9a-f]{32}$/.test(id) ? id : '';
  if (!hex) {
    // FNV-1a over the text, four rounds with different seeds, for ids that are not 32 hex digits.
    for (let round = 0; round < 4; round++) {
      let h = 0x811c9dc5 ^ round;
      for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
      hex += (h >>> 0).toString(16).padStart(8, '0');
    }
  }
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A valid FHIR resource id for an event id: the id itself when it fits `[A-Za-z0-9-.]{1,64}`, else its UUID. */
export function fhirId(id: string): string {
  return /^[A-Za-z0-9\-.]{1,64}$/.test(id) ? id : uuidFromId(id);
}

function subjectRef(event: WelfareEvent, options: FhirExportOptions): FhirReference | undefined {
  if (event.subject === undefined) return undefined;
  return options.resolveSubject
    ? options.resolveSubject(event.subject, event)
    : { identifier: { system: `urn:omsorg:${event.tenant}:resident`, value: event.subject } };
}

function deviceRef(event: WelfareEvent): FhirReference {
  const d = event.data.device;
  const display = [d.vendor, d.model, d.component === 'main' ? undefined : d.component].filter(Boolean).join(' ');
  return { identifier: { system: `urn:omsorg:${event.tenant}:device`, value: d.id }, ...(display ? { display } : {}) };
}

function locationDisplay(event: WelfareEvent): string | undefined {
  const l = event.data.location;
  if (!l) return undefined;
  const place = [l.wardId, l.unitId].filter(Boolean).join(', ');
  if (l.room && place) return `${l.room} @ ${place}`;
  return l.room ?? (place || undefined);
}

function alertCode(event: WelfareEvent): FhirCodeableConcept {
  const vkp = vkpAlertConcept(event);
  const coding = [
    ...(vkp ? [{ system: VKP_ALERT_CODES.url, code: vkp.code, display: vkp.display }] : []),
    { system: OMSORG_EVENT_KIND_SYSTEM, code: event.data.kind },
  ];
  return { coding, text: event.data.text?.nb ?? vkp?.display ?? event.data.kind };
}

const OPEN: ReadonlySet<string> = new Set(['raised', 'updated', 'acknowledged', 'escalated']);

/** An alert as a VKP DetectedIssue: VKP alert code, FHIR severity from the priority, device implicated. */
export function toDetectedIssue(event: WelfareEvent, options: FhirExportOptions = {}): FhirDetectedIssue {
  const p = event.data.priority;
  const issue: FhirDetectedIssue = {
    resourceType: 'DetectedIssue',
    id: fhirId(event.id),
    meta: { profile: [VKP_PROFILES.DetectedIssue] },
    identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuidFromId(event.id)}` }],
    status: OPEN.has(event.data.lifecycle) ? 'preliminary' : event.data.lifecycle === 'cancelled' ? 'cancelled' : 'final',
    code: alertCode(event),
    severity: p === 'critical' || p === 'high' ? 'high' : p === 'medium' ? 'moderate' : 'low',
    identifiedDateTime: event.time,
    implicated: [deviceRef(event)],
  };
  const patient = subjectRef(event, options);
  if (patient) issue.patient = patient;
  if (event.data.text) issue.detail = event.data.text.nb;
  return issue;
}

/**
 * An alert as a VKP Flag carrying the VKP severity level (40 kritisk … 0 ikke rapportert) from the
 * priority, with a flag-detail extension pointing at the DetectedIssue. `raisedAt` (default the
 * event time) starts the period; a closed alert ends it at the event time.
 */
export function toFlag(event: WelfareEvent, options: FhirExportOptions & { raisedAt?: string } = {}): FhirFlag {
  const level = String(PRIORITY_TO_VKP_SEVERITY[event.data.priority]);
  const concept = VKP_SEVERITY_LEVELS.concepts.find((c) => c.code === level);
  const open = OPEN.has(event.data.lifecycle);
  const place = locationDisplay(event);
  const subject = subjectRef(event, options) ?? { display: place ?? `device ${event.data.device.id}` };
  return {
    resourceType: 'Flag',
    id: uuidFromId(`${event.id}|flag`),
    meta: { profile: [VKP_PROFILES.Flag] },
    extension: [
      {
        url: VKP_SEVERITY_EXTENSION_URL,
        valueCodeableConcept: { coding: [{ system: VKP_SEVERITY_CODING_SYSTEM, code: level, ...(concept ? { display: concept.display } : {}) }] },
      },
      { url: 'http://hl7.org/fhir/StructureDefinition/flag-detail', valueReference: { reference: `DetectedIssue/${fhirId(event.id)}` } },
    ],
    status: open ? 'active' : 'inactive',
    code: alertCode(event),
    subject,
    period: open ? { start: options.raisedAt ?? event.time } : { start: options.raisedAt ?? event.time, end: event.time },
  };
}

/** A VKP encounter mode: 0 anonymised image, 1 image, 2 two-way voice, 3 anonymised listening, 4 listening. */
export type VkpEncounterMode = '0' | '1' | '2' | '3' | '4';

/** The follow-up (tilsyn) of an alert. */
export interface FollowUp {
  /** The alert followed up; it gives the resident, place and a deterministic id. */
  alert: WelfareEvent;
  /** Who followed up (VKP: a practitioner by national id, or a device). */
  participant: FhirReference;
  /** How. Digital modes come from vkp-encounter-mode; a physical visit has class HH (home health). */
  mode: VkpEncounterMode;
  /** Physical visit instead of a digital one (default false). */
  physical?: boolean;
  /** Start (RFC 3339 or Date). */
  start: string | Date;
  /** End; absent while in progress. */
  end?: string | Date;
  /** Planned tilsyn instead of event-based (default false: hendelsesbasert). */
  planned?: boolean;
}

/** The follow-up of an alert as a VKP Encounter. Needs a resident (`alert.subject`); returns undefined without one. */
export function toFollowUpEncounter(followUp: FollowUp, options: FhirExportOptions = {}): FhirEncounter | undefined {
  const subject = subjectRef(followUp.alert, options);
  if (!subject) return undefined;
  const iso = (t: string | Date) => (typeof t === 'string' ? t : t.toISOString());
  const start = iso(followUp.start);
  const reason = VKP_ENCOUNTER_REASONS.concepts.find((c) => c.code === (followUp.planned ? '1' : '2'))!;
  const mode = VKP_ENCOUNTER_MODES.concepts.find((c) => c.code === followUp.mode)!;
  const uuid = uuidFromId(`${followUp.alert.id}|${start}`);
  const encounter: FhirEncounter = {
    resourceType: 'Encounter',
    id: uuid,
    meta: { profile: [VKP_PROFILES.Encounter] },
    identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuid}` }],
    status: followUp.end === undefined ? 'in-progress' : 'finished',
    class: followUp.physical
      ? { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HH', display: 'home health' }
      : { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR', display: 'virtual' },
    subject,
    participant: [
      {
        type: [{ coding: [{ system: VKP_ENCOUNTER_MODES.url, code: mode.code, display: mode.display }] }],
        individual: followUp.participant,
      },
    ],
    period: followUp.end === undefined ? { start } : { start, end: iso(followUp.end) },
    reasonCode: [{ coding: [{ system: VKP_ENCOUNTER_REASONS.url, code: reason.code, display: reason.display }] }],
  };
  const place = locationDisplay(followUp.alert);
  if (place) encounter.location = [{ location: { display: place } }];
  return encounter;
}

/** A Bundle (type collection) of resources, each with a urn:uuid full URL. */
export function toFhirBundle(resources: readonly FhirResource[], timestamp: Date = new Date()): FhirBundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: timestamp.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${uuidFromId(`${resource.resourceType}/${resource.id}`)}`, resource })),
  };
}
