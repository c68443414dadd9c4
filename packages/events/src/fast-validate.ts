/**
 * A fast validator for the hot path: the published JSON Schema compiled once into nested closures,
 * plus the shared cross-field rules. The zod schema stays the source of truth; a property test
 * checks both accept exactly the same values.
 */
import { OmsorgError } from '@omsorg/domain';
import { eventJsonSchema, type JsonSchema } from './schema/json-schema.js';
import { crossFieldProblems, looksLikeNationalId } from './schema/rules.js';
import type { WelfareEvent } from './schema/v1.js';

/** A compiled check: true iff the value is valid. */
type Check = (value: unknown) => boolean;

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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Compile the subset of JSON Schema that zod emits for the event schema. Lengths count UTF-16 code
 * units and `undefined` properties count as absent, as in zod. `format` is not checked: zod emits a
 * `pattern` with it. An unknown keyword throws at compile time, so a schema change the compiler
 * does not understand cannot pass silently.
 */
export function compileJsonSchema(schema: JsonSchema): Check {
  for (const key of Object.keys(schema)) {
    if (!KNOWN_KEYWORDS.has(key)) throw new OmsorgError('SCHEMA_KEYWORD_UNSUPPORTED', `fast validator: unsupported JSON Schema keyword ${key}`);
  }
  const checks: Check[] = [];
  const type = schema.type as string | undefined;
  if (type === 'string') checks.push((v) => typeof v === 'string');
  else if (type === 'number') checks.push((v) => typeof v === 'number' && Number.isFinite(v));
  else if (type === 'integer') checks.push((v) => Number.isInteger(v));
  else if (type === 'boolean') checks.push((v) => typeof v === 'boolean');
  else if (type === 'object') checks.push(isObject);
  else if (type === 'array') checks.push(Array.isArray);
  else if (type !== undefined) throw new OmsorgError('SCHEMA_KEYWORD_UNSUPPORTED', `fast validator: unsupported type ${type}`);

  if ('const' in schema) {
    const c = schema.const;
    checks.push((v) => v === c);
  }
  if (Array.isArray(schema.enum)) {
    const values = new Set(schema.enum as unknown[]);
    checks.push((v) => values.has(v));
  }
  if (typeof schema.minLength === 'number') {
    const n = schema.minLength;
    checks.push((v) => (v as string).length >= n);
  }
  if (typeof schema.maxLength === 'number') {
    const n = schema.maxLength;
    checks.push((v) => (v as string).length <= n);
  }
  if (typeof schema.pattern === 'string') {
    const re = new RegExp(schema.pattern);
    checks.push((v) => re.test(v as string));
  }
  if (typeof schema.minimum === 'number') {
    const n = schema.minimum;
    checks.push((v) => (v as number) >= n);
  }
  if (typeof schema.maximum === 'number') {
    const n = schema.maximum;
    checks.push((v) => (v as number) <= n);
  }
  if (typeof schema.exclusiveMinimum === 'number') {
    const n = schema.exclusiveMinimum;
    checks.push((v) => (v as number) > n);
  }
  if (typeof schema.exclusiveMaximum === 'number') {
    const n = schema.exclusiveMaximum;
    checks.push((v) => (v as number) < n);
  }
  if (type === 'object') checks.push(compileObject(schema));
  if (type === 'array') {
    const item = schema.items ? compileJsonSchema(schema.items as JsonSchema) : () => true;
    const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const max = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
    checks.push((v) => {
      const a = v as unknown[];
      return a.length >= min && a.length <= max && a.every(item);
    });
  }
  if (Array.isArray(schema.anyOf)) {
    const alternatives = (schema.anyOf as JsonSchema[]).map(compileJsonSchema);
    checks.push((v) => alternatives.some((alt) => alt(v)));
  }
  return checks.length === 1 ? checks[0]! : (v) => checks.every((c) => c(v));
}

function compileObject(schema: JsonSchema): Check {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const known = Object.entries(properties).map(([name, s]) => ({ name, check: compileJsonSchema(s), required: required.has(name) }));
  const knownNames = new Set(Object.keys(properties));
  const extra = schema.additionalProperties;
  const extraCheck: Check | undefined =
    extra === false ? () => false : isObject(extra) && Object.keys(extra).length > 0 ? compileJsonSchema(extra as JsonSchema) : undefined;
  const names = isObject(schema.propertyNames) ? compileJsonSchema(schema.propertyNames as JsonSchema) : undefined;
  return (v) => {
    const o = v as Record<string, unknown>;
    for (const p of known) {
      const value = o[p.name];
      if (value === undefined) {
        if (p.required) return false;
      } else if (!p.check(value)) return false;
    }
    if (extraCheck || names) {
      for (const key in o) {
        if (names && !names(key)) return false;
        if (extraCheck && !knownNames.has(key) && !extraCheck(o[key])) return false;
      }
    }
    return true;
  };
}

const structural = compileJsonSchema(eventJsonSchema());

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
  return crossFieldProblems(e).length === 0;
}
