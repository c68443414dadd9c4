import { z } from 'zod';
import type { CompiledProblem } from '../model/compile.js';
import { defineRuleKind, firstDay, type ViolationDetail } from '../rules/kind.js';
import type { Rule } from '../rules/rule.js';
import { at, countedShifts, optionMask, ShiftSelectorSchema } from './shared.js';
import { blockWindows, calendarWeekWindows, type DayWindows, rollingWindows, WindowSumConstraint } from './window-sum.js';

/** `real`: elapsed minutes (DST-correct) minus unpaid break; `nominal`: wall-clock length minus unpaid break. */
const Measure = z.enum(['real', 'nominal']).default('real');

/** How far a value lies below `min` and above `max` (each 0 when the bound is absent or met). */
function outsideBounds(value: number, min: number | undefined, max: number | undefined): { under: number; amount: number } {
  const under = min !== undefined ? Math.max(0, min - value) : 0;
  const over = max !== undefined ? Math.max(0, value - max) : 0;
  return { under, amount: under + over };
}

function workArray(model: CompiledProblem, measure: 'real' | 'nominal'): Int32Array {
  return measure === 'real' ? model.work : model.nominalWork;
}

/** The worked minutes of the history cells, by measure. */
function historyWorkArray(model: CompiledProblem, measure: 'real' | 'nominal'): Int32Array {
  return measure === 'real' ? model.history.work : model.history.nominalWork;
}

/** How many of the rolling windows of `length` days start before the horizon, within the kept history. */
function lookBack(model: CompiledProblem, length: number): number {
  return Math.min(model.history.days, length - 1);
}

/** Window sums of worked minutes (real or nominal measure), in the horizon and in its history. */
abstract class WorkedMinutesSum extends WindowSumConstraint {
  private readonly arr: Int32Array;
  private readonly historyArr: Int32Array;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, windows: DayWindows, measure: 'real' | 'nominal') {
    super(model, rule, inScope, windows);
    this.arr = workArray(model, measure);
    this.historyArr = historyWorkArray(model, measure);
  }
  value(_e: number, d: number, o: number): number {
    return at(this.model, this.arr, d, o);
  }
  historyValue(h: number): number {
    return this.historyArr[h]!;
  }
}

// ---------------------------------------------------------------------------------------------

const MaxPerWeekParams = z.object({
  minutes: z.number().int().min(1),
  /** `rolling`: every 7-day window; `calendarWeek`: each Monday–Sunday. */
  mode: z.enum(['rolling', 'calendarWeek']).default('rolling'),
  measure: Measure,
});

class MaxWorkPerWeek extends WorkedMinutesSum {
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, windows: DayWindows, readonly p: z.infer<typeof MaxPerWeekParams>) {
    super(model, rule, inScope, windows, p.measure);
  }
  penalty(e: number, w: number, sum: number, _s2: number, emit?: (v: ViolationDetail) => void): number {
    if (sum <= this.p.minutes) return 0;
    emit?.({ employee: e, day: this.windows.from[w]!, endDay: this.windows.to[w]! - 1, amount: sum - this.p.minutes, data: { worked: sum, limit: this.p.minutes } });
    return sum - this.p.minutes;
  }
}

/** Maximum working time in any 7 days (rolling) or calendar week. Unit: minutes over. */
export const maxWorkPerWeekKind = defineRuleKind({
  kind: 'maxWorkPerWeek',
  description: { nb: 'Høyeste arbeidstid i løpet av sju dager', en: 'Maximum working time within seven days' },
  unit: 'minutes over',
  params: MaxPerWeekParams,
  compile: (model, rule, p, inScope) => new MaxWorkPerWeek(model, rule, inScope, p.mode === 'rolling' ? rollingWindows(model.days, 7, lookBack(model, 7)) : calendarWeekWindows(model, true), p),
  message: (v, ctx) => {
    const d = v.data as { worked: number; limit: number };
    return {
      nb: `${ctx.employeeName(v.employee!)} arbeider ${ctx.hours(d.worked, 'nb')} ${ctx.date(firstDay(v), 'nb')}–${ctx.date(v.endDay!, 'nb')}; ${ctx.ref} tillater ${ctx.hours(d.limit, 'nb')} på sju dager.`,
      en: `${ctx.employeeName(v.employee!)} works ${ctx.hours(d.worked, 'en')} from ${ctx.date(firstDay(v), 'en')} to ${ctx.date(v.endDay!, 'en')}; ${ctx.ref} allows ${ctx.hours(d.limit, 'en')} in seven days.`,
    };
  },
});

