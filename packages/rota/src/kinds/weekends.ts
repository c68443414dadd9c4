import { addDays, daysBetween } from '@omsorg/domain';
import { z } from 'zod';
import type { Assignment } from '../model/assignment.js';
import { type CompiledProblem, OFF } from '../model/compile.js';
import { sundayHolidayPeriods } from '../model/windows.js';
import { type Constraint, defineRuleKind, LocalConstraint, type ViolationDetail } from '../rules/kind.js';
import type { Rule } from '../rules/rule.js';
import { at } from './shared.js';

/** Saturday day index of every weekend touching the horizon (may be -1 when it starts on a Sunday). */
function weekendSaturdays(model: CompiledProblem): Int32Array {
  const sats: number[] = [];
  for (let d = 0; d < model.days; d++) {
    if (model.weekday[d] === 6) sats.push(d);
    else if (d === 0 && model.weekday[d] === 7) sats.push(-1);
  }
  return Int32Array.from(sats);
}

const WeekendParams = z
  .object({
    /** `dates`: a weekend is worked when a shift is on its Saturday or Sunday; `time`: when any shift has minutes between Saturday 00:00 and Monday 00:00. */
    definition: z.enum(['dates', 'time']).default('time'),
    /** At most this many worked weekends in the horizon. */
    maxTotal: z.number().int().min(0).optional(),
    /** At most `count` worked weekends in any `window` consecutive weekends (e.g. 1 in 3). */
    maxInWindow: z.object({ count: z.number().int().min(0), window: z.number().int().min(1) }).optional(),
  })
  .refine((p) => p.maxTotal !== undefined || p.maxInWindow !== undefined, { message: 'give maxTotal or maxInWindow' });

class WeekendWork implements Constraint {
  private readonly sats: Int32Array;
  /** Weekend index for a day (Fri/Sat/Sun), or -1. */
  private readonly weekendOf: Int32Array;
  private readonly K: number;
  private readonly worked: Uint8Array;
  private readonly total: Int32Array;
  private readonly windowSum: Int32Array;
  private readonly nWin: number;

  constructor(
    readonly model: CompiledProblem,
    readonly rule: Rule,
    readonly inScope: Uint8Array,
    readonly p: z.infer<typeof WeekendParams>,
  ) {
    this.sats = weekendSaturdays(model);
    this.K = this.sats.length;
    this.weekendOf = new Int32Array(model.days).fill(-1);
    this.sats.forEach((s, k) => {
      for (let d = s - 1; d <= s + 1; d++) if (d >= 0 && d < model.days && (p.definition === 'time' || d >= s)) this.weekendOf[d] = k;
    });
    this.worked = new Uint8Array(model.employees * this.K);
    this.total = new Int32Array(model.employees);
    const win = p.maxInWindow?.window ?? 1;
    this.nWin = p.maxInWindow ? Math.max(0, this.K - win + 1) : 0;
    this.windowSum = new Int32Array(model.employees * Math.max(1, this.nWin));
  }

  private isWorked(e: number, k: number, a: Assignment): boolean {
    const { days } = this.model;
    const s = this.sats[k]!;
    for (let d = s - 1; d <= s + 1; d++) {
      if (d < 0 || d >= days || this.weekendOf[d] !== k) continue;
      const o = a[e * days + d]!;
      if (o === OFF) continue;
      if (this.p.definition === 'dates' || at(this.model, this.model.weekend, d, o) > 0) return true;
    }
    return false;
  }

  private totalPenalty(t: number): number {
    return this.p.maxTotal !== undefined ? Math.max(0, t - this.p.maxTotal) : 0;
  }
  private windowPenalty(s: number): number {
    return this.p.maxInWindow ? Math.max(0, s - this.p.maxInWindow.count) : 0;
  }

  init(a: Assignment): number {
    let p = 0;
    const win = this.p.maxInWindow?.window ?? 1;
    for (let e = 0; e < this.model.employees; e++) {
      this.total[e] = 0;
      if (!this.inScope[e]) continue;
      for (let k = 0; k < this.K; k++) {
        const w = this.isWorked(e, k, a) ? 1 : 0;
        this.worked[e * this.K + k] = w;
        this.total[e]! += w;
      }
      p += this.totalPenalty(this.total[e]!);
      for (let i = 0; i < this.nWin; i++) {
        let s = 0;
        for (let k = i; k < i + win; k++) s += this.worked[e * this.K + k]!;
        this.windowSum[e * this.nWin + i] = s;
        p += this.windowPenalty(s);
      }
    }
    return p;
  }

