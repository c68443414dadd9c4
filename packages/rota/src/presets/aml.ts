import { z } from 'zod';
import { RotaError } from '../errors.js';
import type { LegalRef, RuleInput } from '../rules/rule.js';

const LOVDATA = 'https://lovdata.no/lov/2005-06-17-62';
const aml = (section: string): LegalRef => ({ source: 'AML', section, url: `${LOVDATA}/§${section.split(' ')[1]!.replace(/\s.*$/, '')}` });

/**
 * Options of {@link amlChapter10}: what an agreement permits, each checked against the range the
 * Working Environment Act (arbeidsmiljøloven) allows.
 */
export const AmlOptionsSchema = z.object({
  /**
   * Averaging agreement (gjennomsnittsberegning, § 10-5): `none`; `individual` (written agreement
   * with the employee, § 10-5 (1): ≤ 10 h per 24 h, ≤ 50 h a single week); `representatives`
   * (tariff-bound employer and employee representatives, § 10-5 (2): ≤ 12.5 h per 24 h, ≤ 54 h a
   * single week); `labourInspectorate` (§ 10-5 (3): ≤ 13 h per 24 h, averaged over ≤ 26 weeks). With
   * averaging, ordinary hours average at most the weekly norm over 52-week blocks (26 for the Labour
   * Inspectorate) and 48 h over any 8 weeks.
   */
  averaging: z.enum(['none', 'individual', 'representatives', 'labourInspectorate']).default('representatives'),
  /**
   * Ordinary weekly hours by the kind of work (§ 10-4): 40 (default), 38 (§ 10-4 (4): round-the-clock
   * shifts with a weekend stop, two shifts regularly on Sundays/holidays, work at least every third
   * Sunday, mainly night work), 36 (§ 10-4 (5): round-the-clock without a weekend stop).
   */
  weeklyNormHours: z.union([z.literal(40), z.literal(38), z.literal(36)]).default(38),
  /**
   * § 10-4 (6) three-shift weighting for rotas with work at least every third Sunday: each
   * Sunday/holiday hour counts 1 h 10 min and each night hour 1 h 15 min, the ordinary week not
   * going below 36 h. Requires `weeklyNormHours` 38.
   */
  threeShiftWeighting: z.boolean().default(false),
  /** Daily rest (§ 10-8 (1)): 11 h; by agreement (§ 10-8 (3)) down to 8 h. */
  dailyRestMinutes: z.number().int().default(11 * 60),
  /** Weekly rest (§ 10-8 (2)): 35 h; by agreement (§ 10-8 (3)) down to 28 h. */
  weeklyRestMinutes: z.number().int().default(35 * 60),
  /** `calendarWeek`: each Monday–Sunday; `rolling`: every 7-day window. */
  weeklyRestMode: z.enum(['calendarWeek', 'rolling']).default('calendarWeek'),
  /**
   * § 10-8 (4): after work on a Sunday/holiday the next is free (`next`), or by written agreement
   * every other free on average over 26 weeks (`average`).
   */
  sundayHolidayOff: z.enum(['next', 'average']).default('next'),
  /** Apply § 10-11 (6), night workers' 8 h average over 4 weeks (may be waived by agreement, § 10-11 (9)). */
  nightWorkerAverage: z.boolean().default(true),
  /** Night shifts in a 4-week period from which an employee counts as working regularly at night. */
  nightWorkerMinNights: z.number().int().min(1).default(4),
});
/** Options of {@link amlChapter10} (input form). */
export type AmlOptions = z.input<typeof AmlOptionsSchema>;

const DAILY: Record<string, { minutes: number; section: string }> = {
  none: { minutes: 9 * 60, section: '§ 10-4 (1)' },
  individual: { minutes: 10 * 60, section: '§ 10-5 (1)' },
  representatives: { minutes: 12 * 60 + 30, section: '§ 10-5 (2)' },
  labourInspectorate: { minutes: 13 * 60, section: '§ 10-5 (3)' },
};
const SINGLE_WEEK: Partial<Record<string, number>> = { individual: 50 * 60, representatives: 54 * 60 };

function outOfRange(option: string, value: unknown, allowed: string): never {
  throw new RotaError('RULE_OPTION_OUT_OF_RANGE', `amlChapter10: ${option} = ${JSON.stringify(value)} is outside what the law permits (${allowed})`, {
    details: { option, value, allowed },
  });
}

/**
 * Arbeidsmiljøloven chapter 10 as rules, each citing its paragraph. Options select what an agreement
 * permits; a value outside the law is a {@link RotaError} `RULE_OPTION_OUT_OF_RANGE`, never a silent clamp.
 */
