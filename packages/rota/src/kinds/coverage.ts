import { meetsRequirement, ROLE_NAMES, type Role } from '@omsorg/domain';
import { z } from 'zod';
import type { Assignment } from '../model/assignment.js';
import { type CompiledProblem, OFF } from '../model/compile.js';
import { type Constraint, defineRuleKind, type ViolationDetail } from '../rules/kind.js';
import type { Rule } from '../rules/rule.js';

const CoverageParams = z.object({
  /**
   * `min`: penalise each person short of `min`; `preferred`: each person under `preferred` (weight
   * under) and over it (weight over); `max`: each person over `max`.
   */
  target: z.enum(['min', 'preferred', 'max']).default('min'),
  /** Default weight per missing person (a demand line's `weightUnder` overrides it). */
  weightUnder: z.number().min(0).default(1),
  /** Default weight per surplus person (a demand line's `weightOver` overrides it). */
  weightOver: z.number().min(0).default(0),
});

class CoverageConstraint implements Constraint {
  /** Offset of day d's lines in the flat line arrays. */
  private readonly first: Int32Array;
  private readonly count: Int32Array;
  private readonly lineShift: Int16Array;
  private readonly lineWard: (string | undefined)[] = [];
  private readonly lineUnit: (string | undefined)[] = [];
  private readonly lineSource: Int32Array;
  private readonly lower: Int32Array;
  private readonly upper: Int32Array;
  private readonly wUnder: Float64Array;
  private readonly wOver: Float64Array;
  /** meets[source * E + e]: employee e has the line's competence. */
  private readonly meets: Uint8Array;
  private readonly wardUnit: Map<string, string>;
  private readonly employeeUnits: Set<string>[];
  /** CSR by (day, option): the lines an option can count towards on that day (shift and ward match). */
  private readonly optFirst: Int32Array;
  private readonly optLines: Int32Array;

  constructor(
    readonly model: CompiledProblem,
    readonly rule: Rule,
    readonly inScope: Uint8Array,
    readonly params: z.infer<typeof CoverageParams>,
  ) {
    const { demand, problem } = model;
    const E = model.employees;
    this.first = new Int32Array(model.days + 1);
    const shifts: number[] = [];
    const sources: number[] = [];
    const lower: number[] = [];
    const upper: number[] = [];
    const wu: number[] = [];
    const wo: number[] = [];
    for (let d = 0; d < model.days; d++) {
      this.first[d] = shifts.length;
      for (const line of demand[d]!) {
        const s = model.shiftIndex.get(line.shiftTypeId);
        if (s === undefined) continue;
        shifts.push(s);
        sources.push(line.source);
        this.lineWard.push(line.wardId);
        this.lineUnit.push(line.unitId);
        const target = params.target;
        lower.push(target === 'min' ? line.min : target === 'preferred' ? line.preferred : 0);
        upper.push(target === 'max' ? (line.max ?? 2 ** 30) : target === 'preferred' ? line.preferred : 2 ** 30);
        wu.push(line.weightUnder ?? params.weightUnder);
        wo.push(target === 'max' ? (line.weightOver ?? Math.max(1, params.weightOver)) : (line.weightOver ?? params.weightOver));
      }
    }
    this.first[model.days] = shifts.length;
    this.lineShift = Int16Array.from(shifts);
    this.lineSource = Int32Array.from(sources);
    this.lower = Int32Array.from(lower);
    this.upper = Int32Array.from(upper);
    this.wUnder = Float64Array.from(wu);
    this.wOver = Float64Array.from(wo);
    this.count = new Int32Array(shifts.length);
    this.meets = new Uint8Array(problem.demand.length * E);
    problem.demand.forEach((line, i) => {
      problem.employees.forEach((emp, e) => {
        this.meets[i * E + e] = inScope[e] && meetsRequirement(emp, line.competence) ? 1 : 0;
      });
    });
    this.wardUnit = new Map(problem.wards.map((w) => [w.id, w.unitId]));
    this.employeeUnits = problem.employees.map((emp) => new Set(problem.positions.filter((p) => p.employeeId === emp.id).map((p) => p.unitId)));
    const O = model.options;
    this.optFirst = new Int32Array(model.days * O + 1);
    const optLines: number[] = [];
    for (let d = 0; d < model.days; d++) {
      for (let o = 0; o < O; o++) {
        this.optFirst[d * O + o] = optLines.length;
        const optWard = model.optionWard[o];
        for (let l = this.first[d]!; l < this.first[d + 1]!; l++) {
          if (this.lineShift[l] !== model.optionShift[o]) continue;
          const ward = this.lineWard[l];
          if (ward !== undefined && optWard !== ward) continue;
          const unit = this.lineUnit[l];
          if (ward === undefined && unit !== undefined && optWard !== undefined && this.wardUnit.get(optWard) !== unit) continue;
          optLines.push(l);
        }
      }
    }
    this.optFirst[model.days * O] = optLines.length;
    this.optLines = Int32Array.from(optLines);
  }

