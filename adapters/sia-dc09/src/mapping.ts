/**
 * From SIA DC-03 and Contact ID codes to the kinds, lifecycles and priorities of the Omsorg event
 * standard. Three outcomes: a kind; `informational` (arming, access, programming, printer … reports:
 * a sign of life, emitted as `system.heartbeat` with the code kept); or `unmapped` (an alarm the
 * standard has no kind for, such as burglary or gas: never reinterpreted, sent to the dead letters).
 */
import { DEFAULT_PRIORITY, type EventKind, type Lifecycle, type Priority } from '@omsorg/events';
import type { ContactIdEvent } from './protocol/data.js';
import { contactIdCodeInfo, contactIdToSia, siaCodeInfo } from './tables/index.js';

/** What a code means in the standard. */
export type CodeMeaning =
  | { outcome: 'event'; kind: EventKind; lifecycle: Lifecycle; priority: Priority }
  | { outcome: 'informational' }
  | { outcome: 'unmapped' }
  | { outcome: 'unknown' };

type Rule = readonly [EventKind, Lifecycle] | 'info';

const raise = (kind: EventKind): Rule => [kind, 'raised'];
const clear = (kind: EventKind): Rule => [kind, 'resolved'];

/**
 * SIA codes with an explicit meaning in the standard; anything not here falls to the family rules.
 * @internal
 */
export const SIA_RULES: Readonly<Record<string, Rule>> = {
  // care: the user asks for help (trygghetsalarm), medical, inactivity
  MA: raise('medical_alarm'),
  MH: clear('medical_alarm'),
  MR: clear('medical_alarm'),
  QA: raise('assistance_call'),
  QH: clear('assistance_call'),
  QR: clear('assistance_call'),
  PA: raise('assistance_call'),
  PH: clear('assistance_call'),
  PR: clear('assistance_call'),
  HA: raise('assistance_call'),
  HH: clear('assistance_call'),
  HR: clear('assistance_call'),
  NA: raise('inactivity'),
  NS: clear('inactivity'),
  // environment
  FA: raise('fire'),
  FH: clear('fire'),
  FR: clear('fire'),
  FC: ['fire', 'cancelled'],
  KA: raise('fire'),
  KH: clear('fire'),
  KR: clear('fire'),
  SA: raise('fire'),
  SH: clear('fire'),
  SR: clear('fire'),
  WA: raise('water_leak'),
  WH: clear('water_leak'),
  WR: clear('water_leak'),
  ZA: raise('temperature'),
  ZH: clear('temperature'),
  ZR: clear('temperature'),
  DF: raise('door_open'),
  DL: raise('door_open'),
  DM: raise('door_open'),
  DN: raise('door_open'),
  DO: raise('door_open'),
  DH: clear('door_open'),
  DR: clear('door_open'),
  DC: raise('door_closed'),
  // technical: power and battery
  YT: raise('battery_low'),
  YR: clear('battery_low'),
  XT: raise('battery_low'),
  XR: clear('battery_low'),
  YM: raise('battery_empty'),
  AT: raise('power_loss'),
  AR: clear('power_loss'),
  YP: raise('power_loss'),
  YQ: clear('power_loss'),
  // technical: communication and supervision
  YS: raise('communication_fault'),
  YC: raise('communication_fault'),
  YK: clear('communication_fault'),
  LT: raise('communication_fault'),
  LR: clear('communication_fault'),
  NT: raise('communication_fault'),
  NR: clear('communication_fault'),
  XL: raise('communication_fault'),
  XQ: raise('communication_fault'),
  XH: clear('communication_fault'),
  BZ: raise('rf_supervision_lost'),
  FZ: raise('rf_supervision_lost'),
  UY: raise('rf_supervision_lost'),
  // technical: tamper and faults
  TA: raise('tamper'),
  TT: raise('tamper'),
  TH: clear('tamper'),
  TR: clear('tamper'),
  TJ: clear('tamper'),
  JA: raise('tamper'),
  ES: raise('tamper'),
  EJ: clear('tamper'),
  XS: raise('tamper'),
  XJ: clear('tamper'),
  IA: raise('sensor_fault'),
  IR: clear('sensor_fault'),
  ET: raise('sensor_fault'),
  EM: raise('sensor_fault'),
  EN: clear('sensor_fault'),
  ER: clear('sensor_fault'),
  YX: raise('sensor_fault'),
  YZ: clear('sensor_fault'),
  YA: raise('sensor_fault'),
  YH: clear('sensor_fault'),
  YF: raise('sensor_fault'),
  YI: raise('sensor_fault'),
  YJ: clear('sensor_fault'),
  YU: raise('sensor_fault'),
  PF: raise('sensor_fault'),
  PO: clear('sensor_fault'),
  SM: raise('sensor_fault'),
  XC: clear('sensor_fault'),
  // technical: tests
  RP: raise('test_report'),
  RX: raise('test_report'),
  TX: raise('test_report'),
  FX: raise('test_report'),
  BX: raise('test_report'),
  GX: raise('test_report'),
  // system
  RR: raise('device_restart'),
  RN: raise('device_restart'),
  YW: raise('device_restart'),
  YG: raise('configuration_changed'),
  LS: raise('configuration_changed'),
  RS: raise('configuration_changed'),
  JS: raise('configuration_changed'),
  JT: raise('configuration_changed'),
  JD: raise('configuration_changed'),
  JV: raise('configuration_changed'),
  JX: raise('configuration_changed'),
  JY: raise('configuration_changed'),
  JZ: raise('configuration_changed'),
};