  change(e: number, d: number, _o: number, _n: number, a: Assignment): number {
    if (!this.inScope[e]) return 0;
    const k = this.weekendOf[d]!;
    if (k < 0) return 0;
    const now = this.isWorked(e, k, a) ? 1 : 0;
    const was = this.worked[e * this.K + k]!;
    if (now === was) return 0;
    const diff = now - was;
    this.worked[e * this.K + k] = now;
    let dp = this.totalPenalty(this.total[e]! + diff) - this.totalPenalty(this.total[e]!);
    this.total[e]! += diff;
    if (this.p.maxInWindow) {
      const win = this.p.maxInWindow.window;
      for (let i = Math.max(0, k - win + 1); i <= Math.min(k, this.nWin - 1); i++) {
        const idx = e * this.nWin + i;
        dp += this.windowPenalty(this.windowSum[idx]! + diff) - this.windowPenalty(this.windowSum[idx]!);
        this.windowSum[idx]! += diff;
      }
    }
    return dp;
  }

  explain(a: Assignment, emit: (v: ViolationDetail) => void): void {
    this.init(a);
    const win = this.p.maxInWindow?.window ?? 1;
    for (let e = 0; e < this.model.employees; e++) {
      if (!this.inScope[e]) continue;
      const tp = this.totalPenalty(this.total[e]!);
      if (tp > 0) emit({ employee: e, amount: tp, data: { worked: this.total[e]!, bound: this.p.maxTotal!, window: 0 } });
      for (let i = 0; i < this.nWin; i++) {
        const wp = this.windowPenalty(this.windowSum[e * this.nWin + i]!);
        if (wp > 0) {
          const first = Math.max(0, this.sats[i]!);
          const last = Math.min(this.model.days - 1, this.sats[i + win - 1]! + 1);
          emit({ employee: e, day: first, endDay: last, amount: wp, data: { worked: this.windowSum[e * this.nWin + i]!, bound: this.p.maxInWindow!.count, window: win } });
        }
      }
    }
  }
}

/** Worked weekends: at most k in every n consecutive weekends, and/or in total. Unit: weekends over. */
export const weekendWorkKind = defineRuleKind({
  kind: 'weekendWork',
  description: { nb: 'Arbeidshelger per periode og totalt', en: 'Worked weekends per window and in total' },
  unit: 'weekends over the limit',
  params: WeekendParams,
  compile: (model, rule, p, inScope) => new WeekendWork(model, rule, inScope, p),
  message: (v, ctx) => {
    const d = v.data as { worked: number; bound: number; window: number };
    if (d.window === 0) {
      return {
        nb: `${ctx.employeeName(v.employee!)} arbeider ${d.worked} helger, høyst ${d.bound}; ${ctx.ref}.`,
        en: `${ctx.employeeName(v.employee!)} works ${d.worked} weekends, at most ${d.bound}; ${ctx.ref}.`,
      };
    }
    return {
      nb: `${ctx.employeeName(v.employee!)} arbeider ${d.worked} av ${d.window} helger ${ctx.date(v.day!, 'nb')}–${ctx.date(v.endDay!, 'nb')}, høyst ${d.bound}; ${ctx.ref}.`,
      en: `${ctx.employeeName(v.employee!)} works ${d.worked} of ${d.window} weekends from ${ctx.date(v.day!, 'en')} to ${ctx.date(v.endDay!, 'en')}, at most ${d.bound}; ${ctx.ref}.`,
    };
  },
});

// ---------------------------------------------------------------------------------------------

const CompleteParams = z.object({ sameShiftType: z.boolean().default(false) });

class CompleteWeekends extends LocalConstraint {
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, readonly p: z.infer<typeof CompleteParams>) {
    super(model, rule, inScope);
  }
  private term(e: number, sat: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    const { days, optionShift } = this.model;
    if (sat < 0 || sat + 1 >= days) return 0;
    const o1 = a[e * days + sat]!;
    const o2 = a[e * days + sat + 1]!;
    let bad = (o1 === OFF) !== (o2 === OFF);
    if (!bad && this.p.sameShiftType && o1 !== OFF && optionShift[o1] !== optionShift[o2!]) bad = true;
    if (!bad) return 0;
    emit?.({ employee: e, day: sat, endDay: sat + 1, amount: 1, data: { split: o1 === OFF || o2 === OFF ? 1 : 0 } });
    return 1;
  }
  row(e: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    let p = 0;
    for (let d = 0; d < this.model.days; d++) if (this.model.weekday[d] === 6) p += this.term(e, d, a, emit);
    return p;
  }
  local(e: number, d: number, a: Assignment): number {
    const wd = this.model.weekday[d];
    return wd === 6 ? this.term(e, d, a) : wd === 7 ? this.term(e, d - 1, a) : 0;
  }
}

