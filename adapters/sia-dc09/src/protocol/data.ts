/**
 * The data block of a DC-09 frame: SIA DC-03 events (`#ACCT|Nri1/CL501^text^`) for the `SIA-DCS`
 * token and Contact ID (`#ACCT|QEEE GG CCC`) for `ADM-CID`.
 */

/** One SIA DC-03 event inside a data block. */
export interface SiaEvent {
  /** Two-letter SIA event code, e.g. `MA`, `QA`, `YT`. */
  code: string;
  /** The zone, point or user number after the code (`501` in `CL501`); empty when absent. */
  address: string;
  /** Area/partition from the `ri` modifier, if any. */
  area: string | null;
  /** Every lowercase modifier before the code (`ri`, `id`, `pi`, `ti`, …) with its value. */
  modifiers: Record<string, string>;
  /** Free text between `^…^`, if any. */
  text: string | null;
}

/** A parsed SIA DC-03 data block. */
export interface SiaData {
  /** `N` (new event) or `O` (old event); null when the block has no such letter. */
  block: string | null;
  /** The events in the block, in order (usually one). */
  events: SiaEvent[];
  /** `A` blocks (ASCII text after `|A`). */
  asciiBlocks: string[];
  /** Text at the end that is not part of an event, e.g. `NM` in `Nri04/OP001NM`. */
  trailing: string | null;
}

/** A Contact ID event inside an `ADM-CID` data block. */
export interface ContactIdEvent {
  /** `1` new event/opening, `3` restore/closing, `6` previously reported, still present. */
  qualifier: string;
  /** Three-digit event code, e.g. `100`, `302`, `602`. */
  event: string;
  /** Two-digit group/partition. */
  partition: string;
  /** Three-digit zone or user number. */
  zoneOrUser: string;
}

/** The account prefix of a data block (`#1234|…`, or `1234|…` from lax senders) and the rest. */
export function splitDataAccount(content: string): { account: string | null; rest: string } {
  const bar = content.indexOf('|');
  if (bar < 0) return { account: null, rest: content };
  const head = content.slice(0, bar).trim();
  const account = head.startsWith('#') ? head.slice(1) : head;
  return { account: /^[0-9A-Za-z]{1,32}$/.test(account) ? account : null, rest: content.slice(bar + 1) };
}

const MODIFIER = /^([a-z]{2})([0-9A-Za-z:.-]*?)(?=\/|[A-Z]{2}|[a-z]{2}|$)/;
const EVENT = /^([A-Z]{2})([0-9]{0,4})/;

function parseEvents(s: string): { events: SiaEvent[]; rest: string } {
  const events: SiaEvent[] = [];
  let rest = s;
  for (;;) {
    const beforeModifiers = rest;
    const modifiers: Record<string, string> = {};
    for (let mod = MODIFIER.exec(rest); mod; mod = MODIFIER.exec(rest)) {
      modifiers[mod[1]!] = mod[2]!;
      rest = rest.slice(mod[0].length);
      if (rest.startsWith('/')) rest = rest.slice(1);
    }
    const ev = EVENT.exec(rest);
    if (!ev) {
      rest = beforeModifiers;
      break;
    }
    rest = rest.slice(ev[0].length);
    let text: string | null = null;
    if (rest.startsWith('^')) {
      const end = rest.indexOf('^', 1);
      text = end < 0 ? rest.slice(1) : rest.slice(1, end);
      rest = end < 0 ? '' : rest.slice(end + 1);
    }
    events.push({ code: ev[1]!, address: ev[2]!, area: modifiers.ri ?? null, modifiers, text });
    // Only a '/' followed by another event or modifier starts a further event; the rest is trailing text.
    const next = rest.slice(1);
    if (!rest.startsWith('/') || !(EVENT.test(next) || MODIFIER.test(next))) break;
    rest = next;
  }
  return { events, rest };
}

/** Read a SIA DC-03 data block (after the account prefix). Never throws. */
export function parseSiaData(rest: string): SiaData {
  const [first = '', ...others] = rest.split('|');
  const asciiBlocks: string[] = [];
  let trailing: string[] = [];
  for (const o of others) {
    if (o.startsWith('A')) asciiBlocks.push(o.slice(1));
    else if (o.length > 0) trailing.push(`|${o}`);
  }
  let body = first;
  let block: string | null = null;
  if (body.startsWith('N') || body.startsWith('O')) {
    // 'N'/'O' are block letters only when an event or modifier follows (`NRR` is N + code RR).
    const after = body.slice(1);
    if (EVENT.test(after) || MODIFIER.test(after) || after.length === 0) {
      block = body[0]!;
      body = after;
    }
  }
  const { events, rest: left } = parseEvents(body);
  if (left.length > 0) trailing = [left, ...trailing];
  return { block, events, asciiBlocks, trailing: trailing.length > 0 ? trailing.join('') : null };
}

const CID = /^([0-9])([0-9A-F]{3}) ([0-9A-F]{2}) ([0-9A-F]{3})$/;
const CID_LAX = /^\s*([0-9])\s*([0-9A-Fa-f]{3})\s*([0-9A-Fa-f]{2})\s*([0-9A-Fa-f]{3})\s*$/;

/**
 * Read `QEEE GG CCC` from an `ADM-CID` data block (after the account prefix). Strict wants exactly
 * that spacing; `lax` accepts missing or extra spaces and lowercase hex. Null when unreadable.
 */
export function parseAdmCid(rest: string, lax: boolean): ContactIdEvent | null {
  const m = CID.exec(rest) ?? (lax ? CID_LAX.exec(rest) : null);
  if (!m) return null;
  return { qualifier: m[1]!, event: m[2]!.toUpperCase(), partition: m[3]!.toUpperCase(), zoneOrUser: m[4]!.toUpperCase() };
}
