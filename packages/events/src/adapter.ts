import { z } from 'zod';
import { AdapterError, AdapterManifestError, type DecodeIssue } from './errors.js';
import { isWelfareEvent } from './fast-validate.js';
import { EVENT_STANDARD_VERSION, type WelfareEvent } from './schema/v1.js';
import { validateEvent, zodIssuesToDecodeIssues } from './validate.js';

/**
 * What an adapter declares about itself. `standard` is the range of major versions of the event
 * standard it emits (`{ min: 1, max: 1 }` today); capabilities are flags, so test kits skip what an
 * adapter does not do.
 */
export const AdapterManifestSchema = z
  .object({
    /** Lowercase kebab-case id, unique among adapters, e.g. `sia-dc09`. */
    id: z
      .string()
      .min(2)
      .max(64)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case'),
    /** Vendor or protocol owner, e.g. `SIA / Security Industry Association`. */
    vendor: z.string().min(1).max(100),
    /** Semantic version of the adapter. */
    version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'must be a semantic version'),
    /** Supported major versions of the event standard, inclusive. */
    standard: z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }),
    /** What the adapter can do beyond `detect` and `decode`. */
    capabilities: z
      .object({
        /** It has `encode` (acknowledgements or commands back to the device). */
        encode: z.boolean().default(false),
        /** `decode` returns a `reply` to send back (ACK/NAK). */
        replies: z.boolean().default(false),
        /** The protocol carries heartbeats (signs of life with no alarm). */
        heartbeat: z.boolean().default(false),
        /** It decrypts encrypted messages with keys from `DecodeContext.keys`. */
        encryption: z.boolean().default(false),
        /** `strict: true` makes `decode` reject messages lenient mode accepts. */
        strictMode: z.boolean().default(false),
      })
      .strict()
      .default({ encode: false, replies: false, heartbeat: false, encryption: false, strictMode: false }),
    /** Expected seconds between signs of life, when the protocol has a fixed one. */
    heartbeatIntervalSeconds: z.number().int().min(1).max(7 * 24 * 3600).optional(),
    /** Protocols or formats handled, e.g. `['SIA DC-09', 'Contact ID']`. */
    protocols: z.array(z.string().min(1).max(100)).max(20).optional(),
    /** One line about the adapter. */
    description: z.string().max(500).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.standard.min > m.standard.max) ctx.addIssue({ code: 'custom', path: ['standard'], message: 'min must not exceed max' });
    if (EVENT_STANDARD_VERSION < m.standard.min || EVENT_STANDARD_VERSION > m.standard.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['standard'],
        message: `this @omsorg/events implements standard v${EVENT_STANDARD_VERSION}, outside ${m.standard.min}–${m.standard.max}`,
      });
    }
  });

/** A validated adapter manifest (capabilities filled in). */
export type AdapterManifest = z.infer<typeof AdapterManifestSchema>;
/** An adapter manifest as written (capability flags optional). */
export type AdapterManifestInput = z.input<typeof AdapterManifestSchema>;

/** Raw bytes of a device message, or its text. */
export type RawMessage = Uint8Array | string;

/** What a decoder gets besides the bytes. */
export interface DecodeContext {
  /** Tenant (municipality or service provider) the receiver belongs to. */
  tenant: string;
  /** When the message was received; adapters use it for `recordedtime` and timestamp windows. */
  receivedAt: Date;
  /** Reject messages with a wrong checksum, length or timestamp instead of extracting what is there. */
  strict: boolean;
  /** Adapter-specific options (e.g. a timestamp window), documented by each adapter. */
  options?: Readonly<Record<string, unknown>>;
  /** Secrets by name (e.g. account → AES key in hex). */
  keys?: Readonly<Record<string, string>>;
}

/** What `decode` returns: the events, the problems met, and optionally bytes to send back. */
export interface DecodeResult {
  /** Events decoded from the message (a heartbeat may yield none or a `system.heartbeat`). */
  events: WelfareEvent[];
  /** Problems met; an `error` issue with no events means the message goes to the dead letters. */
  issues: DecodeIssue[];
  /** Bytes or text to send back to the device (ACK/NAK), when the protocol expects one. */
  reply?: RawMessage;
}

