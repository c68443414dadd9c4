import { createHash } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { eventId } from './ids.js';

// The id as the standard defines it, built the plain way: SHA-256 over tag + UTF-8 byte length +
// ':' + bytes for the source and each part, first 32 hex digits.
function reference(source: string, parts: (string | number | Uint8Array)[]): string {
  const hash = createHash('sha256');
  const frame = (tag: string, bytes: Uint8Array) => {
    hash.update(`${tag}${bytes.length}:`);
    hash.update(bytes);
  };
  frame('s', Buffer.from(source, 'utf8'));
  for (const part of parts) {
    if (typeof part === 'string') frame('s', Buffer.from(part, 'utf8'));
    else if (typeof part === 'number') frame('n', Buffer.from(`#${part}`, 'utf8'));
    else frame('b', part);
  }
  return hash.digest('hex').slice(0, 32);
}

// Text whose UTF-8 length may have more digits than its UTF-16 length (ø, €, emoji, a lone
// surrogate), around the lengths where the digit count changes, and long enough not to fit the
// scratch buffer of the fast path.
const char = fc.constantFrom('a', 'Z', '0', ':', '/', 'ø', '€', '😀', '\ud800', '\udc00', ' ');
const text = fc.oneof(
  fc.string({ unit: char, maxLength: 12 }),
  fc.integer({ min: 1, max: 1_200 }).chain((n) => fc.tuple(fc.constant('x'.repeat(n)), fc.string({ unit: char, maxLength: 4 })).map(([a, b]) => a + b)),
  fc.integer({ min: 2_600, max: 9_000 }).map((n) => 'ø'.repeat(n)),
);
const part = fc.oneof(text, fc.double(), fc.integer(), fc.uint8Array({ maxLength: 20 }));

test.prop([text, fc.array(part, { maxLength: 4 })])('eventId is the framed SHA-256 of the standard for any source and parts', (source, parts) => {
  expect(eventId(source, ...parts)).toBe(reference(source, parts));
});
