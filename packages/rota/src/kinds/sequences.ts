import { z } from 'zod';
import type { Assignment } from '../model/assignment.js';
import { type CompiledProblem, OFF } from '../model/compile.js';
import { defineRuleKind, firstDay, LocalConstraint, PairConstraint, type ViolationDetail } from '../rules/kind.js';
import type { Rule } from '../rules/rule.js';
import { countedShifts, optionMask, ShiftSelectorSchema } from './shared.js';

const RunParams = z
  .object({
    min: z.number().int().min(1).optional(),
    max: z.number().int().min(1).optional(),
    /**
     * Runs touching the first or last day of the horizon are exempt from `min` (they may continue
     * outside it); at the start, only when the problem's history does not show where the run began.
     */
    exemptAtBoundaries: z.boolean().default(true),
  })
  .refine((p) => p.min !== undefined || p.max !== undefined, { message: 'give min or max' });

/**
 * Runs of consecutive days for which `member` holds; penalties for runs shorter than min or longer
 * than max. A run starting on day 0 continues the run the history ends with (its length counts).
 * Exported for the MIP encoding, which reads that run (`historyLead`).
 */
export abstract class RunConstraint extends LocalConstraint {
  /** Per employee, the length of the run the history ends with on the day before the horizon (built on first use). */
  private lead: Int32Array | undefined;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, readonly p: z.infer<typeof RunParams>) {
    super(model, rule, inScope);
  }
  abstract member(o: number): boolean;

  /** Length of the run the history ends with on the day before the horizon (0 without history). */
  historyLead(e: number): number {
    return this.leadIn(e);
  }

  private leadIn(e: number): number {
    if (!this.lead) {
      const { history, employees } = this.model;
      const H = history.days;
      this.lead = new Int32Array(employees);
      for (let i = 0; i < employees; i++) {
        let n = 0;
        while (n < H && this.member(history.option[i * H + H - 1 - n]!)) n++;
        this.lead[i] = n;
      }
    }
    return this.lead[e]!;
  }

  private runPenalty(e: number, from: number, to: number, emit?: (v: ViolationDetail) => void): number {
    const lead = from === 0 ? this.leadIn(e) : 0;
    const len = to - from + 1 + lead;
    const { max, min } = this.p;
    const H = this.model.history.days;
    // A run from day 0 may have begun before the horizon unless the history shows where it starts.
    const openStart = from === 0 && (H === 0 || lead === H);
    let amount = 0;
    let bound = 0;
    let direction = '';
    if (max !== undefined && len > max) {
      amount = len - max;
      bound = max;
      direction = 'over';
    } else if (min !== undefined && len < min && !(this.p.exemptAtBoundaries && (openStart || to === this.model.days - 1))) {
      amount = min - len;
      bound = min;
      direction = 'under';
    }
    if (amount > 0) emit?.({ employee: e, day: from, endDay: to, amount, data: lead > 0 ? { length: len, bound, direction, historyDay: -lead } : { length: len, bound, direction } });
    return amount;
  }

  /** Penalty of the runs intersecting days [lo, hi]. */
  private runsIn(e: number, lo: number, hi: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    const { days } = this.model;
    const base = e * days;
    let d = Math.max(0, lo);
    const end = Math.min(days - 1, hi);
    while (d > 0 && this.member(a[base + d]!) && this.member(a[base + d - 1]!)) d--;
    let p = 0;
    while (d <= end) {
      if (!this.member(a[base + d]!)) {
        d++;
        continue;
      }
      let t = d;
      while (t + 1 < days && this.member(a[base + t + 1]!)) t++;
      p += this.runPenalty(e, d, t, emit);
      d = t + 1;
    }
    return p;
  }

  row(e: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    return this.runsIn(e, 0, this.model.days - 1, a, emit);
  }
  local(e: number, d: number, a: Assignment): number {
    return this.runsIn(e, d - 1, d + 1, a);
  }
}

class WorkRun extends RunConstraint {
  private readonly mask: Uint8Array;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, p: z.infer<typeof WorkParams>) {
    super(model, rule, inScope, p);
    this.mask = optionMask(model, p);
  }
  member(o: number): boolean {
    return o !== OFF && this.mask[o] === 1;
  }
}

class OffRun extends RunConstraint {
  member(o: number): boolean {
    return o === OFF;
  }
}

const WorkParams = z.intersection(RunParams, ShiftSelectorSchema);

