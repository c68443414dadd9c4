import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventJsonSchema } from './json-schema.js';

describe('published JSON Schema', () => {
  it('schema/v1.json is current (run `pnpm --filter @omsorg/events schema` after a schema change)', () => {
    const file = JSON.parse(readFileSync(new URL('../../schema/v1.json', import.meta.url), 'utf8'));
    expect(file).toEqual(eventJsonSchema());
  });

  it('carries the dataschema as $id and the CloudEvents attribute-name rule', () => {
    const s = eventJsonSchema();
    expect(s.$id).toBe('https://omsorg.dev/schemas/events/v1.json');
    expect(s.propertyNames).toEqual({ pattern: '^[a-z0-9]{1,20}$' });
    expect(s.required).toEqual(expect.arrayContaining(['specversion', 'id', 'source', 'type', 'time', 'data']));
  });
});
