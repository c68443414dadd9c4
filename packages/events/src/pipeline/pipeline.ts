import { type Adapter, type DecodeContext, type DecodeResult, isAdapter, type RawMessage } from '../adapter.js';
import { AdapterError, type DecodeIssue } from '../errors.js';
import type { WelfareEvent } from '../schema/v1.js';
import { epochMs } from '../time.js';
import { validateEvent } from '../validate.js';
import { AlertCorrelator } from './correlate.js';
import { type DeadLetter, type DeadLetterReason, type DeadLetterSink, MemoryDeadLetterSink, rawBytes } from './dead-letters.js';
import { Deduplicator } from './dedupe.js';
import { FlappingDetector } from './flapping.js';
import { HeartbeatMonitor, type SignOfLife } from './heartbeat.js';

/** Options of {@link EventPipeline}. Every stage can be passed in (configured or shared) or turned off. */
export interface EventPipelineOptions {
  /** Tenant of this receiver. */
  tenant: string;
  /** Adapters, tried in order by `detect` unless `ingest` names one. */
  adapters: readonly Adapter[];
  /** Ask adapters for strict decoding (default true). */
  strict?: boolean;
  /** Options per adapter id, passed as `DecodeContext.options`. */
  adapterOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Secrets per adapter id, passed as `DecodeContext.keys`. */
  keys?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Where undecodable messages go (default: a {@link MemoryDeadLetterSink}). */
  deadLetters?: DeadLetterSink;
  /** Default: a new {@link Deduplicator}. */
  deduplicator?: Deduplicator;
  /** Default: a new {@link AlertCorrelator}. */
  correlator?: AlertCorrelator;
  /** Default: a new {@link FlappingDetector}; `false` turns flapping detection off. */
  flapping?: FlappingDetector | false;
  /** Default: a new {@link HeartbeatMonitor}; `false` turns offline detection off. */
  heartbeat?: HeartbeatMonitor | false;
}

/**
 * What became of one message: `emitted` (events went out), `partial` (some went out, the message
 * is also a dead letter), `dead-lettered` (nothing usable), `absorbed` (valid, but every event was
 * a duplicate or suppressed as flapping, or the message carried no event, e.g. a bare heartbeat).
 */
export type IngestOutcome = 'emitted' | 'partial' | 'dead-lettered' | 'absorbed';

/** The result of ingesting one message. */
export interface IngestResult {
  /** What became of it. */
  outcome: IngestOutcome;
  /** Events to pass on, in order (may include a device_offline `resolved` before the message's own). */
  events: WelfareEvent[];
  /** Bytes to send back to the device, if the adapter built a reply. */
  reply?: RawMessage;
  /** The dead letter written, if any. */
  deadLetter?: DeadLetter;
  /** The adapter that decoded it. */
  adapterId?: string;
}

/** Counters since the pipeline was created. */
export interface PipelineStats {
  /** Messages in. */
  received: number;
  /** Messages per outcome; they add up to `received`. */
  outcomes: Record<IngestOutcome, number>;
  /** Valid events decoded from messages. */
  decoded: number;
  /** Of those: passed on, dropped as duplicates, suppressed as flapping (they add up to `decoded`). */
  emitted: number;
  /** Retransmissions dropped. */
  duplicates: number;
  /** Flapping transitions suppressed. */
  suppressed: number;
  /** Events the pipeline made itself (device_offline raise/resolve, flapping settled). */
  generated: number;
}

const ISSUE_DETECT = 'ADAPTER_DETECT_FAILED';
// Shared by every named-adapter pick; never written to (`ingest` copies before adding).
const NO_ISSUES: DecodeIssue[] = [];

/**
 * The event pipeline: adapter detection and decoding → validation → heartbeat (sign of life) →
 * dedupe by `source`+`id` → correlation by `alertKey` → flapping. Synchronous and allocation-light
 * on the hot path; no broker: feed it from a socket, a queue consumer or a file, and pass the
 * returned events on. Call {@link EventPipeline.tick} periodically for offline detection and to
 * settle flapping alerts.
 */