// ---------------------------------------------------------------------------------------------

const AverageParams = z.object({
  /** Maximum average per week in minutes; when absent, each employee's position (percent × weekly norm). */
  maxAverageMinutes: z.number().int().min(1).optional(),
  /** Length of the averaging period in weeks. */
  periodWeeks: z.number().int().min(1).max(52),
  /** `rolling`: every period-long window; `blocks`: consecutive periods from the start. */
  mode: z.enum(['rolling', 'blocks']).default('rolling'),
  /**
   * AML § 10-4 (6) three-shift weighting: each Sunday/holiday hour counts `sundayHolidayFactor`,
   * each night hour `nightFactor` (the extra rounded to whole minutes per shift); the actual average
   * may then not go below `floorMinutes`.
   */
  weighting: z
    .object({
      sundayHolidayFactor: z.number().min(1).max(2).default(70 / 60),
      nightFactor: z.number().min(1).max(2).default(75 / 60),
      floorMinutes: z.number().int().min(0),
    })
    .optional(),
  measure: Measure,
});

/** Internal (the MIP encoding reads its limits). */
export class AverageWeekly extends WorkedMinutesSum {
  /** Floor of the weighted week in minutes, or -1 without weighting. */
  private readonly floor: number;
  private readonly limitPerWeek: Float64Array;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, windows: DayWindows, readonly p: z.infer<typeof AverageParams>) {
    super(model, rule, inScope, windows, p.measure);
    this.floor = p.weighting ? p.weighting.floorMinutes : -1;
    this.limitPerWeek = Float64Array.from({ length: model.employees }, (_, e) => {
      if (p.maxAverageMinutes !== undefined) return p.maxAverageMinutes;
      const emp = model.problem.employees[e]!;
      const positions = model.problem.positions.filter((x) => x.employeeId === emp.id);
      return positions.reduce((s, x) => s + (x.percent / 100) * x.weeklyHoursNorm * 60, 0);
    });
  }
  override value2(_e: number, d: number, o: number): number {
    const w = this.p.weighting;
    if (!w) return 0;
    // Whole minutes per shift: fractional bonuses summed incrementally drift from a fresh sum, and the
    // penalty rounds, so an incremental and a full evaluation could differ by a minute.
    return Math.round(at(this.model, this.model.sundayHoliday, d, o) * (w.sundayHolidayFactor - 1) + at(this.model, this.model.night, d, o) * (w.nightFactor - 1));
  }
  override historyValue2(h: number): number {
    const w = this.p.weighting;
    if (!w) return 0;
    const { history } = this.model;
    return Math.round(history.sundayHoliday[h]! * (w.sundayHolidayFactor - 1) + history.night[h]! * (w.nightFactor - 1));
  }
  /** Employee e's limit for window w in minutes (the average per week × the window's weeks), before any weighting. */
  windowLimit(e: number, w: number): number {
    return this.limitPerWeek[e]! * ((this.windows.to[w]! - this.windows.from[w]!) / 7);
  }
  penalty(e: number, w: number, sum: number, bonus: number, emit?: (v: ViolationDetail) => void): number {
    const weeks = (this.windows.to[w]! - this.windows.from[w]!) / 7;
    let limit = this.windowLimit(e, w);
    if (this.floor >= 0) limit = Math.max(this.floor * weeks, limit - bonus);
    else if (sum <= limit) return 0;
    const over = Math.round(sum - limit);
    if (over <= 0) return 0;
    emit?.({ employee: e, day: this.windows.from[w]!, endDay: this.windows.to[w]! - 1, amount: over, data: { average: Math.round(sum / weeks), limit: Math.round(limit / weeks) } });
    return over;
  }
}

