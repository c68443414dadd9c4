/**
 * `runAdapterConformance`: every shared suite for one adapter, in one call inside a vitest file.
 */
import { fc, test } from '@fast-check/vitest';
import type { Adapter, DecodeContext, EncodeRequest, RawMessage } from '@omsorg/events';
import { describe, expect, it } from 'vitest';
import { mutatedMessageArbitrary, untrustedMessageArbitrary } from './arbitraries.js';
import { contextFrom, type FixtureContextFile, withContext } from './context.js';
import { goldenOutput, loadFixtures, readGolden, updateRequested, writeGolden } from './fixtures.js';
import { decodeProblems, detectAgreementProblems, detectProblems, idStabilityProblems, manifestProblems, resultProblems, strictSubsetProblems } from './laws.js';

/** Options of {@link runAdapterConformance}. */
export interface ConformanceOptions {
  /** Folder of golden fixtures (`*.input`, `*.context.json`, `*.expected.json`); a path or a file URL. */
  fixturesDir: string | URL;
  /** Context every fixture starts from (a fixture's `.context.json` overrides it). */
  context?: FixtureContextFile;
  /** More valid messages for the properties, besides the fixture inputs (decoded with `context`). */
  samples?: readonly RawMessage[];
  /** Requests for `encode`; required when the manifest declares `encode`. */
  encodeRequests?: readonly EncodeRequest[];
  /** Runs per property (default: the global fast-check setting). */
  numRuns?: number;
  /** Rewrite the golden files instead of comparing (default: `OMSORG_UPDATE_FIXTURES=1`). */
  update?: boolean;
}

interface Sample {
  raw: RawMessage;
  bytes: Uint8Array;
  ctx: DecodeContext;
}

const asBytes = (raw: RawMessage): Uint8Array => (typeof raw === 'string' ? new TextEncoder().encode(raw) : raw);
const noProblems = (problems: string[]) => expect(problems, problems.join('\n')).toEqual([]);

/**
 * Register the conformance suites for `adapter` with vitest: manifest, golden fixtures, properties
 * (decode and detect never throw on untrusted bytes; decode is deterministic; every event valid;
 * ids stable across receive times), and one suite per capability flag (`encode`, `replies`,
 * `heartbeat`, `encryption`, `strictMode`), skipped when the adapter does not declare it.
 */
