/**
 * Building DC-09 frames, as a sender (alarm panel, social alarm) or a simulator would.
 */
import { type Dc09Key, encryptToHex, keyBytes } from './crypto.js';
import { frameBody } from './reply.js';
import { formatDc09Timestamp } from './timestamp.js';

/** The fields of a frame to build. */
export interface Dc09FrameFields {
  /** Token without `*`, e.g. `SIA-DCS`, `ADM-CID`, `NULL`. */
  token: string;
  /** Sequence number 0–9999. */
  sequence: number;
  /** Receiver with or without its `R` (omitted when absent). */
  receiver?: string;
  /** Line prefix with or without its `L` (default `L0`). */
  line?: string;
  /** Account without `#` (omitted when absent). */
  account?: string;
  /** Data block content, e.g. `#1234|Nri1/MA001` (default empty). */
  data?: string;
  /** Extended data blocks, e.g. `{ X: '006E07.7777777' }`. */
  xdata?: Readonly<Record<string, string>>;
  /** Timestamp to append (omitted when absent; always present in an encrypted frame). */
  timestamp?: Date;
}

/** Options of {@link buildDc09Frame}. */
export interface BuildFrameOptions {
  /** Encrypt with this key (AES-CBC, zero IV); the token gets its `*`. */
  key?: Dc09Key;
  /** Padding maker for encryption (default random alphanumerics). */
  pad?: (length: number) => string;
}

const prefixed = (letter: string, value: string | undefined): string =>
  value === undefined ? '' : value.toUpperCase().startsWith(letter) ? value.toUpperCase() : `${letter}${value.toUpperCase()}`;

/**
 * A complete DC-09 frame (`<LF>CRC LEN … <CR>`) from its fields; encrypted when a key is given
 * (then the data block, extended data and timestamp are encrypted, and a timestamp is required —
 * now, when none is given). Null when the key is not 16, 24 or 32 bytes.
 */
export function buildDc09Frame(fields: Dc09FrameFields, options: BuildFrameOptions = {}): string | null {
  const seq = String(Math.trunc(Math.abs(fields.sequence)) % 10000).padStart(4, '0');
  const routing = `${seq}${prefixed('R', fields.receiver)}${prefixed('L', fields.line ?? 'L0')}${fields.account === undefined ? '' : `#${fields.account}`}`;
  const xdata = Object.entries(fields.xdata ?? {})
    .map(([id, value]) => `[${id}${value}]`)
    .join('');
  if (options.key !== undefined) {
    const key = keyBytes(options.key);
    if (!key) return null;
    const stamp = formatDc09Timestamp(fields.timestamp ?? new Date());
    const data = fields.data ?? '';
    // The data block's content must start at '|' (or be empty) so the receiver can find it behind the padding.
    const content = data.length === 0 || data.startsWith('|') || data.startsWith('#') ? data : `|${data}`;
    return frameBody(`"*${fields.token}"${routing}[${encryptToHex(`${content}]${xdata}${stamp}`, key, options.pad)}`);
  }
  const stamp = fields.timestamp ? formatDc09Timestamp(fields.timestamp) : '';
  return frameBody(`"${fields.token}"${routing}[${fields.data ?? ''}]${xdata}${stamp}`);
}