/** Average weekly working time over an averaging period (gjennomsnittsberegning). Unit: minutes over. */
export const averageWeeklyHoursKind = defineRuleKind({
  kind: 'averageWeeklyHours',
  description: { nb: 'Gjennomsnittlig ukentlig arbeidstid over en periode', en: 'Average weekly working time over a period' },
  unit: 'minutes over the period total',
  params: AverageParams,
  compile: (model, rule, p, inScope) =>
    new AverageWeekly(model, rule, inScope, p.mode === 'rolling' ? rollingWindows(model.days, p.periodWeeks * 7, lookBack(model, p.periodWeeks * 7)) : blockWindows(model.days, p.periodWeeks * 7), p),
  message: (v, ctx) => {
    const d = v.data as { average: number; limit: number };
    return {
      nb: `${ctx.employeeName(v.employee!)} har i snitt ${ctx.hours(d.average, 'nb')} per uke ${ctx.date(firstDay(v), 'nb')}–${ctx.date(v.endDay!, 'nb')}; ${ctx.ref} tillater ${ctx.hours(d.limit, 'nb')}.`,
      en: `${ctx.employeeName(v.employee!)} averages ${ctx.hours(d.average, 'en')} a week from ${ctx.date(firstDay(v), 'en')} to ${ctx.date(v.endDay!, 'en')}; ${ctx.ref} allows ${ctx.hours(d.limit, 'en')}.`,
    };
  },
});

// ---------------------------------------------------------------------------------------------

const TotalParams = z
  .object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional(), measure: Measure })
  .refine((p) => p.min !== undefined || p.max !== undefined, { message: 'give min or max' });

class TotalWorked extends WorkedMinutesSum {
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, readonly p: z.infer<typeof TotalParams>) {
    super(model, rule, inScope, blockWindows(model.days, model.days), p.measure);
  }
  penalty(e: number, _w: number, sum: number, _s2: number, emit?: (v: ViolationDetail) => void): number {
    const { under, amount } = outsideBounds(sum, this.p.min, this.p.max);
    if (amount > 0) emit?.({ employee: e, amount, data: { worked: sum, bound: under > 0 ? this.p.min! : this.p.max!, direction: under > 0 ? 'under' : 'over' } });
    return amount;
  }
}

const directionMessage = (v: ViolationDetail, ctx: Parameters<typeof averageWeeklyHoursKind.message>[1], what: { nb: string; en: string }) => {
  const d = v.data as { worked: number; bound: number; direction: string };
  return d.direction === 'under'
    ? {
        nb: `${ctx.employeeName(v.employee!)} har ${ctx.hours(d.worked, 'nb')} ${what.nb}, minst ${ctx.hours(d.bound, 'nb')} kreves; ${ctx.ref}.`,
        en: `${ctx.employeeName(v.employee!)} has ${ctx.hours(d.worked, 'en')} ${what.en}, at least ${ctx.hours(d.bound, 'en')} required; ${ctx.ref}.`,
      }
    : {
        nb: `${ctx.employeeName(v.employee!)} har ${ctx.hours(d.worked, 'nb')} ${what.nb}, høyst ${ctx.hours(d.bound, 'nb')} tillatt; ${ctx.ref}.`,
        en: `${ctx.employeeName(v.employee!)} has ${ctx.hours(d.worked, 'en')} ${what.en}, at most ${ctx.hours(d.bound, 'en')} allowed; ${ctx.ref}.`,
      };
};

/** Minimum and/or maximum total working minutes over the horizon. Unit: minutes outside the bounds. */
export const totalWorkedMinutesKind = defineRuleKind({
  kind: 'totalWorkedMinutes',
  description: { nb: 'Samlet arbeidstid i planperioden', en: 'Total working time over the horizon' },
  unit: 'minutes outside the bounds',
  params: TotalParams,
  compile: (model, rule, p, inScope) => new TotalWorked(model, rule, inScope, p),
  message: (v, ctx) => directionMessage(v, ctx, { nb: 'planlagt i perioden', en: 'planned in the horizon' }),
});

// ---------------------------------------------------------------------------------------------

const ContractedParams = z.object({
  /** Allowed deviation from the contracted minutes, in minutes (both ways). */
  toleranceMinutes: z.number().int().min(0).default(0),
  /** Allowed deviation as a share of the contracted minutes (added to toleranceMinutes). */
  tolerancePercent: z.number().min(0).max(100).default(0),
  measure: Measure,
});