  /** Does employee e working option o count towards line l? */
  private counts(l: number, e: number, o: number): boolean {
    if (o === OFF || this.model.optionShift[o] !== this.lineShift[l]) return false;
    if (!this.meets[this.lineSource[l]! * this.model.employees + e]) return false;
    const ward = this.lineWard[l];
    const optWard = this.model.optionWard[o];
    if (ward !== undefined) return optWard === ward;
    const unit = this.lineUnit[l];
    if (unit !== undefined) return optWard !== undefined ? this.wardUnit.get(optWard) === unit : this.employeeUnits[e]!.has(unit);
    return true;
  }

  private penalty(l: number, c: number): number {
    const lo = this.lower[l]!;
    const hi = this.upper[l]!;
    return c < lo ? (lo - c) * this.wUnder[l]! : c > hi ? (c - hi) * this.wOver[l]! : 0;
  }

  init(a: Assignment): number {
    this.count.fill(0);
    const { days, employees } = this.model;
    for (let d = 0; d < days; d++) {
      for (let e = 0; e < employees; e++) {
        const o = a[e * days + d]!;
        if (o === OFF) continue;
        const k = d * this.model.options + o;
        for (let i = this.optFirst[k]!; i < this.optFirst[k + 1]!; i++) {
          const l = this.optLines[i]!;
          if (this.counts(l, e, o)) this.count[l]!++;
        }
      }
    }
    let total = 0;
    for (let l = 0; l < this.count.length; l++) total += this.penalty(l, this.count[l]!);
    return total;
  }

  change(e: number, d: number, oldO: number, newO: number): number {
    let dp = 0;
    const O = this.model.options;
    // Leaving the old option: its lines lose one; joining the new one: its lines gain one.
    if (oldO !== OFF) {
      const k = d * O + oldO;
      for (let i = this.optFirst[k]!; i < this.optFirst[k + 1]!; i++) {
        const l = this.optLines[i]!;
        if (!this.counts(l, e, oldO)) continue;
        const c = this.count[l]!;
        dp += this.penalty(l, c - 1) - this.penalty(l, c);
        this.count[l] = c - 1;
      }
    }
    if (newO !== OFF) {
      const k = d * O + newO;
      for (let i = this.optFirst[k]!; i < this.optFirst[k + 1]!; i++) {
        const l = this.optLines[i]!;
        if (!this.counts(l, e, newO)) continue;
        const c = this.count[l]!;
        dp += this.penalty(l, c + 1) - this.penalty(l, c);
        this.count[l] = c + 1;
      }
    }
    return dp;
  }

  explain(a: Assignment, emit: (v: ViolationDetail) => void): void {
    this.init(a);
    for (let d = 0; d < this.model.days; d++) {
      for (let l = this.first[d]!; l < this.first[d + 1]!; l++) {
        const c = this.count[l]!;
        const p = this.penalty(l, c);
        if (p === 0) continue;
        const line = this.model.problem.demand[this.lineSource[l]!]!;
        emit({
          day: d,
          amount: p,
          data: {
            shiftOption: this.model.optionShift.indexOf(this.lineShift[l]!),
            count: c,
            need: c < this.lower[l]! ? this.lower[l]! : this.upper[l]!,
            direction: c < this.lower[l]! ? 'under' : 'over',
            demandId: line.id ?? `#${this.lineSource[l]}`,
            roles: line.competence.roles?.join('/') ?? '',
            ward: this.lineWard[l] ?? this.lineUnit[l] ?? '',
          },
        });
      }
    }
  }
}

/** Coverage (bemanning): staff per date × shift type × competence against demand. Unit: persons × weight. */
export const coverageKind = defineRuleKind({
  kind: 'coverage',
  description: { nb: 'Bemanning per dato, vakt og kompetanse mot behovet', en: 'Staffing per date, shift type and competence against demand' },
  unit: 'persons short or over, times the demand weight',
  params: CoverageParams,
  compile: (model, rule, params, inScope) => new CoverageConstraint(model, rule, inScope, params),
  message: (v, ctx) => {
    const d = v.data as { shiftOption: number; count: number; need: number; direction: string; roles: string; ward: string };
    const where = d.ward ? ` (${d.ward})` : '';
    const roleNames = (lang: 'nb' | 'en') =>
      d.roles
        ? ` (${d.roles
            .split('/')
            .map((r) => ROLE_NAMES[r as Role]?.[lang] ?? r)
            .join(lang === 'nb' ? ' eller ' : ' or ')})`
        : '';
    const shift = (lang: 'nb' | 'en') => ctx.shiftName(d.shiftOption, lang).toLowerCase();
    return d.direction === 'under'
      ? {
          nb: `${ctx.date(v.day!, 'nb')}: ${d.count} på ${shift('nb')}${where}${roleNames('nb')}, behovet er ${d.need}; ${ctx.ref}.`,
          en: `${ctx.date(v.day!, 'en')}: ${d.count} on the ${shift('en')}${where}${roleNames('en')}, ${d.need} needed; ${ctx.ref}.`,
        }
      : {
          nb: `${ctx.date(v.day!, 'nb')}: ${d.count} på ${shift('nb')}${where}${roleNames('nb')}, høyst ${d.need}; ${ctx.ref}.`,
          en: `${ctx.date(v.day!, 'en')}: ${d.count} on the ${shift('en')}${where}${roleNames('en')}, at most ${d.need}; ${ctx.ref}.`,
        };
  },
});
