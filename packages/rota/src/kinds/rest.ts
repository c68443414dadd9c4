import { addDays, localToInstant, parseLocalTime } from '@omsorg/domain';
import { z } from 'zod';
import type { Assignment } from '../model/assignment.js';
import { type CompiledProblem, OFF } from '../model/compile.js';
import { defineRuleKind, firstDay, LocalConstraint, PairConstraint, type ViolationDetail } from '../rules/kind.js';
import type { Rule } from '../rules/rule.js';

const PenaltyMode = z.enum(['count', 'minutes']).default('count');

// ---------------------------------------------------------------------------------------------
// Overlapping shifts (one shift at a time)

class NoOverlap extends PairConstraint {
  pairCost(e: number, d: number, o1: number, o2: number, emit?: (v: ViolationDetail) => void): number {
    const { shifts, optionShift, start } = this.model;
    const overlap = this.endOf(e, d, o1) - start[(d + 1) * shifts + optionShift[o2]!]!;
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
    nb: `${ctx.employeeName(v.employee!)} har overlappende vakter ${ctx.date(firstDay(v), 'nb')} og ${ctx.date(v.endDay!, 'nb')}; ${ctx.ref}.`,
    en: `${ctx.employeeName(v.employee!)} has overlapping shifts on ${ctx.date(firstDay(v), 'en')} and ${ctx.date(v.endDay!, 'en')}; ${ctx.ref}.`,
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
    const { shifts, optionShift, start } = this.model;
    const rest = start[(d + 1) * shifts + optionShift[o2]!]! - this.endOf(e, d, o1);
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
      nb: `${ctx.employeeName(v.employee!)} har ${ctx.hours(rest, 'nb')} hvile mellom ${ctx.shiftName(d.o1, 'nb').toLowerCase()} ${ctx.date(firstDay(v), 'nb')} og ${ctx.shiftName(d.o2, 'nb').toLowerCase()} ${ctx.date(v.endDay!, 'nb')}; ${ctx.ref} krever ${ctx.hours(d.required, 'nb')}.`,
      en: `${ctx.employeeName(v.employee!)} has ${ctx.hours(rest, 'en')} rest between the ${ctx.shiftName(d.o1, 'en').toLowerCase()} on ${ctx.date(firstDay(v), 'en')} and the ${ctx.shiftName(d.o2, 'en').toLowerCase()} on ${ctx.date(v.endDay!, 'en')}; ${ctx.ref} requires ${ctx.hours(d.required, 'en')}.`,
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

/** Real start minute of the local midnight of day d, for d in [-first, days]; at `d + first`. */
function midnights(model: CompiledProblem, first: number): Int32Array {
  const out = new Int32Array(model.days + 1 + first);
  for (let d = -first; d <= model.days; d++) out[d + first] = model.minuteOf(localToInstant(addDays(model.dates[0]!, d), 0));
  return out;
}

/**
 * Weekly rest in every window. With history, the windows reaching back into it (rolling: starting up
 * to six days before the horizon; calendar weeks: the week the horizon starts in) count too, each
 * penalised only for what the horizon's shifts take away from the rest the history alone leaves.
 * Exported for the MIP encoding, which reads its windows and baselines.
 */
export class WeeklyRest extends LocalConstraint {
  /** Local midnights from 7 days before the horizon, at `d + 7`. */
  private readonly starts: Int32Array;
  /** First day of each window (negative: it starts in the history), ascending. */
  private readonly windows: Int32Array;
  /** Number of windows starting on or before day 0 when there is history (the ones with a baseline). */
  private readonly nBase: number;
  /** Penalty of each of those windows with every horizon cell off, at `e * nBase + wi`. */
  private readonly base: Float64Array;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, readonly p: z.infer<typeof WeeklyRestParams>) {
    super(model, rule, inScope);
    this.starts = midnights(model, 7);
    const H = model.history.days;
    const w: number[] = [];
    for (let d = -Math.min(6, H); d + 7 <= model.days; d++) {
      const weekday = ((((model.weekday[0]! - 1 + d) % 7) + 7) % 7) + 1;
      if (p.mode === 'rolling' || weekday === 1) w.push(d);
    }
    this.windows = Int32Array.from(w);
    this.nBase = H === 0 ? 0 : w.filter((d) => d <= 0).length;
    this.base = new Float64Array(model.employees * this.nBase);
    for (let e = 0; e < model.employees; e++) {
      for (let wi = 0; wi < this.nBase; wi++) this.base[e * this.nBase + wi] = this.shortfall(this.longestRest(e, this.windows[wi]!));
    }
  }
  /** First day of each window (negative: it starts in the history), ascending. */
  get windowDays(): Int32Array {
    return this.windows;
  }
  /** Real minutes of window wi's start and end. */
  windowBounds(wi: number): [number, number] {
    const w0 = this.windows[wi]!;
    return [this.starts[w0 + 7]!, this.starts[w0 + 14]!];
  }
  /** The penalty of window wi with every horizon cell off (0 unless the window starts in the history). */
  historyPenalty(e: number, wi: number): number {
    return wi < this.nBase ? this.base[e * this.nBase + wi]! : 0;
  }
  /** Longest free stretch (minutes) inside the window starting at day w0; horizon cells all off without `a`. */
  longestRest(e: number, w0: number, a?: Assignment): number {
    const { days, shifts, optionShift, start, end, history } = this.model;
    const H = history.days;
    const ws = this.starts[w0 + 7]!;
    const we = this.starts[w0 + 14]!;
    let prevEnd = ws;
    let best = 0;
    for (let d = Math.max(-H, w0 - 1); d < Math.min(a ? days : 0, w0 + 8); d++) {
      let s: number;
      let en: number;
      if (d < 0) {
        const h = e * H + H + d;
        if (history.option[h] === OFF) continue;
        s = history.start[h]!;
        en = history.end[h]!;
      } else {
        const o = a![e * days + d]!;
        if (o === OFF) continue;
        const k = d * shifts + optionShift[o]!;
        s = start[k]!;
        en = end[k]!;
      }
      if (en <= ws || s >= we) continue;
      if (s > prevEnd) best = Math.max(best, s - prevEnd);
      prevEnd = Math.max(prevEnd, en);
    }
    return Math.max(best, we - prevEnd);
  }
  private shortfall(rest: number): number {
    if (rest >= this.p.minutes) return 0;
    return this.p.penalty === 'count' ? 1 : this.p.minutes - rest;
  }
  private window(e: number, wi: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    const w0 = this.windows[wi]!;
    const rest = this.longestRest(e, w0, a);
    if (rest >= this.p.minutes) return 0;
    const amount = this.shortfall(rest) - (wi < this.nBase ? this.base[e * this.nBase + wi]! : 0);
    if (amount <= 0) return 0;
    emit?.({ employee: e, day: Math.max(0, w0), endDay: w0 + 6, amount, data: w0 < 0 ? { rest, required: this.p.minutes, historyDay: w0 } : { rest, required: this.p.minutes } });
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
      nb: `${ctx.employeeName(v.employee!)} har høyst ${ctx.hours(d.rest, 'nb')} sammenhengende hvile i uken ${ctx.date(firstDay(v), 'nb')}–${ctx.date(v.endDay!, 'nb')}; ${ctx.ref} krever ${ctx.hours(d.required, 'nb')}.`,
      en: `${ctx.employeeName(v.employee!)} has at most ${ctx.hours(d.rest, 'en')} continuous rest in the week ${ctx.date(firstDay(v), 'en')}–${ctx.date(v.endDay!, 'en')}; ${ctx.ref} requires ${ctx.hours(d.required, 'en')}.`,
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

/** Internal (the MIP encoding reads its day and history costs). */
export class MaxWorkIn24h extends LocalConstraint {
  /** Local start minute of each shift type. */
  private readonly localStart: Int16Array;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, readonly p: z.infer<typeof Max24Params>) {
    super(model, rule, inScope);
    this.localStart = Int16Array.from(model.problem.shiftTypes, (st) => parseLocalTime(st.start) ?? 0);
  }
  /** Work in the fixed period that starts on day d at the divider, with o on day d and o2 on day d + 1: shifts starting in it, whole. */
  private fixedTotal(d: number, o: number, o2: number): number {
    const { shifts, optionShift, work } = this.model;
    const div = this.p.dayStartMinute;
    let total = 0;
    if (o !== OFF && this.localStart[optionShift[o]!]! >= div) total += work[d * shifts + optionShift[o]!]!;
    if (o2 !== OFF && this.localStart[optionShift[o2]!]! < div) total += work[(d + 1) * shifts + optionShift[o2]!]!;
    return total;
  }
  private over(total: number): number {
    if (total <= this.p.minutes) return 0;
    return this.p.penalty === 'count' ? 1 : total - this.p.minutes;
  }
  /**
   * The penalty of day d's period (fixed) or of the 24 hours from its shift (rolling) with option o
   * on day d and o2 on day d + 1 (either OFF; o2 OFF past the horizon). Read by the MIP encoding.
   */
  dayCost(d: number, o: number, o2: number): number {
    return this.over(this.total(d, o, o2));
  }
  private total(d: number, o: number, o2: number): number {
    return this.p.period === 'fixed' ? this.fixedTotal(d, o, o2) : this.rollingTotal(d, o, o2);
  }
  /** Work in the 24 hours from the start of the shift on day d (rolling), or in day d's fixed period. */
  private term(e: number, d: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    if (d === -1) return this.historyTerm(e, a, emit);
    if (d < 0 || d >= this.model.days) return 0;
    const { days } = this.model;
    const o = a[e * days + d]!;
    const o2 = d + 1 < days ? a[e * days + d + 1]! : OFF;
    const total = this.total(d, o, o2);
    const amount = this.over(total);
    if (amount > 0) emit?.({ employee: e, day: d, amount, data: { worked: total, limit: this.p.minutes } });
    return amount;
  }
  /** The 24 hours from the history's shift on the day before the horizon, with day 0's shift; beyond what the history alone gives. */
  private historyTerm(e: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    const total = this.historyTotal(e, a[e * this.model.days]!);
    if (total < 0) return 0;
    const amount = this.over(total) - this.over(this.historyAlone(e));
    if (amount > 0) emit?.({ employee: e, day: 0, amount, data: { worked: total, limit: this.p.minutes, historyDay: -1 } });
    return amount;
  }
  /** What day 0's option o2 adds to the penalty of the history's last period (read by the MIP encoding too). */
  historyCost(e: number, o2: number): number {
    const total = this.historyTotal(e, o2);
    return total < 0 ? 0 : this.over(total) - this.over(this.historyAlone(e));
  }
  /** Work of employee e's shift on the history's last day. */
  private historyAlone(e: number): number {
    const H = this.model.history.days;
    return this.model.history.work[e * H + H - 1]!;
  }
  /** Work in the history's last period with o2 on day 0, or -1 when day 0 does not join it. */
  private historyTotal(e: number, o2: number): number {
    const { optionShift, work, history } = this.model;
    const H = history.days;
    if (H === 0) return -1;
    const h = e * H + H - 1;
    const oh = history.option[h]!;
    if (oh === OFF || o2 === OFF) return -1;
    if (this.p.period === 'fixed') {
      // The history shift is in day -1's period only when it starts after the divider; day 0's shift joins it when it starts before.
      if (this.localStart[optionShift[oh]!]! < this.p.dayStartMinute || this.localStart[optionShift[o2]!]! >= this.p.dayStartMinute) return -1;
      return history.work[h]! + work[optionShift[o2]!]!;
    }
    return history.work[h]! + this.overlapWork(history.start[h]!, optionShift[o2]!);
  }
  /** Work of the shift at k (day × shift) inside the 24 hours from minute `from`, pro rata. */
  private overlapWork(from: number, k: number): number {
    const { start, end, work } = this.model;
    const len = end[k]! - start[k]!;
    const overlap = Math.min(from + 1440, end[k]!) - Math.max(from, start[k]!);
    return overlap > 0 && len > 0 ? Math.round((overlap * work[k]!) / len) : 0;
  }
  private rollingTotal(d: number, o: number, o2: number): number {
    const { shifts, optionShift, start, work } = this.model;
    if (o === OFF) return 0;
    const k = d * shifts + optionShift[o]!;
    let total = work[k]!;
    if (o2 !== OFF) total += this.overlapWork(start[k]!, (d + 1) * shifts + optionShift[o2]!);
    return total;
  }
  row(e: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    let p = 0;
    for (let d = -1; d < this.model.days; d++) p += this.term(e, d, a, emit);
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
      nb: `${ctx.employeeName(v.employee!)} arbeider ${ctx.hours(d.worked, 'nb')} i løpet av 24 timer fra ${ctx.date(firstDay(v), 'nb')}; ${ctx.ref} tillater ${ctx.hours(d.limit, 'nb')}.`,
      en: `${ctx.employeeName(v.employee!)} works ${ctx.hours(d.worked, 'en')} within 24 hours from ${ctx.date(firstDay(v), 'en')}; ${ctx.ref} allows ${ctx.hours(d.limit, 'en')}.`,
    };
  },
});