export class EventPipeline {
  readonly #tenant: string;
  readonly #adapters: readonly Adapter[];
  readonly #byId: ReadonlyMap<string, Adapter>;
  readonly #strict: boolean;
  readonly #options: EventPipelineOptions;
  /** Where dead letters go. */
  readonly deadLetters: DeadLetterSink;
  /** The deduplication stage. */
  readonly deduplicator: Deduplicator;
  /** The correlation stage. */
  readonly correlator: AlertCorrelator;
  /** The flapping stage, if on. */
  readonly flapping: FlappingDetector | undefined;
  /** The heartbeat stage, if on. */
  readonly heartbeat: HeartbeatMonitor | undefined;
  // One sign of life, refilled per event (the monitor copies what it keeps).
  readonly #sign: Omit<SignOfLife, 'intervalSeconds'> & { intervalSeconds: number | undefined } = { tenant: '', deviceId: '', at: 0, intervalSeconds: undefined };
  readonly #stats: PipelineStats = {
    received: 0,
    outcomes: { emitted: 0, partial: 0, 'dead-lettered': 0, absorbed: 0 },
    decoded: 0,
    emitted: 0,
    duplicates: 0,
    suppressed: 0,
    generated: 0,
  };

  constructor(options: EventPipelineOptions) {
    for (const a of options.adapters) {
      // Strict decoding trusts defineAdapter's validation, so only branded adapters are accepted.
      if (!isAdapter(a)) throw new AdapterError('ADAPTER_NOT_BRANDED', String((a as { manifest?: { id?: unknown } })?.manifest?.id ?? '?'), 'not built by defineAdapter');
    }
    this.#options = options;
    this.#tenant = options.tenant;
    this.#adapters = options.adapters;
    this.#byId = new Map(options.adapters.map((a) => [a.manifest.id, a]));
    this.#strict = options.strict ?? true;
    this.deadLetters = options.deadLetters ?? new MemoryDeadLetterSink();
    this.deduplicator = options.deduplicator ?? new Deduplicator();
    this.correlator = options.correlator ?? new AlertCorrelator();
    this.flapping = options.flapping === false ? undefined : (options.flapping ?? new FlappingDetector());
    this.heartbeat = options.heartbeat === false ? undefined : (options.heartbeat ?? new HeartbeatMonitor());
  }

  /** A snapshot of the counters. */
  get stats(): PipelineStats {
    return { ...this.#stats, outcomes: { ...this.#stats.outcomes } };
  }

  /** Ingest one message. Never throws on bad input. */
  ingest(raw: RawMessage, meta: { receivedAt?: Date; adapterId?: string } = {}): IngestResult {
    const receivedAt = meta.receivedAt ?? new Date();
    this.#stats.received++;
    const picked = this.#pick(raw, meta.adapterId);
    if (!picked.adapter) return this.#dead(raw, receivedAt, 'NO_ADAPTER', undefined, picked.issues, [], undefined, 'dead-lettered', 0);
    const adapter = picked.adapter;
    const id = adapter.manifest.id;
    const ctx: DecodeContext = { tenant: this.#tenant, receivedAt, strict: this.#strict };
    const options = this.#options.adapterOptions?.[id];
    if (options) ctx.options = options;
    const keys = this.#options.keys?.[id];
    if (keys) ctx.keys = keys;
    const result: DecodeResult = adapter.decode(raw, ctx);
    // Copied before anything is added: the decode result is the adapter's.
    let issues: DecodeIssue[] = picked.issues.length === 0 ? result.issues : [...picked.issues, ...result.issues];
    // In strict mode `defineAdapter` has validated every event already (invalid ones are issues).
    let valid: WelfareEvent[] = result.events;
    let invalid = 0;
    if (!this.#strict) {
      valid = [];
      if (issues === result.issues) issues = issues.slice();
      for (let i = 0; i < result.events.length; i++) {
        const v = validateEvent(result.events[i], ['events', i]);
        if (v.ok) valid.push(v.event);
        else {
          invalid++;
          for (const issue of v.issues) issues.push({ ...issue, adapterId: id });
        }
      }
    }
    const out = this.#process(valid, adapter.manifest.heartbeatIntervalSeconds);
    const hasError = invalid > 0 || (issues.length > 0 && issues.some((i) => i.severity === 'error'));
    if (hasError) {
      const crashed = issues.some((i) => i.code === 'ADAPTER_DECODE_FAILED' || i.code === 'ADAPTER_RESULT_INVALID');
      const reason: DeadLetterReason = invalid > 0 || issues.some((i) => i.code === 'EVENT_INVALID') ? 'EVENT_INVALID' : crashed ? 'ADAPTER_CRASHED' : 'DECODE_FAILED';
      // Valid events of a partly bad message still go out (a fall alarm must not wait); the whole
      // message is kept as a dead letter too.
      return this.#dead(raw, receivedAt, reason, id, issues, out.events, result.reply, valid.length > 0 ? 'partial' : 'dead-lettered', valid.length);
    }
    const outcome: IngestOutcome = out.own > 0 ? 'emitted' : 'absorbed';
    this.#stats.outcomes[outcome]++;
    const res: IngestResult = { outcome, events: out.events, adapterId: id };
    if (result.reply !== undefined) res.reply = result.reply;
    return res;
  }

  /**
   * Periodic work at `now`: raise device_offline for silent devices, settle flapping alerts, forget
   * stale open alerts. Returns the events to pass on.
   */
  tick(now: Date): WelfareEvent[] {
    const out: WelfareEvent[] = [];
    if (this.heartbeat) {
      for (const e of this.heartbeat.check(now)) {
        if (!this.deduplicator.isDuplicate(e)) out.push(this.correlator.apply(e));
      }
    }
    if (this.flapping) for (const e of this.flapping.settle(now)) out.push(this.correlator.apply(e));
    this.correlator.sweep(now);
    this.#stats.generated += out.length;
    return out;
  }

  #pick(raw: RawMessage, adapterId: string | undefined): { adapter?: Adapter; issues: DecodeIssue[] } {
    if (adapterId !== undefined) {
      const adapter = this.#byId.get(adapterId);
      if (adapter) return { adapter, issues: NO_ISSUES };
      return {
        issues: [
          {
            code: 'ADAPTER_UNKNOWN',
            message: { nb: `Ingen adapter med id ${adapterId}`, en: `No adapter with id ${adapterId}` },
            path: [],
            severity: 'error',
          },
        ],
      };
    }
    const issues: DecodeIssue[] = [];
    for (const adapter of this.#adapters) {
      try {
        if (adapter.detect(raw)) return { adapter, issues };
      } catch (e) {
        const message = e instanceof AdapterError ? e.message : String(e);
        issues.push({ code: ISSUE_DETECT, message: { nb: message, en: message }, path: [], severity: 'warning', adapterId: adapter.manifest.id });
      }
    }
    issues.push({
      code: 'NO_ADAPTER',
      message: { nb: 'Ingen adapter kjente igjen meldingen', en: 'No adapter recognised the message' },
      path: [],
      severity: 'error',
    });
    return { issues };
  }

  #process(valid: readonly WelfareEvent[], intervalSeconds: number | undefined): { events: WelfareEvent[]; own: number } {
    // Made on the first event to pass on, as a one-element literal: pushing onto `[]` would allocate
    // room for 17 where one or two is the rule.
    let events: WelfareEvent[] | undefined;
    let own = 0;
    for (const event of valid) {
      this.#stats.decoded++;
      const at = epochMs(event.recordedtime);
      if (this.heartbeat) {
        const sign = this.#sign;
        sign.tenant = event.tenant;
        sign.deviceId = event.data.device.id;
        sign.at = at;
        sign.intervalSeconds = intervalSeconds;
        // `seen` treats an undefined interval as absent.
        const back = this.heartbeat.seen(sign as SignOfLife);
        if (back) {
          const resolved = this.correlator.apply(back);
          if (events === undefined) events = [resolved];
          else events.push(resolved);
          this.#stats.generated++;
        }
      }
      if (this.deduplicator.isDuplicate(event)) {
        this.#stats.duplicates++;
        continue;
      }
      const correlated = this.correlator.apply(event, at);
      const passed = this.flapping ? this.flapping.pass(correlated, at) : correlated;
      if (passed === undefined) {
        this.#stats.suppressed++;
        continue;
      }
      if (events === undefined) events = [passed];
      else events.push(passed);
      own++;
      this.#stats.emitted++;
    }
    return { events: events ?? [], own };
  }

  #dead(
    raw: RawMessage,
    receivedAt: Date,
    reason: DeadLetterReason,
    adapterId: string | undefined,
    issues: DecodeIssue[],
    events: WelfareEvent[],
    reply: RawMessage | undefined,
    outcome: 'partial' | 'dead-lettered',
    emittedEvents: number,
  ): IngestResult {
    const letter: DeadLetter = { tenant: this.#tenant, receivedAt: receivedAt.toISOString(), raw: rawBytes(raw), reason, issues, emittedEvents };
    if (adapterId !== undefined) letter.adapterId = adapterId;
    this.deadLetters.put(letter);
    this.#stats.outcomes[outcome]++;
    const res: IngestResult = { outcome, events, deadLetter: letter };
    if (adapterId !== undefined) res.adapterId = adapterId;
    if (reply !== undefined) res.reply = reply;
    return res;
  }
}
