/**
 * Internal: the hashing behind `eventId`, taking the parts as an array so callers on the hot path
 * (`createEvent`) pass them without a rest-argument copy.
 */
import { createHash, hash as hashOnce } from 'node:crypto';

const encoder = new TextEncoder();

/** See `eventId`: SHA-256 over the length-prefixed source and parts, first 32 hex digits. */
export function eventIdOf(source: string, parts: readonly (string | number | Uint8Array)[]): string {
  // Fast path for text and numbers: one string, one native call. It frames every part exactly as
  // `feed` does (tag, UTF-8 byte length, ':'), so both paths give the same id.
  let text = `s${Buffer.byteLength(source, 'utf8')}:${source}`;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (typeof part === 'string') text += `s${Buffer.byteLength(part, 'utf8')}:${part}`;
    else if (typeof part === 'number') {
      const n = `#${part}`;
      text += `n${Buffer.byteLength(n, 'utf8')}:${n}`;
    } else return eventIdWithBytes(source, parts);
  }
  return hashOnce('sha256', text, 'hex').slice(0, 32);
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
