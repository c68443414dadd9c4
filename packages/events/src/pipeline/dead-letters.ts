import type { RawMessage } from '../adapter.js';
import type { DecodeIssue } from '../errors.js';

/**
 * Why a message ended in the dead letters: no adapter recognised it, the adapter could not decode
 * it, the adapter crashed, or what it decoded is not a valid event.
 */
export type DeadLetterReason = 'NO_ADAPTER' | 'DECODE_FAILED' | 'ADAPTER_CRASHED' | 'EVENT_INVALID';

/** A message the pipeline could not (fully) turn into events, kept with its raw bytes. */
export interface DeadLetter {
  /** Tenant of the receiver. */
  tenant: string;
  /** When it was received (RFC 3339). */
  receivedAt: string;
  /** The message exactly as received (text is stored as UTF-8). */
  raw: Uint8Array;
  /** Why. */
  reason: DeadLetterReason;
  /** The adapter that tried, if one did. */
  adapterId?: string;
  /** Every issue met. */
  issues: DecodeIssue[];
  /** How many valid events the same message did yield (a partial message). */
  emittedEvents: number;
}

/** Where dead letters go: a queue, a table, a file. `put` must not throw. */
export interface DeadLetterSink {
  /** Keep one dead letter. */
  put(letter: DeadLetter): void;
}

/** Keeps dead letters in memory (tests, small receivers); `letters` in arrival order. */
export class MemoryDeadLetterSink implements DeadLetterSink {
  /** Every dead letter so far. */
  readonly letters: DeadLetter[] = [];

  /** Keep one dead letter. */
  put(letter: DeadLetter): void {
    this.letters.push(letter);
  }
}

const encoder = new TextEncoder();

/** The raw bytes of a message, copied (so a reused receive buffer cannot change a dead letter). */
export function rawBytes(raw: RawMessage): Uint8Array {
  return typeof raw === 'string' ? encoder.encode(raw) : raw.slice();
}
