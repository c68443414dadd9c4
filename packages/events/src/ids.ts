import { createHash, hash as hashOnce } from 'node:crypto';
import type { EventKind } from './schema/kinds.js';

/** One part of a device message that identifies it: text, a number or raw bytes. */
export type EventIdPart = string | number | Uint8Array;

const encoder = new TextEncoder();

/**
 * A deterministic event id: the first 128 bits of SHA-256 over the source and the parts, as 32
 * lowercase hex digits. Each part is length-prefixed, so `('ab','c')` and `('a','bc')` differ.
 * Use the parts that identify the device message (account, sequence number, device timestamp, the
 * raw frame …): a retransmission then gets the same id and the pipeline drops it as a duplicate.
 */
export function eventId(source: string, ...parts: EventIdPart[]): string {
  // Fast path for text and numbers: one string, one native call. It frames every part exactly as
  // `feed` does (tag, UTF-8 byte length, ':'), so both paths give the same id.
  let text = frame('s', source);
  for (const part of parts) {
    if (typeof part === 'string') text += frame('s', part);
    else if (typeof part === 'number') text += frame('n', `#${part}`);
    else return eventIdWithBytes(source, parts);
  }
  return hashOnce('sha256', text, 'hex').slice(0, 32);
}

function frame(tag: string, s: string): string {
  return `${tag}${Buffer.byteLength(s, 'utf8')}:${s}`;
}

function eventIdWithBytes(source: string, parts: EventIdPart[]): string {
  const hash = createHash('sha256');
  feed(hash, source);
  for (const part of parts) feed(hash, part);
  return hash.digest('hex').slice(0, 32);
}

function feed(hash: ReturnType<typeof createHash>, part: EventIdPart): void {
  const bytes = typeof part === 'string' ? encoder.encode(part) : typeof part === 'number' ? encoder.encode(`#${part}`) : part;
  const tag = typeof part === 'string' ? 's' : typeof part === 'number' ? 'n' : 'b';
  hash.update(`${tag}${bytes.length}:`);
  hash.update(bytes);
}

/** The parts of an alert key. */
export interface AlertKeyParts {
  /** Tenant (municipality or service provider). */
  tenant: string;
  /** Device id. */
  deviceId: string;
  /** Component of the device (zone, input); `main` when there is one. */
  component: string;
  /** Event kind. */
  kind: EventKind;
}

/** The alert key `tenant/device/component/kind` that correlates raise, acknowledge and resolve. */
export function alertKey(parts: AlertKeyParts): string {
  return `${parts.tenant}/${parts.deviceId}/${parts.component}/${parts.kind}`;
}
