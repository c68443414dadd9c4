/**
 * `@omsorg/domain`: the Omsorg domain model (zod schemas with inferred types) and the Norwegian
 * calendar (public holidays, Europe/Oslo instants across DST, night/weekend/holiday minutes).
 *
 * @packageDocumentation
 */
export * from './calendar/index.js';
export * from './demand-resolution.js';
export * from './errors.js';
export * from './schemas/absence.js';
export * from './schemas/care.js';
export * from './schemas/demand.js';
export * from './schemas/organisation.js';
export * from './schemas/primitives.js';
export * from './schemas/problem.js';
export * from './schemas/rota.js';
export * from './schemas/shifts.js';
export * from './schemas/staff.js';
export * from './schemas-registry.js';
export * from './validate.js';
