/**
 * `@omsorg/events`: the open event standard for welfare technology (velferdsteknologi) — a
 * CloudEvents 1.0 envelope with a normalized payload and VKP codes — and the adapter contract
 * (`defineAdapter`) vendors implement.
 *
 * @packageDocumentation
 */
export * from './adapter.js';
export * from './build.js';
export * from './cloudevents.js';
export { AdapterError, type AdapterErrorCode, AdapterManifestError, type DecodeIssue, type IssueSeverity } from './errors.js';
export { type Check, compileJsonSchema, isWelfareEvent } from './fast-validate.js';
export * from './fhir/export.js';
export type * from './fhir/types.js';
export * from './fhir/vkp-codes.js';
export * from './ids.js';
export * from './pipeline/correlate.js';
export * from './pipeline/dead-letters.js';
export * from './pipeline/dedupe.js';
export * from './pipeline/flapping.js';
export * from './pipeline/heartbeat.js';
export * from './pipeline/pipeline.js';
export * from './registry/registry.js';
export { eventJsonSchema, type JsonSchema } from './schema/json-schema.js';
export * from './schema/kinds.js';
export { ATTRIBUTE_NAME_PATTERN, type CrossCheckedFields, type CrossFieldProblem, crossFieldProblems, looksLikeNationalId } from './schema/rules.js';
export * from './schema/v1.js';
export { type EventValidation, validateEvent, validateEventStrict } from './validate.js';
