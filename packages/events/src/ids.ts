import { eventIdOf } from './id-hash.js';
import type { EventKind } from './schema/kinds.js';

/** One part of a device message that identifies it: text, a number or raw bytes. */
export type EventIdPart = string | number | Uint8Array;

/**
 * A deterministic event id: the first 128 bits of SHA-256 over the source and the parts, as 32
 * lowercase hex digits. Each part is length-prefixed, so `('ab','c')` and `('a','bc')` differ.
 * Use the parts that identify the device message (account, sequence number, device timestamp, the
 * raw frame …): a retransmission then gets the same id and the pipeline drops it as a duplicate.
 */
export function eventId(source: string, ...parts: EventIdPart[]): string {
  return eventIdOf(source, parts);
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
