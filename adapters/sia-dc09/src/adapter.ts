/**
 * The SIA DC-09 adapter: `detect`, `decode` (frames → events of the standard, with the reply to send)
 * and `encode` (ACK/NAK/DUH/RSP), built with `defineAdapter`.
 */
import { OmsorgError } from '@omsorg/domain';
import { type Adapter, type DecodeContext, type DecodeIssue, type DecodeResult, defineAdapter, type EncodeRequest, type RawMessage } from '@omsorg/events';
import { eventsOfFrame } from './events.js';
import { SiaDc09OptionsSchema } from './options.js';
import { type Dc09Key, derivedPad } from './protocol/crypto.js';
import { parseDc09Frame } from './protocol/frame.js';
import { type Dc09Mode, IssueList } from './protocol/issues.js';
import { buildReply, type Dc09ReplyKind, replyKindFor } from './protocol/reply.js';

/** Version of this adapter (kept equal to the package version). */
export const SIA_DC09_ADAPTER_VERSION = '0.1.0';

const DETECT = /^[\s\0]*(?:[0-9A-Fa-f]{8})?\s*"\*?(?:SIA-DCS|ADM-CID|NULL|ACK|NAK|DUH|RSP)"/i;

function textHead(raw: RawMessage, n: number): string {
  if (typeof raw === 'string') return raw.slice(0, n);
  return Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, n)).toString('latin1');
}

const textOf = (raw: RawMessage): string => textHead(raw, Number.POSITIVE_INFINITY);

/** The key source for the parser from `ctx.keys` (account → key, `'*'` for all). */
function keysFrom(ctx: DecodeContext, encoding: 'hex' | 'ascii'): ((account: string | null) => Dc09Key | undefined) | undefined {
  const keys = ctx.keys;
  if (!keys) return undefined;
  return (account) => {
    const text = account !== null && Object.hasOwn(keys, account) ? keys[account] : Object.hasOwn(keys, '*') ? keys['*'] : undefined;
    if (text === undefined) return undefined;
    if (encoding === 'ascii') return text;
    return /^(?:[0-9A-Fa-f]{2})+$/.test(text) ? new Uint8Array(Buffer.from(text, 'hex')) : undefined;
  };
}

function toDecodeIssues(issues: IssueList): DecodeIssue[] {
  return issues.items.map((i) => ({ code: i.code, message: i.message, path: i.path, severity: i.severity }));
}

/**
 * Decode one DC-09 frame (see {@link siaDc09Adapter}); exported for adapters that wrap this one. Never
 * throws on any input.
 */
export function decodeSiaDc09(raw: RawMessage, ctx: DecodeContext): DecodeResult {
  const mode: Dc09Mode = ctx.strict ? 'strict' : 'lenient';
  const opts = SiaDc09OptionsSchema.safeParse(ctx.options ?? {});
  if (!opts.success) {
    const issues = new IssueList(mode);
    for (const z of opts.error.issues) {
      const path = ['options', ...z.path.map(String)];
      issues.add('OPTIONS_INVALID', path, `Ugyldig adapterinnstilling ${path.join('.')}: ${z.message}`, `Invalid adapter option ${path.join('.')}: ${z.message}`);
    }
    return { events: [], issues: toDecodeIssues(issues) };
  }
  const options = opts.data;
  const keys = keysFrom(ctx, options.keyEncoding ?? 'hex');
  const parsed = parseDc09Frame(raw, {
    mode,
    receivedAt: ctx.receivedAt,
    ...(options.timestampWindow ? { timestampWindow: options.timestampWindow } : {}),
    ...(keys ? { keys } : {}),
    ...(options.maxFrameBytes ? { maxFrameBytes: options.maxFrameBytes } : {}),
  });
  const issues = new IssueList(mode);
  issues.items.push(...parsed.issues);
  const { frame } = parsed;
  let events: DecodeResult['events'] = [];
  if (frame && ['ACK', 'NAK', 'DUH', 'RSP'].includes(frame.token)) {
    issues.add('UNEXPECTED_REPLY', ['token'], `Svarmelding ${frame.token} mottatt der enhetsmeldinger ventes`, `Reply frame ${frame.token} received where device messages are expected`);
  } else if (frame && frame.account !== null && frame.knownToken && !issues.hasError) {
    events = eventsOfFrame({ ...frame, account: frame.account }, ctx.tenant, ctx.receivedAt, issues);
  }
  const result: DecodeResult = { events, issues: toDecodeIssues(issues) };
  const kind = replyKindFor({ ok: parsed.ok, frame, issues: issues.items.filter((i) => i.code !== 'CODE_NOT_MAPPED') });
  if (kind !== null) {
    const key = frame?.encrypted ? keys?.(frame.account) : undefined;
    // Padding from the frame and the time, not from a random source: decode stays deterministic.
    const pad = derivedPad(`${ctx.receivedAt.toISOString()}\n${textOf(raw)}`);
    const reply = buildReply(kind, frame, { now: ctx.receivedAt, pad, ...(key === undefined ? {} : { key }) });
    if (reply !== null) result.reply = reply;
  }
  return result;
}

