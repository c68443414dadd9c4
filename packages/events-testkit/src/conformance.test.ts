import { lineAdapter } from './__fixtures__/line-adapter.js';
import { runAdapterConformance } from './suite.js';

// The kit proves itself on a small adapter: every suite but encryption (not declared) runs.
runAdapterConformance(lineAdapter, {
  fixturesDir: new URL('../fixtures', import.meta.url),
  samples: ['C9;1;FALL*42'],
  encodeRequests: [{ kind: 'ack', raw: 'A17;42;FALL;3*12' }],
});
