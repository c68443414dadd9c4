import { z } from 'zod';
import { RotaError } from '../errors.js';
import type { LegalRef, RuleInput } from '../rules/rule.js';

const hta = (section: string): LegalRef => ({ source: 'HTA/SFS 2305', section });

/** Options of {@link ksTurnus}: the municipal tariff practice for rotating shifts (KS). */
export const KsOptionsSchema = z.object({
  /**
   * Weekly hours of a full position: 35.5 (turnus with work at least every third Sunday) or 33.6
   * (round-the-clock without weekend stop); three-shift rotas get the AML § 10-4 (6) weighting in
   * between (use `amlChapter10({ threeShiftWeighting: true })`). Positions carry it as `weeklyHoursNorm`.
   */
  weeklyHours: z.union([z.literal(37.5), z.literal(35.5), z.literal(33.6)]).default(35.5),
  /** Long shifts (langvakter) agreed locally: voluntary, up to `longShiftMaxMinutes`. */
  longShifts: z.boolean().default(false),
  /** Longest long shift, minutes (12.5 h by local agreement; longer needs central approval). */
  longShiftMaxMinutes: z.number().int().min(1).default(750),
  /** Work at most every n-th weekend: 3 by default, 4 where long shifts are agreed. */
  weekendFrequency: z.number().int().min(1).max(8).optional(),
  /** Level of the weekend rule (hard by default: it is the agreed norm). */
  weekendLevel: z.enum(['hard', 'soft']).default('hard'),
  /** Allowed deviation from contracted hours over the horizon, % (the årsturnus balance). */
  contractedTolerancePercent: z.number().min(0).max(20).default(2),
  /** Weight per minute outside the contracted band. */
  contractedWeight: z.number().min(0).default(1),
  /** Most consecutive working days (soft). */
  maxConsecutiveWorkDays: z.number().int().min(1).default(6),
  /** Most consecutive night shifts (soft). */
  maxConsecutiveNights: z.number().int().min(1).default(4),
  /** Weight of the fairness rules (weekends, nights, Sundays/holidays). */
  fairnessWeight: z.number().min(0).default(1),
});
/** Options of {@link ksTurnus} (input form). */
export type KsOptions = z.input<typeof KsOptionsSchema>;

/**
 * KS tariff practice for rotas (turnus): weekly norm by position, every third weekend (fourth with
 * long shifts), long shifts by agreement only, contracted hours honoured over the year, and soft
 * rules for runs and fairness. Combine with {@link amlChapter10} and {@link coreRules}.
 */
export function ksTurnus(options: KsOptions = {}): RuleInput[] {
  const parsed = KsOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new RotaError('RULE_OPTION_OUT_OF_RANGE', `ksTurnus: ${i.path.join('.')}: ${i.message}`, { details: { path: i.path.map(String) } });
  }
  const o = parsed.data;
  const frequency = o.weekendFrequency ?? (o.longShifts ? 4 : 3);
  const rules: RuleInput[] = [
    {
      id: 'ks.weekends',
      kind: 'weekendWork',
      level: o.weekendLevel,
      weight: o.weekendLevel === 'soft' ? 100 : 1,
      params: { definition: 'time', maxInWindow: { count: 1, window: frequency } },
      legalRef: hta(`turnus: hver ${frequency}. helg`),
      description: { nb: `Arbeid høyst hver ${frequency}. helg`, en: `Work at most every ${ordinal(frequency)} weekend` },
    },
    {
      id: 'ks.contractedHours',
      kind: 'contractedHours',
      level: 'soft',
      weight: o.contractedWeight,
      params: { tolerancePercent: o.contractedTolerancePercent },
      legalRef: hta(`arbeidstid ${String(o.weeklyHours).replace('.', ',')} t/uke`),
    },
    {
      id: 'ks.longShifts',
      kind: 'longShiftConsent',
      level: 'hard',
      params: { maxMinutes: o.longShiftMaxMinutes },
      legalRef: hta('langvakter: lokal avtale, frivillig'),
    },
    { id: 'ks.maxConsecutive', kind: 'consecutiveWorkDays', level: 'soft', weight: 20, params: { max: o.maxConsecutiveWorkDays } },
    { id: 'ks.maxNights', kind: 'consecutiveWorkDays', level: 'soft', weight: 20, params: { max: o.maxConsecutiveNights, labels: ['night'] } },
    { id: 'ks.completeWeekends', kind: 'completeWeekends', level: 'soft', weight: 5, params: {} },
    { id: 'ks.fairWeekends', kind: 'fairness', level: 'soft', weight: o.fairnessWeight, params: { days: 'weekend' } },
    { id: 'ks.fairNights', kind: 'fairness', level: 'soft', weight: o.fairnessWeight, params: { labels: ['night'] } },
    { id: 'ks.fairHolidays', kind: 'fairness', level: 'soft', weight: o.fairnessWeight, params: { days: 'sundayHoliday' } },
  ];
  if (!o.longShifts) {
    rules.push({ id: 'ks.noLongShifts', kind: 'shiftTypeCount', level: 'hard', params: { labels: ['long'], max: 0 }, legalRef: hta('langvakter krever lokal avtale') });
  }
  return rules;
}

/** 1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, 21st. */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Combine rule lists (presets and local rules); a later rule with the same id replaces an earlier one. */
export function combineRules(...lists: readonly (readonly RuleInput[])[]): RuleInput[] {
  const byId = new Map<string, RuleInput>();
  for (const list of lists) for (const r of list) byId.set(r.id, r);
  return [...byId.values()];
}
