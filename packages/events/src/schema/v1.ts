import { DeviceTypeSchema } from '@omsorg/domain';
import { z } from 'zod';
import {
  CONDITION_STATES,
  EVENT_CATEGORIES,
  EVENT_KINDS,
  type EventCategory,
  type EventKind,
  HANDLING_STATES,
  KINDS_BY_CATEGORY,
  LIFECYCLES,
  type Lifecycle,
  PRIORITIES,
} from './kinds.js';

/** Major version of the event standard this package implements. */
export const EVENT_STANDARD_VERSION = 1;

/** The `dataschema` of every v1 event: the published JSON Schema of this version. */
export const EVENT_DATASCHEMA_V1 = 'https://omsorg.dev/schemas/events/v1.json';

/** The prefix of every event `type`: `no.omsorg.<category>.<kind>.<lifecycle>`. */
export const EVENT_TYPE_PREFIX = 'no.omsorg';

/** The CloudEvents `type` of an event: `no.omsorg.<category>.<kind>.<lifecycle>`, e.g. `no.omsorg.care.fall.raised`. */
export function eventType(category: EventCategory, kind: EventKind, lifecycle: Lifecycle): string {
  return `${EVENT_TYPE_PREFIX}.${category}.${kind}.${lifecycle}`;
}

/** RFC 3339 timestamp with `Z` or an offset (CloudEvents `Timestamp`). */
export const TimestampSchema = z.iso.datetime({ offset: true });

/**
 * RFC 3986 URI-reference, non-empty: only characters a URI may hold (unreserved, reserved and
 * percent escapes), no whitespace.
 */
export const UriReferenceSchema = z
  .string()
  .min(1)
  .regex(/^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+$/, 'must be a URI-reference');

/** Absolute URI: a URI-reference with a scheme. */
export const AbsoluteUriSchema = UriReferenceSchema.regex(/^[A-Za-z][A-Za-z0-9+.-]*:/, 'must be an absolute URI');

/**
 * A pseudonymous resident reference (the CloudEvents `subject`). It must not be a Norwegian
 * national identity number (fødselsnummer, 11 digits) or contain whitespace: names and national
 * ids never travel in events.
 */
export const SubjectRefSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^\S+$/, 'must not contain whitespace')
  .refine((s) => !/^\d{11}$/.test(s) && !/\d{6}[ -]?\d{5}/.test(s), {
    message: 'must be a pseudonymous reference, not a national identity number',
  });

/**
 * Correlation key of an alert: `tenant/device/component/kind`. Raise, acknowledge and resolve of the
 * same condition share it.
 */
export const AlertKeySchema = z
  .string()
  .min(7)
  .max(512)
  .regex(/^[^/\s]+\/[^/\s]+\/[^/\s]+\/[a-z_]+$/, 'must be tenant/device/component/kind');

/** The device that reported the event. */
export const EventDeviceSchema = z.object({
  /** Device id in the equipment registry (or the vendor's account/line id). */
  id: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/\s]+$/, 'must not contain / or whitespace'),
  /** Vendor name, e.g. `Tunstall`. */
  vendor: z.string().min(1).max(100).optional(),
  /** Model name. */
  model: z.string().min(1).max(100).optional(),
  /** Device type from the domain model. */
  type: DeviceTypeSchema.optional(),
  /** Part of the device that reported (zone, sensor, input); `main` when the device has one. */
  component: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[^/\s]+$/, 'must not contain / or whitespace'),
  /** Battery level 0–100 when reported. */
  batteryPercent: z.number().min(0).max(100).optional(),
});

/** Where the event happened, as far as it is known. */
export const EventLocationSchema = z.object({
  /** Unit (enhet) id, e.g. a nursing home or home-care zone. */
  unitId: z.string().min(1).max(200).optional(),
  /** Ward (avdeling) id. */
  wardId: z.string().min(1).max(200).optional(),
  /** Room (rom). */
  room: z.string().min(1).max(100).optional(),
  /** Position in WGS 84. */
  geo: z
    .object({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      accuracyMeters: z.number().min(0).optional(),
    })
    .optional(),
});

/**
 * Codes of the event: the raw vendor code always, and the equivalents in SIA (two letters),
 * Ademco Contact ID (event qualifier + 3 digits), SCAIP and VKP (vkp-alert-code-v090) where one exists.
 */
export const EventCodesSchema = z.object({
  /** The vendor's own code, verbatim. */
  raw: z.string().min(1).max(200),
  /** SIA DC-03 two-letter event code, e.g. `MA`. */
  sia: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** Contact ID event code: qualifier (1 new, 3 restore, 6 previous) + three digits, or three digits. */
  contactId: z
    .string()
    .regex(/^[136]?\d{3}$/)
    .optional(),
  /** SCAIP status code. */
  scaip: z.string().min(1).max(20).optional(),
  /** VKP alert code (vkp-alert-code-v090), e.g. `4.1` for fall. */
  vkp: z
    .string()
    .regex(/^\d+(?:\.\d+)*$/)
    .optional(),
});