export function runAdapterConformance(adapter: Adapter, options: ConformanceOptions): void {
  const id = adapter?.manifest?.id ?? '(unbranded adapter)';
  const caps = adapter?.manifest?.capabilities ?? { encode: false, replies: false, heartbeat: false, encryption: false, strictMode: false };
  const { fixtures, problems: fixtureProblems } = loadFixtures(options.fixturesDir, options.context);
  const update = options.update ?? updateRequested();
  const samples: Sample[] = [
    ...fixtures.map((f) => ({ raw: f.input, bytes: f.input, ctx: f.context })),
    ...(options.samples ?? []).map((raw) => ({ raw, bytes: asBytes(raw), ctx: contextFrom(options.context) })),
  ];
  const params = options.numRuns === undefined ? {} : { numRuns: options.numRuns };
  const baseCtx = contextFrom(options.context);

  describe(`conformance: ${id}`, () => {
    describe('manifest', () => {
      it('is branded, valid, covers this standard version, and declares encode exactly when it has one', () => {
        noProblems(manifestProblems(adapter));
      });
    });

    describe('golden fixtures', () => {
      it('has fixtures, and every file in the folder belongs to one', () => {
        noProblems(fixtureProblems);
        expect(fixtures.length, 'add at least one <name>.input to the fixtures folder').toBeGreaterThan(0);
      });
      it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
        noProblems(resultProblems(adapter.decode(fixture.input, fixture.context), fixture.context));
        const actual = goldenOutput(adapter, fixture);
        if (update) writeGolden(fixture, actual);
        const expected = readGolden(fixture);
        expect(expected, `${fixture.name}.expected.json is missing: run with OMSORG_UPDATE_FIXTURES=1 and review it`).toBeDefined();
        expect(actual).toEqual(expected);
      });
    });

    // Untrusted input paired with a context: random bytes with the base context, or a mutated
    // sample with that sample's own context (its keys and receive time).
    const cases = fc.oneof(
      untrustedMessageArbitrary([]).map((raw) => ({ raw, ctx: baseCtx })),
      ...(samples.length === 0
        ? []
        : [fc.constantFrom(...samples).chain((s) => fc.oneof(fc.constant(s.bytes), mutatedMessageArbitrary([s.bytes])).map((raw) => ({ raw, ctx: s.ctx })))]),
    );

    describe('properties', () => {
      const untrusted = untrustedMessageArbitrary(samples.map((s) => s.bytes));
      test.prop([cases, fc.boolean()], params)('decode never throws, is deterministic and emits only valid events', (c, strict) => {
        noProblems(decodeProblems(adapter, c.raw, withContext(c.ctx, { strict })));
      });
      test.prop([untrusted], params)('detect never throws and returns a boolean', (raw) => {
        noProblems(detectProblems(adapter, raw));
      });
      if (samples.length > 0) {
        test.prop([fc.constantFrom(...samples), fc.integer({ min: -60_000, max: 60_000 })], params)(
          'the same message received at another time keeps its event ids',
          (sample, shift) => {
            noProblems(idStabilityProblems(adapter, sample.raw, sample.ctx, shift));
          },
        );
        it('every sample is decoded by its own context without breaking a law, and detected when it yields events', () => {
          noProblems(samples.flatMap((s) => [...decodeProblems(adapter, s.raw, s.ctx), ...detectAgreementProblems(adapter, s.raw, s.ctx)]));
        });
      }
    });

    describe.skipIf(!caps.strictMode)('capability: strictMode', () => {
      test.prop([cases], params)('strict decoding emits nothing lenient decoding would not', (c) => {
        noProblems(strictSubsetProblems(adapter, c.raw, c.ctx));
      });
      it('some fixture is accepted leniently and rejected strictly', () => {
        const rejectedOnlyStrictly = samples.filter((s) => {
          const strict = adapter.decode(s.raw, withContext(s.ctx, { strict: true }));
          const lenient = adapter.decode(s.raw, withContext(s.ctx, { strict: false }));
          return lenient.events.length > 0 && strict.events.length === 0 && strict.issues.some((i) => i.severity === 'error');
        });
        expect(rejectedOnlyStrictly.length, 'add a fixture that only lenient decoding accepts (e.g. a wrong checksum)').toBeGreaterThan(0);
      });
    });

    describe.skipIf(!caps.heartbeat)('capability: heartbeat', () => {
      it('some fixture decodes to a system.heartbeat event', () => {
        const kinds = samples.flatMap((s) => adapter.decode(s.raw, s.ctx).events.map((e) => `${e.data.category}.${e.data.kind}`));
        expect(kinds, 'add a heartbeat fixture').toContain('system.heartbeat');
      });
    });

    describe.skipIf(!caps.replies)('capability: replies', () => {
      it('some fixture gets a reply, and every reply is non-empty text or bytes', () => {
        const replies = samples.map((s) => adapter.decode(s.raw, s.ctx).reply).filter((r) => r !== undefined);
        expect(replies.length, 'add a fixture the protocol answers').toBeGreaterThan(0);
        for (const r of replies) expect(typeof r === 'string' ? r.length : r.byteLength).toBeGreaterThan(0);
      });
    });

    describe.skipIf(!caps.encryption)('capability: encryption', () => {
      it('some fixture needs keys, and without them it yields no events and an error issue', () => {
        const keyed = samples.filter((s) => s.ctx.keys !== undefined && adapter.decode(s.raw, s.ctx).events.length > 0);
        expect(keyed.length, 'add an encrypted fixture with keys in its .context.json').toBeGreaterThan(0);
        for (const s of keyed) {
          const without = adapter.decode(s.raw, withContext(s.ctx, { dropKeys: true }));
          expect(without.events).toEqual([]);
          expect(without.issues.some((i) => i.severity === 'error')).toBe(true);
        }
      });
    });

    describe.skipIf(!caps.encode)('capability: encode', () => {
      it('encodes every request to non-empty text or bytes, the same each time', () => {
        const requests = options.encodeRequests ?? [];
        expect(requests.length, 'the manifest declares encode: pass encodeRequests').toBeGreaterThan(0);
        for (const request of requests) {
          const fixed = { ...request, time: request.time ?? new Date(baseCtx.receivedAt) };
          const a = adapter.encode!(fixed);
          const b = adapter.encode!(fixed);
          expect(typeof a === 'string' ? a.length : a.byteLength).toBeGreaterThan(0);
          expect(a).toEqual(b);
        }
      });
    });
  });
}
