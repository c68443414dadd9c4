import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { epochMs, isoString } from './time.js';

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
