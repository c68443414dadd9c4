import { fc } from '@fast-check/vitest';

/** One change to a message: flip a byte, insert one, delete one, or cut the rest off. */
type Mutation = { op: 'flip' | 'insert' | 'delete' | 'truncate'; at: number; byte: number };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('flip', 'insert', 'delete', 'truncate'),
  at: fc.nat(),
  byte: fc.integer({ min: 0, max: 255 }),
});

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let b = Array.from(bytes);
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    if (m.op === 'flip' && at < b.length) b[at] = (b[at]! ^ (m.byte || 1)) & 0xff;
    else if (m.op === 'insert') b.splice(at, 0, m.byte);
    else if (m.op === 'delete') b.splice(at, 1);
    else if (m.op === 'truncate') b = b.slice(0, at);
  }
  return new Uint8Array(b);
}

/** Messages near real ones: a sample with one to four bytes flipped, inserted, deleted or cut. */
export function mutatedMessageArbitrary(samples: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  if (samples.length === 0) return fc.uint8Array({ maxLength: 256 });
  return fc.tuple(fc.constantFrom(...samples), fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 })).map(([s, ms]) => mutate(s, ms));
}

/**
 * Untrusted input of every sort: random bytes, random text (including lone surrogates), samples
 * as they are, and mutated samples.
 */
export function untrustedMessageArbitrary(samples: readonly Uint8Array[]): fc.Arbitrary<Uint8Array | string> {
  const arbs: fc.Arbitrary<Uint8Array | string>[] = [fc.uint8Array({ maxLength: 512 }), fc.string({ unit: 'binary', maxLength: 256 })];
  if (samples.length > 0) arbs.push(fc.constantFrom(...samples), mutatedMessageArbitrary(samples), mutatedMessageArbitrary(samples));
  return fc.oneof(...arbs);
}
