/**
 * fast-check arbitraries of v1 events, for property tests here and in adapter test kits
 * (`@omsorg/events/testing`).
 */
import fc from 'fast-check';
import { createEvent } from '../build.js';
import { CONDITION_STATES, EVENT_KINDS, type EventKind, HANDLING_STATES, LIFECYCLES, PRIORITIES } from '../schema/kinds.js';
import type { WelfareEvent } from '../schema/v1.js';

const token = (max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9._-]{1,${max}}$`));
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });

/** Arbitrary valid v1 events (every field of the standard exercised, optional ones sometimes absent). */
export function welfareEventArbitrary(): fc.Arbitrary<WelfareEvent> {
  return fc
    .record(
      {
        tenant: token(20),
        deviceId: token(24),
        component: token(8),
        kind: fc.constantFrom<EventKind>(...EVENT_KINDS),
        lifecycle: fc.constantFrom(...LIFECYCLES),
        condition: fc.constantFrom(...CONDITION_STATES),
        handling: fc.constantFrom(...HANDLING_STATES),
        priority: fc.constantFrom(...PRIORITIES),
        raw: fc.string({ minLength: 1, maxLength: 12 }),
        sia: fc.stringMatching(/^[A-Z]{2}$/),
        contactId: fc.stringMatching(/^[136]?\d{3}$/),
        vkp: fc.stringMatching(/^\d{1,2}(\.\d{1,2}){0,2}$/),
        time: instant,
        recordedAt: instant,
        seq: fc.nat({ max: 9999 }),
        subject: fc.stringMatching(/^res-[a-f0-9]{4,10}$/), // never 11 digits in a row (a national id)
        repeatCount: fc.integer({ min: 1, max: 50 }),
        unitId: token(10),
        room: token(6),
        battery: fc.integer({ min: 0, max: 100 }),
        lat: fc.double({ min: -90, max: 90, noNaN: true }),
        lon: fc.double({ min: -180, max: 180, noNaN: true }),
        attributes: fc.dictionary(fc.stringMatching(/^[A-Za-z0-9_]{1,10}$/), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()), {
          maxKeys: 4,
        }),
      },
      { requiredKeys: ['tenant', 'deviceId', 'kind', 'lifecycle', 'raw', 'time', 'recordedAt'] },
    )
    .map((r) =>
      createEvent({
        tenant: r.tenant,
        source: `urn:omsorg:${r.tenant}:arb:${r.deviceId}`,
        kind: r.kind,
        lifecycle: r.lifecycle,
        ...(r.condition ? { condition: r.condition } : {}),
        ...(r.handling ? { handling: r.handling } : {}),
        ...(r.priority ? { priority: r.priority } : {}),
        device: {
          id: r.deviceId,
          ...(r.component ? { component: r.component } : {}),
          ...(r.battery === undefined ? {} : { batteryPercent: r.battery }),
        },
        codes: {
          raw: r.raw,
          ...(r.sia ? { sia: r.sia } : {}),
          ...(r.contactId ? { contactId: r.contactId } : {}),
          ...(r.vkp ? { vkp: r.vkp } : {}),
        },
        time: r.time,
        recordedAt: r.recordedAt,
        idParts: [r.raw, r.seq ?? 0, r.time.toISOString()],
        ...(r.seq === undefined ? {} : { sequence: String(r.seq) }),
        ...(r.subject ? { subject: r.subject } : {}),
        ...(r.repeatCount ? { repeatCount: r.repeatCount } : {}),
        ...(r.unitId || r.room || r.lat !== undefined
          ? {
              location: {
                ...(r.unitId ? { unitId: r.unitId } : {}),
                ...(r.room ? { room: r.room } : {}),
                ...(r.lat !== undefined && r.lon !== undefined ? { geo: { lat: r.lat, lon: r.lon } } : {}),
              },
            }
          : {}),
        ...(r.attributes ? { attributes: r.attributes } : {}),
      }),
    );
}

/** Values that break one rule or another when put somewhere in an event. */
const TRICKY_VALUES: unknown[] = [
  '',
  ' ',
  'x',
  'A B',
  'a/b',
  '12345678901',
  '010190 12345',
  '2026-13-01T00:00:00Z',
  '2026-11-23T10:00:00',
  '2026-11-23T10:00:00+01:00',
  'no.omsorg.care.fall.raised',
  '1.0',
  '0.3',
  'application/json',
  'fall',
  'care',
  'technical',
  'raised',
  'critical',
  'ZZ',
  '1101',
  '4.1',
  'x'.repeat(201),
  'x'.repeat(600),
  0,
  1,
  -1,
  1.5,
  101,
  2147483648,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  null,
  undefined,
  {},
  [],
  ['a'],
  { id: 'x', component: 'y' },
];

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const out: Path[] = [prefix];
  for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(root: unknown, path: Path, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as Record<string, unknown>) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Path];
  if (rest.length === 0) {
    if (remove) delete copy[head];
    else copy[head] = value;
  } else copy[head] = setAt(copy[head], rest, value, remove);
  return copy;
}

/**
 * Arbitrary values near valid events: a valid event with one field replaced by a tricky value,
 * removed, or an extra attribute added (some valid, most not). About one in five is unchanged.
 */
export function nearEventArbitrary(): fc.Arbitrary<unknown> {
  return welfareEventArbitrary().chain((event) => {
    const all = paths(event).filter((p) => p.length > 0);
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant<unknown>(event) },
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.constantFrom(...all), fc.constantFrom(...TRICKY_VALUES))
          .map(([path, value]) => setAt(event, path, value, false)),
      },
      { weight: 1, arbitrary: fc.constantFrom(...all).map((path) => setAt(event, path, undefined, true)) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom('traceid', 'Bad', 'data_base64', 'x'.repeat(21), 'ok1'), fc.constantFrom(...TRICKY_VALUES))
          .map(([name, value]) => setAt(event, [name], value, false)),
      },
    );
  });
}
