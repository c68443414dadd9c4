/**
 * Internal (not exported from the package): hashing of event ids for the `Deduplicator`'s
 * table, apart so tests can build colliding ids.
 */

// Hex digit values by char code ('0'–'9', 'a'–'f'); -1 for anything else.
const HEX = new Int8Array(128).fill(-1);
for (let c = 0; c < 10; c++) HEX[48 + c] = c;
for (let c = 0; c < 6; c++) HEX[97 + c] = 10 + c;

/** The 32-bit word of hex digits `at`..`at+7` of `id`, or -1 when one of them is not a lowercase hex digit. */
export function hexWord(id: string, at: number): number {
  let w = 0;
  for (let i = at; i < at + 8; i++) {
    const c = id.charCodeAt(i);
    const v = c < 128 ? HEX[c]! : -1;
    if (v < 0) return -1;
    w = (w << 4) | v;
  }
  return w >>> 0;
}

/** A 32-bit finaliser (MurmurHash3 fmix32): spreads every input bit over the result. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85eb_ca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2_ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// Both hashes chain the seeded state through `mix` word by word (the state is never linear in the
// words), so ids colliding under one seed cannot be built without knowing the seed: a device
// choosing its own ids cannot pile them into one probe run.

/** The hash of a 32-hex-digit id given as its four words. */
export function hexIdHash(w0: number, w1: number, w2: number, w3: number, seed: number): number {
  return mix(mix(mix(mix(w0 ^ seed) ^ w1) ^ w2) ^ w3);
}

/** The hash of any other id, from its UTF-16 code units, two at a time. */
export function textIdHash(id: string, seed: number): number {
  let h = mix(seed ^ id.length);
  let i = 0;
  for (; i + 1 < id.length; i += 2) h = mix(h ^ ((id.charCodeAt(i) << 16) | id.charCodeAt(i + 1)));
  if (i < id.length) h = mix(h ^ id.charCodeAt(i));
  return h;
}
