import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compileJsonSchema, isWelfareEvent } from './fast-validate.js';
import { WelfareEventSchema } from './schema/v1.js';
import { nearEventArbitrary, welfareEventArbitrary } from './testing/arbitraries.js';

describe('fast validator', () => {
  test.prop([welfareEventArbitrary()])('accepts every valid event, as zod does', (event) => {
    expect(WelfareEventSchema.safeParse(event).success).toBe(true);
    expect(isWelfareEvent(event)).toBe(true);
  });

  test.prop([nearEventArbitrary()], { numRuns: 1000 })('agrees with zod on values near valid events', (value) => {
    expect(isWelfareEvent(value)).toBe(WelfareEventSchema.safeParse(value).success);
  });

  test.prop([fc.anything()])('agrees with zod on arbitrary values', (value) => {
    expect(isWelfareEvent(value)).toBe(WelfareEventSchema.safeParse(value).success);
  });

  it('refuses to compile a keyword it does not understand', () => {
    expect(() => compileJsonSchema({ type: 'string', contentEncoding: 'base64' })).toThrow(/contentEncoding/);
  });
});
