import { runAdapterConformance } from '@omsorg/events-testkit';
import { siaDc09Adapter } from './adapter.js';
import { buildDc09Frame } from './protocol/build.js';

// Every shared suite of @omsorg/events-testkit, on this adapter's golden fixtures (fixtures/*.input;
// regenerate inputs with scripts/make-fixtures.ts, expected outputs with OMSORG_UPDATE_FIXTURES=1).
runAdapterConformance(siaDc09Adapter, {
  fixturesDir: new URL('../fixtures', import.meta.url),
  context: { tenant: 'kristiansand' },
  samples: [buildDc09Frame({ token: 'SIA-DCS', sequence: 9999, line: 'L1', account: '9876', data: '#9876|Nri2/FA017', timestamp: new Date('2024-01-15T10:00:00Z') })!],
  encodeRequests: [
    { kind: 'ack', raw: '\n06B0003A"SIA-DCS"0001L0#1234[#1234|Nri1/MA001]_10:00:00,01-15-2024\r' },
    { kind: 'nak' },
    { kind: 'duh', raw: '\n06B0003A"SIA-DCS"0001L0#1234[#1234|Nri1/MA001]_10:00:00,01-15-2024\r' },
  ],
});
