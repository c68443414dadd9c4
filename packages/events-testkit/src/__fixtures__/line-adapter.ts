/**
 * A small adapter for the kit's own tests (not part of the public API): one text line per message,
 * `ACCT;SEQ;CODE[;ZONE]*CC` where CC is the byte sum of everything before `*`, mod 256, in hex.
 * Strict decoding rejects a wrong CC; lenient decoding warns. `HB` is a heartbeat; the reply is
 * `ACK;ACCT;SEQ`.
 */
import { createEvent, type DecodeIssue, type DecodeResult, defineAdapter, type EventKind, type RawMessage } from '@omsorg/events';

const KINDS: Readonly<Record<string, EventKind>> = { FALL: 'fall', BTN: 'assistance_call', BATT: 'battery_low', HB: 'heartbeat' };

/** The checksum of a line body. */
export function lineChecksum(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum = (sum + body.charCodeAt(i)) & 0xff;
  return sum.toString(16).toUpperCase().padStart(2, '0');
}

const issue = (code: string, nb: string, en: string, severity: DecodeIssue['severity'] = 'error'): DecodeIssue => ({ code, message: { nb, en }, path: [], severity });
const text = (raw: RawMessage) => (typeof raw === 'string' ? raw : Buffer.from(raw).toString('latin1'));

/** The line adapter's decode, exported so broken variants can wrap it. */
export function decodeLine(raw: RawMessage, ctx: { tenant: string; receivedAt: Date; strict: boolean }): DecodeResult {
  const m = /^([A-Z0-9]{1,16});(\d{1,6});([A-Z]+)(?:;(\d{1,3}))?\*([0-9A-F]{2})$/.exec(text(raw).trim());
  if (!m) return { events: [], issues: [issue('LINE_MALFORMED', 'Linjen er feil formatert', 'The line is malformed')] };
  const [, acct, seq, code, zone, cc] = m as unknown as [string, string, string, string, string | undefined, string];
  const issues: DecodeIssue[] = [];
  const body = text(raw).trim().slice(0, -3);
  if (lineChecksum(body) !== cc) {
    issues.push(issue('CHECKSUM_MISMATCH', 'Feil kontrollsum', 'Wrong checksum', ctx.strict ? 'error' : 'warning'));
    if (ctx.strict) return { events: [], issues };
  }
  const kind = KINDS[code];
  if (!kind) return { events: [], issues: [...issues, issue('CODE_UNKNOWN', 'Ukjent kode', 'Unknown code')] };
  const event = createEvent({
    tenant: ctx.tenant,
    source: `urn:omsorg:${encodeURIComponent(ctx.tenant)}:line:${acct}`,
    kind,
    device: { id: acct, component: zone ? `zone-${Number(zone)}` : 'main' },
    codes: { raw: code },
    recordedAt: ctx.receivedAt,
    idParts: [acct, seq, code, zone ?? ''],
    sequence: seq,
  });
  return { events: [event], issues, reply: `ACK;${acct};${seq}` };
}

/** The line adapter. */
export const lineAdapter = defineAdapter({
  manifest: {
    id: 'line-example',
    vendor: 'Omsorg test kit',
    version: '1.0.0',
    standard: { min: 1, max: 1 },
    capabilities: { encode: true, replies: true, heartbeat: true, strictMode: true },
    heartbeatIntervalSeconds: 60,
  },
  detect: (raw) => /^[A-Z0-9]{1,16};\d/.test(text(raw).slice(0, 24)),
  decode: decodeLine,
  encode: (request) => {
    const m = /^([A-Z0-9]+);(\d+);/.exec(text(request.raw ?? ''));
    if (request.kind !== 'ack' || !m) throw new Error('only ack of a line');
    return `ACK;${m[1]};${m[2]}`;
  },
});
