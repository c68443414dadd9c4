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
  // ids by source: no key string is built per event. A ring of (source, id) in arrival order: the
  // slot to write next holds the oldest pair, forgotten when overwritten.
  readonly #seen = new Map<string, Set<string>>();
  readonly #ringSource: (string | undefined)[];
  readonly #ringId: (string | undefined)[];
  #next = 0;
  #size = 0;

  constructor(options: DeduplicatorOptions = {}) {
    const capacity = Math.max(1, options.capacity ?? 200_000);
    this.#ringSource = new Array<string | undefined>(capacity).fill(undefined);
    this.#ringId = new Array<string | undefined>(capacity).fill(undefined);
  }

  /** True if this event was seen before (and remembers it otherwise). */
  isDuplicate(event: Pick<WelfareEvent, 'source' | 'id'>): boolean {
    let ids = this.#seen.get(event.source);
    if (ids === undefined) {
      ids = new Set();
      this.#seen.set(event.source, ids);
    } else if (ids.has(event.id)) return true;
    ids.add(event.id);
    this.#size++;
    const i = this.#next;
    const oldSource = this.#ringSource[i];
    if (oldSource !== undefined) {
      const old = this.#seen.get(oldSource)!;
      old.delete(this.#ringId[i]!);
      if (old.size === 0) this.#seen.delete(oldSource);
      this.#size--;
    }
    this.#ringSource[i] = event.source;
    this.#ringId[i] = event.id;
    this.#next = (i + 1) % this.#ringSource.length;
    return false;
  }

  /** How many pairs are remembered now. */
  get size(): number {
    return this.#size;
  }
}