/** A request to `encode`: an acknowledgement or command, with the event or raw message it answers. */
export interface EncodeRequest {
  /** What to build, in the adapter's terms, e.g. `ack`, `nak`, `duh`. */
  kind: string;
  /** The event answered, if any. */
  event?: WelfareEvent;
  /** The raw message answered, if any. */
  raw?: RawMessage;
  /** Time to stamp into the reply; default now. */
  time?: Date;
  /** Adapter-specific fields. */
  fields?: Readonly<Record<string, unknown>>;
}

/** What an adapter author writes and passes to {@link defineAdapter}. */
export interface AdapterDefinition {
  /** The manifest, checked by `defineAdapter`. */
  manifest: AdapterManifestInput;
  /** Cheap check: is this message in this adapter's format? Must not throw. */
  detect(raw: RawMessage): boolean;
  /** Decode one message. Must not throw on bad input: report issues instead. */
  decode(raw: RawMessage, ctx: DecodeContext): DecodeResult;
  /** Build bytes to send to the device (acknowledgements). Present iff `capabilities.encode`. */
  encode?(request: EncodeRequest): RawMessage;
}

/** Brand set on every adapter built by {@link defineAdapter}. */
export const ADAPTER_BRAND: unique symbol = Symbol.for('@omsorg/events/adapter');

/**
 * An adapter built by {@link defineAdapter}: manifest validated, `decode` never throws (a crash
 * becomes an `ADAPTER_DECODE_FAILED` issue), `detect` and `encode` throw only {@link AdapterError},
 * and in strict mode every emitted event is valid.
 */
export interface Adapter {
  /** The validated manifest. */
  readonly manifest: AdapterManifest;
  /** Is this message in this adapter's format? Throws {@link AdapterError} `ADAPTER_DETECT_FAILED` if the adapter crashes. */
  detect(raw: RawMessage): boolean;
  /** Decode one message; never throws. */
  decode(raw: RawMessage, ctx: DecodeContext): DecodeResult;
  /** Present iff the manifest declares `encode`; throws {@link AdapterError} `ADAPTER_ENCODE_FAILED` if the adapter crashes. */
  readonly encode?: (request: EncodeRequest) => RawMessage;
  /** Brand: set only by `defineAdapter`. */
  readonly [ADAPTER_BRAND]: true;
}

/** Whether a value is an adapter built by {@link defineAdapter}. */
export function isAdapter(value: unknown): value is Adapter {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ADAPTER_BRAND] === true;
}

const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function crashIssue(adapterId: string, e: unknown): DecodeIssue {
  return {
    code: 'ADAPTER_DECODE_FAILED',
    message: {
      nb: `Adapteren ${adapterId} feilet under dekoding: ${errorMessage(e)}`,
      en: `Adapter ${adapterId} crashed while decoding: ${errorMessage(e)}`,
    },
    path: [],
    severity: 'error',
    adapterId,
  };
}

function badResultIssue(adapterId: string, what: string): DecodeIssue {
  return {
    code: 'ADAPTER_RESULT_INVALID',
    message: { nb: `Adapteren ${adapterId} returnerte et ugyldig resultat: ${what}`, en: `Adapter ${adapterId} returned an invalid result: ${what}` },
    path: [],
    severity: 'error',
    adapterId,
  };
}

/**
 * Turn an adapter definition into an {@link Adapter}: validates the manifest (throws
 * {@link AdapterManifestError} `ADAPTER_MANIFEST_INVALID`), checks `encode` matches the capability
 * flag, brands the result, makes `decode` total (a throw or a malformed result becomes an issue with
 * the adapter id; every issue gets `adapterId`), and with `ctx.strict` validates every emitted event,
 * moving invalid ones out as `EVENT_INVALID` issues with paths `['events', i, …]`.
 */
