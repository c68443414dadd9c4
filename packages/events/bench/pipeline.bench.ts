// Benchmark: events/second through decode → validate → pipeline on one core, against constructing
// and validating the same events with the `cloudevents` SDK in the same run, plus a memory-flatness
// run. `pnpm bench` (root) or `pnpm --filter @omsorg/events bench`.
//   BENCH_EVENTS      messages per throughput pass (default 300 000)
//   BENCH_MEMORY      messages in the memory run (default 2 000 000, about a minute; 10 000 000 for
//                     the full run; 0 skips it)
//   BENCH_SEMI_SPACE_MB  V8's young generation (`--max-semi-space-size`, default 64, as recommended for
//                     a receiver in the package README; 0 = Node's own default). Both sides run with it.
// The script re-runs itself with that flag, pinned to CPU 0 with `taskset` when that exists.
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CloudEvent } from 'cloudevents';
import {
  CATEGORY_OF_KIND,
  DEFAULT_PRIORITY,
  type DeadLetter,
  EVENT_DATASCHEMA_V1,
  EventPipeline,
  eventId,
  eventType,
  isWelfareEvent,
  type WelfareEvent,
  WelfareEventSchema,
} from '../src/index.js';
import { JSON_VENDOR_CODES, jsonVendorAdapter } from '../src/testing/json-vendor.js';

const SEMI_SPACE_MB = Number(process.env.BENCH_SEMI_SPACE_MB ?? 64);
if (!process.env.OMSORG_BENCH_CHILD) {
  const pin = spawnSync('taskset', ['-V']).status === 0;
  const node = [process.execPath, ...process.execArgv, '--expose-gc', ...(SEMI_SPACE_MB > 0 ? [`--max-semi-space-size=${SEMI_SPACE_MB}`] : []), fileURLToPath(import.meta.url)];
  const r = spawnSync(pin ? 'taskset' : node[0]!, pin ? ['-c', '0', ...node] : node.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, OMSORG_BENCH_CHILD: '1', ...(pin ? { OMSORG_BENCH_PINNED: '1' } : {}) },
  });
  process.exit(r.status ?? 1);
}

const N = Number(process.env.BENCH_EVENTS ?? 300_000);
const MEMORY_N = Number(process.env.BENCH_MEMORY ?? 2_000_000);
const DEVICES = 5_000;
const T0 = Date.parse('2026-11-23T10:00:00Z');
const encoder = new TextEncoder();

/** Message i of a realistic mix: heartbeats, alarm presses and restores, doors, beds, falls, batteries. */
function messageText(i: number): string {
  const device = i % DEVICES;
  const r = (i * 2654435761) % 100;
  let code: string;
  let state = '';
  if (r < 55) code = 'HB';
  else if (r < 65) code = 'BTN';
  else if (r < 70) [code, state] = ['BTN', 'restore'];
  else if (r < 78) code = 'DOOR';
  else if (r < 84) [code, state] = ['DOOR', 'restore'];
  else if (r < 92) code = 'BED';
  else if (r < 95) [code, state] = ['BED', 'restore'];
  else if (r < 97) code = 'FALL';
  else code = 'BATT';
  const ts = new Date(T0 + i).toISOString();
  return `{"acct":"A${device}","seq":${i},"ts":"${ts}","code":"${code}","zone":"${i % 3}"${state ? `,"state":"${state}"` : ''}}`;
}

function newPipeline(deadLetters: { put(l: DeadLetter): void }): EventPipeline {
  return new EventPipeline({ tenant: 'agder', adapters: [jsonVendorAdapter], deadLetters });
}

/**
 * The full pipeline. The events are passed on and dropped, as the SDK passes drop theirs; `keep`
 * collects them (outside the timed passes) for the validation comparison.
 */
function ours(messages: readonly Uint8Array[], keep?: WelfareEvent[]): { seconds: number; emitted: number } {
  let dead = 0;
  const p = newPipeline({ put: () => dead++ });
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < messages.length; i++) {
    // A receiver port is bound to its protocol, so the adapter is named rather than detected.
    const r = p.ingest(messages[i]!, { receivedAt: new Date(T0 + i), adapterId: 'json-vendor' });
    sink += r.events.length;
    if (keep) for (const e of r.events) keep.push(e);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (dead > 0) throw new Error(`unexpected dead letters: ${dead}`);
  if (sink < p.stats.emitted) throw new Error('events lost');
  return { seconds, emitted: p.stats.emitted };
}