/** Complete weekends: work both Saturday and Sunday or neither (optionally the same shift type). Unit: broken weekends. */
export const completeWeekendsKind = defineRuleKind({
  kind: 'completeWeekends',
  description: { nb: 'Hele helger: både lørdag og søndag, eller ingen', en: 'Complete weekends: both Saturday and Sunday, or neither' },
  unit: 'broken weekends',
  params: CompleteParams,
  compile: (model, rule, p, inScope) => new CompleteWeekends(model, rule, inScope, p),
  message: (v, ctx) =>
    (v.data as { split: number }).split
      ? { nb: `${ctx.employeeName(v.employee!)} arbeider bare én dag av helgen ${ctx.date(v.day!, 'nb')}; ${ctx.ref}.`, en: `${ctx.employeeName(v.employee!)} works only one day of the weekend of ${ctx.date(v.day!, 'en')}; ${ctx.ref}.` }
      : { nb: `${ctx.employeeName(v.employee!)} har ulike vakttyper lørdag og søndag ${ctx.date(v.day!, 'nb')}; ${ctx.ref}.`, en: `${ctx.employeeName(v.employee!)} has different shift types on the weekend of ${ctx.date(v.day!, 'en')}; ${ctx.ref}.` },
});

// ---------------------------------------------------------------------------------------------

const SundayParams = z.object({
  /** `next`: after a worked Sunday/holiday the next is free; `average`: every other free on average over `averagingWeeks`. */
  mode: z.enum(['next', 'average']).default('next'),
  averagingWeeks: z.number().int().min(1).max(52).default(26),
});

class SundayHolidayOff implements Constraint {
  private readonly P: number;
  private readonly counts: Int16Array;
  /** Day index naming each period in messages. */
  private readonly periodDay: Int32Array;
  private readonly blockOf: Int32Array;
  private readonly blockSize: Int32Array;
  private readonly blockWorked: Int32Array;
  private readonly B: number;

  constructor(
    readonly model: CompiledProblem,
    readonly rule: Rule,
    readonly inScope: Uint8Array,
    readonly p: z.infer<typeof SundayParams>,
  ) {
    this.P = model.sundayHolidayPeriods;
    this.counts = new Int16Array(model.employees * this.P);
    const first = model.dates[0]!;
    const last = model.dates[model.days - 1]!;
    const periods = sundayHolidayPeriods(first, addDays(last, 1));
    // A period is dated by its first Sunday/holiday inside the horizon; one wholly outside it (reached
    // only by a shift on the last evening) by the first day whose shift touches it.
    const inside = Int32Array.from(periods, (period) => {
      const date = period.dates.find((d) => d >= first && d <= last);
      return date === undefined ? -1 : daysBetween(first, date);
    });
    this.periodDay = Int32Array.from(inside);
    for (let d = model.days - 1; d >= 0; d--) {
      for (let s = 0; s < model.shifts; s++) {
        const pi = model.sundayHolidayPeriod[d * model.shifts + s]!;
        if (pi >= 0 && inside[pi] === -1) this.periodDay[pi] = d;
      }
    }
    // The average counts the Sundays/holidays inside the horizon, each in the block of its first date
    // there; periods wholly outside (the Sunday before a Monday start) belong to no block.
    const blockDays = p.averagingWeeks * 7;
    this.blockOf = Int32Array.from(inside, (d) => (d < 0 ? -1 : Math.floor(d / blockDays)));
    this.B = Math.ceil(model.days / blockDays);
    this.blockSize = new Int32Array(this.B);
    for (const b of this.blockOf) if (b >= 0) this.blockSize[b]!++;
    this.blockWorked = new Int32Array(model.employees * this.B);
  }

  private periodOf(d: number, o: number): number {
    return o === OFF ? -1 : this.model.sundayHolidayPeriod[d * this.model.shifts + this.model.optionShift[o]!]!;
  }
  private worked(e: number, pi: number): number {
    return pi >= 0 && pi < this.P && this.counts[e * this.P + pi]! > 0 ? 1 : 0;
  }
  private blockLimit(b: number): number {
    return Math.ceil(this.blockSize[b]! / 2);
  }
  private blockPenalty(e: number, b: number): number {
    return Math.max(0, this.blockWorked[e * this.B + b]! - this.blockLimit(b));
  }

