/**
 * Rules of the v1 event standard that JSON Schema cannot state (checks across fields). The zod
 * schema and the fast validator both call these, so they cannot drift apart.
 */
import { type EventKind, eventType, KINDS_BY_CATEGORY, type Lifecycle } from './kinds.js';

// Category → its kinds, for a lookup without scanning the list.
const KIND_SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries(KINDS_BY_CATEGORY).map(([c, kinds]) => [c, new Set<string>(kinds)]));

/** CloudEvents attribute names: lowercase ASCII letters and digits; this standard also caps them at 20. */
export const ATTRIBUTE_NAME_PATTERN = /^[a-z0-9]{1,20}$/;

/** Whether a string looks like a Norwegian national identity number (fødselsnummer / D-number). */
export function looksLikeNationalId(s: string): boolean {
  return /\d{6}[ -]?\d{5}/.test(s);
}

/** One problem across fields: where, and what (English; callers add nb). */
export interface CrossFieldProblem {
  /** Path into the event. */
  path: (string | number)[];
  /** English description. */
  message: string;
}

/** The fields the cross-field rules read, as both validators see them after the structural checks passed. */
export interface CrossCheckedFields {
  type: string;
  tenant: string;
  data: {
    category: keyof typeof KINDS_BY_CATEGORY;
    kind: string;
    lifecycle: string;
    alertKey: string;
    device: { id: string; component: string };
  };
}

/**
 * Problems across fields of a structurally valid event: the kind belongs to the category; `type` is
 * `no.omsorg.<category>.<kind>.<lifecycle>`; `alertKey` is `tenant/device.id/device.component/kind`.
 */
export function crossFieldProblems(e: CrossCheckedFields): CrossFieldProblem[] {
  const problems: CrossFieldProblem[] = [];
  const d = e.data;
  if ((KINDS_BY_CATEGORY[d.category] as readonly string[]).indexOf(d.kind) < 0) {
    problems.push({ path: ['data', 'kind'], message: `kind ${d.kind} is not in category ${d.category}` });
  }
  if (e.type !== `no.omsorg.${d.category}.${d.kind}.${d.lifecycle}`) {
    problems.push({ path: ['type'], message: 'type must be no.omsorg.<data.category>.<data.kind>.<data.lifecycle>' });
  }
  if (d.alertKey !== `${e.tenant}/${d.device.id}/${d.device.component}/${d.kind}`) {
    problems.push({ path: ['data', 'alertKey'], message: 'alertKey must be tenant/device.id/device.component/kind' });
  }
  return problems;
}

/**
 * Internal (not exported from the package): `crossFieldProblems(e).length === 0` without building
 * the problem list or the expected strings, for the fast validator on the hot path.
 */
export function crossFieldsHold(e: CrossCheckedFields): boolean {
  const d = e.data;
  return (
    KIND_SETS.get(d.category)?.has(d.kind) === true &&
    e.type === eventType(d.category, d.kind as EventKind, d.lifecycle as Lifecycle) &&
    d.alertKey === `${e.tenant}/${d.device.id}/${d.device.component}/${d.kind}`
  );
}
