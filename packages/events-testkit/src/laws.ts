/**
 * The laws every adapter obeys, as pure functions that return the problems found (empty when the
 * law holds). The vitest suites assert them; they are exported so a kit user can reuse them.
 */
import { isDeepStrictEqual } from 'node:util';
import { type Adapter, AdapterManifestSchema, type DecodeContext, type DecodeResult, EVENT_STANDARD_VERSION, isAdapter, type RawMessage, validateEvent } from '@omsorg/events';

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** Problems with an adapter's manifest and shape: brand, schema, standard range, `encode` vs its flag. */
export function manifestProblems(adapter: Adapter): string[] {
  const out: string[] = [];
  if (!isAdapter(adapter)) out.push('the adapter is not branded: build it with defineAdapter');
  const parsed = AdapterManifestSchema.safeParse(adapter.manifest);
  if (!parsed.success) out.push(...parsed.error.issues.map((i) => `manifest.${i.path.join('.')}: ${i.message}`));
  else if (!isDeepStrictEqual(parsed.data, adapter.manifest)) out.push('the manifest is not in its validated form');
  const standard = adapter.manifest?.standard;
  if (!standard || EVENT_STANDARD_VERSION < standard.min || EVENT_STANDARD_VERSION > standard.max) {
    out.push(`manifest.standard does not include v${EVENT_STANDARD_VERSION}, the version this @omsorg/events implements`);
  }
  if ((typeof adapter.encode === 'function') !== (adapter.manifest?.capabilities?.encode === true)) {
    out.push('encode must be present exactly when capabilities.encode is set');
  }
  if (typeof adapter.detect !== 'function' || typeof adapter.decode !== 'function') out.push('detect and decode must be functions');
  return out;
}

/**
 * Problems with one decode result: its shape, every issue well formed (UPPER_SNAKE code, nb and en
 * message, severity), every event valid against the event schema (also when the context is not
 * strict), events belonging to the context's tenant with `recordedtime` = `receivedAt`, no id used
 * twice, and a reply that is text or bytes.
 */
export function resultProblems(result: DecodeResult, ctx: DecodeContext): string[] {
  const out: string[] = [];
  if (typeof result !== 'object' || result === null || !Array.isArray(result.events) || !Array.isArray(result.issues)) {
    return ['decode must return { events: [], issues: [] }'];
  }
  result.issues.forEach((issue, i) => {
    if (typeof issue.code !== 'string' || !UPPER_SNAKE.test(issue.code)) out.push(`issues[${i}].code ${JSON.stringify(issue.code)} is not UPPER_SNAKE`);
    if (typeof issue.message?.nb !== 'string' || issue.message.nb.length === 0) out.push(`issues[${i}].message.nb is missing`);
    if (typeof issue.message?.en !== 'string' || issue.message.en.length === 0) out.push(`issues[${i}].message.en is missing`);
    if (issue.severity !== 'error' && issue.severity !== 'warning') out.push(`issues[${i}].severity is not error or warning`);
    if (issue.path !== undefined && !(Array.isArray(issue.path) && issue.path.every((p) => typeof p === 'string' || typeof p === 'number'))) {
      out.push(`issues[${i}].path is not a list of strings and numbers`);
    }
  });
  const ids = new Set<string>();
  result.events.forEach((event, i) => {
    const v = validateEvent(event, ['events', i]);
    if (!v.ok) out.push(...v.issues.map((issue) => issue.message.en));
    if (event?.tenant !== ctx.tenant) out.push(`events[${i}].tenant is not the context's tenant ${ctx.tenant}`);
    if (typeof event?.recordedtime !== 'string' || Date.parse(event.recordedtime) !== ctx.receivedAt.getTime()) {
      out.push(`events[${i}].recordedtime is not the context's receivedAt ${ctx.receivedAt.toISOString()}`);
    }
    const key = `${event?.source} ${event?.id}`;
    if (ids.has(key)) out.push(`events[${i}] repeats source+id ${key}`);
    ids.add(key);
  });
  if (result.reply !== undefined && typeof result.reply !== 'string' && !(result.reply instanceof Uint8Array)) {
    out.push('reply must be a string or a Uint8Array');
  }
  if (result.events.length === 0 && result.issues.length === 0 && result.reply === undefined) {
    // Nothing emitted and nothing said: the pipeline could not account for the message.
    out.push('decode returned no events, no issues and no reply: say why with an issue');
  }
  return out;
}

/** A thrown error as a problem (decode and detect must never throw). */
function thrown(what: string, e: unknown): string {
  return `${what} threw: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
}

/** Decode `raw` twice: problems if it throws, if the result breaks {@link resultProblems}, or if the two results differ. */
export function decodeProblems(adapter: Adapter, raw: RawMessage, ctx: DecodeContext): string[] {
  let first: DecodeResult;
  let second: DecodeResult;
  try {
    first = adapter.decode(raw, ctx);
    second = adapter.decode(raw, ctx);
  } catch (e) {
    return [thrown('decode', e)];
  }
  const out = resultProblems(first, ctx);
  if (!isDeepStrictEqual(first, second)) out.push('decode is not deterministic: the same message and context gave different results');
  return out;
}

/** Problems if `detect` throws or returns something other than a boolean. */
export function detectProblems(adapter: Adapter, raw: RawMessage): string[] {
  try {
    const r = adapter.detect(raw);
    return typeof r === 'boolean' ? [] : ['detect must return a boolean'];
  } catch (e) {
    return [thrown('detect', e)];
  }
}

const idsOf = (r: DecodeResult): string[] => r.events.map((e) => `${e.source} ${e.id}`);

/**
 * Stable ids: the same message received at another time (lenient, so the time window does not
 * interfere) must give the same source+id for every event, so the pipeline can drop retransmissions.
 */
export function idStabilityProblems(adapter: Adapter, raw: RawMessage, ctx: DecodeContext, shiftMs: number): string[] {
  const lenient = { ...ctx, strict: false };
  const later = { ...lenient, receivedAt: new Date(ctx.receivedAt.getTime() + shiftMs) };
  try {
    const a = idsOf(adapter.decode(raw, lenient));
    const b = idsOf(adapter.decode(raw, later));
    return isDeepStrictEqual(a, b) ? [] : [`ids changed when the message arrived ${shiftMs} ms later: ${a.join(', ')} → ${b.join(', ')}`];
  } catch (e) {
    return [thrown('decode', e)];
  }
}

/** Strict mode only removes: every event strict decoding emits, lenient decoding emits too (same source+id). */
export function strictSubsetProblems(adapter: Adapter, raw: RawMessage, ctx: DecodeContext): string[] {
  try {
    const strictIds = idsOf(adapter.decode(raw, { ...ctx, strict: true }));
    const lenientIds = new Set(idsOf(adapter.decode(raw, { ...ctx, strict: false })));
    const extra = strictIds.filter((id) => !lenientIds.has(id));
    return extra.length === 0 ? [] : [`strict decoding emitted events lenient decoding did not: ${extra.join(', ')}`];
  } catch (e) {
    return [thrown('decode', e)];
  }
}

/**
 * `detect` agrees with `decode`: a message that decodes to events must be detected, or a pipeline
 * that routes by `detect` would never hand it to this adapter.
 */
export function detectAgreementProblems(adapter: Adapter, raw: RawMessage, ctx: DecodeContext): string[] {
  try {
    const events = adapter.decode(raw, ctx).events.length;
    return events > 0 && adapter.detect(raw) !== true ? [`detect said no to a message that decodes to ${events} event(s)`] : [];
  } catch (e) {
    return [thrown('decode or detect', e)];
  }
}
