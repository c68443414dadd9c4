import { z } from 'zod';
import type { Assignment } from '../model/assignment.js';
import { type CompiledProblem, OFF } from '../model/compile.js';
import { type Constraint, defineRuleKind, type ViolationDetail } from '../rules/kind.js';
import type { Rule } from '../rules/rule.js';
import { at, countedShifts, optionMask, ShiftSelectorSchema } from './shared.js';

const FairnessParams = ShiftSelectorSchema.extend({
  /** Which shifts to count: all selected shifts, those on Saturday/Sunday dates, or those touching a Sunday/holiday window. */
  days: z.enum(['all', 'weekend', 'sundayHoliday']).default('all'),
  /** Scale counts to a full-time position (a 50 % position carries half the share). */
  perPositionPercent: z.boolean().default(true),
});

/**
 * Fairness: the spread of a burden (weekends, nights, Sundays/holidays) across staff, as the sum of
 * squared deviations from the mean share. O(1) per change through running sums. Exported for the MIP
 * encoding, which reads `counted`, `scaleOf` and `size`.
 */
export class Fairness implements Constraint {
  private readonly mask: Uint8Array;
  private readonly scale: Float64Array;
  private readonly counts: Float64Array;
  private sum = 0;
  private sumSq = 0;
  private readonly n: number;

  constructor(
    readonly model: CompiledProblem,
    readonly rule: Rule,
    readonly inScope: Uint8Array,
    readonly p: z.infer<typeof FairnessParams>,
  ) {
    this.mask = optionMask(model, p);
    this.scale = Float64Array.from({ length: model.employees }, (_, e) => (p.perPositionPercent ? 100 / Math.max(1, model.percent[e]! || 100) : 1));
    this.counts = new Float64Array(model.employees);
    this.n = inScope.reduce((s, x) => s + x, 0);
  }

  /** Employees in scope (the n of the mean). */
  get size(): number {
    return this.n;
  }
  /** Weight of one counted shift of employee e (100 / position percent, or 1). */
  scaleOf(e: number): number {
    return this.scale[e]!;
  }
  /** 1 when option o on day d counts (OFF never does). */
  counted(d: number, o: number): number {
    if (o === OFF || !this.mask[o]) return 0;
    if (this.p.days === 'weekend') return this.model.weekday[d]! >= 6 ? 1 : 0;
    if (this.p.days === 'sundayHoliday') return at(this.model, this.model.sundayHoliday, d, o) > 0 ? 1 : 0;
    return 1;
  }
  private value(): number {
    return this.n === 0 ? 0 : this.sumSq - (this.sum * this.sum) / this.n;
  }

  init(a: Assignment): number {
    const { days, employees } = this.model;
    this.sum = 0;
    this.sumSq = 0;
    for (let e = 0; e < employees; e++) {
      this.counts[e] = 0;
      if (!this.inScope[e]) continue;
      let c = 0;
      for (let d = 0; d < days; d++) c += this.counted(d, a[e * days + d]!);
      const x = c * this.scale[e]!;
      this.counts[e] = x;
      this.sum += x;
      this.sumSq += x * x;
    }
    return this.value();
  }

  change(e: number, d: number, oldO: number, newO: number): number {
    if (!this.inScope[e]) return 0;
    const dc = this.counted(d, newO) - this.counted(d, oldO);
    if (dc === 0) return 0;
    const before = this.value();
    const x = this.counts[e]!;
    const nx = x + dc * this.scale[e]!;
    this.counts[e] = nx;
    this.sum += nx - x;
    this.sumSq += nx * nx - x * x;
    return this.value() - before;
  }

  explain(a: Assignment, emit: (v: ViolationDetail) => void): void {
    this.init(a);
    if (this.n === 0) return;
    const mean = this.sum / this.n;
    for (let e = 0; e < this.model.employees; e++) {
      if (!this.inScope[e]) continue;
      // Every deviation (above or below the mean) is a term of the penalty, so the violations sum to it.
      const dev = this.counts[e]! - mean;
      if (Math.abs(dev) > 1e-9) emit({ employee: e, amount: dev * dev, data: { share: Math.round(this.counts[e]! * 10) / 10, mean: Math.round(mean * 10) / 10, what: this.p.days } });
    }
  }
}

const WHAT: Record<string, { nb: string; en: string }> = {
  weekend: { nb: 'helgevakter', en: 'weekend shifts' },
  sundayHoliday: { nb: 'søn- og helgedagsvakter', en: 'Sunday/holiday shifts' },
};

/** Fair spread of weekends, nights or Sundays/holidays across staff (per full-time share). Unit: squared deviation from the mean. */
export const fairnessKind = defineRuleKind({
  kind: 'fairness',
  description: { nb: 'Rettferdig fordeling av helger, netter og helligdager', en: 'Fair spread of weekends, nights and holidays' },
  unit: 'sum of squared deviations from the mean share',
  params: FairnessParams,
  compile: (model, rule, p, inScope) => new Fairness(model, rule, inScope, p),
  message: (v, ctx) => {
    const d = v.data as { share: number; mean: number; what: string };
    const what = d.what === 'all' ? countedShifts(FairnessParams.parse(ctx.rule.params), d.share, ctx) : WHAT[d.what]!;
    return {
      nb: `${ctx.employeeName(v.employee!)} har ${String(d.share).replace('.', ',')} ${what.nb} (per heltid), snittet er ${String(d.mean).replace('.', ',')}; ${ctx.ref}.`,
      en: `${ctx.employeeName(v.employee!)} has ${d.share} ${what.en} (per full-time share), the mean is ${d.mean}; ${ctx.ref}.`,
    };
  },
});
