/**
 * `@omsorg/events-testkit`: the conformance suites every Omsorg event adapter runs, in one call:
 *
 * ```ts
 * import { runAdapterConformance } from '@omsorg/events-testkit';
 * runAdapterConformance(myAdapter, { fixturesDir: new URL('../fixtures', import.meta.url) });
 * ```
 *
 * @packageDocumentation
 */
export * from './arbitraries.js';
export * from './context.js';
export * from './fixtures.js';
export * from './laws.js';
export * from './suite.js';
