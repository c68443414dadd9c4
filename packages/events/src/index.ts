/**
 * `@omsorg/events`: the open event standard for welfare technology (velferdsteknologi) — a
 * CloudEvents 1.0 envelope with a normalized payload and VKP codes — and the adapter contract
 * (`defineAdapter`) vendors implement.
 *
 * @packageDocumentation
 */
export * from './adapter.js';
export * from './build.js';
export { AdapterError, type AdapterErrorCode, AdapterManifestError, type DecodeIssue, type IssueSeverity } from './errors.js';
export * from './ids.js';
export * from './schema/kinds.js';
export * from './schema/v1.js';
export { type EventValidation, validateEvent, validateEventStrict } from './validate.js';