  init(a: Assignment): number {
    const { days, employees } = this.model;
    this.counts.fill(0);
    this.blockWorked.fill(0);
    let p = 0;
    for (let e = 0; e < employees; e++) {
      if (!this.inScope[e]) continue;
      for (let d = 0; d < days; d++) {
        const pi = this.periodOf(d, a[e * days + d]!);
        if (pi >= 0) this.counts[e * this.P + pi]!++;
      }
      if (this.p.mode === 'next') {
        for (let pi = 0; pi + 1 < this.P; pi++) p += this.worked(e, pi) & this.worked(e, pi + 1);
      } else {
        for (let pi = 0; pi < this.P; pi++) if (this.blockOf[pi]! >= 0) this.blockWorked[e * this.B + this.blockOf[pi]!]! += this.worked(e, pi);
        for (let b = 0; b < this.B; b++) p += this.blockPenalty(e, b);
      }
    }
    return p;
  }

  private flip(e: number, pi: number, delta: number): number {
    const before = this.worked(e, pi);
    this.counts[e * this.P + pi]! += delta;
    const after = this.worked(e, pi);
    if (before === after) return 0;
    if (this.p.mode === 'next') {
      const left = pi > 0 ? this.worked(e, pi - 1) : 0;
      const right = pi + 1 < this.P ? this.worked(e, pi + 1) : 0;
      return (after - before) * (left + right);
    }
    const b = this.blockOf[pi]!;
    if (b < 0) return 0;
    const old = this.blockPenalty(e, b);
    this.blockWorked[e * this.B + b]! += after - before;
    return this.blockPenalty(e, b) - old;
  }

  change(e: number, d: number, oldO: number, newO: number): number {
    if (!this.inScope[e]) return 0;
    const po = this.periodOf(d, oldO);
    const pn = this.periodOf(d, newO);
    if (po === pn) return 0;
    let dp = 0;
    if (po >= 0) dp += this.flip(e, po, -1);
    if (pn >= 0) dp += this.flip(e, pn, 1);
    return dp;
  }

  explain(a: Assignment, emit: (v: ViolationDetail) => void): void {
    this.init(a);
    for (let e = 0; e < this.model.employees; e++) {
      if (!this.inScope[e]) continue;
      if (this.p.mode === 'next') {
        for (let pi = 0; pi + 1 < this.P; pi++) {
          if (this.worked(e, pi) & this.worked(e, pi + 1)) emit({ employee: e, day: Math.max(0, this.periodDay[pi]!), endDay: Math.max(0, this.periodDay[pi + 1]!), amount: 1, data: { mode: 'next' } });
        }
      } else {
        for (let b = 0; b < this.B; b++) {
          const bp = this.blockPenalty(e, b);
          if (bp > 0) {
            const first = b * this.p.averagingWeeks * 7;
            emit({ employee: e, day: first, endDay: Math.min(this.model.days - 1, first + this.p.averagingWeeks * 7 - 1), amount: bp, data: { mode: 'average', worked: this.blockWorked[e * this.B + b]!, bound: this.blockLimit(b) } });
          }
        }
      }
    }
  }
}

/** AML § 10-8 (4): after work on a Sunday/holiday, the next Sunday/holiday is free (or every other on average). Unit: occurrences. */
export const sundayHolidayOffKind = defineRuleKind({
  kind: 'sundayHolidayOff',
  description: { nb: 'Fri påfølgende søn- og helgedag', en: 'The next Sunday or holiday off' },
  unit: 'consecutive worked Sundays/holidays (next) or worked over half (average)',
  params: SundayParams,
  compile: (model, rule, p, inScope) => new SundayHolidayOff(model, rule, inScope, p),
  message: (v, ctx) => {
    const d = v.data as { mode: string; worked?: number; bound?: number };
    return d.mode === 'next'
      ? {
          nb: `${ctx.employeeName(v.employee!)} arbeider både søn-/helgedagen ${ctx.date(v.day!, 'nb')} og den neste, ${ctx.date(v.endDay!, 'nb')}; ${ctx.ref} krever fri påfølgende søn- og helgedag.`,
          en: `${ctx.employeeName(v.employee!)} works the Sunday/holiday ${ctx.date(v.day!, 'en')} and the next one, ${ctx.date(v.endDay!, 'en')}; ${ctx.ref} requires the next one off.`,
        }
      : {
          nb: `${ctx.employeeName(v.employee!)} arbeider ${d.worked} søn- og helgedager ${ctx.date(v.day!, 'nb')}–${ctx.date(v.endDay!, 'nb')}, høyst ${d.bound}; ${ctx.ref}.`,
          en: `${ctx.employeeName(v.employee!)} works ${d.worked} Sundays/holidays from ${ctx.date(v.day!, 'en')} to ${ctx.date(v.endDay!, 'en')}, at most ${d.bound}; ${ctx.ref}.`,
        };
  },
});
