/**
 * DC-09 frame parsing: `<LF>CRC LEN"ID"SEQ[Rr]L#ACCT[data][xdata]_HH:MM:SS,MM-DD-YYYY<CR>`.
 * Untrusted bytes never throw: every problem becomes a {@link Dc09Issue}.
 */
import { crc16Arc, hex } from './crc.js';
import { type Dc09Key, decryptHex, keyBytes } from './crypto.js';
import { type ContactIdEvent, parseAdmCid, parseSiaData, type SiaData, splitDataAccount } from './data.js';
import { type Dc09Issue, type Dc09Mode, IssueList } from './issues.js';
import { DEFAULT_TIMESTAMP_WINDOW, outsideWindow, parseDc09Timestamp, type TimestampWindow } from './timestamp.js';

/** The message tokens this adapter knows (without the `*` of encrypted frames). */
export const DC09_TOKENS = ['SIA-DCS', 'ADM-CID', 'NULL', 'ACK', 'NAK', 'DUH', 'RSP'] as const;
/** A known DC-09 message token. */
export type Dc09Token = (typeof DC09_TOKENS)[number];

/**
 * Where the AES key of an encrypted frame comes from: one key for every account, a map from account
 * to key, or a function of the account (return undefined when there is none).
 */
export type Dc09KeySource = Dc09Key | Readonly<Record<string, Dc09Key>> | ((account: string | null) => Dc09Key | undefined);

/** Options of {@link parseDc09Frame}. */
export interface ParseDc09Options {
  /** `strict` (default) rejects wrong CRC, length, routing or timestamp; `lenient` keeps what it can read. */
  mode?: Dc09Mode;
  /** When the frame arrived; the timestamp window is checked only when this is given. */
  receivedAt?: Date;
  /** Allowed distance of the frame's timestamp from `receivedAt` (default −40 s / +20 s). */
  timestampWindow?: TimestampWindow;
  /** Keys for encrypted (`*`) frames. */
  keys?: Dc09KeySource;
  /** Frames longer than this many bytes are refused unread (default 4096). */
  maxFrameBytes?: number;
}

/** Every field read from one DC-09 frame. */
export interface Dc09Frame {
  /** The token without `*`, upper case; unknown tokens are kept as sent. */
  token: string;
  /** The token was one this adapter knows. */
  knownToken: boolean;
  /** The frame was encrypted (`*` token). */
  encrypted: boolean;
  /** The CRC field as sent (null when the header is unreadable) and the CRC computed over the body. */
  crc: { field: string | null; computed: string };
  /** The length field as sent (null when unreadable) and the body's real length. */
  length: { field: number | null; computed: number };
  /** Four-digit sequence number, as text. */
  sequence: string | null;
  /** Receiver field with its `R`, e.g. `R579BDF`. */
  receiver: string | null;
  /** Line prefix with its `L`, e.g. `L0`. */
  line: string | null;
  /** The account, from the routing header or else from the data block. */
  account: string | null;
  /** The data block's content (decrypted for encrypted frames; the padding removed). */
  data: string | null;
  /** SIA DC-03 content of a `SIA-DCS` frame. */
  sia: SiaData | null;
  /** Contact ID content of an `ADM-CID` frame. */
  contactId: ContactIdEvent | null;
  /** Extended data blocks by identifier letter (`X`, `Y`, `K`, `M`, …). */
  xdata: Record<string, string>;
  /** The timestamp as an ISO instant (UTC), or null when absent or unreadable. */
  timestamp: string | null;
}

/** The result of parsing: the frame (null when nothing could be read), the issues, and `ok`. */
export interface Dc09ParseResult {
  /** True when no issue is an error. */
  ok: boolean;
  /** The fields read, or null when the bytes hold no frame at all. */
  frame: Dc09Frame | null;
  /** Every problem found. */
  issues: Dc09Issue[];
}