/** Our standard step alone: decode the bytes into events and validate them (strict), no pipeline stages. */
function oursDecodeOnly(messages: readonly Uint8Array[]): { seconds: number } {
  const start = process.hrtime.bigint();
  let n = 0;
  for (let i = 0; i < messages.length; i++) {
    n += jsonVendorAdapter.decode(messages[i]!, { tenant: 'agder', receivedAt: new Date(T0 + i), strict: true }).events.length;
  }
  if (n !== messages.length) throw new Error('decode lost events');
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

const decoder = new TextDecoder();

/**
 * The SDK path, the same work as `oursDecodeOnly`: parse the same bytes, build the same event (the
 * same SHA-256 id, type, times, extensions and payload as the JSON vendor adapter builds) and have
 * the SDK construct and validate it. `sameEventsCheck` shows the attributes are equal.
 */
function sdkAttributes(bytes: Uint8Array, i: number): Record<string, unknown> {
  const text = decoder.decode(bytes);
  const m = JSON.parse(text) as { acct: string; seq: number; ts: string; code: string; zone: string; state?: string };
  const entry = JSON_VENDOR_CODES[m.code]!;
  const kind = entry.kind;
  const category = CATEGORY_OF_KIND[kind];
  const lifecycle = m.state === 'restore' ? 'resolved' : 'raised';
  const source = `urn:omsorg:agder:json-vendor:${m.acct}`;
  const codes: Record<string, string> = { raw: m.code };
  if (entry.sia) codes.sia = entry.sia;
  if (entry.contactId) codes.contactId = entry.contactId;
  if (entry.vkp) codes.vkp = entry.vkp;
  return {
    specversion: '1.0',
    id: eventId(source, text),
    source,
    type: eventType(category, kind, lifecycle),
    time: m.ts,
    datacontenttype: 'application/json',
    dataschema: EVENT_DATASCHEMA_V1,
    recordedtime: new Date(T0 + i).toISOString(),
    tenant: 'agder',
    data: {
      category,
      kind,
      lifecycle,
      condition: lifecycle === 'raised' ? 'active' : 'cleared',
      handling: lifecycle === 'raised' ? 'unhandled' : 'closed',
      priority: DEFAULT_PRIORITY[kind],
      alertKey: `agder/${m.acct}/${m.zone}/${kind}`,
      repeatCount: 1,
      device: { id: m.acct, vendor: 'JSON Vendor', component: m.zone },
      codes,
    },
    sequence: String(m.seq),
  };
}

function sdk(messages: readonly Uint8Array[]): { seconds: number } {
  const start = process.hrtime.bigint();
  let n = 0;
  for (let i = 0; i < messages.length; i++) {
    // The constructor validates (strict mode is the SDK's default) and throws on an invalid event.
    new CloudEvent(sdkAttributes(messages[i]!, i));
    n++;
  }
  if (n !== messages.length) throw new Error('SDK rejected events');
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** Both sides of B build equal events (checked on the first 2 000 messages, untimed). */
function sameEventsCheck(messages: readonly Uint8Array[]): void {
  const sorted = (o: object) => JSON.stringify(o, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));
  for (let i = 0; i < Math.min(2_000, messages.length); i++) {
    const ourEvent = jsonVendorAdapter.decode(messages[i]!, { tenant: 'agder', receivedAt: new Date(T0 + i), strict: true }).events[0];
    if (ourEvent === undefined || sorted(ourEvent) !== sorted(sdkAttributes(messages[i]!, i))) throw new Error(`the SDK side builds another event for message ${i}`);
  }
}

function validateOnly(events: readonly WelfareEvent[]): { fast: number; zod: number; sdk: number } {
  // Best of three, like the other measures.
  const time = (f: () => void) => {
    let best = Number.POSITIVE_INFINITY;
    for (let pass = 0; pass < 3; pass++) {
      const s = process.hrtime.bigint();
      f();
      best = Math.min(best, Number(process.hrtime.bigint() - s) / 1e9);
    }
    return events.length / best;
  };
  const fast = time(() => {
    for (const e of events) if (!isWelfareEvent(e)) throw new Error('fast validator rejected a valid event');
  });
  const zod = time(() => {
    for (const e of events) if (!WelfareEventSchema.safeParse(e).success) throw new Error('zod rejected a valid event');
  });
  const sdkRate = time(() => {
    for (const e of events) new CloudEvent(e as unknown as Record<string, unknown>);
  });
  return { fast, zod, sdk: sdkRate };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;

console.log(`@omsorg/events benchmark — Node ${process.version}, ${process.env.OMSORG_BENCH_PINNED ? 'pinned to CPU 0' : 'not pinned'}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs`);
console.log(`messages per pass: ${fmt(N)} (JSON vendor adapter, ${fmt(DEVICES)} devices, mixed kinds)`);
console.log(`V8 young generation: ${SEMI_SPACE_MB > 0 ? `--max-semi-space-size=${SEMI_SPACE_MB}` : "Node's default"} (BENCH_SEMI_SPACE_MB)`);
const messages = Array.from({ length: N }, (_, i) => encoder.encode(messageText(i)));

sameEventsCheck(messages);
// Warm up every path, then take the best of three passes each.
ours(messages.slice(0, 50_000));
sdk(messages.slice(0, 50_000));
oursDecodeOnly(messages.slice(0, 50_000));
let best = Number.POSITIVE_INFINITY;
let bestSdk = Number.POSITIVE_INFINITY;
let bestDecode = Number.POSITIVE_INFINITY;
let last: ReturnType<typeof ours> | undefined;
for (let pass = 0; pass < 3; pass++) {
  last = ours(messages);
  best = Math.min(best, last.seconds);
  bestSdk = Math.min(bestSdk, sdk(messages).seconds);
  bestDecode = Math.min(bestDecode, oursDecodeOnly(messages).seconds);
}
const kept: WelfareEvent[] = [];
ours(messages.slice(0, 100_000), kept);
const v = validateOnly(kept);
const oursRate = N / best;
const sdkRawRate = N / bestSdk;
const goal = oursRate >= 200_000 && oursRate / v.sdk >= 2;
console.log('');
console.log('A. the issue\'s measure (best of 3)');
console.log(`  omsorg: bytes → decode → validate → heartbeat/dedupe/correlate/flapping : ${fmt(oursRate)} messages/s (${fmt(last!.emitted)} events emitted per pass)`);
console.log(`  cloudevents SDK: new CloudEvent(same events), which validates        : ${fmt(v.sdk)} events/s`);
console.log(`  ratio ${(oursRate / v.sdk).toFixed(2)}×; goal ≥ 200,000/s and ≥ 2×: ${goal ? 'met' : 'NOT met'}`);
console.log('');
console.log('B. equal work: bytes → one valid CloudEvent (best of 3)');
console.log(`  omsorg adapter.decode (JSON, hash id, build, strict validation)        : ${fmt(N / bestDecode)} messages/s`);
console.log(`  cloudevents SDK JSON.parse → same attributes (hash id) → new CloudEvent : ${fmt(sdkRawRate)} messages/s`);
console.log(`  ratio ${(sdkRawRate > 0 ? N / bestDecode / sdkRawRate : 0).toFixed(2)}×`);
console.log('');
console.log('C. validation alone, events/s (same events)');
console.log(`  omsorg fast validator (generated from the JSON Schema): ${fmt(v.fast)}  (${(v.fast / v.sdk).toFixed(2)}× the SDK)`);
console.log(`  omsorg zod schema (source of truth)                  : ${fmt(v.zod)}`);
console.log(`  cloudevents SDK new CloudEvent(e) (validates)        : ${fmt(v.sdk)}`);

if (MEMORY_N > 0) {
  console.log('');
  console.log(`memory: ${fmt(MEMORY_N)} messages through one pipeline${gc ? ' (heap after gc)' : ' (run with --expose-gc for exact heap figures)'}`);
  let dead = 0;
  const p = newPipeline({ put: () => dead++ });
  const step = Math.max(1, Math.floor(MEMORY_N / 10));
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < MEMORY_N; i++) {
    p.ingest(encoder.encode(messageText(i)), { receivedAt: new Date(T0 + i), adapterId: 'json-vendor' });
    if ((i + 1) % 100_000 === 0) p.tick(new Date(T0 + i));
    if ((i + 1) % step === 0) {
      // Twice: array buffers freed by one full collection are swept in the background and counted
      // as gone only after the next one.
      gc?.();
      gc?.();
      // The JS heap plus array buffers (typed arrays, such as the dedupe table, live outside the heap).
      const { heapUsed: heap, arrayBuffers } = process.memoryUsage();
      samples.push(heap + arrayBuffers);
      console.log(
        `  after ${fmt(i + 1).padStart(12)}: heap ${mb(heap).padStart(9)} + array buffers ${mb(arrayBuffers).padStart(8)}  open alerts ${fmt(p.correlator.size)}  dedupe ${fmt(p.deduplicator.size)}`,
      );
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const s = p.stats;
  const firstSample = samples[0] ?? 0;
  const growth = (Math.max(...samples) - firstSample) / Math.max(1, firstSample);
  console.log(`  ${fmt(MEMORY_N)} messages in ${seconds.toFixed(1)} s (${fmt(MEMORY_N / seconds)}/s incl. building each message)`);
  console.log(`  emitted ${fmt(s.emitted)}, duplicates ${fmt(s.duplicates)}, suppressed (flapping) ${fmt(s.suppressed)}, dead letters ${fmt(dead)}`);
  console.log(`  growth of heap + array buffers from the first sample to the peak: ${(growth * 100).toFixed(1)} %  → ${growth < 0.25 ? 'flat' : 'NOT flat'}`);
}