/** Minimum/maximum consecutive working days (of selected shift types, e.g. nights). Unit: days short or over. */
export const consecutiveWorkDaysKind = defineRuleKind({
  kind: 'consecutiveWorkDays',
  description: { nb: 'Antall arbeidsdager på rad', en: 'Consecutive working days' },
  unit: 'days short of min or over max, per run',
  params: WorkParams,
  compile: (model, rule, p, inScope) => new WorkRun(model, rule, inScope, p),
  message: (v, ctx) => {
    const d = v.data as { length: number; bound: number; direction: string };
    const span = { nb: `${ctx.date(firstDay(v), 'nb')}–${ctx.date(v.endDay!, 'nb')}`, en: `${ctx.date(firstDay(v), 'en')} to ${ctx.date(v.endDay!, 'en')}` };
    const sel = WorkParams.parse(ctx.rule.params);
    if (sel.shiftTypeIds !== undefined || sel.labels !== undefined) {
      // A run of selected shifts (e.g. nights) reads as `5 nattevakter på rad`.
      const what = countedShifts(sel, d.length, ctx);
      const bound = d.direction === 'over' ? { nb: 'høyst', en: 'at most' } : { nb: 'minst', en: 'at least' };
      return {
        nb: `${ctx.employeeName(v.employee!)} har ${d.length} ${what.nb} på rad ${span.nb}, ${bound.nb} ${d.bound}; ${ctx.ref}.`,
        en: `${ctx.employeeName(v.employee!)} works ${d.length} ${what.en} in a row ${span.en}, ${bound.en} ${d.bound}; ${ctx.ref}.`,
      };
    }
    return d.direction === 'over'
      ? { nb: `${ctx.employeeName(v.employee!)} arbeider ${d.length} dager på rad ${span.nb}, høyst ${d.bound}; ${ctx.ref}.`, en: `${ctx.employeeName(v.employee!)} works ${d.length} days in a row ${span.en}, at most ${d.bound}; ${ctx.ref}.` }
      : {
          nb: `${ctx.employeeName(v.employee!)} arbeider bare ${d.length} ${d.length === 1 ? 'dag' : 'dager'} på rad ${span.nb}, minst ${d.bound}; ${ctx.ref}.`,
          en: `${ctx.employeeName(v.employee!)} works only ${d.length} ${d.length === 1 ? 'day' : 'days'} in a row ${span.en}, at least ${d.bound}; ${ctx.ref}.`,
        };
  },
});

/** Minimum/maximum consecutive days off. Unit: days short or over, per run. */
export const consecutiveDaysOffKind = defineRuleKind({
  kind: 'consecutiveDaysOff',
  description: { nb: 'Antall fridager på rad', en: 'Consecutive days off' },
  unit: 'days short of min or over max, per run',
  params: RunParams,
  compile: (model, rule, p, inScope) => new OffRun(model, rule, inScope, p),
  message: (v, ctx) => {
    const d = v.data as { length: number; bound: number; direction: string };
    const span = { nb: `${ctx.date(firstDay(v), 'nb')}–${ctx.date(v.endDay!, 'nb')}`, en: `${ctx.date(firstDay(v), 'en')} to ${ctx.date(v.endDay!, 'en')}` };
    return d.direction === 'over'
      ? { nb: `${ctx.employeeName(v.employee!)} har ${d.length} fridager på rad ${span.nb}, høyst ${d.bound}; ${ctx.ref}.`, en: `${ctx.employeeName(v.employee!)} has ${d.length} days off in a row ${span.en}, at most ${d.bound}; ${ctx.ref}.` }
      : {
          nb: `${ctx.employeeName(v.employee!)} har bare ${d.length} ${d.length === 1 ? 'fridag' : 'fridager'} på rad ${span.nb}, minst ${d.bound}; ${ctx.ref}.`,
          en: `${ctx.employeeName(v.employee!)} has only ${d.length} ${d.length === 1 ? 'day' : 'days'} off in a row ${span.en}, at least ${d.bound}; ${ctx.ref}.`,
        };
  },
});

// ---------------------------------------------------------------------------------------------

const SuccessionParams = z.object({
  /** Forbidden pairs: a shift of type `from` on one day followed by `to` the next day. */
  pairs: z.array(z.object({ from: z.string(), to: z.string() })).min(1),
});

class Succession extends PairConstraint {
  /** forbidden[s1 * S + s2] = 1 */
  private readonly forbidden: Uint8Array;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, p: z.infer<typeof SuccessionParams>) {
    super(model, rule, inScope);
    this.forbidden = new Uint8Array(model.shifts * model.shifts);
    for (const { from, to } of p.pairs) {
      const f = model.shiftIndex.get(from);
      const t = model.shiftIndex.get(to);
      if (f !== undefined && t !== undefined) this.forbidden[f * model.shifts + t] = 1;
    }
  }
  pairCost(e: number, d: number, o1: number, o2: number, emit?: (v: ViolationDetail) => void): number {
    const { shifts, optionShift } = this.model;
    if (!this.forbidden[optionShift[o1]! * shifts + optionShift[o2]!]) return 0;
    emit?.({ employee: e, day: d, endDay: d + 1, amount: 1, data: { o1, o2 } });
    return 1;
  }
}

/** Forbidden successions: shift type A may not be followed by B the next day. Unit: occurrences. */
export const forbiddenSuccessionKind = defineRuleKind({
  kind: 'forbiddenSuccession',
  description: { nb: 'Forbudte vaktfølger', en: 'Forbidden shift successions' },
  unit: 'occurrences',
  params: SuccessionParams,
  compile: (model, rule, p, inScope) => new Succession(model, rule, inScope, p),
  message: (v, ctx) => {
    const d = v.data as { o1: number; o2: number };
    return {
      nb: `${ctx.employeeName(v.employee!)} har ${ctx.shiftName(d.o1, 'nb').toLowerCase()} ${ctx.date(firstDay(v), 'nb')} fulgt av ${ctx.shiftName(d.o2, 'nb').toLowerCase()} ${ctx.date(v.endDay!, 'nb')}; ${ctx.ref}.`,
      en: `${ctx.employeeName(v.employee!)} has the ${ctx.shiftName(d.o1, 'en').toLowerCase()} on ${ctx.date(firstDay(v), 'en')} followed by the ${ctx.shiftName(d.o2, 'en').toLowerCase()} on ${ctx.date(v.endDay!, 'en')}; ${ctx.ref}.`,
    };
  },
});
