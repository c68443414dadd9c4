/**
 * Rules of the v1 event standard that JSON Schema cannot state (checks across fields). The zod
 * schema and the fast validator both call these, so they cannot drift apart.
 */
import { CATEGORY_OF_KIND, EVENT_KINDS, type EventCategory, type EventKind, eventType, KINDS_BY_CATEGORY, LIFECYCLES, type Lifecycle } from './kinds.js';

// Kind → its category and its `type` per lifecycle step (the strings `eventType` returns, so an
// event built by `createEvent` compares by pointer): one lookup answers both "is the kind in the
// category" (every kind is in exactly one) and "which `type` must the event have".
const TYPES_OF_KIND: ReadonlyMap<string, { category: string; byLifecycle: ReadonlyMap<string, string> }> = new Map(
  EVENT_KINDS.map((kind) => {
    const category = CATEGORY_OF_KIND[kind];
    return [kind, { category, byLifecycle: new Map(LIFECYCLES.map((l) => [l, eventType(category, kind, l)])) }];
  }),
);

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
  const types = TYPES_OF_KIND.get(d.kind);
  if (types === undefined || types.category !== d.category) return false;
  const type = types.byLifecycle.get(d.lifecycle) ?? eventType(d.category as EventCategory, d.kind as EventKind, d.lifecycle as Lifecycle);
  return e.type === type && isAlertKeyOf(d.alertKey, e.tenant, d.device.id, d.device.component, d.kind);
}

/**
 * `key === \`${tenant}/${deviceId}/${component}/${kind}\`` without building the right-hand side:
 * the lengths fix where each part and each '/' must be, and the parts are compared in place.
 */
function isAlertKeyOf(key: string, tenant: string, deviceId: string, component: string, kind: string): boolean {
  const slash1 = tenant.length;
  const slash2 = slash1 + 1 + deviceId.length;
  const slash3 = slash2 + 1 + component.length;
  return (
    key.length === slash3 + 1 + kind.length &&
    key.charCodeAt(slash1) === 47 &&
    key.charCodeAt(slash2) === 47 &&
    key.charCodeAt(slash3) === 47 &&
    key.startsWith(tenant) &&
    key.startsWith(deviceId, slash1 + 1) &&
    key.startsWith(component, slash2 + 1) &&
    key.endsWith(kind)
  );
}
