import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineAdapter } from './__fixtures__/line-adapter.js';
import { goldenOutput, loadFixtures, readGolden, updateRequested, writeGolden } from './fixtures.js';

describe('loadFixtures', () => {
  it('given a folder with an orphan expected file and a broken context file, it reports both and loads the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omsorg-kit-'));
    writeFileSync(join(dir, 'a.input'), 'A17;42;FALL;3*12');
    writeFileSync(join(dir, 'a.context.json'), '{ not json');
    writeFileSync(join(dir, 'gone.expected.json'), '{}');
    const set = loadFixtures(dir, { tenant: 'base' });
    expect(set.fixtures.map((f) => [f.name, f.context.tenant, f.context.strict])).toEqual([['a', 'base', true]]);
    expect(set.problems).toEqual(['gone.expected.json has no matching .input file', expect.stringMatching(/^a\.context\.json is not valid JSON/)]);
  });

  it('given a context file with a wrong type and an unknown field, it reports both and uses the defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omsorg-kit-'));
    writeFileSync(join(dir, 'd.input'), 'x');
    writeFileSync(join(dir, 'd.context.json'), JSON.stringify({ strict: 'yes', receivedAt: 'monday', colour: 'red' }));
    const set = loadFixtures(dir);
    expect(set.problems).toHaveLength(3);
    expect(set.problems.join('\n')).toMatch(/d\.context\.json: strict:/);
    expect(set.fixtures[0]!.context.strict).toBe(true);
  });

  it('given a missing folder, it reports it instead of throwing', () => {
    expect(loadFixtures('/no/such/folder').problems).toEqual(['fixtures folder /no/such/folder does not exist']);
  });

  it('given a context file, its values override the base context', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omsorg-kit-'));
    writeFileSync(join(dir, 'b.input'), 'x');
    writeFileSync(join(dir, 'b.context.json'), JSON.stringify({ strict: false, receivedAt: '2025-01-01T00:00:00Z', keys: { '1': 'k' } }));
    const [f] = loadFixtures(dir, { tenant: 't', strict: true }).fixtures;
    expect(f!.context).toEqual({ tenant: 't', strict: false, receivedAt: new Date('2025-01-01T00:00:00Z'), keys: { '1': 'k' } });
  });
});

describe('golden files', () => {
  it('given a fixture, writeGolden then readGolden returns exactly goldenOutput, as 2-space JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omsorg-kit-'));
    writeFileSync(join(dir, 'c.input'), 'A17;42;FALL;3*12');
    const [f] = loadFixtures(dir).fixtures;
    expect(readGolden(f!)).toBeUndefined();
    const out = goldenOutput(lineAdapter, f!);
    writeGolden(f!, out);
    expect(readGolden(f!)).toEqual(out);
    expect(readFileSync(f!.expectedPath, 'utf8')).toBe(`${JSON.stringify(out, null, 2)}\n`);
    expect(out).toMatchObject({ detect: true, reply: 'ACK;A17;42', issues: [] });
  });

  it('given OMSORG_UPDATE_FIXTURES, update is requested only for 1 or true', () => {
    expect([undefined, '0', '1', 'true', 'yes'].map((v) => updateRequested({ OMSORG_UPDATE_FIXTURES: v }))).toEqual([false, false, true, true, false]);
  });
});
