/**
 * DC-09 replies from receiver to sender: ACK (accepted), NAK (rejected: integrity or time), DUH
 * (understood as a frame but not supported) and RSP (reply to a key-exchange request).
 */
import { crc16Arc, hex } from './crc.js';
import { type Dc09Key, encryptToHex, keyBytes } from './crypto.js';
import type { Dc09Frame, Dc09ParseResult } from './frame.js';
import { type Dc09IssueCode, INTEGRITY_CODES } from './issues.js';
import { formatDc09Timestamp } from './timestamp.js';

/** The reply tokens a receiver sends. */
export type Dc09ReplyKind = 'ACK' | 'NAK' | 'DUH' | 'RSP';

/** Wrap a body (from the first quote on) in `<LF>CRC LEN … <CR>`. */
export function frameBody(body: string): string {
  return `\n${hex(crc16Arc(body))}${hex(body.length)}${body}\r`;
}

/** A frame is refused (NAK) when it is unusable or fails an integrity check. */
const NAK_CODES: ReadonlySet<Dc09IssueCode> = new Set<Dc09IssueCode>(['FRAME_EMPTY', 'FRAME_TOO_LARGE', 'TOKEN_MISSING', ...INTEGRITY_CODES]);

/**
 * Which reply a receiver should send for a parse result: null for frames that are themselves replies
 * (ACK/NAK/DUH/RSP); NAK when the frame fails integrity or the time window (or cannot be read at all);
 * DUH when it is a frame but its token, key or content is not supported; RSP for a key-exchange
 * request (`[K…]` extended data); ACK otherwise.
 */
export function replyKindFor(result: Dc09ParseResult): Dc09ReplyKind | null {
  const { frame } = result;
  if (frame && ['ACK', 'NAK', 'DUH', 'RSP'].includes(frame.token)) return null;
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (!frame || errors.some((i) => NAK_CODES.has(i.code))) return 'NAK';
  if (errors.length > 0 || frame.sequence === null || frame.account === null) return 'DUH';
  if (frame.xdata.K !== undefined) return 'RSP';
  return 'ACK';
}

/** Options of {@link buildReply}. */
export interface BuildReplyOptions {
  /** The time written into the reply's timestamp (default: now). */
  now?: Date;
  /** Key to encrypt the reply with; a reply to an encrypted frame is encrypted when a key is given. */
  key?: Dc09Key;
  /** Add a timestamp to a plain ACK/DUH/RSP (encrypted replies and NAK always carry one). */
  timestamp?: boolean;
  /** Padding maker for encrypted replies (default random alphanumerics). */
  pad?: (length: number) => string;
}

/** Fields of the received frame that a reply echoes. */
export type ReplyRouting = Pick<Dc09Frame, 'sequence' | 'receiver' | 'line' | 'account' | 'encrypted'>;

/**
 * Build a complete reply frame (with `<LF>` and `<CR>`). ACK, DUH and RSP echo the sequence,
 * receiver, line and account of the received frame with an empty data block; NAK is the generic
 * `"NAK"0000R0L0A0[]` with the receiver's timestamp, so the sender can correct its clock.
 * Null when the key given is not 16, 24 or 32 bytes.
 */
export function buildReply(kind: Dc09ReplyKind, received: ReplyRouting | null, options: BuildReplyOptions = {}): string | null {
  const now = options.now ?? new Date();
  const stamp = formatDc09Timestamp(now);
  if (kind === 'NAK' || received === null) return frameBody(`"NAK"0000R0L0A0[]${stamp}`);
  const routing = `${received.sequence ?? '0000'}${received.receiver ?? ''}${received.line ?? 'L0'}#${received.account ?? '0'}`;
  if (received.encrypted && options.key !== undefined) {
    const key = keyBytes(options.key);
    if (!key) return null;
    return frameBody(`"*${kind}"${routing}[${encryptToHex(`]${stamp}`, key, options.pad)}`);
  }
  return frameBody(`"${kind}"${routing}[]${options.timestamp ? stamp : ''}`);
}
