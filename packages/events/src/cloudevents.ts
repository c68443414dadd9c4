/**
 * The CloudEvents 1.0 JSON event format (structured mode), for any CloudEvent: required attributes,
 * attribute naming, the type-system mapping of attribute values, `null` as unset, and `data` versus
 * `data_base64`. Our own events additionally pass `validateEvent`.
 */

import type { RawMessage } from './adapter.js';
import type { DecodeIssue, IssueSeverity } from './errors.js';
import { AbsoluteUriSchema, TimestampSchema, UriReferenceSchema, type WelfareEvent } from './schema/v1.js';
import { type EventValidation, validateEvent } from './validate.js';

/** Media type of one CloudEvent in the JSON format. */
export const CLOUDEVENTS_JSON_MEDIA_TYPE = 'application/cloudevents+json';
/** Media type of a JSON batch of CloudEvents. */
export const CLOUDEVENTS_BATCH_JSON_MEDIA_TYPE = 'application/cloudevents-batch+json';

const REQUIRED = ['id', 'source', 'specversion', 'type'] as const;
const NAME = /^[a-z0-9]+$/;
// RFC 2046 / RFC 6838 media type with optional parameters.
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(?:\s*;\s*[A-Za-z0-9!#$&^_.+-]+=(?:[A-Za-z0-9!#$&^_.+-]+|"[^"]*"))*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function ceIssue(code: string, path: (string | number)[], nb: string, en: string, severity: IssueSeverity = 'error'): DecodeIssue {
  return { code, path, message: { nb, en }, severity };
}

const isInt32 = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= -2147483648 && (v as number) <= 2147483647;

/**
 * Drop attributes whose value is `null`: the JSON format says a `null` attribute MUST be treated as
 * unset. Returns a new object; `data` is kept as is (null data is data).
 */
export function withoutNullAttributes(event: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(event)) if (v !== null || k === 'data') out[k] = v;
  return out;
}

/**
 * Check a decoded JSON value against the CloudEvents 1.0 JSON format rules (after `null` attributes
 * are dropped). Issue codes: `CE_NOT_OBJECT`, `CE_REQUIRED_MISSING`, `CE_SPECVERSION_UNSUPPORTED`,
 * `CE_ATTRIBUTE_INVALID`, `CE_ATTRIBUTE_NAME_INVALID`, `CE_ATTRIBUTE_NAME_LONG` (warning: names
 * SHOULD NOT exceed 20 characters), `CE_EXTENSION_TYPE_INVALID`, `CE_DATA_CONFLICT`,
 * `CE_DATA_BASE64_INVALID`. Never throws.
 */