class Contracted extends WorkedMinutesSum {
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, readonly p: z.infer<typeof ContractedParams>) {
    super(model, rule, inScope, blockWindows(model.days, model.days), p.measure);
  }
  penalty(e: number, _w: number, sum: number, _s2: number, emit?: (v: ViolationDetail) => void): number {
    const target = this.model.contracted[e]!;
    const tol = this.p.toleranceMinutes + (target * this.p.tolerancePercent) / 100;
    const dev = Math.abs(sum - target) - tol;
    if (dev <= 0) return 0;
    const amount = Math.round(dev);
    if (amount > 0) emit?.({ employee: e, amount, data: { worked: Math.round(sum), bound: Math.round(target), direction: sum < target ? 'under' : 'over' } });
    return amount;
  }
}

/** Planned hours against contracted hours (stillingsprosent × weekly norm, absences removed). Unit: minutes outside the band. */
export const contractedHoursKind = defineRuleKind({
  kind: 'contractedHours',
  description: { nb: 'Planlagte timer mot avtalte timer etter stillingsprosent', en: 'Planned hours against contracted hours by position size' },
  unit: 'minutes outside the tolerance band',
  params: ContractedParams,
  compile: (model, rule, p, inScope) => new Contracted(model, rule, inScope, p),
  message: (v, ctx) => {
    const d = v.data as { worked: number; bound: number; direction: string };
    return {
      nb: `${ctx.employeeName(v.employee!)} er planlagt ${ctx.hours(d.worked, 'nb')}, avtalt er ${ctx.hours(d.bound, 'nb')}; ${ctx.ref}.`,
      en: `${ctx.employeeName(v.employee!)} is planned ${ctx.hours(d.worked, 'en')} against ${ctx.hours(d.bound, 'en')} contracted; ${ctx.ref}.`,
    };
  },
});

// ---------------------------------------------------------------------------------------------

const CountParams = ShiftSelectorSchema.extend({
  min: z.number().int().min(0).optional(),
  max: z.number().int().min(0).optional(),
  /** Count per consecutive period of this many days; the whole horizon when absent. */
  periodDays: z.number().int().min(1).optional(),
}).refine((p) => p.min !== undefined || p.max !== undefined, { message: 'give min or max' });

class ShiftCount extends WindowSumConstraint {
  private readonly mask: Uint8Array;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, readonly p: z.infer<typeof CountParams>) {
    super(model, rule, inScope, blockWindows(model.days, p.periodDays ?? model.days));
    this.mask = optionMask(model, p);
  }
  value(_e: number, _d: number, o: number): number {
    return this.mask[o]!;
  }
  historyValue(h: number): number {
    return this.mask[this.model.history.option[h]!]!;
  }
  forbids(e: number, o: number): boolean {
    return this.inScope[e] === 1 && this.p.max === 0 && this.mask[o] === 1;
  }
  penalty(e: number, w: number, sum: number, _s2: number, emit?: (v: ViolationDetail) => void): number {
    const { under, amount } = outsideBounds(sum, this.p.min, this.p.max);
    if (amount > 0) emit?.({ employee: e, day: this.windows.from[w]!, endDay: this.windows.to[w]! - 1, amount, data: { count: sum, bound: under > 0 ? this.p.min! : this.p.max!, direction: under > 0 ? 'under' : 'over' } });
    return amount;
  }
}

/** Minimum/maximum number of shifts of selected types (e.g. nights) per period or horizon. Unit: shifts outside the bounds. */
export const shiftTypeCountKind = defineRuleKind({
  kind: 'shiftTypeCount',
  description: { nb: 'Antall vakter av en type per periode', en: 'Number of shifts of a type per period' },
  unit: 'shifts outside the bounds',
  params: CountParams,
  compile: (model, rule, p, inScope) => new ShiftCount(model, rule, inScope, p),
  message: (v, ctx) => {
    const d = v.data as { count: number; bound: number; direction: string };
    const p = CountParams.parse(ctx.rule.params);
    const what = countedShifts(p, d.count, ctx);
    const span = { nb: `${ctx.date(firstDay(v), 'nb')}–${ctx.date(v.endDay!, 'nb')}`, en: `${ctx.date(firstDay(v), 'en')} to ${ctx.date(v.endDay!, 'en')}` };
    const bound = d.direction === 'over' ? { nb: 'høyst', en: 'at most' } : { nb: 'minst', en: 'at least' };
    return {
      nb: `${ctx.employeeName(v.employee!)} har ${d.count} ${what.nb} ${span.nb}, ${bound.nb} ${d.bound}; ${ctx.ref}.`,
      en: `${ctx.employeeName(v.employee!)} has ${d.count} ${what.en} ${span.en}, ${bound.en} ${d.bound}; ${ctx.ref}.`,
    };
  },
});

