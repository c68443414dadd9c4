import { addDays, daysBetween, localToInstant } from '@omsorg/domain';
import { z } from 'zod';
import type { Assignment } from '../model/assignment.js';
import { type CompiledProblem, OFF } from '../model/compile.js';
import { sundayHolidayPeriods } from '../model/windows.js';
import { type Constraint, defineRuleKind, firstDay, LocalConstraint, type ViolationDetail } from '../rules/kind.js';
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

/**
 * Worked weekends. With history, the weekends before the horizon count in the windows that reach
 * back over its start (and a weekend straddling the start counts its history days); each window
 * and the total are penalised only beyond what the history alone already gives. Exported for the
 * MIP encoding, which reads its weekends, windows and history.
 */
export class WeekendWork implements Constraint {
  private readonly sats: Int32Array;
  /** Weekend index for a day (Fri/Sat/Sun), or -1. */
  private readonly weekendOf: Int32Array;
  private readonly K: number;
  private readonly worked: Uint8Array;
  private readonly total: Int32Array;
  private readonly windowSum: Int32Array;
  /** Number of windows; window i covers weekends `fmin + i` .. `fmin + i + window - 1` (negative: before the horizon). */
  private readonly nWin: number;
  private readonly fmin: number;
  /** Per employee, the window sums and total the history alone gives, as penalties (subtracted). */
  private readonly windowBase: Float64Array;
  private readonly totalBase: Float64Array;
  /** Per employee, worked weekends before the horizon: `e * pre + j` is weekend -1 - j. */
  private readonly histWorked: Uint8Array;
  private readonly pre: number;

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
    const E = model.employees;
    this.worked = new Uint8Array(E * this.K);
    this.total = new Int32Array(E);
    const win = p.maxInWindow?.window ?? 1;
    const H = model.history.days;
    this.pre = H > 0 && p.maxInWindow && this.K > 0 ? win - 1 : 0;
    this.fmin = -this.pre;
    this.nWin = p.maxInWindow ? Math.max(0, this.K - win - this.fmin + 1) : 0;
    this.windowSum = new Int32Array(E * Math.max(1, this.nWin));
    this.histWorked = new Uint8Array(E * this.pre);
    this.windowBase = new Float64Array(E * this.nWin);
    this.totalBase = new Float64Array(E);
    if (H === 0) return;
    for (let e = 0; e < E; e++) {
      for (let j = 0; j < this.pre; j++) this.histWorked[e * this.pre + j] = this.historyWorked(e, this.sats[0]! - 7 * (j + 1)) ? 1 : 0;
      const first = this.K > 0 && this.historyWorked(e, this.sats[0]!) ? 1 : 0;
      this.totalBase[e] = this.totalPenalty(first);
      for (let i = 0; i < this.nWin; i++) {
        let s = 0;
        for (let k = this.fmin + i; k < this.fmin + i + win; k++) s += k < 0 ? this.histWorked[e * this.pre - k - 1]! : k === 0 ? first : 0;
        this.windowBase[e * this.nWin + i] = this.windowPenalty(s);
      }
    }
  }

  /** Day index of each weekend's Saturday (−1: the Saturday before a horizon that starts on Sunday). */
  get saturdays(): Int32Array {
    return this.sats;
  }
  /** The first weekend of the first window (negative: windows reach back into the history). */
  get firstWindowWeekend(): number {
    return this.fmin;
  }
  /**
   * 1 when the history alone works weekend k: k < 0 the weekends before the horizon (those a window
   * reaches), k = 0 the history's days of the first weekend; else 0.
   */
  historyWeekend(e: number, k: number): number {
    if (this.model.history.days === 0 || this.K === 0) return 0;
    if (k === 0) return this.historyWorked(e, this.sats[0]!) ? 1 : 0;
    return k < 0 && -k <= this.pre ? this.histWorked[e * this.pre - k - 1]! : 0;
  }

  /** True when a history cell of the weekend with Saturday `sat` (a day index) makes it worked. */
  private historyWorked(e: number, sat: number): boolean {
    const { history } = this.model;
    const H = history.days;
    for (let d = this.p.definition === 'time' ? sat - 1 : sat; d <= sat + 1 && d < 0; d++) {
      if (d < -H) continue;
      const h = e * H + H + d;
      if (history.option[h] !== OFF && (this.p.definition === 'dates' || history.weekend[h]! > 0)) return true;
    }
    return false;
  }

  private isWorked(e: number, k: number, a: Assignment): boolean {
    const { days } = this.model;
    const s = this.sats[k]!;
    if (k === 0 && this.model.history.days > 0 && this.historyWorked(e, s)) return true;
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
      p += this.totalPenalty(this.total[e]!) - this.totalBase[e]!;
      for (let i = 0; i < this.nWin; i++) {
        let s = 0;
        for (let k = this.fmin + i; k < this.fmin + i + win; k++) s += k < 0 ? this.histWorked[e * this.pre - k - 1]! : this.worked[e * this.K + k]!;
        this.windowSum[e * this.nWin + i] = s;
        p += this.windowPenalty(s) - this.windowBase[e * this.nWin + i]!;
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
      // Window i covers weekend k when fmin + i <= k <= fmin + i + win - 1.
      for (let i = Math.max(0, k - win + 1 - this.fmin); i <= Math.min(k - this.fmin, this.nWin - 1); i++) {
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
      const tp = this.totalPenalty(this.total[e]!) - this.totalBase[e]!;
      if (tp > 0) emit({ employee: e, amount: tp, data: { worked: this.total[e]!, bound: this.p.maxTotal!, window: 0 } });
      for (let i = 0; i < this.nWin; i++) {
        const idx = e * this.nWin + i;
        const wp = this.windowPenalty(this.windowSum[idx]!) - this.windowBase[idx]!;
        if (wp > 0) {
          const f = this.fmin + i;
          const sat = f < 0 ? this.sats[0]! + 7 * f : this.sats[f]!;
          const last = Math.min(this.model.days - 1, this.sats[f + win - 1]! + 1);
          const data = { worked: this.windowSum[idx]!, bound: this.p.maxInWindow!.count, window: win };
          emit({ employee: e, day: Math.max(0, sat), endDay: last, amount: wp, data: sat < 0 && this.model.history.days > 0 ? { ...data, historyDay: sat } : data });
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
      nb: `${ctx.employeeName(v.employee!)} arbeider ${d.worked} av ${d.window} helger ${ctx.date(firstDay(v), 'nb')}–${ctx.date(v.endDay!, 'nb')}, høyst ${d.bound}; ${ctx.ref}.`,
      en: `${ctx.employeeName(v.employee!)} works ${d.worked} of ${d.window} weekends from ${ctx.date(firstDay(v), 'en')} to ${ctx.date(v.endDay!, 'en')}, at most ${d.bound}; ${ctx.ref}.`,
    };
  },
});

// ---------------------------------------------------------------------------------------------

const CompleteParams = z.object({ sameShiftType: z.boolean().default(false) });

class CompleteWeekends extends LocalConstraint {
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, readonly p: z.infer<typeof CompleteParams>) {
    super(model, rule, inScope);
  }
  /** The weekend from Saturday `sat`; with history, a horizon starting on Sunday pairs it with the history's Saturday. */
  private term(e: number, sat: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    const { days, optionShift, history } = this.model;
    if (sat + 1 >= days || sat < -1 || (sat === -1 && history.days === 0)) return 0;
    const o1 = sat < 0 ? history.option[e * history.days + history.days - 1]! : a[e * days + sat]!;
    const o2 = a[e * days + sat + 1]!;
    let bad = (o1 === OFF) !== (o2 === OFF);
    if (!bad && this.p.sameShiftType && o1 !== OFF && optionShift[o1] !== optionShift[o2!]) bad = true;
    if (!bad) return 0;
    const split = o1 === OFF || o2 === OFF ? 1 : 0;
    emit?.({ employee: e, day: Math.max(0, sat), endDay: sat + 1, amount: 1, data: sat < 0 ? { split, historyDay: sat } : { split } });
    return 1;
  }
  row(e: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    let p = this.model.weekday[0] === 7 ? this.term(e, -1, a, emit) : 0;
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
      ? { nb: `${ctx.employeeName(v.employee!)} arbeider bare én dag av helgen ${ctx.date(firstDay(v), 'nb')}; ${ctx.ref}.`, en: `${ctx.employeeName(v.employee!)} works only one day of the weekend of ${ctx.date(firstDay(v), 'en')}; ${ctx.ref}.` }
      : { nb: `${ctx.employeeName(v.employee!)} har ulike vakttyper lørdag og søndag ${ctx.date(firstDay(v), 'nb')}; ${ctx.ref}.`, en: `${ctx.employeeName(v.employee!)} has different shift types on the weekend of ${ctx.date(firstDay(v), 'en')}; ${ctx.ref}.` },
});

