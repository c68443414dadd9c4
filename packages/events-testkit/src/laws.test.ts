import { type Adapter, createEvent, type DecodeContext, type DecodeResult, defineAdapter } from '@omsorg/events';
import { describe, expect, it } from 'vitest';
import { decodeLine, lineAdapter } from './__fixtures__/line-adapter.js';
import { decodeProblems, detectAgreementProblems, detectProblems, idStabilityProblems, manifestProblems, resultProblems, strictSubsetProblems } from './laws.js';

const ctx: DecodeContext = { tenant: 'kristiansand', receivedAt: new Date('2024-01-15T10:00:00Z'), strict: false };
const good = 'A17;42;FALL;3*12';

/** The line adapter with its decode replaced. */
function variant(decode: (raw: Uint8Array | string, c: DecodeContext) => DecodeResult): Adapter {
  return defineAdapter({ manifest: { ...lineAdapter.manifest, capabilities: { ...lineAdapter.manifest.capabilities, encode: false } }, detect: () => true, decode });
}

describe('laws hold for a good adapter', () => {
  it('given the line adapter and a good line, every law reports no problem', () => {
    expect(manifestProblems(lineAdapter)).toEqual([]);
    expect(decodeProblems(lineAdapter, good, ctx)).toEqual([]);
    expect(detectProblems(lineAdapter, good)).toEqual([]);
    expect(idStabilityProblems(lineAdapter, good, ctx, 30_000)).toEqual([]);
    expect(strictSubsetProblems(lineAdapter, good, ctx)).toEqual([]);
  });
});

describe('each law catches the adapter that breaks it', () => {
  it('given an object not built by defineAdapter, manifestProblems says it is not branded', () => {
    const fake = { manifest: lineAdapter.manifest, detect: () => true, decode: () => ({ events: [], issues: [] }), encode: lineAdapter.encode } as unknown as Adapter;
    expect(manifestProblems(fake)).toEqual(['the adapter is not branded: build it with defineAdapter']);
  });

  it('given a decode that throws (not wrapped by defineAdapter), decodeProblems reports the throw', () => {
    const raw = { ...lineAdapter, decode: () => { throw new TypeError('boom'); } } as unknown as Adapter;
    expect(decodeProblems(raw, good, ctx)).toEqual(['decode threw: TypeError: boom']);
  });

  it('given a detect that returns a string, detectProblems says it must be a boolean', () => {
    const raw = { ...lineAdapter, detect: () => 'yes' } as unknown as Adapter;
    expect(detectProblems(raw, good)).toEqual(['detect must return a boolean']);
  });

  it('given lenient decoding that emits an event of an unknown kind, resultProblems reports the invalid event', () => {
    const bad = variant((raw, c) => {
      const r = decodeLine(raw, c);
      return { ...r, events: r.events.map((e) => ({ ...e, data: { ...e.data, kind: 'nonsense' as 'fall' } })) };
    });
    const problems = decodeProblems(bad, good, ctx);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/data\.kind/);
  });

  it('given a random id per call, decodeProblems reports non-determinism', () => {
    let n = 0;
    const bad = variant((raw, c) => {
      const r = decodeLine(raw, c);
      n += 1;
      return { ...r, events: r.events.map((e) => ({ ...e, id: `${e.id}-${n}` })) };
    });
    expect(decodeProblems(bad, good, ctx)).toEqual(['decode is not deterministic: the same message and context gave different results']);
  });

  it('given ids made from the receive time, idStabilityProblems reports the changed ids', () => {
    const bad = variant((_raw, c) => ({
      events: [
        createEvent({ tenant: c.tenant, source: 'urn:x', kind: 'fall', device: { id: 'd' }, codes: { raw: 'F' }, recordedAt: c.receivedAt, idParts: [c.receivedAt.getTime()] }),
      ],
      issues: [],
    }));
    expect(idStabilityProblems(bad, good, ctx, 1000)).toHaveLength(1);
    expect(idStabilityProblems(bad, good, ctx, 0)).toEqual([]);
  });

  it('given a detect that says no to a message decode turns into an event, detectAgreementProblems reports it', () => {
    const blind = defineAdapter({ manifest: { ...lineAdapter.manifest, capabilities: { ...lineAdapter.manifest.capabilities, encode: false } }, detect: () => false, decode: decodeLine });
    expect(detectAgreementProblems(blind, good, ctx)).toEqual(['detect said no to a message that decodes to 1 event(s)']);
    expect(detectAgreementProblems(lineAdapter, good, ctx)).toEqual([]);
  });

  it('given strict decoding that invents an event, strictSubsetProblems reports it', () => {
    const bad = variant((raw, c) => (c.strict ? decodeLine(raw, c) : { events: [], issues: [{ code: 'X', message: { nb: 'x', en: 'x' }, severity: 'error' }] }));
    expect(strictSubsetProblems(bad, good, ctx)).toHaveLength(1);
  });

  it('given results that break the shape rules, resultProblems names each one', () => {
    const event = decodeLine(good, ctx).events[0]!;
    const problems = resultProblems(
      {
        events: [event, { ...event, tenant: 'other', data: { ...event.data, alertKey: `other/A17/zone-3/fall` } }],
        issues: [{ code: 'lower_case', message: { nb: '', en: 'x' }, severity: 'fatal' as 'error' }],
      },
      { ...ctx, receivedAt: new Date('2024-01-15T10:00:01Z') },
    );
    expect(problems).toEqual([
      'issues[0].code "lower_case" is not UPPER_SNAKE',
      'issues[0].message.nb is missing',
      'issues[0].severity is not error or warning',
      'events[0].recordedtime is not the context\'s receivedAt 2024-01-15T10:00:01.000Z',
      'events[1].tenant is not the context\'s tenant kristiansand',
      'events[1].recordedtime is not the context\'s receivedAt 2024-01-15T10:00:01.000Z',
      `events[1] repeats source+id ${event.source} ${event.id}`,
    ]);
    expect(resultProblems({ events: [], issues: [] }, ctx)).toEqual(['decode returned no events, no issues and no reply: say why with an issue']);
  });
});
