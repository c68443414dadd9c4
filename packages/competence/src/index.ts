/**
 * `@omsorg/competence`: task sharing (oppgavedeling) — the task catalogue, service decisions
 * expanded into timed tasks, task-mapping analysis from time studies, right-competence allocation
 * and the demand per role per shift it implies, competence progression and profession checklists.
 *
 * @packageDocumentation
 */
export * from './allocation.js';
export * from './catalogue/default.js';
export * from './catalogue/schema.js';
export * from './checklist.js';
export * from './demand.js';
export * from './errors.js';
export * from './occurrences.js';
export * from './progression.js';
export * from './roles.js';
export * from './time-study/analyse.js';
export * from './time-study/parse.js';
export * from './time-study/report.js';