// ---------------------------------------------------------------------------------------------

const SundayParams = z.object({
  /** `next`: after a worked Sunday/holiday the next is free; `average`: every other free on average over `averagingWeeks`. */
  mode: z.enum(['next', 'average']).default('next'),
  averagingWeeks: z.number().int().min(1).max(52).default(26),
});

/** AML § 10-8 (4). Exported for the MIP encoding, which reads its periods, history and averaging blocks. */
export class SundayHolidayOff implements Constraint {
  private readonly P: number;
  private readonly counts: Int16Array;
  /** Day index naming each period in messages. */
  private readonly periodDay: Int32Array;
  private readonly blockOf: Int32Array;
  private readonly blockSize: Int32Array;
  private readonly blockWorked: Int32Array;
  private readonly B: number;
  /** Per employee (mode `next`, with history): 1 when the history worked the period before period 0. */
  private readonly prevWorked: Uint8Array;
  /** Per employee (mode `next`, with history): 1 when the history worked period 0 (it straddles the start). */
  private readonly histCount: Int16Array;
  /** Day index (negative) of the period before period 0, for messages. */
  private prevDay: number;
  /** Day index of period 0's first date when it lies before the horizon (the Sunday before a Monday start), else 0. */
  private period0Day = 0;

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
    this.prevWorked = new Uint8Array(model.employees);
    this.histCount = new Int16Array(model.employees);
    this.prevDay = -1;
    if (p.mode === 'next' && model.history.days > 0 && this.P > 0) this.seedHistory(periods);
  }

  /** Worked before the horizon: the Sunday/holiday period straddling its start (period 0), and the one before. */
  private seedHistory(periods: ReturnType<typeof sundayHolidayPeriods>): void {
    const { model } = this;
    const { history } = model;
    const H = history.days;
    const first = model.dates[0]!;
    const t0 = model.minuteOf(localToInstant(first, 0));
    const before = sundayHolidayPeriods(addDays(first, -15), first).filter((x) => model.minuteOf(x.start) < t0);
    let prev = before[before.length - 1];
    const straddles = prev !== undefined && prev.start.getTime() === periods[0]!.start.getTime();
    if (straddles) prev = before[before.length - 2];
    this.period0Day = Math.min(0, daysBetween(first, periods[0]!.dates[0]!));
    const touches = (e: number, x: { start: Date; end: Date }): boolean => {
      const s = model.minuteOf(x.start);
      const en = model.minuteOf(x.end);
      for (let h = 0; h < H; h++) {
        const k = e * H + h;
        if (history.option[k] !== OFF && history.start[k]! < en && history.end[k]! > s) return true;
      }
      return false;
    };
    if (prev) this.prevDay = daysBetween(first, prev.dates.find((d) => d < first) ?? prev.dates[0]!);
    for (let e = 0; e < model.employees; e++) {
      if (straddles && touches(e, periods[0]!)) this.histCount[e] = 1;
      if (prev && touches(e, prev)) this.prevWorked[e] = 1;
    }
  }

  /** Number of Sunday/holiday periods the horizon touches (period indices 0 … P − 1). */
  get periods(): number {
    return this.P;
  }
  /**
   * 1 when the history alone works period pi: pi = −1 the period before the horizon's first, pi = 0
   * the one straddling its start (mode `next` only; else 0).
   */
  historyWorked(e: number, pi: number): number {
    if (pi === -1) return this.prevWorked[e]!;
    return pi === 0 && this.histCount[e]! > 0 ? 1 : 0;
  }
  /** The averaging block of period pi (−1: none; mode `average`). */
  blockOfPeriod(pi: number): number {
    return this.blockOf[pi]!;
  }
  /** At most this many worked Sundays/holidays in block b (half, rounded up). */
  blockMax(b: number): number {
    return this.blockLimit(b);
  }
  /** The period that option o on day d touches (−1: none; OFF never). */
  periodOf(d: number, o: number): number {
    return o === OFF ? -1 : this.model.sundayHolidayPeriod[d * this.model.shifts + this.model.optionShift[o]!]!;
  }
  private worked(e: number, pi: number): number {
    if (pi === -1) return this.prevWorked[e]!;
    return pi >= 0 && pi < this.P && this.counts[e * this.P + pi]! + (pi === 0 ? this.histCount[e]! : 0) > 0 ? 1 : 0;
  }
  /** The pair (the period before the horizon, period 0) when the history alone works both: not the horizon's violation. */
  historyPair(e: number): number {
    return this.prevWorked[e]! & (this.histCount[e]! > 0 ? 1 : 0);
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
        for (let pi = -1; pi + 1 < this.P; pi++) p += this.worked(e, pi) & this.worked(e, pi + 1);
        p -= this.historyPair(e);
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
      const left = this.worked(e, pi - 1);
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
        if (this.worked(e, -1) & this.worked(e, 0) & (1 - this.historyPair(e))) {
          emit({ employee: e, day: Math.max(0, this.periodDay[0]!), endDay: Math.max(0, this.periodDay[0]!), amount: 1, data: { mode: 'next', historyDay: this.prevDay } });
        }
        for (let pi = 0; pi + 1 < this.P; pi++) {
          if (!(this.worked(e, pi) & this.worked(e, pi + 1))) continue;
          const end = Math.max(0, this.periodDay[pi + 1]!);
          // Period 0 before the horizon worked by the history: reported on the next one, naming its date.
          if (pi === 0 && this.period0Day < 0 && this.histCount[e]! > 0) emit({ employee: e, day: end, endDay: end, amount: 1, data: { mode: 'next', historyDay: this.period0Day } });
          else emit({ employee: e, day: Math.max(0, this.periodDay[pi]!), endDay: end, amount: 1, data: { mode: 'next' } });
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
          nb: `${ctx.employeeName(v.employee!)} arbeider både søn-/helgedagen ${ctx.date(firstDay(v), 'nb')} og den neste, ${ctx.date(v.endDay!, 'nb')}; ${ctx.ref} krever fri påfølgende søn- og helgedag.`,
          en: `${ctx.employeeName(v.employee!)} works the Sunday/holiday ${ctx.date(firstDay(v), 'en')} and the next one, ${ctx.date(v.endDay!, 'en')}; ${ctx.ref} requires the next one off.`,
        }
      : {
          nb: `${ctx.employeeName(v.employee!)} arbeider ${d.worked} søn- og helgedager ${ctx.date(v.day!, 'nb')}–${ctx.date(v.endDay!, 'nb')}, høyst ${d.bound}; ${ctx.ref}.`,
          en: `${ctx.employeeName(v.employee!)} works ${d.worked} Sundays/holidays from ${ctx.date(v.day!, 'en')} to ${ctx.date(v.endDay!, 'en')}, at most ${d.bound}; ${ctx.ref}.`,
        };
  },
});
