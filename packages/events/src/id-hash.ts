/**
 * Internal: the hashing behind `eventId`, taking the parts as an array so callers on the hot path
 * (`createEvent`) pass them without a rest-argument copy.
 */
import { createHash, hash as hashOnce } from 'node:crypto';

const encoder = new TextEncoder();

// The framed source and parts are written as UTF-8 into one scratch buffer and hashed as bytes:
// no string is built, and each part's UTF-8 length is what the write returns. Ids are computed
// synchronously, so one buffer per module instance (per thread) is enough.
const SCRATCH = Buffer.allocUnsafeSlow(8192);
/** Room for a tag, up to four length digits and ':'. */
const FRAME_HEAD = 6;
// Views of the first n bytes of the scratch buffer, made once per length (up to VIEW_CACHE bytes).
const VIEW_CACHE = 2048;
const views: (Uint8Array | undefined)[] = [];

const digitCount = (n: number): number => (n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : 4);

// `Buffer#utf8Write(text, offset)`, the native write behind `buf.write(text, offset, 'utf8')`,
// without that method's argument handling (which costs as much as the write itself); present in
// every Node version, but not documented, so `write` stands in should it ever be missing.
const nativeUtf8Write = (SCRATCH as unknown as { utf8Write?: (text: string, offset: number) => number }).utf8Write;
const writeUtf8: (text: string, offset: number) => number =
  typeof nativeUtf8Write === 'function' ? (text, offset) => nativeUtf8Write.call(SCRATCH, text, offset) : (text, offset) => SCRATCH.write(text, offset, 'utf8');

/**
 * Write `tag`, the UTF-8 byte length of `text` in decimal, ':' and the bytes of `text` at `at`;
 * returns the offset after them, or -1 when they might not fit.
 */
function frame(tag: number, text: string, at: number): number {
  if (at < 0 || at + FRAME_HEAD + text.length * 3 > SCRATCH.length) return -1;
  // A UTF-8 length has at least the digits of the UTF-16 length; when it has more, the bytes move.
  const guess = digitCount(text.length);
  let start = at + 2 + guess;
  const n = writeUtf8(text, start);
  const digits = digitCount(n);
  if (digits !== guess) {
    SCRATCH.copyWithin(at + 2 + digits, start, start + n);
    start = at + 2 + digits;
  }
  SCRATCH[at] = tag;
  for (let k = digits, v = n; k > 0; k--, v = Math.floor(v / 10)) SCRATCH[at + k] = 48 + (v % 10);
  SCRATCH[at + 1 + digits] = 58; // ':'
  return start + n;
}

const TAG_STRING = 115; // 's'
const TAG_NUMBER = 110; // 'n'

/** See `eventId`: SHA-256 over the length-prefixed source and parts, first 32 hex digits. */
export function eventIdOf(source: string, parts: readonly (string | number | Uint8Array)[]): string {
  // Fast path for text and numbers: framed exactly as `feed` frames them (tag, UTF-8 byte length,
  // ':', bytes), so every path gives the same id.
  let at = frame(TAG_STRING, source, 0);
  for (let i = 0; i < parts.length && at >= 0; i++) {
    const part = parts[i];
    if (typeof part === 'string') at = frame(TAG_STRING, part, at);
    else if (typeof part === 'number') at = frame(TAG_NUMBER, `#${part}`, at);
    else return eventIdWithBytes(source, parts);
  }
  if (at < 0) return eventIdWithBytes(source, parts);
  let view = at <= VIEW_CACHE ? views[at] : undefined;
  if (view === undefined) {
    view = new Uint8Array(SCRATCH.buffer, SCRATCH.byteOffset, at);
    if (at <= VIEW_CACHE) views[at] = view;
  }
  return hashOnce('sha256', view, 'hex').slice(0, 32);
}

function eventIdWithBytes(source: string, parts: readonly (string | number | Uint8Array)[]): string {
  const hash = createHash('sha256');
  feed(hash, source);
  for (const part of parts) feed(hash, part);
  return hash.digest('hex').slice(0, 32);
}

function feed(hash: ReturnType<typeof createHash>, part: string | number | Uint8Array): void {
  const bytes = typeof part === 'string' ? encoder.encode(part) : typeof part === 'number' ? encoder.encode(`#${part}`) : part;
  const tag = typeof part === 'string' ? 's' : typeof part === 'number' ? 'n' : 'b';
  hash.update(`${tag}${bytes.length}:`);
  hash.update(bytes);
}
