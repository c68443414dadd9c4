import { eventIdOf } from './id-hash.js';
import { alertKey } from './ids.js';
import { CATEGORY_OF_KIND, DEFAULT_PRIORITY, type EventKind, eventType, type Lifecycle, type Priority } from './schema/kinds.js';
import {
  EVENT_DATASCHEMA_V1,
  type EventCodes,
  type EventData,
  type EventDevice,
  type EventLocation,
  type WelfareEvent,
} from './schema/v1.js';
import { isoString } from './time.js';

/** What an adapter knows about one event; {@link createEvent} fills in the rest of the envelope. */
export interface CreateEventInput {
  /** Tenant the event belongs to. */
  tenant: string;
  /** URI-reference of the producer (receiver line, account …). */
  source: string;
  /** Event kind; the category follows from it. */
  kind: EventKind;
  /** Lifecycle step; default `raised`. */
  lifecycle?: Lifecycle;
  /** Default: `active` when raised/updated/escalated, `cleared` when resolved, else `unknown`. */
  condition?: EventData['condition'];
  /** Default: follows the lifecycle (acknowledged, escalated, closed) or `unhandled`. */
  handling?: EventData['handling'];
  /** Default: {@link DEFAULT_PRIORITY} of the kind. */
  priority?: Priority;
  /** The device; `component` defaults to `main`. */
  device: Omit<EventDevice, 'component'> & { component?: string };
  /** Codes; at least the raw vendor code. */
  codes: EventCodes;
  /** When it happened, by the device's clock; default `recordedAt`. */
  time?: Date | string;
  /** When Omsorg received the message. */
  recordedAt: Date | string;
  /**
   * Parts that identify the device message (see {@link eventId}); the id is computed from the source
   * and these. Give either `idParts` or `id`.
   */
  idParts?: (string | number | Uint8Array)[];
  /** An explicit id (when the device message carries a unique one). */
  id?: string;
  /** Device sequence number. */
  sequence?: string;
  /** Pseudonymous resident reference. */
  subject?: string;
  /** Default 1. */
  repeatCount?: number;
  location?: EventLocation;
  text?: EventData['text'];
  attributes?: EventData['attributes'];
}

const iso = (t: Date | string): string => (typeof t === 'string' ? t : isoString(t));

const CONDITION_OF: Readonly<Record<Lifecycle, EventData['condition']>> = {
  raised: 'active',
  updated: 'active',
  escalated: 'active',
  acknowledged: 'unknown',
  resolved: 'cleared',
  expired: 'unknown',
  cancelled: 'unknown',
};

const HANDLING_OF: Readonly<Record<Lifecycle, EventData['handling']>> = {
  raised: 'unhandled',
  updated: 'unhandled',
  acknowledged: 'acknowledged',
  escalated: 'escalated',
  resolved: 'closed',
  expired: 'closed',
  cancelled: 'closed',
};

/**
 * Build a v1 event with a consistent envelope: `type` from category/kind/lifecycle, `alertKey` from
 * tenant/device/component/kind, a deterministic id, `dataschema` and `datacontenttype`. It does not
 * validate; `defineAdapter` in strict mode and the pipeline do. A `device` that names its
 * `component` becomes the event's device object as it is (not copied).
 */
export function createEvent(input: CreateEventInput): WelfareEvent {
  const lifecycle = input.lifecycle ?? 'raised';
  const category = CATEGORY_OF_KIND[input.kind];
  // The adapter's device object is used as given when it names its component (no copy per event).
  const given = input.device;
  const component = given.component ?? 'main';
  const device: EventDevice = given.component !== undefined ? (given as EventDevice) : { ...given, component };
  const data: EventData = {
    category,
    kind: input.kind,
    lifecycle,
    condition: input.condition ?? CONDITION_OF[lifecycle],
    handling: input.handling ?? HANDLING_OF[lifecycle],
    priority: input.priority ?? DEFAULT_PRIORITY[input.kind],
    alertKey: alertKey({ tenant: input.tenant, deviceId: device.id, component, kind: input.kind }),
    repeatCount: input.repeatCount ?? 1,
    device,
    codes: input.codes,
  };
  if (input.location !== undefined) data.location = input.location;
  if (input.text !== undefined) data.text = input.text;
  if (input.attributes !== undefined) data.attributes = input.attributes;
  const recordedtime = iso(input.recordedAt);
  const at = input.time ?? input.recordedAt;
  const time = at === input.recordedAt ? recordedtime : iso(at);
  const id = input.id ?? eventIdOf(input.source, input.idParts ?? [input.kind, lifecycle, device.id, component, input.codes.raw, time]);
  const type = eventType(category, input.kind, lifecycle);
  const { source, tenant, subject, sequence } = input;
  // One literal per combination of the optional attributes, in the same key order as adding them
  // would give: every property is stored in the object itself (adding one afterwards allocates a
  // separate property store), so the event is smaller and quicker to read.
  if (sequence !== undefined) {
    if (subject === undefined) {
      return { specversion: '1.0', id, source, type, time, datacontenttype: 'application/json', dataschema: EVENT_DATASCHEMA_V1, recordedtime, tenant, data, sequence };
    }
    return { specversion: '1.0', id, source, type, time, datacontenttype: 'application/json', dataschema: EVENT_DATASCHEMA_V1, recordedtime, tenant, data, subject, sequence };
  }
  if (subject !== undefined) {
    return { specversion: '1.0', id, source, type, time, datacontenttype: 'application/json', dataschema: EVENT_DATASCHEMA_V1, recordedtime, tenant, data, subject };
  }
  return { specversion: '1.0', id, source, type, time, datacontenttype: 'application/json', dataschema: EVENT_DATASCHEMA_V1, recordedtime, tenant, data };
}

/**
 * A copy of an event with another lifecycle step and payload changes, `type` kept consistent. The
 * id stays: it is still the same device message, seen in a new light (a repeat, a flapping mark).
 */
export function withLifecycle(event: WelfareEvent, lifecycle: Lifecycle, patch: Partial<EventData> = {}): WelfareEvent {
  const data: EventData = { ...event.data, ...patch, lifecycle };
  return { ...event, type: eventType(data.category, data.kind, lifecycle), data };
}