export function amlChapter10(options: AmlOptions = {}): RuleInput[] {
  const parsed = AmlOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    outOfRange(i.path.join('.'), (options as Record<string, unknown>)[String(i.path[0])], i.message);
  }
  const o = parsed.data;
  if (o.dailyRestMinutes < 8 * 60 || o.dailyRestMinutes > 24 * 60) outOfRange('dailyRestMinutes', o.dailyRestMinutes, '≥ 480 (8 h, § 10-8 (3)); default 660');
  if (o.weeklyRestMinutes < 28 * 60 || o.weeklyRestMinutes > 7 * 24 * 60) outOfRange('weeklyRestMinutes', o.weeklyRestMinutes, '≥ 1680 (28 h, § 10-8 (3)); default 2100');
  if (o.threeShiftWeighting && o.weeklyNormHours !== 38) outOfRange('threeShiftWeighting', true, 'only with weeklyNormHours 38 (§ 10-4 (6))');

  const daily = DAILY[o.averaging]!;
  const rules: RuleInput[] = [
    {
      id: 'aml.10-4.daily',
      kind: 'maxWorkIn24h',
      level: 'hard',
      params: { minutes: daily.minutes },
      legalRef: aml(daily.section),
      description: { nb: 'Alminnelig arbeidstid per 24 timer', en: 'Ordinary working time per 24 hours' },
    },
  ];
  const normSection = o.weeklyNormHours === 40 ? '§ 10-4 (1)' : o.weeklyNormHours === 38 ? '§ 10-4 (4)' : '§ 10-4 (5)';
  const weighting = o.threeShiftWeighting ? { weighting: { floorMinutes: 36 * 60 } } : {};
  if (o.averaging === 'none' && !o.threeShiftWeighting) {
    rules.push({ id: 'aml.10-4.weekly', kind: 'maxWorkPerWeek', level: 'hard', params: { minutes: o.weeklyNormHours * 60, mode: 'rolling' }, legalRef: aml(normSection) });
  } else if (o.averaging === 'none') {
    // Without averaging the weighted norm applies to every 7 days.
    rules.push({
      id: 'aml.10-4.weekly',
      kind: 'averageWeeklyHours',
      level: 'hard',
      params: { maxAverageMinutes: o.weeklyNormHours * 60, periodWeeks: 1, mode: 'rolling', ...weighting },
      legalRef: aml('§ 10-4 (6)'),
    });
  } else {
    // § 10-5 (1) and (2) allow averaging over at most 52 weeks, the Labour Inspectorate (3) over 26.
    const section = o.averaging === 'individual' ? '§ 10-5 (1)' : o.averaging === 'representatives' ? '§ 10-5 (2)' : '§ 10-5 (3)';
    rules.push(
      {
        id: 'aml.10-5.norm',
        kind: 'averageWeeklyHours',
        level: 'hard',
        params: { maxAverageMinutes: o.weeklyNormHours * 60, periodWeeks: o.averaging === 'labourInspectorate' ? 26 : 52, mode: 'blocks', ...weighting },
        legalRef: aml(o.threeShiftWeighting ? '§ 10-4 (6)' : normSection),
        description: { nb: 'Gjennomsnittlig alminnelig arbeidstid', en: 'Average ordinary working time' },
      },
      { id: 'aml.10-5.average48', kind: 'averageWeeklyHours', level: 'hard', params: { maxAverageMinutes: 48 * 60, periodWeeks: 8, mode: 'rolling' }, legalRef: aml(section) },
    );
    // A single-week cap exists only for agreements under (1) (50 h) and (2) (54 h).
    const singleWeek = SINGLE_WEEK[o.averaging];
    if (singleWeek !== undefined) {
      rules.push({ id: 'aml.10-5.singleWeek', kind: 'maxWorkPerWeek', level: 'hard', params: { minutes: singleWeek, mode: 'calendarWeek' }, legalRef: aml(section) });
    }
  }
  rules.push(
    { id: 'aml.10-6.total24h', kind: 'maxWorkIn24h', level: 'hard', params: { minutes: 13 * 60 }, legalRef: aml('§ 10-6 (8)') },
    {
      id: 'aml.10-8.dailyRest',
      kind: 'minRestBetweenShifts',
      level: 'hard',
      params: { minutes: o.dailyRestMinutes },
      legalRef: aml(o.dailyRestMinutes < 660 ? '§ 10-8 (3)' : '§ 10-8 (1)'),
    },
    {
      id: 'aml.10-8.weeklyRest',
      kind: 'weeklyRest',
      level: 'hard',
      params: { minutes: o.weeklyRestMinutes, mode: o.weeklyRestMode },
      legalRef: aml(o.weeklyRestMinutes < 2100 ? '§ 10-8 (3)' : '§ 10-8 (2)'),
    },
    { id: 'aml.10-8.sundayHoliday', kind: 'sundayHolidayOff', level: 'hard', params: { mode: o.sundayHolidayOff, averagingWeeks: 26 }, legalRef: aml('§ 10-8 (4)') },
    { id: 'aml.10-9.breaks', kind: 'breaks', level: 'hard', params: {}, legalRef: aml('§ 10-9 (1)') },
  );
  if (o.nightWorkerAverage) {
    rules.push({
      id: 'aml.10-11.nightWorker',
      kind: 'nightWorkerAverage',
      level: 'hard',
      params: { maxAveragePer24h: 480, periodWeeks: 4, weeklyRestMinutes: o.weeklyRestMinutes, minNightShifts: o.nightWorkerMinNights },
      legalRef: aml('§ 10-11 (6)'),
    });
  }
  return rules;
}
