import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compileJsonSchema, isWelfareEvent } from './fast-validate.js';
import { crossFieldProblems, crossFieldsHold } from './schema/rules.js';
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

  test.prop([welfareEventArbitrary(), fc.nat(), fc.constantFrom('type', 'alertKey', 'kind', 'tenant', 'id', 'component'), fc.string({ maxLength: 3 })])(
    'the allocation-free cross-field check agrees with crossFieldProblems, also after one field is edited',
    (event, at, field, text) => {
      const e = structuredClone(event);
      const edit = (s: string) => s.slice(0, at % (s.length + 1)) + text + s.slice(at % (s.length + 1));
      if (field === 'type' || field === 'tenant') e[field] = edit(e[field]);
      else if (field === 'alertKey') e.data.alertKey = edit(e.data.alertKey);
      else if (field === 'kind') (e.data as { kind: string }).kind = edit(e.data.kind);
      else e.data.device[field] = edit(e.data.device[field]);
      expect(crossFieldsHold(event)).toBe(true);
      expect(crossFieldsHold(e)).toBe(crossFieldProblems(e).length === 0);
    },
  );

  test.prop([welfareEventArbitrary(), fc.nat(), fc.constantFrom('/', 'x', '_', '-')])(
    'the cross-field check notices one character of alertKey replaced (a separator moved or lost)',
    (event, at, by) => {
      const e = structuredClone(event);
      const key = e.data.alertKey;
      const i = at % key.length;
      e.data.alertKey = key.slice(0, i) + by + key.slice(i + 1);
      expect(crossFieldsHold(e)).toBe(crossFieldProblems(e).length === 0);
    },
  );

  it('refuses to compile a keyword it does not understand', () => {
    expect(() => compileJsonSchema({ type: 'string', contentEncoding: 'base64' })).toThrow(/contentEncoding/);
  });
});
