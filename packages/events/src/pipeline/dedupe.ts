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
  // A ring of the keys in arrival order: the slot to write next holds the oldest key.
  readonly #ring: (string | undefined)[];
  #next = 0;

  constructor(options: DeduplicatorOptions = {}) {
    this.#ring = new Array<string | undefined>(Math.max(1, options.capacity ?? 200_000)).fill(undefined);
  }

  /** True if this event was seen before (and remembers it otherwise). */
  isDuplicate(event: Pick<WelfareEvent, 'source' | 'id'>): boolean {
    const key = `${event.source}\u0000${event.id}`;
    if (this.#seen.has(key)) return true;
    this.#seen.add(key);
    const oldest = this.#ring[this.#next];
    if (oldest !== undefined) this.#seen.delete(oldest);
    this.#ring[this.#next] = key;
    this.#next = (this.#next + 1) % this.#ring.length;
    return false;
  }

  /** How many pairs are remembered now. */
  get size(): number {
    return this.#seen.size;
  }
}