const ROUTING_STRICT = /^(R[0-9A-F]{1,6})?(L[0-9A-F]{1,6})(?:#([0-9A-F]{3,16}))?$/;
const ROUTING_LAX = /^\s*(R\s*[0-9A-Fa-f]{0,16})?\s*(L\s*[0-9A-Fa-f]{0,16})?\s*(?:#\s*([0-9A-Za-z]{1,32}))?\s*$/i;
const STAMP_PREFIX = /^_\d{2}:\d{2}:\d{2},\d{2}-\d{2}-\d{4}/;

function toText(input: Uint8Array | string): string {
  return typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
}

function lookupKey(keys: Dc09KeySource | undefined, account: string | null): Uint8Array | null {
  if (keys === undefined) return null;
  let key: Dc09Key | undefined;
  if (typeof keys === 'string' || keys instanceof Uint8Array) key = keys;
  else if (typeof keys === 'function') key = keys(account);
  else key = account === null ? undefined : Object.hasOwn(keys, account) ? keys[account] : undefined;
  return key === undefined ? null : keyBytes(key);
}

function printable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c > 0x7e && c < 0xa0)) return false;
  }
  return true;
}

/** Parse one DC-09 frame. Never throws; see {@link Dc09ParseResult}. */
export function parseDc09Frame(input: Uint8Array | string, options: ParseDc09Options = {}): Dc09ParseResult {
  const mode = options.mode ?? 'strict';
  const lax = mode === 'lenient';
  const issues = new IssueList(mode);
  const done = (frame: Dc09Frame | null): Dc09ParseResult => ({ ok: frame !== null && !issues.hasError, frame, issues: issues.items });
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size === 0) {
    issues.add('FRAME_EMPTY', [], 'Meldingen er tom', 'The message is empty');
    return done(null);
  }
  if (size > (options.maxFrameBytes ?? 4096)) {
    issues.add('FRAME_TOO_LARGE', [], `Meldingen er for lang (${size} byte)`, `The message is too long (${size} bytes)`);
    return done(null);
  }
  let text = toText(input);
  if (lax) text = text.replace(/^[\s\0]+|[\s\0]+$/g, '');
  else {
    if (text.startsWith('\n')) text = text.slice(1);
    else issues.add('FRAMING', ['lf'], 'Mangler <LF> foran rammen', 'The <LF> before the frame is missing');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    else issues.add('FRAMING', ['cr'], 'Mangler <CR> etter rammen', 'The <CR> after the frame is missing');
  }

  const quote = text.indexOf('"');
  const close = quote < 0 ? -1 : text.indexOf('"', quote + 1);
  if (close < 0) {
    issues.add('TOKEN_MISSING', ['token'], 'Fant ingen meldingstype ("ID")', 'No message token ("ID") found');
    return done(null);
  }

  // CRC and length sit in front of the first quote; both cover the body from that quote on.
  const header = text.slice(0, quote);
  const body = text.slice(quote);
  const hm = (lax ? /([0-9A-Fa-f]{4})\s*([0-9A-Fa-f]{4})\s*$/ : /^([0-9A-Fa-f]{4})([0-9A-Fa-f]{4})$/).exec(header);
  const computedCrc = hex(crc16Arc(body));
  const crcField = hm ? hm[1]!.toUpperCase() : null;
  const lengthField = hm ? Number.parseInt(hm[2]!, 16) : null;
  if (!hm) issues.add('HEADER_MALFORMED', ['header'], 'CRC og lengde (8 heks-tegn) mangler foran meldingstypen', 'CRC and length (8 hex digits) are missing before the token');
  else {
    if (crcField !== computedCrc) issues.add('CRC_MISMATCH', ['crc'], `CRC ${crcField} stemmer ikke; beregnet ${computedCrc}`, `CRC ${crcField} does not match; computed ${computedCrc}`);
    if (lengthField !== body.length) issues.add('LENGTH_MISMATCH', ['length'], `Lengde ${lengthField} stemmer ikke; faktisk ${body.length}`, `Length ${lengthField} does not match; actual ${body.length}`);
  }

  const rawToken = text.slice(quote + 1, close);
  const encrypted = rawToken.startsWith('*');
  const token = (encrypted ? rawToken.slice(1) : rawToken).trim().toUpperCase();
  const knownToken = (DC09_TOKENS as readonly string[]).includes(token);
  if (!knownToken) issues.add('TOKEN_UNKNOWN', ['token'], `Ukjent meldingstype «${rawToken}»`, `Unknown message token "${rawToken}"`);

  let rest = text.slice(close + 1);
  const seq = (lax ? /^\s*(\d{1,4})/ : /^(\d{4})/).exec(rest);
  if (!seq || (lax && seq[1]!.length !== 4)) issues.add('SEQUENCE_INVALID', ['sequence'], 'Sekvensnummeret skal være fire sifre', 'The sequence number must be four digits');
  const sequence = seq ? seq[1]!.padStart(4, '0') : null;
  if (seq) rest = rest.slice(seq[0].length);

  const bracket = rest.indexOf('[');
  let routing = bracket < 0 ? rest : rest.slice(0, bracket);
  let account: string | null = null;
  if (token === 'NAK' && /L[0-9A-F]*A0$/.test(routing)) {
    account = 'A0'; // DC-09 writes the NAK as `0000R0L0A0[]`: a literal account A0 without '#'.
    routing = routing.slice(0, -2);
  }
  const strictRouting = ROUTING_STRICT.exec(routing);
  const routed = strictRouting ?? ROUTING_LAX.exec(routing);
  if (!strictRouting) issues.add('ROUTING_INVALID', ['routing'], `Mottaker, linje eller konto er feil formatert: «${routing}»`, `Receiver, line or account is malformed: "${routing}"`);
  const clean = (s: string | undefined) => (s === undefined || s.replace(/\s/g, '').length <= 1 ? null : s.replace(/\s/g, '').toUpperCase());
  const receiver = routed ? clean(routed[1]) : null;
  const line = routed ? clean(routed[2]) : null;
  if (routed?.[3] !== undefined) account = routed[3].toUpperCase();

  const frame: Dc09Frame = {
    token,
    knownToken,
    encrypted,
    crc: { field: crcField, computed: computedCrc },
    length: { field: lengthField, computed: body.length },
    sequence,
    receiver,
    line,
    account,
    data: null,
    sia: null,
    contactId: null,
    xdata: {},
    timestamp: null,
  };
  if (bracket < 0) {
    issues.add('DATA_MALFORMED', ['data'], 'Datablokken «[…]» mangler', 'The data block "[…]" is missing');
    return done(frame);
  }

  let tail: string;
  const afterBracket = rest.slice(bracket + 1);
  if (encrypted) {
    const key = lookupKey(options.keys, account);
    if (!key) {
      issues.add('KEY_MISSING', ['data'], `Kryptert melding, men ingen nøkkel for konto ${account ?? '(ukjent)'}`, `Encrypted message, but no key for account ${account ?? '(unknown)'}`);
      return done(frame);
    }
    const plain = decryptHex(lax ? afterBracket.trim() : afterBracket, key);
    // Padding is alphanumeric and sits in front: the data starts at '#' or '|' (or ']' when empty).
    const start = plain === null ? -1 : /[#|\]]/.exec(plain)?.index ?? -1;
    const payload = plain === null || start < 0 ? null : plain.slice(start);
    if (payload === null || !printable(payload) || !payload.includes(']')) {
      issues.add('DECRYPTION_FAILED', ['data'], 'Meldingen lot seg ikke dekryptere (feil nøkkel eller ødelagte data)', 'The message could not be decrypted (wrong key or damaged data)');
      return done(frame);
    }
    const end = payload.indexOf(']');
    frame.data = payload.slice(0, end);
    tail = payload.slice(end + 1);
  } else {
    const end = afterBracket.indexOf(']');
    if (end < 0) {
      issues.add('DATA_MALFORMED', ['data'], 'Datablokken er ikke avsluttet med «]»', 'The data block is not closed by "]"');
      return done(frame);
    }
    frame.data = afterBracket.slice(0, end);
    tail = afterBracket.slice(end + 1);
  }

  readTail(tail, frame, issues, lax);
  readTimestampRules(frame, issues, options);
  readContent(frame, issues, lax);
  return done(frame);
}