export function checkCloudEvent(value: unknown): DecodeIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [ceIssue('CE_NOT_OBJECT', [], 'En CloudEvent i JSON må være et objekt', 'A CloudEvent in JSON must be an object')];
  }
  const e = withoutNullAttributes(value as Record<string, unknown>);
  const issues: DecodeIssue[] = [];
  for (const name of REQUIRED) {
    if (!(name in e)) issues.push(ceIssue('CE_REQUIRED_MISSING', [name], `Påkrevd attributt ${name} mangler`, `Required attribute ${name} is missing`));
  }
  const bad = (name: string, nb: string, en: string) => issues.push(ceIssue('CE_ATTRIBUTE_INVALID', [name], `${name}: ${nb}`, `${name}: ${en}`));
  const nonEmpty = (v: unknown) => typeof v === 'string' && v.length > 0;
  if ('id' in e && !nonEmpty(e.id)) bad('id', 'må være en ikke-tom streng', 'must be a non-empty string');
  if ('type' in e && !nonEmpty(e.type)) bad('type', 'må være en ikke-tom streng', 'must be a non-empty string');
  if ('source' in e && !UriReferenceSchema.safeParse(e.source).success) bad('source', 'må være en ikke-tom URI-referanse', 'must be a non-empty URI-reference');
  if ('specversion' in e && e.specversion !== '1.0') {
    issues.push(
      ceIssue(
        'CE_SPECVERSION_UNSUPPORTED',
        ['specversion'],
        'Bare CloudEvents specversion "1.0" støttes',
        'Only CloudEvents specversion "1.0" is supported',
      ),
    );
  }
  if ('subject' in e && !nonEmpty(e.subject)) bad('subject', 'må være en ikke-tom streng', 'must be a non-empty string');
  if ('time' in e && !TimestampSchema.safeParse(e.time).success) bad('time', 'må være et RFC 3339-tidsstempel', 'must be an RFC 3339 timestamp');
  if ('dataschema' in e && !AbsoluteUriSchema.safeParse(e.dataschema).success) bad('dataschema', 'må være en absolutt URI', 'must be an absolute URI');
  if ('datacontenttype' in e && !(typeof e.datacontenttype === 'string' && MEDIA_TYPE.test(e.datacontenttype))) {
    bad('datacontenttype', 'må være en medietype etter RFC 2046', 'must be an RFC 2046 media type');
  }
  if ('data' in e && 'data_base64' in e) {
    issues.push(ceIssue('CE_DATA_CONFLICT', ['data_base64'], 'data og data_base64 kan ikke begge finnes', 'data and data_base64 are mutually exclusive'));
  }
  if ('data_base64' in e && !(typeof e.data_base64 === 'string' && BASE64.test(e.data_base64))) {
    issues.push(ceIssue('CE_DATA_BASE64_INVALID', ['data_base64'], 'data_base64 må være Base64 (RFC 4648)', 'data_base64 must be Base64 (RFC 4648)'));
  }
  for (const [name, v] of Object.entries(e)) {
    if (name === 'data' || name === 'data_base64') continue;
    if (!NAME.test(name)) {
      issues.push(
        ceIssue(
          'CE_ATTRIBUTE_NAME_INVALID',
          [name],
          `Attributtnavnet ${name} må bestå av små bokstaver a–z og sifre`,
          `Attribute name ${name} must consist of lowercase letters a–z and digits`,
        ),
      );
      continue;
    }
    if (name.length > 20) {
      issues.push(
        ceIssue('CE_ATTRIBUTE_NAME_LONG', [name], `Attributtnavnet ${name} bør ikke være over 20 tegn`, `Attribute name ${name} should not exceed 20 characters`, 'warning'),
      );
    }
    if (typeof v !== 'string' && typeof v !== 'boolean' && !isInt32(v)) {
      issues.push(
        ceIssue(
          'CE_EXTENSION_TYPE_INVALID',
          [name],
          `${name} må være streng, boolsk verdi eller 32-bits heltall`,
          `${name} must be a string, a boolean or a 32-bit integer`,
        ),
      );
    }
  }
  return issues;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseJson(raw: RawMessage): { ok: true; value: unknown } | { ok: false; issue: DecodeIssue } {
  try {
    return { ok: true, value: JSON.parse(typeof raw === 'string' ? raw : decoder.decode(raw)) };
  } catch (e) {
    const what = e instanceof Error ? e.message : String(e);
    return { ok: false, issue: ceIssue('CE_JSON_INVALID', [], `Ikke gyldig JSON (UTF-8): ${what}`, `Not valid JSON (UTF-8): ${what}`) };
  }
}

/** The outcome of parsing one CloudEvent: the event (nulls dropped) and any issues. */
export type CloudEventParse = { ok: true; event: Record<string, unknown>; warnings: DecodeIssue[] } | { ok: false; issues: DecodeIssue[] };

/** Parse one CloudEvent in the JSON format (any producer). Never throws. */
export function parseCloudEventJson(raw: RawMessage): CloudEventParse {
  const parsed = parseJson(raw);
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  const issues = checkCloudEvent(parsed.value);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, issues };
  return { ok: true, event: withoutNullAttributes(parsed.value as Record<string, unknown>), warnings: issues };
}

/** Parse one Omsorg v1 event from the CloudEvents JSON format: the format rules, then `validateEvent`. Never throws. */
export function parseEventJson(raw: RawMessage): EventValidation {
  const ce = parseCloudEventJson(raw);
  if (!ce.ok) return { ok: false, issues: ce.issues };
  return validateEvent(ce.event);
}

/** Serialize an event in the CloudEvents JSON format (`application/cloudevents+json`). */
export function serializeEvent(event: WelfareEvent): string {
  return JSON.stringify(event);
}

/** Serialize events as a JSON batch (`application/cloudevents-batch+json`). */
export function serializeEventBatch(events: readonly WelfareEvent[]): string {
  return JSON.stringify(events);
}

/** Parse a JSON batch of Omsorg v1 events; each element is checked on its own, paths start with its index. Never throws. */
export function parseEventBatchJson(raw: RawMessage): { events: WelfareEvent[]; issues: DecodeIssue[] } {
  const parsed = parseJson(raw);
  if (!parsed.ok) return { events: [], issues: [parsed.issue] };
  if (!Array.isArray(parsed.value)) {
    return { events: [], issues: [ceIssue('CE_BATCH_NOT_ARRAY', [], 'En JSON-bunt må være en liste', 'A JSON batch must be an array')] };
  }
  const events: WelfareEvent[] = [];
  const issues: DecodeIssue[] = [];
  parsed.value.forEach((item, index) => {
    const ce = checkCloudEvent(item);
    const errors = ce.filter((i) => i.severity === 'error');
    issues.push(...ce.map((i) => ({ ...i, path: [index, ...(i.path ?? [])] })));
    if (errors.length > 0) return;
    const v = validateEvent(withoutNullAttributes(item as Record<string, unknown>), [index]);
    if (v.ok) events.push(v.event);
    else issues.push(...v.issues);
  });
  return { events, issues };
}
