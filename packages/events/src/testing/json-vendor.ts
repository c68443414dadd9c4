/**
 * A tiny vendor adapter for tests and the benchmark (not part of the public API): one JSON object
 * per message, e.g. `{"acct":"A17","seq":42,"ts":"2026-11-23T10:00:00Z","code":"FALL","zone":"1"}`.
 * `state: "restore"` resolves the condition; `code: "HB"` is a heartbeat.
 */
import { type Adapter, type DecodeContext, type DecodeResult, defineAdapter, type RawMessage } from '../adapter.js';
import { type CreateEventInput, createEvent } from '../build.js';
import type { DecodeIssue } from '../errors.js';
import type { EventKind } from '../schema/kinds.js';
import { timestampTest } from '../time.js';

/** Vendor code → kind and the equivalents in other code systems. */
export const JSON_VENDOR_CODES: Readonly<Record<string, { kind: EventKind; sia?: string; contactId?: string; vkp?: string }>> = {
  FALL: { kind: 'fall', vkp: '4.1' },
  BTN: { kind: 'assistance_call', sia: 'QA', contactId: '101', vkp: '4.13' },
  DOOR: { kind: 'door_open', vkp: '4.15' },
  DOORC: { kind: 'door_closed', vkp: '4.16' },
  BED: { kind: 'bed_exit', vkp: '4.2' },
  BATT: { kind: 'battery_low', sia: 'YT', contactId: '302' },
  COMM: { kind: 'communication_fault', sia: 'YS', contactId: '350' },
  HB: { kind: 'heartbeat' },
};

const decoder = new TextDecoder('utf-8', { fatal: false });
const RFC3339 = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const isTimestamp = timestampTest(RFC3339);

function issue(code: string, nb: string, en: string, path: (string | number)[] = []): DecodeIssue {
  return { code, message: { nb, en }, path, severity: 'error' };
}

function decodeJsonVendor(raw: RawMessage, ctx: DecodeContext): DecodeResult {
  const text = typeof raw === 'string' ? raw : decoder.decode(raw);
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return { events: [], issues: [issue('JSON_INVALID', 'Meldingen er ikke gyldig JSON', 'The message is not valid JSON')] };
  }
  if (typeof msg !== 'object' || msg === null) {
    return { events: [], issues: [issue('MESSAGE_NOT_OBJECT', 'Meldingen er ikke et JSON-objekt', 'The message is not a JSON object')] };
  }
  const m = msg as Record<string, unknown>;
  if (typeof m.acct !== 'string' || m.acct.length === 0 || /[/\s]/.test(m.acct)) {
    return { events: [], issues: [issue('ACCOUNT_INVALID', 'Kontonummer mangler eller er ugyldig', 'Account is missing or invalid', ['acct'])] };
  }
  const entry = typeof m.code === 'string' ? JSON_VENDOR_CODES[m.code] : undefined;
  if (!entry || typeof m.code !== 'string') {
    return { events: [], issues: [issue('CODE_UNKNOWN', 'Ukjent hendelseskode', 'Unknown event code', ['code'])] };
  }
  const time = typeof m.ts === 'string' && isTimestamp(m.ts) ? m.ts : undefined;
  if (ctx.strict && !time) {
    return { events: [], issues: [issue('TIMESTAMP_INVALID', 'Tidsstempel mangler eller er ugyldig', 'Timestamp is missing or invalid', ['ts'])] };
  }
  const zone = typeof m.zone === 'string' && /^[^/\s]{1,20}$/.test(m.zone) ? m.zone : 'main';
  const seq = typeof m.seq === 'number' && Number.isInteger(m.seq) && m.seq >= 0 ? m.seq : undefined;
  const source = `urn:omsorg:${ctx.tenant}:json-vendor:${m.acct}`;
  const codes: { raw: string; sia?: string; contactId?: string; vkp?: string } = { raw: m.code };
  if (entry.sia) codes.sia = entry.sia;
  if (entry.contactId) codes.contactId = entry.contactId;
  if (entry.vkp) codes.vkp = entry.vkp;
  const input: CreateEventInput = {
    tenant: ctx.tenant,
    source,
    kind: entry.kind,
    lifecycle: m.state === 'restore' ? 'resolved' : 'raised',
    device: { id: m.acct, vendor: 'JSON Vendor', component: zone },
    codes,
    time: time ?? ctx.receivedAt,
    recordedAt: ctx.receivedAt,
    idParts: [text],
  };
  if (seq !== undefined) input.sequence = String(seq);
  if (typeof m.resident === 'string') input.subject = m.resident;
  const event = createEvent(input);
  return { events: [event], issues: [] };
}

/** The JSON vendor adapter. */
export const jsonVendorAdapter: Adapter = defineAdapter({
  manifest: {
    id: 'json-vendor',
    vendor: 'Omsorg test vendor',
    version: '1.0.0',
    standard: { min: 1, max: 1 },
    capabilities: { heartbeat: true, strictMode: true },
    heartbeatIntervalSeconds: 300,
    protocols: ['JSON'],
  },
  detect: (raw) => {
    const text = typeof raw === 'string' ? raw : decoder.decode(raw.subarray(0, 64));
    return /^\s*\{/.test(text) && text.includes('"acct"');
  },
  decode: decodeJsonVendor,
});
