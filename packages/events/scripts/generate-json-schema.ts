// Writes packages/events/schema/v1.json from the zod schema. A test checks the file is current:
// run `pnpm --filter @omsorg/events schema` after changing the event schema.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eventJsonSchema } from '../src/index.js';

const out = fileURLToPath(new URL('../schema/v1.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(eventJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
