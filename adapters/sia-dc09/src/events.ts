/**
 * From a parsed DC-09 frame to events of the Omsorg standard.
 */
import { createEvent, type EventCodes, type EventData, type EventLocation, type WelfareEvent } from '@omsorg/events';
import { type CodeMeaning, meaningOfContactId, meaningOfSiaCode, VKP_ALERT_CODE } from './mapping.js';
import type { SiaEvent } from './protocol/data.js';
import type { Dc09Frame } from './protocol/frame.js';
import type { IssueList } from './protocol/issues.js';
import { contactIdCodeInfo, contactIdToSia, siaCodeInfo } from './tables/index.js';

type Attributes = NonNullable<EventData['attributes']>;

interface Common {
  tenant: string;
  receivedAt: Date;
  frame: Dc09Frame & { account: string };
}

/** `urn:omsorg:<tenant>:adapter:sia-dc09:<account>`: the producer of every event of one account. */
export function sourceOf(tenant: string, account: string): string {
  return `urn:omsorg:${encodeURIComponent(tenant)}:adapter:sia-dc09:${encodeURIComponent(account)}`;
}

/** Degrees from DC-09 `X`/`Y` extended data: `006E07.7777777` is 6° 07.7777777′ E. */
function coordinate(value: string | undefined, hemispheres: string, maxDegrees: number): number | null {
  const m = value === undefined ? null : /^(\d{1,3})([NSEW])(\d{1,2}(?:\.\d+)?)$/.exec(value.trim());
  if (!m || !hemispheres.includes(m[2]!)) return null;
  const degrees = Number(m[1]) + Number(m[3]) / 60;
  if (degrees > maxDegrees || Number(m[3]) >= 60) return null;
  return m[2] === 'S' || m[2] === 'W' ? -degrees : degrees;
}

function locationOf(frame: Dc09Frame): EventLocation | undefined {
  const location: EventLocation = {};
  const lon = coordinate(frame.xdata.X, 'EW', 180);
  const lat = coordinate(frame.xdata.Y, 'NS', 90);
  if (lon !== null && lat !== null) location.geo = { lat, lon };
  const room = frame.xdata.R?.trim().slice(0, 100);
  if (room) location.room = room;
  return Object.keys(location).length > 0 ? location : undefined;
}

function baseAttributes(frame: Dc09Frame): Attributes {
  const a: Attributes = { 'dc09.token': frame.token, 'dc09.encrypted': frame.encrypted };
  if (frame.receiver) a['dc09.receiver'] = frame.receiver;
  if (frame.line) a['dc09.line'] = frame.line;
  for (const [id, value] of Object.entries(frame.xdata).slice(0, 16)) {
    if (/^[A-Za-z0-9]$/.test(id)) a[`xdata.${id}`] = value.slice(0, 1000);
  }
  return a;
}

const zoneNumber = (digits: string): number | null => (/^\d+$/.test(digits) && Number(digits) > 0 ? Number(digits) : null);

function build(
  common: Common,
  index: number,
  meaning: Extract<CodeMeaning, { outcome: 'event' | 'informational' }>,
  codes: EventCodes,
  component: string,
  text: { nb: string; en: string },
  attributes: Attributes,
): WelfareEvent {
  const { frame, tenant, receivedAt } = common;
  const event = meaning.outcome === 'event' ? meaning : ({ kind: 'heartbeat', lifecycle: 'raised', priority: 'info' } as const);
  const vkp = VKP_ALERT_CODE[event.kind];
  const location = locationOf(frame);
  return createEvent({
    tenant,
    source: sourceOf(tenant, frame.account),
    kind: event.kind,
    lifecycle: event.lifecycle,
    priority: event.priority,
    device: { id: frame.account, component },
    codes: vkp === undefined ? codes : { ...codes, vkp },
    time: frame.timestamp ?? receivedAt,
    recordedAt: receivedAt,
    // A retransmission repeats the frame byte for byte, so it gets the same id.
    idParts: [frame.token, frame.receiver ?? '', frame.line ?? '', frame.account, frame.sequence ?? '', frame.timestamp ?? '', frame.data ?? '', index],
    ...(frame.sequence === null ? {} : { sequence: frame.sequence }),
    ...(location === undefined ? {} : { location }),
    text,
    attributes: meaning.outcome === 'informational' ? { ...attributes, 'omsorg.mapping': 'informational' } : attributes,
  });
}