/** A scalar vendor attribute kept beside the normalized fields. */
export const EventAttributeValueSchema = z.union([z.string().max(1000), z.number(), z.boolean()]);

/** The payload (`data`) of a v1 event. */
export const EventDataSchema = z.object({
  category: z.enum(EVENT_CATEGORIES),
  kind: z.enum(EVENT_KINDS as [EventKind, ...EventKind[]]),
  lifecycle: z.enum(LIFECYCLES),
  /** Condition state reported by the device. */
  condition: z.enum(CONDITION_STATES),
  /** Handling state reported by responders. */
  handling: z.enum(HANDLING_STATES),
  priority: z.enum(PRIORITIES),
  alertKey: AlertKeySchema,
  /** How many times this alert has been raised in its current episode; 1 for the first. */
  repeatCount: z.number().int().min(1).max(1_000_000),
  device: EventDeviceSchema,
  location: EventLocationSchema.optional(),
  codes: EventCodesSchema,
  /** Short human-readable text in bokmål and English. */
  text: z.object({ nb: z.string().min(1).max(500), en: z.string().min(1).max(500) }).optional(),
  /** Vendor attributes that have no normalized field (max 32). */
  attributes: z
    .record(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), EventAttributeValueSchema)
    .refine((r) => Object.keys(r).length <= 32, { message: 'at most 32 attributes' })
    .optional(),
});

/** Envelope and payload of a v1 event as one object (CloudEvents 1.0 JSON format, structured mode). */
const EventObjectSchema = z.object({
  /** CloudEvents version; always `1.0`. */
  specversion: z.literal('1.0'),
  /** Deterministic per device message (see `eventId`): a retransmission has the same id. */
  id: z.string().min(1).max(200),
  /** URI-reference of the producer, e.g. `urn:omsorg:kristiansand:adapter:sia-dc09:1234`. */
  source: UriReferenceSchema.max(500),
  /** `no.omsorg.<category>.<kind>.<lifecycle>`. */
  type: z
    .string()
    .regex(
      new RegExp(
        `^no\\.omsorg\\.(?:${EVENT_CATEGORIES.join('|')})\\.[a-z_]+\\.(?:${LIFECYCLES.join('|')})$`,
      ),
      'must be no.omsorg.<category>.<kind>.<lifecycle>',
    ),
  /** Pseudonymous resident reference, when the event concerns a resident. */
  subject: SubjectRefSchema.optional(),
  /** When the condition happened, by the device's clock. */
  time: TimestampSchema,
  datacontenttype: z.literal('application/json'),
  dataschema: z.literal(EVENT_DATASCHEMA_V1),
  /** Extension: when Omsorg received the message. */
  recordedtime: TimestampSchema,
  /** Extension: the device's sequence number, as a string (CloudEvents sequence extension). */
  sequence: z.string().min(1).max(64).optional(),
  /** Extension: the tenant (municipality or service provider) the event belongs to. */
  tenant: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[^/\s]+$/, 'must not contain / or whitespace'),
  data: EventDataSchema,
});

/**
 * A welfare-technology event, v1 of the Omsorg event standard: a CloudEvents 1.0 envelope with the
 * extensions `recordedtime`, `sequence` and `tenant`, and an {@link EventDataSchema} payload. The
 * checks across fields: `type` names the payload's category, kind and lifecycle; the kind belongs to
 * the category; `alertKey` starts with the tenant and device id and ends with the kind.
 */
export const WelfareEventSchema = EventObjectSchema.superRefine((e, ctx) => {
  const d = e.data;
  if ((KINDS_BY_CATEGORY[d.category] as readonly string[]).indexOf(d.kind) < 0) {
    ctx.addIssue({ code: 'custom', path: ['data', 'kind'], message: `kind ${d.kind} is not in category ${d.category}` });
  }
  if (e.type !== eventType(d.category, d.kind, d.lifecycle)) {
    ctx.addIssue({ code: 'custom', path: ['type'], message: 'type must be no.omsorg.<data.category>.<data.kind>.<data.lifecycle>' });
  }
  if (d.alertKey !== `${e.tenant}/${d.device.id}/${d.device.component}/${d.kind}`) {
    ctx.addIssue({ code: 'custom', path: ['data', 'alertKey'], message: 'alertKey must be tenant/device.id/device.component/kind' });
  }
});

/** A welfare-technology event (v1). */
export type WelfareEvent = z.infer<typeof WelfareEventSchema>;
/** The payload of a v1 event. */
export type EventData = z.infer<typeof EventDataSchema>;
/** The device block of an event. */
export type EventDevice = z.infer<typeof EventDeviceSchema>;
/** The location block of an event. */
export type EventLocation = z.infer<typeof EventLocationSchema>;
/** The codes block of an event. */
export type EventCodes = z.infer<typeof EventCodesSchema>;
/** A vendor attribute value. */
export type EventAttributeValue = z.infer<typeof EventAttributeValueSchema>;
