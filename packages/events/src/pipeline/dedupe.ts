import type { WelfareEvent } from '../schema/v1.js';

/** Options of {@link Deduplicator}. */
export interface DeduplicatorOptions {
  /** How many recent `source`+`id` pairs to remember (default 200 000); the oldest is forgotten first. */
  capacity?: number;
}

/**
 * Drops retransmissions: an event whose `source`+`id` was seen among the last `capacity` events is
 * a duplicate. Memory is bounded by `capacity`. A repeated user alarm is a new device message with a
 * new id, so it is never a duplicate here.
 */
export class Deduplicator {
  readonly #seen = new Set<string>();
  readonly #capacity: number;

  constructor(options: DeduplicatorOptions = {}) {
    this.#capacity = Math.max(1, options.capacity ?? 200_000);
  }

  /** True if this event was seen before (and remembers it otherwise). */
  isDuplicate(event: Pick<WelfareEvent, 'source' | 'id'>): boolean {
    const key = `${event.source}\u0000${event.id}`;
    if (this.#seen.has(key)) return true;
    this.#seen.add(key);
    if (this.#seen.size > this.#capacity) {
      // A Set iterates in insertion order: the first entry is the oldest.
      const oldest = this.#seen.values().next().value as string;
      this.#seen.delete(oldest);
    }
    return false;
  }

  /** How many pairs are remembered now. */
  get size(): number {
    return this.#seen.size;
  }
}