function siaEvent(common: Common, ev: SiaEvent, index: number, issues: IssueList): WelfareEvent | null {
  const meaning = meaningOfSiaCode(ev.code);
  const info = siaCodeInfo(ev.code);
  const raw = `${ev.code}${ev.address}`;
  if (meaning.outcome === 'unknown' || meaning.outcome === 'unmapped' || !info) {
    if (meaning.outcome === 'unmapped') {
      issues.add('CODE_NOT_MAPPED', ['data', 'events', index, 'code'], `SIA-kode ${ev.code} (${info?.type}) har ingen hendelsestype i standarden`, `SIA code ${ev.code} (${info?.type}) has no kind in the standard`);
    } else issues.add('CODE_UNKNOWN', ['data', 'events', index, 'code'], `Ukjent SIA-kode ${ev.code}`, `Unknown SIA code ${ev.code}`);
    return null;
  }
  const n = zoneNumber(ev.address);
  const byZone = /zone|point|door/i.test(info.concerns);
  const component = n !== null && byZone ? `${/door/i.test(info.concerns) ? 'door' : 'zone'}-${n}` : 'main';
  const where = n === null ? '' : byZone ? `, sone ${n}` : ` (${info.concerns.toLowerCase()} ${n})`;
  const whereEn = n === null ? '' : byZone ? `, zone ${n}` : ` (${info.concerns.toLowerCase()} ${n})`;
  const attributes: Attributes = { ...baseAttributes(common.frame), 'sia.code': ev.code, 'sia.type': info.type };
  if (ev.address) attributes['sia.address'] = ev.address;
  if (ev.area !== null) attributes['sia.area'] = ev.area;
  if (ev.text !== null) attributes['sia.text'] = ev.text.slice(0, 1000);
  for (const [k, v] of Object.entries(ev.modifiers)) if (k !== 'ri') attributes[`sia.${k}`] = v.slice(0, 1000);
  const text = { nb: `SIA ${ev.code} «${info.type}»${where}`, en: `SIA ${ev.code} "${info.type}"${whereEn}` };
  return build(common, index, meaning, { raw, sia: ev.code }, component, text, attributes);
}

function contactIdEvent(common: Common, issues: IssueList): WelfareEvent | null {
  const cid = common.frame.contactId!;
  const meaning = meaningOfContactId(cid);
  const info = contactIdCodeInfo(cid.event);
  if (meaning.outcome === 'unknown' || meaning.outcome === 'unmapped') {
    if (meaning.outcome === 'unmapped') {
      issues.add('CODE_NOT_MAPPED', ['data', 'event'], `Contact ID ${cid.event} (${info?.description}) har ingen hendelsestype i standarden`, `Contact ID ${cid.event} (${info?.description}) has no kind in the standard`);
    } else issues.add('CODE_UNKNOWN', ['data', 'event'], `Ukjent Contact ID-kode ${cid.event}`, `Unknown Contact ID code ${cid.event}`);
    return null;
  }
  const siaForQualifier = contactIdToSia(cid.event, cid.qualifier);
  const n = zoneNumber(cid.zoneOrUser);
  const byUser = info?.category === 'open_close_access';
  const component = n !== null && !byUser ? `zone-${n}` : 'main';
  const description = info?.description ?? cid.event;
  const state = { '1': { nb: 'ny', en: 'new' }, '3': { nb: 'gjenopprettet', en: 'restore' }, '6': { nb: 'fortsatt aktiv', en: 'still present' } }[cid.qualifier] ?? { nb: `kvalifikator ${cid.qualifier}`, en: `qualifier ${cid.qualifier}` };
  const text = {
    nb: `Contact ID ${cid.event} «${description}» (${state.nb})${n === null ? '' : byUser ? `, bruker ${n}` : `, sone ${n}`}`,
    en: `Contact ID ${cid.event} "${description}" (${state.en})${n === null ? '' : byUser ? `, user ${n}` : `, zone ${n}`}`,
  };
  const attributes: Attributes = {
    ...baseAttributes(common.frame),
    'cid.qualifier': cid.qualifier,
    'cid.event': cid.event,
    'cid.partition': cid.partition,
    'cid.zoneOrUser': cid.zoneOrUser,
  };
  if (info) attributes['cid.category'] = info.category;
  const codes: EventCodes = { raw: `${cid.qualifier}${cid.event} ${cid.partition} ${cid.zoneOrUser}` };
  if (/^[136]\d{3}$/.test(`${cid.qualifier}${cid.event}`)) codes.contactId = `${cid.qualifier}${cid.event}`;
  if (siaForQualifier !== undefined && /^[A-Z]{2}$/.test(siaForQualifier)) codes.sia = siaForQualifier;
  return build(common, 0, meaning, codes, component, text, attributes);
}

/**
 * The events of a parsed frame that has an account: a `system.heartbeat` for `NULL` (and for an
 * empty data block), one event per SIA event, one for a Contact ID event. Codes the standard has no
 * kind for, or unknown codes, add an issue instead.
 */
export function eventsOfFrame(frame: Dc09Frame & { account: string }, tenant: string, receivedAt: Date, issues: IssueList): WelfareEvent[] {
  const common: Common = { tenant, receivedAt, frame };
  if (frame.token === 'NULL' || (frame.sia === null && frame.contactId === null)) {
    const text = { nb: `Livstegn fra konto ${frame.account}`, en: `Sign of life from account ${frame.account}` };
    const heartbeat = { outcome: 'event', kind: 'heartbeat', lifecycle: 'raised', priority: 'info' } as const;
    return [build(common, 0, heartbeat, { raw: frame.token }, 'main', text, baseAttributes(frame))];
  }
  if (frame.contactId !== null) {
    const e = contactIdEvent(common, issues);
    return e ? [e] : [];
  }
  const out: WelfareEvent[] = [];
  frame.sia?.events.forEach((ev, i) => {
    const e = siaEvent(common, ev, i, issues);
    if (e) out.push(e);
  });
  return out;
}
