/**
 * The vocabulary of the event standard: categories, kinds, lifecycle steps, states and priorities.
 * Adding a kind is a minor change of the standard; renaming or removing one is a major change
 * (see docs/events/SPEC.md).
 */

/** Event categories (hendelseskategori). */
export const EVENT_CATEGORIES = ['care', 'environment', 'medication', 'location', 'supervision', 'technical', 'system'] as const;
/** An event category. */
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

/** Every kind of event, grouped by the category it belongs to. */
export const KINDS_BY_CATEGORY = {
  care: [
    'fall',
    'bed_exit',
    'bed_not_returned',
    'chair_exit',
    'inactivity',
    'assistance_call',
    'medical_alarm',
    'seizure',
    'incontinence',
    'presence_missing',
  ],
  environment: ['door_open', 'door_closed', 'fire', 'smoke', 'water_leak', 'high_sound_level', 'motion', 'temperature'],
  medication: ['dose_missed', 'dose_taken', 'dose_pending', 'dispenser_low', 'dispenser_empty', 'dispenser_fault', 'dispenser_open'],
  location: ['left_home', 'geofence_exit', 'geofence_entry', 'location_update'],
  supervision: ['camera_check', 'audio_check', 'planned_check'],
  technical: [
    'battery_low',
    'battery_empty',
    'power_loss',
    'device_offline',
    'communication_fault',
    'rf_supervision_lost',
    'tamper',
    'sensor_fault',
    'test_report',
  ],
  system: ['heartbeat', 'device_restart', 'clock_drift', 'configuration_changed'],
} as const satisfies Record<EventCategory, readonly string[]>;

/** An event kind (hendelsestype), e.g. `fall` or `battery_low`. */
export type EventKind = (typeof KINDS_BY_CATEGORY)[EventCategory][number];

/** Every event kind, in category order. */
export const EVENT_KINDS: readonly EventKind[] = Object.values(KINDS_BY_CATEGORY).flat() as EventKind[];

/** The prefix of every event `type`: `no.omsorg.<category>.<kind>.<lifecycle>`. */
export const EVENT_TYPE_PREFIX = 'no.omsorg';

/** The category of each kind. */
export const CATEGORY_OF_KIND: Readonly<Record<EventKind, EventCategory>> = Object.fromEntries(
  (Object.entries(KINDS_BY_CATEGORY) as [EventCategory, readonly EventKind[]][]).flatMap(([category, kinds]) =>
    kinds.map((kind) => [kind, category]),
  ),
) as Record<EventKind, EventCategory>;

/**
 * Lifecycle steps of an alert: raised (utløst), updated (oppdatert, e.g. a repeat), acknowledged
 * (kvittert), escalated (eskalert), resolved (avsluttet), expired (utløpt), cancelled (avbrutt).
 */
export const LIFECYCLES = ['raised', 'updated', 'acknowledged', 'escalated', 'resolved', 'expired', 'cancelled'] as const;
/** A lifecycle step. */
export type Lifecycle = (typeof LIFECYCLES)[number];

/** Condition state as the device reports it: the condition is still present, has cleared, or is unknown. */
export const CONDITION_STATES = ['active', 'cleared', 'unknown'] as const;
/** A condition state (tilstand fra enheten). */
export type ConditionState = (typeof CONDITION_STATES)[number];

/** Handling state as responders report it: nobody has taken it, taken, escalated, closed. */
export const HANDLING_STATES = ['unhandled', 'acknowledged', 'escalated', 'closed'] as const;
/** A handling state (håndteringsstatus fra responstjenesten). */
export type HandlingState = (typeof HANDLING_STATES)[number];

/** Priorities, most urgent first. */
export const PRIORITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
/** A priority (prioritet). */
export type Priority = (typeof PRIORITIES)[number];

/** The VKP severity level (vkp-severity-level-v090) of each priority: 40 kritisk … 0 ikke rapportert. */
export const PRIORITY_TO_VKP_SEVERITY: Readonly<Record<Priority, 40 | 30 | 20 | 10 | 0>> = {
  critical: 40,
  high: 30,
  medium: 20,
  low: 10,
  info: 0,
};

