import type { LocalizedText } from '@omsorg/domain';

/**
 * Why a DC-09 frame was rejected or flagged. Stable UPPER_SNAKE codes, safe to branch on.
 *
 * - `FRAME_EMPTY`, `FRAME_TOO_LARGE`: nothing to parse, or more bytes than `maxFrameBytes`.
 * - `FRAMING`: the `<LF>` in front or the `<CR>` at the end is missing (always a warning).
 * - `HEADER_MALFORMED`: the 4-hex CRC and 4-hex length in front of the first quote are not there.
 * - `CRC_MISMATCH`, `LENGTH_MISMATCH`: CRC-16/ARC or length differ from the header.
 * - `TOKEN_MISSING`, `TOKEN_UNKNOWN`: no `"ID"` token, or one this adapter does not know.
 * - `SEQUENCE_INVALID`: the sequence number is not 4 decimal digits.
 * - `ROUTING_INVALID`: the receiver (`R…`), line (`L…`) or account (`#…`) fields are malformed.
 * - `ACCOUNT_MISSING`, `ACCOUNT_MISMATCH`: no account anywhere, or header and data block disagree.
 * - `DATA_MALFORMED`, `DATA_TRAILING`: the data block cannot be read, or has unread text at its end.
 * - `XDATA_MALFORMED`: an extended-data block (`[X…]`) is not closed.
 * - `TIMESTAMP_INVALID`, `TIMESTAMP_MISSING`, `TIMESTAMP_OUT_OF_WINDOW`: the `_HH:MM:SS,MM-DD-YYYY`
 *   stamp is unreadable, absent from an encrypted frame, or too far from the receive time.
 * - `TRAILING_GARBAGE`: text after the timestamp.
 * - `KEY_MISSING`, `DECRYPTION_FAILED`: an encrypted (`*`) frame without a key, or one that does not
 *   decrypt to a DC-09 data block.
 * - `CODE_UNKNOWN`: the event code is not in the SIA DC-03 or Contact ID tables.
 * - `CODE_NOT_MAPPED`: a known alarm code the event standard has no kind for (burglary, gas …); the
 *   message goes to the dead letters rather than being guessed.
 * - `UNEXPECTED_REPLY`: a reply frame (ACK/NAK/DUH/RSP) arrived where device messages are expected.
 * - `OPTIONS_INVALID`: the adapter options in the decode context are malformed.
 */
export type Dc09IssueCode =
  | 'FRAME_EMPTY'
  | 'FRAME_TOO_LARGE'
  | 'FRAMING'
  | 'HEADER_MALFORMED'
  | 'CRC_MISMATCH'
  | 'LENGTH_MISMATCH'
  | 'TOKEN_MISSING'
  | 'TOKEN_UNKNOWN'
  | 'SEQUENCE_INVALID'
  | 'ROUTING_INVALID'
  | 'ACCOUNT_MISSING'
  | 'ACCOUNT_MISMATCH'
  | 'DATA_MALFORMED'
  | 'DATA_TRAILING'
  | 'XDATA_MALFORMED'
  | 'TIMESTAMP_INVALID'
  | 'TIMESTAMP_MISSING'
  | 'TIMESTAMP_OUT_OF_WINDOW'
  | 'TRAILING_GARBAGE'
  | 'KEY_MISSING'
  | 'DECRYPTION_FAILED'
  | 'CODE_UNKNOWN'
  | 'CODE_NOT_MAPPED'
  | 'UNEXPECTED_REPLY'
  | 'OPTIONS_INVALID';

/** One problem found in a frame: a typed reason, where, a message in nb and en, and how bad it is. */
export interface Dc09Issue {
  /** The typed reason. */
  code: Dc09IssueCode;
  /** Where in the frame, e.g. `['crc']`, `['data', 'code']`, `['xdata', 'K']`. */
  path: (string | number)[];
  /** Human-readable message in bokmål and English. */
  message: LocalizedText;
  /** `error` rejects the frame; `warning` keeps it (lenient mode turns integrity errors into warnings). */
  severity: 'error' | 'warning';
}

/**
 * Integrity problems: errors in strict mode, warnings in lenient mode (lenient decoding still
 * extracts the fields). Every other code has a fixed severity.
 */
export const INTEGRITY_CODES: ReadonlySet<Dc09IssueCode> = new Set<Dc09IssueCode>([
  'HEADER_MALFORMED',
  'CRC_MISMATCH',
  'LENGTH_MISMATCH',
  'SEQUENCE_INVALID',
  'ROUTING_INVALID',
  'TIMESTAMP_INVALID',
  'TIMESTAMP_MISSING',
  'TIMESTAMP_OUT_OF_WINDOW',
  'TRAILING_GARBAGE',
  'XDATA_MALFORMED',
]);

const ALWAYS_WARNING: ReadonlySet<Dc09IssueCode> = new Set<Dc09IssueCode>(['FRAMING', 'DATA_TRAILING', 'ACCOUNT_MISMATCH']);

/** Strict rejects a frame on any integrity problem; lenient keeps what it can read. */
export type Dc09Mode = 'strict' | 'lenient';

/** The severity a code has in a mode. */
export function severityOf(code: Dc09IssueCode, mode: Dc09Mode): Dc09Issue['severity'] {
  if (ALWAYS_WARNING.has(code)) return 'warning';
  if (INTEGRITY_CODES.has(code)) return mode === 'strict' ? 'error' : 'warning';
  return 'error';
}

/** Collects issues for one parse, with the severity the mode gives each code. */
export class IssueList {
  readonly items: Dc09Issue[] = [];
  constructor(readonly mode: Dc09Mode) {}

  add(code: Dc09IssueCode, path: Dc09Issue['path'], nb: string, en: string): void {
    this.items.push({ code, path, message: { nb, en }, severity: severityOf(code, this.mode) });
  }

  get hasError(): boolean {
    return this.items.some((i) => i.severity === 'error');
  }
}
