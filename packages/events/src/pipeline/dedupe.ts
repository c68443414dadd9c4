import type { WelfareEvent } from '../schema/v1.js';
import { hexIdHash, hexWord, textIdHash } from './id-hash-table.js';

/** Options of {@link Deduplicator}. */
export interface DeduplicatorOptions {
  /** How many recent `source`+`id` pairs to remember (default 200 000); the oldest is forgotten first. */
  capacity?: number;
  /** Seed of the table's hash (default: random per instance). Fix it only to reproduce a run. */
  seed?: number;
}

/**
 * Drops retransmissions: an event whose `source`+`id` was seen among the last `capacity` events is
 * a duplicate. Memory is bounded by `capacity`. A repeated user alarm is a new device message with a
 * new id, so it is never a duplicate here.
 */
export class Deduplicator {
  // A ring of the remembered pairs in arrival order (the slot to write next holds the oldest,
  // forgotten when overwritten) and an open-addressing hash table (linear probing, deletion by
  // backward shift, load ≤ ½) of ring slots. A computed id (32 lowercase hex digits, the usual
  // case) is kept as four 32-bit words, any other id as its text; a source is kept as the index of
  // one shared copy, counted by the ring slots using it. So the table holds no string per event,
  // and a lookup is a few integer comparisons. The hash is seeded per instance, so ids chosen to
  // collide in one process do not collide in another.
  readonly #capacity: number;
  /** Source index per ring slot, -1 when the slot is empty. */
  readonly #ringSource: Int32Array;
  /** The id's four words per ring slot (a hex id). */
  readonly #ringWords: Uint32Array;
  /** The id's text per ring slot (an id that is not 32 lowercase hex digits), else undefined. */
  readonly #ringText: (string | undefined)[];
  /** The hash per ring slot. */
  readonly #ringHash: Uint32Array;
  /**
   * Two numbers per table slot: the hash and the ring slot + 1 (0 when empty), side by side so a
   * probe and a backward shift read one cache line, not the ring.
   */
  readonly #table: Int32Array;
  readonly #mask: number;
  readonly #seed: number;
  readonly #sourceIndex = new Map<string, number>();
  readonly #sourceName: string[] = [];
  readonly #sourceUses: number[] = [];
  readonly #freeSources: number[] = [];
  #next = 0;
  #size = 0;

  constructor(options: DeduplicatorOptions = {}) {
    const capacity = Math.max(1, Math.floor(options.capacity ?? 200_000));
    this.#capacity = capacity;
    this.#ringSource = new Int32Array(capacity).fill(-1);
    this.#ringWords = new Uint32Array(capacity * 4);
    this.#ringText = new Array<string | undefined>(capacity).fill(undefined);
    this.#ringHash = new Uint32Array(capacity);
    let tableSize = 2;
    while (tableSize < capacity * 2) tableSize *= 2;
    this.#table = new Int32Array(tableSize * 2);
    this.#mask = tableSize - 1;
    this.#seed = (options.seed ?? Math.random() * 0x1_0000_0000) >>> 0;
  }

  /** True if this event was seen before (and remembers it otherwise). */
  isDuplicate(event: Pick<WelfareEvent, 'source' | 'id'>): boolean {
    const source = event.source;
    const id = event.id;
    let w0 = -1;
    let w1 = -1;
    let w2 = -1;
    let w3 = -1;
    if (id.length === 32) {
      w0 = hexWord(id, 0);
      if (w0 >= 0) w1 = hexWord(id, 8);
      if (w1 >= 0) w2 = hexWord(id, 16);
      if (w2 >= 0) w3 = hexWord(id, 24);
    }
    const hex = w3 >= 0;
    const h = hex ? hexIdHash(w0, w1, w2, w3, this.#seed) : textIdHash(id, this.#seed);
    const s = this.#sourceIndex.get(source);
    const table = this.#table;
    const mask = this.#mask;
    const hi = h | 0;
    let t = h & mask;
    if (s !== undefined) {
      const words = this.#ringWords;
      for (let slot = table[2 * t + 1]!; slot !== 0; t = (t + 1) & mask, slot = table[2 * t + 1]!) {
        if (table[2 * t] !== hi) continue;
        const r = slot - 1;
        if (this.#ringSource[r] !== s) continue;
        if (hex ? this.#ringText[r] === undefined && words[r * 4] === w0 && words[r * 4 + 1] === w1 && words[r * 4 + 2] === w2 && words[r * 4 + 3] === w3 : this.#ringText[r] === id) {
          return true;
        }
      }
    } else {
      while (table[2 * t + 1] !== 0) t = (t + 1) & mask;
    }
    // New. Count the source's use first, so forgetting the oldest pair cannot release it.
    const own = s ?? this.#internSource(source);
    this.#sourceUses[own]!++;
    const r = this.#next;
    if (this.#ringSource[r]! >= 0) {
      // Forgetting the oldest pair may move table entries: find the free slot again.
      this.#forget(r);
      t = h & mask;
      while (table[2 * t + 1] !== 0) t = (t + 1) & mask;
    } else this.#size++;
    this.#ringSource[r] = own;
    this.#ringHash[r] = h;
    if (hex) {
      const words = this.#ringWords;
      words[r * 4] = w0;
      words[r * 4 + 1] = w1;
      words[r * 4 + 2] = w2;
      words[r * 4 + 3] = w3;
      this.#ringText[r] = undefined;
    } else this.#ringText[r] = id;
    table[2 * t] = hi;
    table[2 * t + 1] = r + 1;
    this.#next = r + 1 === this.#capacity ? 0 : r + 1;
    return false;
  }

  /** How many pairs are remembered now. */
  get size(): number {
    return this.#size;
  }

  #internSource(source: string): number {
    let s = this.#freeSources.pop();
    if (s === undefined) {
      s = this.#sourceName.length;
      this.#sourceName.push(source);
      this.#sourceUses.push(0);
    } else this.#sourceName[s] = source;
    this.#sourceIndex.set(source, s);
    return s;
  }

  /** Take ring slot `r` out of the table (backward-shift deletion) and release its source. */
  #forget(r: number): void {
    const table = this.#table;
    const mask = this.#mask;
    let t = this.#ringHash[r]! & mask;
    while (table[2 * t + 1] !== r + 1) t = (t + 1) & mask;
    // Close the gap: move later entries of the probe run back unless their home lies in (gap, j].
    let gap = t;
    for (let j = (gap + 1) & mask; table[2 * j + 1] !== 0; j = (j + 1) & mask) {
      const home = table[2 * j]! & mask;
      const fits = gap <= j ? home > gap && home <= j : home > gap || home <= j;
      if (fits) continue;
      table[2 * gap] = table[2 * j]!;
      table[2 * gap + 1] = table[2 * j + 1]!;
      gap = j;
    }
    table[2 * gap + 1] = 0;
    const s = this.#ringSource[r]!;
    this.#ringSource[r] = -1;
    this.#ringText[r] = undefined;
    if (--this.#sourceUses[s]! === 0) {
      this.#sourceIndex.delete(this.#sourceName[s]!);
      this.#sourceName[s] = '';
      this.#freeSources.push(s);
    }
  }
}
