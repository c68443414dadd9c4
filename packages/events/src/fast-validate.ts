/**
 * A fast validator for the hot path: the published JSON Schema compiled once into generated code,
 * plus the shared cross-field rules. The zod schema stays the source of truth; a property test
 * checks both accept exactly the same values.
 */
import { OmsorgError } from '@omsorg/domain';
import { z } from 'zod';
import { eventJsonSchema, type JsonSchema } from './schema/json-schema.js';
import { crossFieldsHold, looksLikeNationalId } from './schema/rules.js';
import type { WelfareEvent } from './schema/v1.js';
import { timestampTest } from './time.js';

/** A compiled check: true iff the value is valid. */
export type Check = (value: unknown) => boolean;

const KNOWN_KEYWORDS = new Set([
  '$schema',
  '$id',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'anyOf',
  'items',
  'minItems',
  'maxItems',
]);

/** The pattern zod emits for an RFC 3339 timestamp with an offset (`format: 'date-time'`). */
const DATE_TIME_PATTERN = (z.toJSONSchema(z.iso.datetime({ offset: true })) as JsonSchema).pattern;
const DATE_TIME = typeof DATE_TIME_PATTERN === 'string' ? new RegExp(DATE_TIME_PATTERN) : undefined;

/** Internal: a test with exactly the answers of the RFC 3339 pattern zod emits (see {@link timestampTest}). */
export function dateTimeTest(): (s: string) => boolean {
  return timestampTest(DATE_TIME!);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Values the generated code refers to: regular expressions, enum sets, constants, sub-checks. */
interface Generation {
  refs: unknown[];
  vars: number;
  impliedPatterns: ReadonlySet<string>;
}

const ref = (g: Generation, value: unknown): string => `r[${g.refs.push(value) - 1}]`;

/**
 * Compile the subset of JSON Schema that zod emits for the event schema into one JavaScript function
 * (generated source, `new Function`), so a check is a straight run of comparisons. Lengths count
 * UTF-16 code units and `undefined` properties count as absent, as in zod. `format` is not checked:
 * zod emits a `pattern` with it. An unknown keyword throws at compile time, so a schema change the
 * compiler does not understand cannot pass silently.
 */
export function compileJsonSchema(schema: JsonSchema): Check {
  return compile(schema, NO_PATHS);
}

const NO_PATHS: ReadonlySet<string> = new Set();

/**
 * {@link compileJsonSchema}, leaving out the `pattern` of the properties at `impliedPatterns`
 * (dotted paths from the root, e.g. `data.alertKey`): for patterns a later check implies.
 */
function compile(schema: JsonSchema, impliedPatterns: ReadonlySet<string>): Check {
  const g: Generation = { refs: [], vars: 0, impliedPatterns };
  const body = generate(schema, 'v', g, '');
  // The source is generated from our own JSON Schema, never from input.
  const factory = new Function('r', `return function check(v) {\n${body}\nreturn true;\n};`) as (refs: unknown[]) => Check;
  return factory(g.refs);
}

function generate(schema: JsonSchema, x: string, g: Generation, path: string): string {
  for (const key of Object.keys(schema)) {
    if (!KNOWN_KEYWORDS.has(key)) throw new OmsorgError('SCHEMA_KEYWORD_UNSUPPORTED', `fast validator: unsupported JSON Schema keyword ${key}`);
  }
  const out: string[] = [];
  const fail = (cond: string) => out.push(`if (${cond}) return false;`);
  const type = schema.type as string | undefined;
  if (type === 'string') fail(`typeof ${x} !== 'string'`);
  else if (type === 'number') fail(`typeof ${x} !== 'number' || !Number.isFinite(${x})`);
  else if (type === 'integer') fail(`!Number.isInteger(${x})`);
  else if (type === 'boolean') fail(`typeof ${x} !== 'boolean'`);
  else if (type === 'object') fail(`typeof ${x} !== 'object' || ${x} === null || Array.isArray(${x})`);
  else if (type === 'array') fail(`!Array.isArray(${x})`);
  else if (type !== undefined) throw new OmsorgError('SCHEMA_KEYWORD_UNSUPPORTED', `fast validator: unsupported type ${type}`);

  if ('const' in schema) fail(`${x} !== ${ref(g, schema.const)}`);
  if (Array.isArray(schema.enum)) fail(`!${ref(g, new Set(schema.enum as unknown[]))}.has(${x})`);
  if (typeof schema.minLength === 'number') fail(`${x}.length < ${schema.minLength}`);
  if (typeof schema.maxLength === 'number') fail(`${x}.length > ${schema.maxLength}`);
  if (typeof schema.pattern === 'string' && !g.impliedPatterns.has(path)) {
    if (schema.format === 'date-time' && schema.pattern === DATE_TIME_PATTERN) fail(`!${ref(g, dateTimeTest())}(${x})`);
    else {
      // Texts that matched are remembered per site, in eight slots chosen by the last character:
      // a repeated value (the tenant, a component, a code, alternating with a few others) is one
      // comparison, not a regular expression run. The patterns have no flags, so a test has no state.
      const matched = ref(g, new Array<string | undefined>(8).fill(undefined));
      const slot = `s${++g.vars}`;
      out.push(
        `const ${slot} = ${x}.charCodeAt(${x}.length - 1) & 7;\nif (${x} !== ${matched}[${slot}]) {\nif (!${ref(g, new RegExp(schema.pattern))}.test(${x})) return false;\n${matched}[${slot}] = ${x};\n}`,
      );
    }
  }
  if (typeof schema.minimum === 'number') fail(`${x} < ${schema.minimum}`);
  if (typeof schema.maximum === 'number') fail(`${x} > ${schema.maximum}`);
  if (typeof schema.exclusiveMinimum === 'number') fail(`${x} <= ${schema.exclusiveMinimum}`);
  if (typeof schema.exclusiveMaximum === 'number') fail(`${x} >= ${schema.exclusiveMaximum}`);
  if (type === 'object') out.push(generateObject(schema, x, g, path));
  if (type === 'array') {
    if (typeof schema.minItems === 'number') fail(`${x}.length < ${schema.minItems}`);
    if (typeof schema.maxItems === 'number') fail(`${x}.length > ${schema.maxItems}`);
    if (schema.items) fail(`!${x}.every(${ref(g, compileJsonSchema(schema.items as JsonSchema))})`);
  }
  if (Array.isArray(schema.anyOf)) {
    const alternatives = (schema.anyOf as JsonSchema[]).map((alt) => `${ref(g, compileJsonSchema(alt))}(${x})`);
    fail(`!(${alternatives.join(' || ')})`);
  }
  return out.join('\n');
}

function generateObject(schema: JsonSchema, x: string, g: Generation, path: string): string {
  const out: string[] = [];
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  for (const [name, sub] of Object.entries(properties)) {
    const v = `v${++g.vars}`;
    out.push(`const ${v} = ${x}[${JSON.stringify(name)}];`);
    if (required.has(name)) out.push(`if (${v} === undefined) return false;`);
    out.push(`if (${v} !== undefined) {\n${generate(sub, v, g, path === '' ? name : `${path}.${name}`)}\n}`);
  }
  const extra = schema.additionalProperties;
  const extraCheck = extra === false ? 'false' : isObject(extra) && Object.keys(extra).length > 0 ? compileJsonSchema(extra as JsonSchema) : undefined;
  const names = isObject(schema.propertyNames) ? compileJsonSchema(schema.propertyNames as JsonSchema) : undefined;
  if (extraCheck !== undefined || names) {
    const k = `k${++g.vars}`;
    const known = ref(g, new Set(Object.keys(properties)));
    // A declared property whose name passes `propertyNames` (decided here, once) skips the name check.
    const knownNamesPass = names !== undefined && Object.keys(properties).every((name) => names(name));
    // When a declared property needs no check in the loop, the loop first walks the keys of the last
    // object whose keys were all declared (objects of one shape list the same keys in the same
    // order): a key equal to the next one there is declared, and only the rest are looked up.
    const seq = !names || knownNamesPass ? ref(g, { keys: [] as string[], misses: 0 }) : undefined;
    const i = `i${g.vars}`;
    const lines = seq === undefined ? [`for (const ${k} in ${x}) {`] : [`let ${i} = 0;`, `for (const ${k} in ${x}) {`, `if (${i} >= 0) {`, `if (${k} === ${seq}.keys[${i}]) { ${i}++; continue; }`, `${i} = -1;`, '}'];
    if (names && knownNamesPass) {
      lines.push(`if (${known}.has(${k})) continue;`);
      lines.push(`if (!${ref(g, names)}(${k})) return false;`);
      if (extraCheck === 'false') lines.push('return false;');
      else if (extraCheck) lines.push(`if (!${ref(g, extraCheck)}(${x}[${k}])) return false;`);
    } else {
      if (names) lines.push(`if (!${ref(g, names)}(${k})) return false;`);
      if (extraCheck === 'false') lines.push(`if (!${known}.has(${k})) return false;`);
      else if (extraCheck) lines.push(`if (!${known}.has(${k}) && !${ref(g, extraCheck)}(${x}[${k}])) return false;`);
    }
    lines.push('}');
    if (seq !== undefined) {
      // Another shape: after a few, its keys (if all declared) become the ones to walk.
      lines.push(`if (${i} !== ${seq}.keys.length && ++${seq}.misses >= 4) {`);
      lines.push(`${seq}.misses = 0;`);
      lines.push(`const keys = [];`);
      lines.push(`for (const ${k} in ${x}) { if (!${known}.has(${k})) { keys.length = 0; break; } keys.push(${k}); }`);
      lines.push(`if (keys.length > 0) ${seq}.keys = keys;`);
      lines.push('}');
    }
    out.push(lines.join('\n'));
  }
  return out.join('\n');
}

// `type` and `data.alertKey` must equal strings built from fields the schema checks (the category,
// kind and lifecycle enums; tenant, device id and component without '/' or whitespace, lengths
// capped so the whole fits): when `crossFieldsHold` passes, their patterns and lengths hold too,
// and when it fails the event is invalid anyway. So the structural check leaves those two patterns out.
const structural = compile(eventJsonSchema(), new Set(['type', 'data.alertKey']));

/**
 * Whether a value is a valid v1 event: the same answer as `WelfareEventSchema.safeParse(value).success`,
 * several times faster. Use `validateEvent` to get issues for an invalid one.
 */
export function isWelfareEvent(value: unknown): value is WelfareEvent {
  if (!structural(value)) return false;
  const e = value as WelfareEvent;
  if (e.subject !== undefined && looksLikeNationalId(e.subject)) return false;
  const attributes = e.data.attributes;
  if (attributes !== undefined && Object.keys(attributes).length > 32) return false;
  return crossFieldsHold(e);
}
