/**
 * `@omsorg/events/testing`: fast-check arbitraries of v1 events for property tests.
 *
 * @packageDocumentation
 */
export { nearEventArbitrary, welfareEventArbitrary } from './arbitraries.js';
