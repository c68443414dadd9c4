import type { DecodeContext } from '@omsorg/events';
import { z } from 'zod';

/**
 * A decode context as a fixture's `<name>.context.json` writes it: every field optional (defaults
 * below), `receivedAt` as an ISO instant.
 */
export interface FixtureContextFile {
  /** Tenant; default `conformance`. */
  tenant?: string;
  /** Receive time as an ISO instant; default `2024-01-15T10:00:00Z`. */
  receivedAt?: string;
  /** Strict decoding; default true. */
  strict?: boolean;
  /** Adapter options. */
  options?: Record<string, unknown>;
  /** Secrets by name (e.g. account → key). */
  keys?: Record<string, string>;
}

/** The schema of a `<name>.context.json` file. */
export const FixtureContextFileSchema = z
  .object({
    tenant: z.string().min(1).optional(),
    receivedAt: z.iso.datetime({ offset: true }).optional(),
    strict: z.boolean().optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    keys: z.record(z.string(), z.string()).optional(),
  })
  .strict();

/** The receive time fixtures use unless they say otherwise. */
export const DEFAULT_RECEIVED_AT = '2024-01-15T10:00:00Z';

/** The tenant fixtures use unless they say otherwise. */
export const DEFAULT_TENANT = 'conformance';

/** A full decode context from defaults, then `base`, then `file` (later wins). */
export function contextFrom(base: FixtureContextFile = {}, file: FixtureContextFile = {}): DecodeContext {
  const merged = { ...base, ...file };
  const ctx: DecodeContext = {
    tenant: merged.tenant ?? DEFAULT_TENANT,
    receivedAt: new Date(merged.receivedAt ?? DEFAULT_RECEIVED_AT),
    strict: merged.strict ?? true,
  };
  if (merged.options !== undefined) ctx.options = merged.options;
  if (merged.keys !== undefined) ctx.keys = merged.keys;
  return ctx;
}

/** The same context with other `strict`, `receivedAt` or no keys. */
export function withContext(ctx: DecodeContext, change: { strict?: boolean; receivedAt?: Date; dropKeys?: boolean }): DecodeContext {
  const out: DecodeContext = { ...ctx };
  if (change.strict !== undefined) out.strict = change.strict;
  if (change.receivedAt !== undefined) out.receivedAt = change.receivedAt;
  if (change.dropKeys) delete out.keys;
  return out;
}