const REPLY_KINDS: Readonly<Record<string, Dc09ReplyKind>> = { ack: 'ACK', nak: 'NAK', duh: 'DUH', rsp: 'RSP' };

/**
 * Build a reply: `kind` is `ack`, `nak`, `duh` or `rsp`; `raw` is the frame answered (not needed for
 * `nak`); `fields.key` (hex, or ASCII with `fields.keyEncoding: 'ascii'`) encrypts the reply to an
 * encrypted frame. Throws `SIA_DC09_ENCODE_INVALID` for an unknown kind or an unreadable frame.
 */
export function encodeSiaDc09(request: EncodeRequest): string {
  const kind = REPLY_KINDS[request.kind.toLowerCase()];
  if (!kind) throw new OmsorgError('SIA_DC09_ENCODE_INVALID', `unknown reply kind "${request.kind}" (ack, nak, duh, rsp)`);
  const now = request.time ?? new Date();
  if (kind === 'NAK') return buildReply('NAK', null, { now })!;
  const frame = request.raw === undefined ? null : parseDc09Frame(request.raw, { mode: 'lenient' }).frame;
  if (!frame || frame.sequence === null) throw new OmsorgError('SIA_DC09_ENCODE_INVALID', `a ${kind} needs the received frame as raw`);
  const keyText = request.fields?.key;
  const ascii = request.fields?.keyEncoding === 'ascii';
  const key = typeof keyText === 'string' ? (ascii ? keyText : new Uint8Array(Buffer.from(keyText, 'hex'))) : undefined;
  const reply = buildReply(kind, frame, { now, ...(key === undefined ? {} : { key }) });
  if (reply === null) throw new OmsorgError('SIA_DC09_ENCODE_INVALID', 'the key must be 16, 24 or 32 bytes');
  return reply;
}

/**
 * The SIA DC-09 adapter. Reads `SIA-DCS` (SIA DC-03 codes), `ADM-CID` (Contact ID) and `NULL`
 * (link test) frames, plain or encrypted (`*`, AES-CBC), and answers with the reply DC-09 asks for.
 * `ctx.strict` rejects a wrong CRC, length or a timestamp outside the window; lenient decoding keeps
 * what it can read and reports the rest as warnings.
 */
export const siaDc09Adapter: Adapter = defineAdapter({
  manifest: {
    id: 'sia-dc09',
    vendor: 'SIA (Security Industry Association)',
    version: SIA_DC09_ADAPTER_VERSION,
    standard: { min: 1, max: 1 },
    capabilities: { encode: true, replies: true, heartbeat: true, encryption: true, strictMode: true },
    protocols: ['SIA DC-09', 'SIA DC-03', 'Contact ID (SIA DC-05)'],
    description: 'Alarm receivers for social alarms and panels over IP: SIA DC-09 frames with SIA DC-03 or Contact ID events',
  },
  detect: (raw) => DETECT.test(textHead(raw, 48)),
  decode: decodeSiaDc09,
  encode: encodeSiaDc09,
});