/** The priority of a VKP severity level (`40` → `critical`); undefined for a code that is not one. */
export function priorityFromVkpSeverity(severity: number | string): Priority | undefined {
  const n = typeof severity === 'string' ? Number(severity) : severity;
  return PRIORITIES.find((p) => PRIORITY_TO_VKP_SEVERITY[p] === n);
}

/**
 * Kinds where a life may be at stake. The pipeline never suppresses these as flapping and never
 * drops a repeat of them.
 */
export const LIFE_SAFETY_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'fall',
  'bed_not_returned',
  'inactivity',
  'assistance_call',
  'medical_alarm',
  'seizure',
  'presence_missing',
  'fire',
  'smoke',
  'left_home',
  'geofence_exit',
  'dose_missed',
]);

/** Kinds the user raises on purpose (trygghetsalarm button, pull cord): a repeat is news, never a duplicate. */
export const USER_ALARM_KINDS: ReadonlySet<EventKind> = new Set<EventKind>(['assistance_call', 'medical_alarm']);

/** Door, bed and connectivity kinds: the only ones the pipeline may treat as flapping. */
export const FLAPPING_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'door_open',
  'door_closed',
  'bed_exit',
  'chair_exit',
  'device_offline',
  'communication_fault',
  'rf_supervision_lost',
]);

/**
 * Point events: reports with no alert episode (a heartbeat, a test report, a position). The
 * pipeline never correlates them, so each stays `raised` with repeatCount 1.
 */
export const POINT_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'heartbeat',
  'test_report',
  'location_update',
  'geofence_entry',
  'dose_taken',
  'door_closed',
  'motion',
  'camera_check',
  'audio_check',
  'planned_check',
  'device_restart',
  'configuration_changed',
]);

/** The priority an adapter should use for a kind when the device says nothing better. */
export const DEFAULT_PRIORITY: Readonly<Record<EventKind, Priority>> = {
  fall: 'critical',
  bed_exit: 'medium',
  bed_not_returned: 'high',
  chair_exit: 'medium',
  inactivity: 'high',
  assistance_call: 'high',
  medical_alarm: 'critical',
  seizure: 'critical',
  incontinence: 'low',
  presence_missing: 'high',
  door_open: 'medium',
  door_closed: 'info',
  fire: 'critical',
  smoke: 'critical',
  water_leak: 'medium',
  high_sound_level: 'medium',
  motion: 'low',
  temperature: 'low',
  dose_missed: 'high',
  dose_taken: 'info',
  dose_pending: 'low',
  dispenser_low: 'low',
  dispenser_empty: 'medium',
  dispenser_fault: 'medium',
  dispenser_open: 'medium',
  left_home: 'high',
  geofence_exit: 'high',
  geofence_entry: 'info',
  location_update: 'info',
  camera_check: 'info',
  audio_check: 'info',
  planned_check: 'info',
  battery_low: 'low',
  battery_empty: 'medium',
  power_loss: 'medium',
  device_offline: 'medium',
  communication_fault: 'medium',
  rf_supervision_lost: 'medium',
  tamper: 'medium',
  sensor_fault: 'medium',
  test_report: 'info',
  heartbeat: 'info',
  device_restart: 'low',
  clock_drift: 'low',
  configuration_changed: 'info',
};

// Every `type` of a kind in its own category, built once: events share the strings instead of
// building one per event, and comparing an event's `type` with one is mostly a pointer check.
const TYPES: ReadonlyMap<string, { category: string; byLifecycle: ReadonlyMap<string, string> }> = new Map(
  EVENT_KINDS.map((kind) => {
    const category = CATEGORY_OF_KIND[kind];
    return [kind, { category, byLifecycle: new Map(LIFECYCLES.map((l) => [l, `${EVENT_TYPE_PREFIX}.${category}.${kind}.${l}`])) }];
  }),
);

/** The CloudEvents `type` of an event: `no.omsorg.<category>.<kind>.<lifecycle>`, e.g. `no.omsorg.care.fall.raised`. */
export function eventType(category: EventCategory, kind: EventKind, lifecycle: Lifecycle): string {
  const known = TYPES.get(kind);
  const type = known !== undefined && known.category === category ? known.byLifecycle.get(lifecycle) : undefined;
  return type ?? `${EVENT_TYPE_PREFIX}.${category}.${kind}.${lifecycle}`;
}
