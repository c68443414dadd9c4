import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { epochMs, isoString, timestampTest } from './time.js';

// The RFC 3339 pattern of the event schema (zod's) and the JSON test vendor's own looser one.
const DATE_TIME_REGEXP = new RegExp((z.toJSONSchema(z.iso.datetime({ offset: true })) as { pattern: string }).pattern);
const VENDOR_REGEXP = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

// Every millisecond `Date` can hold, biased towards the edges of the four-digit-year range.
const instant = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.integer({ min: -62_167_219_200_000 - 5_000, max: -62_167_219_200_000 + 5_000 }),
  fc.integer({ min: 253_402_300_799_999 - 5_000, max: 253_402_300_799_999 + 5_000 }),
  fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
);

test.prop([fc.array(instant, { minLength: 1, maxLength: 20 })])('isoString gives exactly toISOString, in any order of calls', (times) => {
  for (const t of times) expect(isoString(new Date(t))).toBe(new Date(t).toISOString());
});

test.prop([instant, fc.integer({ min: 0, max: 999 }), fc.string({ maxLength: 30 })])(
  'epochMs gives exactly Date.parse, for formatted, near-formatted and arbitrary text',
  (t, ms, junk) => {
    const formatted = isoString(new Date(t));
    expect(epochMs(formatted)).toBe(Date.parse(formatted));
    // Same second as the cached one, other milliseconds, possibly broken.
    const sameSecond = `${formatted.slice(0, 20)}${String(ms).padStart(3, '0')}Z`;
    expect(epochMs(sameSecond)).toBe(Date.parse(sameSecond));
    const broken = `${formatted.slice(0, 20)}${junk.slice(0, 3).padEnd(3, 'x')}Z`;
    expect(epochMs(broken)).toBe(Date.parse(broken));
    expect(epochMs(junk)).toBe(Date.parse(junk));
  },
);

it('given an invalid date, isoString throws the RangeError toISOString throws', () => {
  expect(() => isoString(new Date(Number.NaN))).toThrow(RangeError);
});

it('given 2024-02-29T23:59:59.999Z then the next millisecond, each formats and parses back exactly', () => {
  const t = Date.parse('2024-02-29T23:59:59.999Z');
  expect([isoString(new Date(t)), isoString(new Date(t + 1))]).toEqual(['2024-02-29T23:59:59.999Z', '2024-03-01T00:00:00.000Z']);
  expect(epochMs('2024-03-01T00:00:00.007Z')).toBe(t + 8);
});

// Sequences of timestamps: many in one second (the remembered prefix), with single characters
// replaced, mostly in the fraction and the zone (letters, other digits, '.', 'Z', '+', a non-ASCII
// digit, two characters, none), other endings, and invalid dates such as 02-30 or hour 24.
const timestampText = (base: number) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: 1_999 }),
      fc.option(fc.tuple(fc.oneof(fc.integer({ min: 19, max: 23 }), fc.nat({ max: 25 })), fc.constantFrom('0', '9', '3', 'x', '.', 'Z', '+', ' ', '٣', '12', '')), {
        freq: 2,
      }),
      fc.constantFrom('Z', 'Z', 'Z', '+01:00', 'z', '', '0Z'),
    )
    .map(([ms, edit, end]) => {
      const iso = new Date(base + ms).toISOString();
      const s = end === 'Z' ? iso : iso.slice(0, -1) + end;
      if (!edit) return s;
      const [at, by] = edit;
      return s.slice(0, at) + by + s.slice(at + 1);
    });
const oddDates = fc.constantFrom('2024-02-29T10:00:00.123Z', '2023-02-29T10:00:00.123Z', '2026-02-30T10:00:00.123Z', '2026-04-31T23:59:59.999Z', '2026-11-23T24:00:00.000Z');

test.prop([
  fc
    .constantFrom(1_700_000_000_000, Date.parse('2024-02-29T10:00:00Z'), Date.parse('2026-02-28T23:59:59Z'))
    .chain((base) => fc.array(fc.oneof({ weight: 6, arbitrary: timestampText(base) }, { weight: 1, arbitrary: oddDates }), { minLength: 2, maxLength: 60 })),
])('timestampTest answers exactly as the regular expressions it stands in for, in any order of calls', (texts) => {
  for (const re of [DATE_TIME_REGEXP, VENDOR_REGEXP]) {
    const test = timestampTest(re);
    for (const s of texts) expect(test(s)).toBe(re.test(s));
  }
});
