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
  // Sources by id: one hash lookup per event, on the id (already a flat 32-hex string for computed
  // ids), not on the longer source. An id is almost always unique across sources; when two sources
  // share one, the value becomes the list of them. A ring of (source, id) in arrival order: the slot
  // to write next holds the oldest pair, forgotten when overwritten.
  readonly #seen = new Map<string, string | string[]>();
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
    const { source, id } = event;
    const have = this.#seen.get(id);
    if (have === undefined) this.#seen.set(id, source);
    else if (typeof have === 'string') {
      if (have === source) return true;
      this.#seen.set(id, [have, source]);
    } else {
      if (have.includes(source)) return true;
      have.push(source);
    }
    this.#size++;
    const i = this.#next;
    const oldSource = this.#ringSource[i];
    if (oldSource !== undefined) {
      this.#forget(oldSource, this.#ringId[i]!);
      this.#size--;
    }
    this.#ringSource[i] = source;
    this.#ringId[i] = id;
    this.#next = i + 1 === this.#ringSource.length ? 0 : i + 1;
    return false;
  }

  /** How many pairs are remembered now. */
  get size(): number {
    return this.#size;
  }

  #forget(source: string, id: string): void {
    const have = this.#seen.get(id);
    if (typeof have === 'string') this.#seen.delete(id);
    else if (have !== undefined) {
      have.splice(have.indexOf(source), 1);
      if (have.length === 1) this.#seen.set(id, have[0]!);
    }
  }
}