/** First letters of the zone families (alarm, bypass, restore, supervisory, trouble … per sensor type). */
const ZONE_FAMILIES = new Set(['B', 'F', 'G', 'H', 'K', 'M', 'P', 'Q', 'S', 'U', 'W', 'Z']);

/** Kinds that are moments, not conditions: they have no episode to resolve. */
const MOMENTARY: ReadonlySet<EventKind> = new Set<EventKind>(['test_report', 'heartbeat', 'device_restart', 'configuration_changed']);

/** Priorities that differ from the standard's default for the kind. */
const SIA_PRIORITY: Readonly<Record<string, Priority>> = { DO: 'info', DC: 'info', DN: 'low' };

function fromRule(rule: Rule, priority?: Priority): CodeMeaning {
  if (rule === 'info') return { outcome: 'informational' };
  const [kind, lifecycle] = rule;
  return { outcome: 'event', kind, lifecycle, priority: priority ?? DEFAULT_PRIORITY[kind] };
}

function siaRule(code: string): Rule | 'unmapped' | 'unknown' {
  if (Object.hasOwn(SIA_RULES, code)) return SIA_RULES[code]!;
  const info = siaCodeInfo(code);
  if (!info) return 'unknown';
  const [family, state] = [code[0]!, code[1]!];
  if (ZONE_FAMILIES.has(family)) {
    if (state === 'T' || state === 'S') return raise('sensor_fault');
    if (state === 'J') return clear('sensor_fault');
    if (state === 'A' || state === 'M' || state === 'G') return 'unmapped';
    // The restore of an alarm we do not map is not mapped either.
    if ((state === 'H' || state === 'R') && siaRule(`${family}A`) === 'unmapped') return 'unmapped';
  }
  // Other alarms the standard has no kind for (burglary, gas, untyped, exit …) are never guessed.
  if (/alarm/i.test(info.type) && !/restor|cancel|silenced/i.test(info.type)) return 'unmapped';
  return 'info';
}

/** The meaning of a SIA DC-03 two-letter code. */
export function meaningOfSiaCode(code: string): CodeMeaning {
  const rule = siaRule(code);
  if (rule === 'unmapped' || rule === 'unknown') return { outcome: rule };
  return fromRule(rule, SIA_PRIORITY[code]);
}

/** Contact ID events whose meaning is sharper than their SIA equivalent (or that have none). */
const CID_KIND: Readonly<Record<string, EventKind | 'info'>> = {
  '102': 'inactivity', // fail to report in: a check-in was missed
  '111': 'smoke',
  '115': 'fire',
  '116': 'smoke',
  '147': 'sensor_fault',
  '152': 'temperature',
  '153': 'temperature',
  '154': 'water_leak',
  '158': 'temperature',
  '159': 'temperature',
  '309': 'battery_low',
  '313': 'device_restart',
  '381': 'rf_supervision_lost',
  '383': 'tamper',
  '384': 'battery_low',
  '603': 'info', // periodic RF transmission: a sign of life
  '641': 'inactivity', // senior watch trouble
};

const LIFECYCLE_OF_QUALIFIER: Readonly<Record<string, Lifecycle>> = { '1': 'raised', '3': 'resolved', '6': 'updated' };

/**
 * The meaning of a Contact ID event: the kind from the Contact ID code (via its SIA equivalent, or
 * its category when it has none), the lifecycle from the qualifier (1 raised, 3 resolved, 6 updated).
 */
export function meaningOfContactId(cid: ContactIdEvent): CodeMeaning {
  const info = contactIdCodeInfo(cid.event);
  const sia = contactIdToSia(cid.event, '1');
  if (!info && !sia) return { outcome: 'unknown' };
  let kind: EventKind | 'info' | 'unmapped';
  if (Object.hasOwn(CID_KIND, cid.event)) kind = CID_KIND[cid.event]!;
  else if (sia !== undefined) {
    const rule = siaRule(sia);
    kind = rule === 'unknown' ? 'unmapped' : rule === 'unmapped' || rule === 'info' ? rule : rule[0];
  } else {
    const category = info!.category;
    kind = category === 'alarm' ? 'unmapped' : category === 'supervisory' || category === 'trouble' ? 'sensor_fault' : 'info';
  }
  if (kind === 'unmapped') return { outcome: 'unmapped' };
  if (kind === 'info') return { outcome: 'informational' };
  const lifecycle = MOMENTARY.has(kind) ? 'raised' : (LIFECYCLE_OF_QUALIFIER[cid.qualifier] ?? 'raised');
  return { outcome: 'event', kind, lifecycle, priority: DEFAULT_PRIORITY[kind] };
}

/**
 * VKP alert codes (vkp-alert-code-v090) for the kinds a DC-09 device reports: social-alarm calls
 * are group 3 (trygghetsalarm); the rest come from group 4 (digitalt tilsyn).
 */
export const VKP_ALERT_CODE: Readonly<Partial<Record<EventKind, string>>> = {
  medical_alarm: '3',
  assistance_call: '3',
  fire: '4.11',
  smoke: '4.11',
  water_leak: '4.17',
  inactivity: '4.9',
  door_open: '4.15',
  door_closed: '4.16',
};
