import { DeviceTypeSchema } from '@omsorg/domain';
import { z } from 'zod';
import {
  CONDITION_STATES,
  EVENT_CATEGORIES,
  EVENT_KINDS,
  type EventKind,
  HANDLING_STATES,
  LIFECYCLES,
  PRIORITIES,
} from './kinds.js';
import { ATTRIBUTE_NAME_PATTERN, crossFieldProblems, looksLikeNationalId } from './rules.js';

/** Major version of the event standard this package implements. */
export const EVENT_STANDARD_VERSION = 1;

/** The `dataschema` of every v1 event: the published JSON Schema of this version. */
export const EVENT_DATASCHEMA_V1 = 'https://omsorg.dev/schemas/events/v1.json';


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
  .refine((s) => !looksLikeNationalId(s), {
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

/**
 * Envelope and payload of a v1 event as one object (CloudEvents 1.0 JSON format, structured mode),
 * without the extension catch-all and the cross-field rules: use {@link WelfareEventSchema} to validate.
 */
export const EventObjectSchema = z.object({
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
 * Value of an extension attribute in the JSON format: a CloudEvents String (also Binary, URI,
 * URI-reference and Timestamp, which JSON carries as strings), Integer (32-bit signed) or Boolean.
 */
export const ExtensionValueSchema = z.union([z.string(), z.number().int().min(-2147483648).max(2147483647), z.boolean()]);

/**
 * A welfare-technology event, v1 of the Omsorg event standard: a CloudEvents 1.0 envelope with the
 * extensions `recordedtime`, `sequence` and `tenant` (other extensions allowed and kept), and an
 * {@link EventDataSchema} payload. The checks across fields (see `crossFieldProblems`): `type` names
 * the payload's category, kind and lifecycle; the kind belongs to the category; `alertKey` is
 * `tenant/device.id/device.component/kind`; every attribute name is 1–20 lowercase letters or digits.
 */
export const WelfareEventSchema = EventObjectSchema.catchall(ExtensionValueSchema).superRefine((e, ctx) => {
  for (const p of crossFieldProblems(e)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  for (const name of Object.keys(e)) {
    if (!ATTRIBUTE_NAME_PATTERN.test(name)) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'attribute names must be 1–20 lowercase letters or digits (CloudEvents)' });
    }
  }
});

/**
 * A welfare-technology event (v1). Further extension attributes (CloudEvents String, Integer or
 * Boolean values) are allowed at run time and kept; they are not part of the static type.
 */
export type WelfareEvent = z.infer<typeof EventObjectSchema>;
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
