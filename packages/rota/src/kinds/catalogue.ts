import type { RuleKindDefinition } from '../rules/kind.js';
import { absencesKind, breaksKind, eligibilityKind, longShiftConsentKind, requestsKind } from './cells.js';
import { coverageKind } from './coverage.js';
import { fairnessKind } from './fairness.js';
import { averageWeeklyHoursKind, contractedHoursKind, maxWorkPerWeekKind, nightWorkerAverageKind, shiftTypeCountKind, totalWorkedMinutesKind } from './hours.js';
import { maxWorkIn24hKind, minRestKind, oneShiftPerDayKind, weeklyRestKind } from './rest.js';
import { consecutiveDaysOffKind, consecutiveWorkDaysKind, forbiddenSuccessionKind } from './sequences.js';
import { completeWeekendsKind, sundayHolidayOffKind, weekendWorkKind } from './weekends.js';

/** Every built-in rule kind, in documentation order. */
export const BUILT_IN_KINDS: readonly RuleKindDefinition<never>[] = [
  coverageKind,
  oneShiftPerDayKind,
  eligibilityKind,
  minRestKind,
  weeklyRestKind,
  maxWorkIn24hKind,
  maxWorkPerWeekKind,
  averageWeeklyHoursKind,
  consecutiveWorkDaysKind,
  consecutiveDaysOffKind,
  forbiddenSuccessionKind,
  weekendWorkKind,
  completeWeekendsKind,
  sundayHolidayOffKind,
  nightWorkerAverageKind,
  shiftTypeCountKind,
  totalWorkedMinutesKind,
  contractedHoursKind,
  absencesKind,
  requestsKind,
  fairnessKind,
  breaksKind,
  longShiftConsentKind,
] as unknown as readonly RuleKindDefinition<never>[];

/** A catalogue of rule kinds by name. */
export type RuleCatalogue = ReadonlyMap<string, RuleKindDefinition<never>>;

/** The built-in catalogue, optionally extended with custom kinds (a custom kind may replace a built-in one). */
export function createCatalogue(extra: readonly RuleKindDefinition<never>[] = []): RuleCatalogue {
  return new Map([...BUILT_IN_KINDS, ...extra].map((k) => [k.kind, k]));
}

/** The built-in catalogue. */
export const defaultCatalogue: RuleCatalogue = createCatalogue();
