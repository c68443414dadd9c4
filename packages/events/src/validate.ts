import type { z } from 'zod';
import type { DecodeIssue } from './errors.js';
import { isWelfareEvent } from './fast-validate.js';
import { type WelfareEvent, WelfareEventSchema } from './schema/v1.js';

/** The outcome of validating one value as an event. */
export type EventValidation = { ok: true; event: WelfareEvent } | { ok: false; issues: DecodeIssue[] };

/** Turn zod issues into decode issues with an nb/en message, prefixing their paths with `prefix`. */
export function zodIssuesToDecodeIssues(
  issues: readonly z.core.$ZodIssue[],
  code: string,
  prefix: (string | number)[] = [],
  what: { nb: string; en: string } = { nb: 'hendelse', en: 'event' },
): DecodeIssue[] {
  return issues.map((i) => {
    const path = [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const where = path.join('.') || '(rot)';
    return {
      code,
      message: { nb: `Ugyldig ${what.nb} ved ${where}: ${i.message}`, en: `Invalid ${what.en} at ${path.join('.') || '(root)'}: ${i.message}` },
      path,
      severity: 'error' as const,
    };
  });
}

/**
 * Validate an unknown value as a v1 event against the zod schema (the source of truth). Never throws.
 * Issues have code `EVENT_INVALID`.
 */
export function validateEventStrict(value: unknown, pathPrefix: (string | number)[] = []): EventValidation {
  const r = WelfareEventSchema.safeParse(value);
  return r.success ? { ok: true, event: r.data as WelfareEvent } : { ok: false, issues: zodIssuesToDecodeIssues(r.error.issues, 'EVENT_INVALID', pathPrefix) };
}

/**
 * Validate an unknown value as a v1 event: the fast validator first, zod for the issues of an
 * invalid value. A valid value is returned as is (not copied). Never throws. Issues have code `EVENT_INVALID` and paths
 * prefixed with `pathPrefix`.
 */
export function validateEvent(value: unknown, pathPrefix: (string | number)[] = []): EventValidation {
  // The fast validator answers the common case (valid); zod explains the rare invalid one.
  if (isWelfareEvent(value)) return { ok: true, event: value };
  return validateEventStrict(value, pathPrefix);
}
