/**
 * Golden fixtures: `<name>.input` (the raw message, byte for byte), optional `<name>.context.json`
 * (a {@link FixtureContextFile}) and `<name>.expected.json` (what `detect` and `decode` give).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Adapter, DecodeContext, DecodeIssue, WelfareEvent } from '@omsorg/events';
import { contextFrom, type FixtureContextFile, FixtureContextFileSchema } from './context.js';

/** One golden fixture on disk. */
export interface Fixture {
  /** File name without `.input`. */
  name: string;
  /** The raw message. */
  input: Uint8Array;
  /** The decode context (defaults, the suite's base context, then the fixture's context file). */
  context: DecodeContext;
  /** Path of `<name>.expected.json` (may not exist yet). */
  expectedPath: string;
}

/** What a fixture's `.expected.json` holds. */
export interface GoldenOutput {
  /** What `detect` said. */
  detect: boolean;
  /** The events `decode` emitted. */
  events: WelfareEvent[];
  /** The issues `decode` reported. */
  issues: DecodeIssue[];
  /** The reply: text as is, bytes as `{ hex }`. */
  reply?: string | { hex: string };
}

/** Fixture folder and file problems found while loading. */
export interface FixtureSet {
  /** Fixtures in name order. */
  fixtures: Fixture[];
  /** Problems: unreadable context files, `.expected.json` files without an `.input`. */
  problems: string[];
}

const dirPath = (dir: string | URL): string => (dir instanceof URL ? fileURLToPath(dir) : dir);

/** Load every fixture of a folder. Never throws for bad files; reports them as problems. */
export function loadFixtures(dir: string | URL, base: FixtureContextFile = {}): FixtureSet {
  const root = dirPath(dir);
  const problems: string[] = [];
  if (!existsSync(root)) return { fixtures: [], problems: [`fixtures folder ${root} does not exist`] };
  const files = readdirSync(root).sort();
  const names = files.filter((f) => f.endsWith('.input')).map((f) => f.slice(0, -'.input'.length));
  for (const f of files) {
    if (f.endsWith('.expected.json') && !names.includes(f.slice(0, -'.expected.json'.length))) problems.push(`${f} has no matching .input file`);
  }
  const fixtures = names.map((name) => {
    let file: FixtureContextFile = {};
    const contextPath = join(root, `${name}.context.json`);
    if (existsSync(contextPath)) {
      try {
        const parsed = FixtureContextFileSchema.safeParse(JSON.parse(readFileSync(contextPath, 'utf8')));
        if (parsed.success) file = parsed.data as FixtureContextFile;
        else problems.push(...parsed.error.issues.map((i) => `${name}.context.json: ${i.path.join('.') || '(root)'}: ${i.message}`));
      } catch (e) {
        problems.push(`${name}.context.json is not valid JSON: ${(e as Error).message}`);
      }
    }
    const context = contextFrom(base, file);
    return { name, input: new Uint8Array(readFileSync(join(root, `${name}.input`))), context, expectedPath: join(root, `${name}.expected.json`) };
  });
  return { fixtures, problems };
}

/** Run `detect` and `decode` on a fixture and put the outcome in the golden form (plain JSON data). */
export function goldenOutput(adapter: Adapter, fixture: Fixture): GoldenOutput {
  const result = adapter.decode(fixture.input, fixture.context);
  const out: GoldenOutput = { detect: adapter.detect(fixture.input), events: result.events, issues: result.issues };
  if (result.reply !== undefined) out.reply = typeof result.reply === 'string' ? result.reply : { hex: Buffer.from(result.reply).toString('hex') };
  return JSON.parse(JSON.stringify(out)) as GoldenOutput;
}

/** The expected output of a fixture, or undefined when its `.expected.json` does not exist. */
export function readGolden(fixture: Fixture): GoldenOutput | undefined {
  return existsSync(fixture.expectedPath) ? (JSON.parse(readFileSync(fixture.expectedPath, 'utf8')) as GoldenOutput) : undefined;
}

/** Write a fixture's expected output (2-space JSON and a final newline). */
export function writeGolden(fixture: Fixture, output: GoldenOutput): void {
  writeFileSync(fixture.expectedPath, `${JSON.stringify(output, null, 2)}\n`);
}

/** Whether golden files should be rewritten: `OMSORG_UPDATE_FIXTURES=1` (or `true`). */
export function updateRequested(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const v = env.OMSORG_UPDATE_FIXTURES;
  return v === '1' || v === 'true';
}