function readTail(tail: string, frame: Dc09Frame, issues: IssueList, lax: boolean): void {
  let t = lax ? tail.trim() : tail;
  while (t.startsWith('[')) {
    const end = t.indexOf(']');
    if (end < 0) {
      issues.add('XDATA_MALFORMED', ['xdata'], 'Utvidet datablokk er ikke avsluttet med «]»', 'An extended data block is not closed by "]"');
      return;
    }
    const block = t.slice(1, end);
    if (block.length > 0) frame.xdata[block[0]!] = block.slice(1);
    t = t.slice(end + 1);
    if (lax) t = t.trim();
  }
  if (t.length === 0) return;
  const stamp = STAMP_PREFIX.exec(t);
  if (!stamp) {
    const what = t.startsWith('_') ? 'TIMESTAMP_INVALID' : 'TRAILING_GARBAGE';
    issues.add(what, ['timestamp'], `Uleselig tekst etter datablokken: «${t.slice(0, 40)}»`, `Unreadable text after the data block: "${t.slice(0, 40)}"`);
    return;
  }
  frame.timestamp = parseDc09Timestamp(stamp[0]);
  if (frame.timestamp === null) issues.add('TIMESTAMP_INVALID', ['timestamp'], `Ugyldig tidsstempel ${stamp[0]}`, `Invalid timestamp ${stamp[0]}`);
  const after = t.slice(stamp[0].length);
  if (after.length > 0) issues.add('TRAILING_GARBAGE', ['timestamp'], `Tekst etter tidsstemplet: «${after.slice(0, 40)}»`, `Text after the timestamp: "${after.slice(0, 40)}"`);
}

