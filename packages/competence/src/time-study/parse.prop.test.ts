import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { defaultCatalogue } from '../catalogue/default.js';
import { parseTimeStudyCsv, parseTimeStudyJson, TimeStudyRowSchema } from './parse.js';

const catalogue = defaultCatalogue();
const cell = fc.oneof(fc.constantFrom('sykepleier', 'nurse', 'insulin', 'shower', '10', '7,5', '-3', '', '"', '""', ';', ',', '2027-02-01'), fc.string({ maxLength: 8 }));
const csvArb = fc
  .record({
    header: fc.shuffledSubarray(['rolle', 'oppgave', 'minutter', 'dato', 'team', 'ansatt', 'x'], { minLength: 0 }),
    rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 8 }),
    delimiter: fc.constantFrom(';', ',', '\t'),
    eol: fc.constantFrom('\n', '\r\n'),
  })
  .map(({ header, rows, delimiter, eol }) => [header, ...rows].map((r) => r.join(delimiter)).join(eol));

function wellFormed(result: ReturnType<typeof parseTimeStudyCsv>) {
  for (const row of result.rows) expect(TimeStudyRowSchema.safeParse(row).success).toBe(true);
  for (const i of result.issues) {
    expect(i.code).toMatch(/^[A-Z_]+$/);
    expect(i.message.nb.length).toBeGreaterThan(0);
    expect(i.message.en.length).toBeGreaterThan(0);
  }
}

describe('time-study parsers never crash', () => {
  test.prop([fc.oneof(csvArb, fc.string({ maxLength: 200 }))])('any text as CSV gives valid rows and well-formed issues', (text) => {
    wellFormed(parseTimeStudyCsv(text, { catalogue }));
  });

  test.prop([fc.anything()])('any value as JSON gives valid rows and well-formed issues', (value) => {
    wellFormed(parseTimeStudyJson(value, { catalogue }));
  });
});