export function defineAdapter(definition: AdapterDefinition): Adapter {
  const rawId = (definition?.manifest as { id?: unknown } | undefined)?.id;
  const idForErrors = typeof rawId === 'string' ? rawId : undefined;
  const parsed = AdapterManifestSchema.safeParse(definition?.manifest);
  if (!parsed.success) {
    throw new AdapterManifestError(
      zodIssuesToDecodeIssues(parsed.error.issues, 'ADAPTER_MANIFEST_INVALID', [], { nb: 'manifest', en: 'manifest' }),
      idForErrors,
    );
  }
  const manifest = parsed.data;
  const id = manifest.id;
  const problems: DecodeIssue[] = [];
  const fnIssue = (name: string, nb: string, en: string) =>
    problems.push({ code: 'ADAPTER_MANIFEST_INVALID', message: { nb, en }, path: [name], severity: 'error', adapterId: id });
  if (typeof definition.detect !== 'function') fnIssue('detect', 'detect mangler eller er ikke en funksjon', 'detect is missing or not a function');
  if (typeof definition.decode !== 'function') fnIssue('decode', 'decode mangler eller er ikke en funksjon', 'decode is missing or not a function');
  const hasEncode = typeof definition.encode === 'function';
  if (hasEncode !== manifest.capabilities.encode) {
    fnIssue(
      'encode',
      hasEncode ? 'encode finnes, men capabilities.encode er ikke satt' : 'capabilities.encode er satt, men encode mangler',
      hasEncode ? 'encode is present but capabilities.encode is not set' : 'capabilities.encode is set but encode is missing',
    );
  }
  if (problems.length > 0) throw new AdapterManifestError(problems, id);

  const detect = (raw: RawMessage): boolean => {
    try {
      return definition.detect(raw) === true;
    } catch (e) {
      throw new AdapterError('ADAPTER_DETECT_FAILED', id, `detect threw: ${errorMessage(e)}`, e);
    }
  };

  const decode = (raw: RawMessage, ctx: DecodeContext): DecodeResult => {
    let result: DecodeResult;
    try {
      result = definition.decode(raw, ctx);
    } catch (e) {
      return { events: [], issues: [crashIssue(id, e)] };
    }
    if (typeof result !== 'object' || result === null || !Array.isArray(result.events) || !Array.isArray(result.issues)) {
      return { events: [], issues: [badResultIssue(id, 'expected { events: [], issues: [] }')] };
    }
    let events = result.events;
    // The fast check first: a new array, the path and the issues are only built once an event fails it.
    let index = ctx.strict ? 0 : events.length;
    if (ctx.strict) while (index < events.length && isWelfareEvent(events[index])) index++;
    // The usual case, every event valid and no issue: the adapter's own result goes on as it is
    // (callers treat a decode result as read-only).
    if (result.issues.length === 0 && index === events.length) return result;
    const issues: DecodeIssue[] = result.issues.length === 0 ? [] : result.issues.map((i) => (i.adapterId === id ? i : { ...i, adapterId: id }));
    if (ctx.strict) {
      if (index < events.length) {
        events = result.events.slice(0, index);
        for (; index < result.events.length; index++) {
          const event = result.events[index];
          if (isWelfareEvent(event)) {
            events.push(event);
            continue;
          }
          const v = validateEvent(event, ['events', index]);
          if (v.ok) events.push(v.event);
          else for (const issue of v.issues) issues.push({ ...issue, adapterId: id });
        }
      } else events = events.slice();
    }
    const out: DecodeResult = { events, issues };
    if (result.reply !== undefined) out.reply = result.reply;
    return out;
  };

  const adapter: { -readonly [K in keyof Adapter]: Adapter[K] } = { manifest, detect, decode, [ADAPTER_BRAND]: true };
  const encodeFn = definition.encode;
  if (encodeFn) {
    adapter.encode = (request: EncodeRequest): RawMessage => {
      try {
        return encodeFn.call(definition, request);
      } catch (e) {
        throw new AdapterError('ADAPTER_ENCODE_FAILED', id, `encode threw: ${errorMessage(e)}`, e);
      }
    };
  }
  return Object.freeze(adapter);
}
