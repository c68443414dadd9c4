// Writes docs/schemas/<Name>.schema.json for every top-level domain schema. A test checks the files
// are up to date: run `pnpm schemas` after changing a schema.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOP_LEVEL_SCHEMAS, toJsonSchema } from '../src/index.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'schemas');
mkdirSync(out, { recursive: true });
for (const name of Object.keys(TOP_LEVEL_SCHEMAS) as (keyof typeof TOP_LEVEL_SCHEMAS)[]) {
  writeFileSync(join(out, `${name}.schema.json`), `${JSON.stringify(toJsonSchema(name), null, 2)}\n`);
}
console.log(`wrote ${Object.keys(TOP_LEVEL_SCHEMAS).length} schemas to ${out}`);