function readTimestampRules(frame: Dc09Frame, issues: IssueList, options: ParseDc09Options): void {
  if (frame.timestamp === null) {
    if (frame.encrypted && !issues.items.some((i) => i.code === 'TIMESTAMP_INVALID')) {
      issues.add('TIMESTAMP_MISSING', ['timestamp'], 'Krypterte meldinger skal ha tidsstempel', 'Encrypted messages must carry a timestamp');
    }
    return;
  }
  if (!options.receivedAt || Number.isNaN(options.receivedAt.getTime())) return;
  const skew = outsideWindow(frame.timestamp, options.receivedAt, options.timestampWindow ?? DEFAULT_TIMESTAMP_WINDOW);
  if (skew !== null) {
    const s = Math.round(skew);
    issues.add('TIMESTAMP_OUT_OF_WINDOW', ['timestamp'], `Tidsstemplet avviker ${s} s fra mottakstiden`, `The timestamp is ${s} s off the receive time`);
  }
}

function readContent(frame: Dc09Frame, issues: IssueList, lax: boolean): void {
  const data = frame.data ?? '';
  if (frame.token !== 'SIA-DCS' && frame.token !== 'ADM-CID') {
    if (frame.account === null && frame.token === 'NULL') issues.add('ACCOUNT_MISSING', ['account'], 'Kontonummer mangler', 'The account number is missing');
    return;
  }
  const { account: dataAccount, rest } = splitDataAccount(data);
  if (dataAccount !== null) {
    const upper = dataAccount.toUpperCase();
    if (frame.account === null) frame.account = upper;
    else if (frame.account !== upper) {
      issues.add('ACCOUNT_MISMATCH', ['data', 'account'], `Konto ${upper} i datablokken er ikke ${frame.account}`, `Account ${upper} in the data block is not ${frame.account}`);
    }
  }
  if (frame.account === null) issues.add('ACCOUNT_MISSING', ['account'], 'Kontonummer mangler', 'The account number is missing');
  if (rest.trim().length === 0) return; // an empty data block carries no event (a link test)
  if (frame.token === 'ADM-CID') {
    frame.contactId = parseAdmCid(rest, lax);
    if (!frame.contactId) issues.add('DATA_MALFORMED', ['data'], `Contact ID-data er ikke «QEEE GG CCC»: «${rest}»`, `Contact ID data is not "QEEE GG CCC": "${rest}"`);
    return;
  }
  frame.sia = parseSiaData(rest);
  if (frame.sia.events.length === 0) issues.add('DATA_MALFORMED', ['data'], `Fant ingen SIA-hendelse i «${rest}»`, `No SIA event found in "${rest}"`);
  else if (frame.sia.trailing !== null) issues.add('DATA_TRAILING', ['data'], `Uleste tegn i datablokken: «${frame.sia.trailing}»`, `Unread characters in the data block: "${frame.sia.trailing}"`);
}