// ---------------------------------------------------------------------------------------------

const NightWorkerParams = z.object({
  /** Average ordinary working time per 24 hours (minutes). */
  maxAveragePer24h: z.number().int().min(1).default(480),
  periodWeeks: z.number().int().min(1).default(4),
  /** Minutes of weekly rest per week left out of the average (AML § 10-11 (6)). */
  weeklyRestMinutes: z.number().int().min(0).default(35 * 60),
  /** A shift is night work when it has more than this many minutes in the night window. */
  nightThresholdMinutes: z.number().int().min(0).default(180),
  /** The average applies in a period where the employee works at least this many night shifts. */
  minNightShifts: z.number().int().min(1).default(1),
  measure: Measure,
});

/** Internal (the MIP encoding reads its windows, night counts and limits). */
export class NightWorkerAverage extends WorkedMinutesSum {
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, readonly p: z.infer<typeof NightWorkerParams>) {
    super(model, rule, inScope, blockWindows(model.days, p.periodWeeks * 7), p.measure);
  }
  override value2(_e: number, d: number, o: number): number {
    return at(this.model, this.model.night, d, o) > this.p.nightThresholdMinutes ? 1 : 0;
  }
  override historyValue2(h: number): number {
    return this.model.history.night[h]! > this.p.nightThresholdMinutes ? 1 : 0;
  }
  /** Minutes allowed in window w: the average per 24 hours over the window's hours less its weekly rests. */
  windowLimit(w: number): number {
    const days = this.windows.to[w]! - this.windows.from[w]!;
    const hoursBase = days * 1440 - (days / 7) * this.p.weeklyRestMinutes;
    return (this.p.maxAveragePer24h / 1440) * hoursBase;
  }
  penalty(e: number, w: number, sum: number, nights: number, emit?: (v: ViolationDetail) => void): number {
    if (nights < this.p.minNightShifts) return 0;
    const limit = this.windowLimit(w);
    const over = Math.round(sum - limit);
    if (over <= 0) return 0;
    emit?.({ employee: e, day: this.windows.from[w]!, endDay: this.windows.to[w]! - 1, amount: over, data: { worked: Math.round(sum), limit: Math.round(limit) } });
    return over;
  }
}

/** AML § 10-11 (6): night workers average at most 8 h per 24 h over four weeks, weekly rest left out. Unit: minutes over. */
export const nightWorkerAverageKind = defineRuleKind({
  kind: 'nightWorkerAverage',
  description: { nb: 'Nattarbeideres gjennomsnittlige arbeidstid per døgn', en: "Night workers' average working time per 24 hours" },
  unit: 'minutes over the period limit',
  params: NightWorkerParams,
  compile: (model, rule, p, inScope) => new NightWorkerAverage(model, rule, inScope, p),
  message: (v, ctx) => {
    const d = v.data as { worked: number; limit: number };
    return {
      nb: `${ctx.employeeName(v.employee!)} (nattarbeider) arbeider ${ctx.hours(d.worked, 'nb')} ${ctx.date(firstDay(v), 'nb')}–${ctx.date(v.endDay!, 'nb')}; ${ctx.ref} tillater ${ctx.hours(d.limit, 'nb')}.`,
      en: `${ctx.employeeName(v.employee!)} (night worker) works ${ctx.hours(d.worked, 'en')} from ${ctx.date(firstDay(v), 'en')} to ${ctx.date(v.endDay!, 'en')}; ${ctx.ref} allows ${ctx.hours(d.limit, 'en')}.`,
    };
  },
});
