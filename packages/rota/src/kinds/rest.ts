import { localToInstant, parseLocalTime } from '@omsorg/domain';
import { z } from 'zod';
import type { Assignment } from '../model/assignment.js';
import { type CompiledProblem, OFF } from '../model/compile.js';
import { defineRuleKind, LocalConstraint, PairConstraint, type ViolationDetail } from '../rules/kind.js';
import type { Rule } from '../rules/rule.js';

const PenaltyMode = z.enum(['count', 'minutes']).default('count');

/** Real start minute of each local midnight of the horizon, plus the one after it. */
export function dayStarts(model: CompiledProblem): Int32Array {
  const out = new Int32Array(model.days + 1);
  for (let d = 0; d <= model.days; d++) {
    const date = d < model.days ? model.dates[d]! : model.dates[d - 1]!;
    out[d] = model.minuteOf(localToInstant(date, d < model.days ? 0 : 1440));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Overlapping shifts (one shift at a time)

class NoOverlap extends PairConstraint {
  pairCost(e: number, d: number, o1: number, o2: number, emit?: (v: ViolationDetail) => void): number {
    const { shifts, optionShift, start, end } = this.model;
    const overlap = end[d * shifts + optionShift[o1]!]! - start[(d + 1) * shifts + optionShift[o2]!]!;
    if (overlap <= 0) return 0;
    emit?.({ employee: e, day: d, endDay: d + 1, amount: 1, data: { overlap, o1, o2 } });
    return 1;
  }
}

/** One shift at a time: a shift may not start before the previous day's shift has ended. Unit: overlapping pairs. */
export const oneShiftPerDayKind = defineRuleKind({
  kind: 'oneShiftPerDay',
  description: { nb: 'Én vakt om gangen: vakter kan ikke overlappe', en: 'One shift at a time: shifts may not overlap' },
  unit: 'overlapping pairs',
  params: z.object({}),
  compile: (model, rule, _p, inScope) => new NoOverlap(model, rule, inScope),
  message: (v, ctx) => ({
    nb: `${ctx.employeeName(v.employee!)} har overlappende vakter ${ctx.date(v.day!, 'nb')} og ${ctx.date(v.endDay!, 'nb')}; ${ctx.ref}.`,
    en: `${ctx.employeeName(v.employee!)} has overlapping shifts on ${ctx.date(v.day!, 'en')} and ${ctx.date(v.endDay!, 'en')}; ${ctx.ref}.`,
  }),
});

// ---------------------------------------------------------------------------------------------
// Daily rest (døgnhvile)

const MinRestParams = z.object({ minutes: z.number().int().min(0).max(24 * 60), penalty: PenaltyMode });

class MinRest extends PairConstraint {
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, readonly p: z.infer<typeof MinRestParams>) {
    super(model, rule, inScope);
  }
  pairCost(e: number, d: number, o1: number, o2: number, emit?: (v: ViolationDetail) => void): number {
    const { shifts, optionShift, start, end } = this.model;
    const rest = start[(d + 1) * shifts + optionShift[o2]!]! - end[d * shifts + optionShift[o1]!]!;
    if (rest >= this.p.minutes) return 0;
    const amount = this.p.penalty === 'count' ? 1 : this.p.minutes - rest;
    emit?.({ employee: e, day: d, endDay: d + 1, amount, data: { rest, required: this.p.minutes, o1, o2 } });
    return amount;
  }
}

/** Minimum rest between two shifts, measured between the real instants (DST-correct). Unit: violations or minutes short. */
export const minRestKind = defineRuleKind({
  kind: 'minRestBetweenShifts',
  description: { nb: 'Minste hvile mellom to vakter', en: 'Minimum rest between two shifts' },
  unit: 'violations (penalty: count) or minutes short (penalty: minutes)',
  params: MinRestParams,
  compile: (model, rule, p, inScope) => new MinRest(model, rule, inScope, p),
  message: (v, ctx) => {
    const d = v.data as { rest: number; required: number; o1: number; o2: number };
    // Overlapping shifts have a negative rest; it reads as no rest at all.
    const rest = Math.max(0, d.rest);
    return {
      nb: `${ctx.employeeName(v.employee!)} har ${ctx.hours(rest, 'nb')} hvile mellom ${ctx.shiftName(d.o1, 'nb').toLowerCase()} ${ctx.date(v.day!, 'nb')} og ${ctx.shiftName(d.o2, 'nb').toLowerCase()} ${ctx.date(v.endDay!, 'nb')}; ${ctx.ref} krever ${ctx.hours(d.required, 'nb')}.`,
      en: `${ctx.employeeName(v.employee!)} has ${ctx.hours(rest, 'en')} rest between the ${ctx.shiftName(d.o1, 'en').toLowerCase()} on ${ctx.date(v.day!, 'en')} and the ${ctx.shiftName(d.o2, 'en').toLowerCase()} on ${ctx.date(v.endDay!, 'en')}; ${ctx.ref} requires ${ctx.hours(d.required, 'en')}.`,
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Weekly rest (ukehvile)

const WeeklyRestParams = z.object({
  minutes: z.number().int().min(0).max(7 * 24 * 60),
  /** `calendarWeek`: each Monday–Sunday week; `rolling`: every 7-day window starting at a local midnight. */
  mode: z.enum(['calendarWeek', 'rolling']).default('calendarWeek'),
  penalty: PenaltyMode,
});

class WeeklyRest extends LocalConstraint {
  private readonly starts: Int32Array;
  /** First day of each window. */
  private readonly windows: Int32Array;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, readonly p: z.infer<typeof WeeklyRestParams>) {
    super(model, rule, inScope);
    this.starts = dayStarts(model);
    const w: number[] = [];
    for (let d = 0; d + 7 <= model.days; d++) if (p.mode === 'rolling' || model.weekday[d] === 1) w.push(d);
    this.windows = Int32Array.from(w);
  }
  /** Longest free stretch (minutes) inside the window starting at day w0. */
  longestRest(e: number, w0: number, a: Assignment): number {
    const { days, shifts, optionShift, start, end } = this.model;
    const ws = this.starts[w0]!;
    const we = this.starts[w0 + 7]!;
    let prevEnd = ws;
    let best = 0;
    for (let d = Math.max(0, w0 - 1); d < Math.min(days, w0 + 8); d++) {
      const o = a[e * days + d]!;
      if (o === OFF) continue;
      const k = d * shifts + optionShift[o]!;
      const s = start[k]!;
      const en = end[k]!;
      if (en <= ws || s >= we) continue;
      if (s > prevEnd) best = Math.max(best, s - prevEnd);
      prevEnd = Math.max(prevEnd, en);
    }
    return Math.max(best, we - prevEnd);
  }
  private window(e: number, wi: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    const w0 = this.windows[wi]!;
    const rest = this.longestRest(e, w0, a);
    if (rest >= this.p.minutes) return 0;
    const amount = this.p.penalty === 'count' ? 1 : this.p.minutes - rest;
    emit?.({ employee: e, day: w0, endDay: w0 + 6, amount, data: { rest, required: this.p.minutes } });
    return amount;
  }
  row(e: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    let p = 0;
    for (let wi = 0; wi < this.windows.length; wi++) p += this.window(e, wi, a, emit);
    return p;
  }
  local(e: number, d: number, a: Assignment): number {
    let p = 0;
    // A shift on day d reaches at most into day d + 1; windows touching days d-1..d+1 may change.
    for (let wi = 0; wi < this.windows.length; wi++) {
      const w0 = this.windows[wi]!;
      if (w0 > d + 1) break;
      if (w0 + 7 < d) continue;
      p += this.window(e, wi, a);
    }
    return p;
  }
}

/** Weekly rest: the longest continuous rest in every 7-day window. Unit: windows or minutes short. */
export const weeklyRestKind = defineRuleKind({
  kind: 'weeklyRest',
  description: { nb: 'Sammenhengende ukehvile i hver periode på sju dager', en: 'Continuous weekly rest in every 7-day period' },
  unit: 'windows (penalty: count) or minutes short (penalty: minutes)',
  params: WeeklyRestParams,
  compile: (model, rule, p, inScope) => new WeeklyRest(model, rule, inScope, p),
  message: (v, ctx) => {
    const d = v.data as { rest: number; required: number };
    return {
      nb: `${ctx.employeeName(v.employee!)} har høyst ${ctx.hours(d.rest, 'nb')} sammenhengende hvile i uken ${ctx.date(v.day!, 'nb')}–${ctx.date(v.endDay!, 'nb')}; ${ctx.ref} krever ${ctx.hours(d.required, 'nb')}.`,
      en: `${ctx.employeeName(v.employee!)} has at most ${ctx.hours(d.rest, 'en')} continuous rest in the week ${ctx.date(v.day!, 'en')}–${ctx.date(v.endDay!, 'en')}; ${ctx.ref} requires ${ctx.hours(d.required, 'en')}.`,
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Hours within 24 hours

const Max24Params = z.object({
  minutes: z.number().int().min(1).max(24 * 60),
  /**
   * `fixed`: 24-hour periods with a fixed start (døgnskille) at `dayStartMinute` local time, each
   * shift counted whole in the period it starts in — the reading of "i løpet av 24 timer" since the
   * 2005 act (a period with a set start and end, not any running 24 hours). `rolling`: the 24 hours
   * from the start of every shift, with the overlap of the next shift (stricter).
   */
  period: z.enum(['fixed', 'rolling']).default('fixed'),
  /** Start of the fixed 24-hour period, minutes after local midnight (0 = 00:00). */
  dayStartMinute: z.number().int().min(0).max(1439).default(0),
  penalty: PenaltyMode,
});

class MaxWorkIn24h extends LocalConstraint {
  /** Local start minute of each shift type. */
  private readonly localStart: Int16Array;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, readonly p: z.infer<typeof Max24Params>) {
    super(model, rule, inScope);
    this.localStart = Int16Array.from(model.problem.shiftTypes, (st) => parseLocalTime(st.start) ?? 0);
  }
  /** Work in the fixed period that starts on day d at the divider: shifts starting in it, whole. */
  private fixedTotal(e: number, d: number, a: Assignment): number {
    const { days, shifts, optionShift, work } = this.model;
    const div = this.p.dayStartMinute;
    let total = 0;
    const o = a[e * days + d]!;
    if (o !== OFF && this.localStart[optionShift[o]!]! >= div) total += work[d * shifts + optionShift[o]!]!;
    const o2 = d + 1 < days ? a[e * days + d + 1]! : OFF;
    if (o2 !== OFF && this.localStart[optionShift[o2]!]! < div) total += work[(d + 1) * shifts + optionShift[o2]!]!;
    return total;
  }
  /** Work in the 24 hours from the start of the shift on day d (rolling), or in day d's fixed period. */
  private term(e: number, d: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    if (d < 0 || d >= this.model.days) return 0;
    const total = this.p.period === 'fixed' ? this.fixedTotal(e, d, a) : this.rollingTotal(e, d, a);
    if (total <= this.p.minutes) return 0;
    const amount = this.p.penalty === 'count' ? 1 : total - this.p.minutes;
    emit?.({ employee: e, day: d, amount, data: { worked: total, limit: this.p.minutes } });
    return amount;
  }
  private rollingTotal(e: number, d: number, a: Assignment): number {
    const { days, shifts, optionShift, start, end, work } = this.model;
    const o = a[e * days + d]!;
    if (o === OFF) return 0;
    const k = d * shifts + optionShift[o]!;
    const from = start[k]!;
    const to = from + 1440;
    let total = work[k]!;
    for (let n = d + 1; n < Math.min(days, d + 2); n++) {
      const o2 = a[e * days + n]!;
      if (o2 === OFF) continue;
      const k2 = n * shifts + optionShift[o2]!;
      const len = end[k2]! - start[k2]!;
      const overlap = Math.min(to, end[k2]!) - Math.max(from, start[k2]!);
      if (overlap > 0 && len > 0) total += Math.round((overlap * work[k2]!) / len);
    }
    return total;
  }
  row(e: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    let p = 0;
    for (let d = 0; d < this.model.days; d++) p += this.term(e, d, a, emit);
    return p;
  }
  local(e: number, d: number, a: Assignment): number {
    return this.term(e, d - 1, a) + this.term(e, d, a);
  }
}

/** Maximum working time per 24 hours (fixed periods from a day divider, or rolling from each shift). Unit: violations or minutes over. */
export const maxWorkIn24hKind = defineRuleKind({
  kind: 'maxWorkIn24h',
  description: { nb: 'Høyeste arbeidstid i løpet av 24 timer', en: 'Maximum working time within 24 hours' },
  unit: 'violations (penalty: count) or minutes over (penalty: minutes)',
  params: Max24Params,
  compile: (model, rule, p, inScope) => new MaxWorkIn24h(model, rule, inScope, p),
  message: (v, ctx) => {
    const d = v.data as { worked: number; limit: number };
    return {
      nb: `${ctx.employeeName(v.employee!)} arbeider ${ctx.hours(d.worked, 'nb')} i løpet av 24 timer fra ${ctx.date(v.day!, 'nb')}; ${ctx.ref} tillater ${ctx.hours(d.limit, 'nb')}.`,
      en: `${ctx.employeeName(v.employee!)} works ${ctx.hours(d.worked, 'en')} within 24 hours from ${ctx.date(v.day!, 'en')}; ${ctx.ref} allows ${ctx.hours(d.limit, 'en')}.`,
    };
  },
});
