import { type CompetenceRequirement, CompetenceRequirementSchema, meetsRequirement } from '@omsorg/domain';
import { z } from 'zod';
import type { Assignment } from '../model/assignment.js';
import { type CompiledProblem, OFF } from '../model/compile.js';
import { type Constraint, defineRuleKind, type ViolationDetail } from '../rules/kind.js';
import type { Rule } from '../rules/rule.js';
import { optionMask, ShiftSelectorSchema } from './shared.js';

/** Base of constraints that are a sum of independent per-cell costs (internal; the MIP encodes them from `cost`). */
export abstract class CellConstraint implements Constraint {
  constructor(
    readonly model: CompiledProblem,
    readonly rule: Rule,
    readonly inScope: Uint8Array,
  ) {}
  /** Cost of employee e having option o (or OFF) on day d. */
  abstract cost(e: number, d: number, o: number): number;
  /** Extra facts for the message of a costly cell. */
  data(_e: number, _d: number, o: number): Record<string, string | number> {
    return { o };
  }
  /** True when an off cell can cost something (requests to work); otherwise off cells are skipped. */
  protected readonly offCanCost: boolean = false;
  init(a: Assignment): number {
    const { days, employees } = this.model;
    const skipOff = !this.offCanCost;
    let p = 0;
    for (let e = 0; e < employees; e++) {
      if (!this.inScope[e]) continue;
      for (let d = 0; d < days; d++) {
        const o = a[e * days + d]!;
        if (o === OFF && skipOff) continue;
        p += this.cost(e, d, o);
      }
    }
    return p;
  }
  change(e: number, d: number, oldO: number, newO: number): number {
    return this.inScope[e] ? this.cost(e, d, newO) - this.cost(e, d, oldO) : 0;
  }
  explain(a: Assignment, emit: (v: ViolationDetail) => void): void {
    const { days, employees } = this.model;
    for (let e = 0; e < employees; e++) {
      if (!this.inScope[e]) continue;
      for (let d = 0; d < days; d++) {
        const o = a[e * days + d]!;
        const c = this.cost(e, d, o);
        if (c !== 0) emit({ employee: e, day: d, amount: c, data: this.data(e, d, o) });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

const EligibilityParams = z.object({
  /** Shifts matching `shifts` may only be worked by staff meeting `competence`. */
  requirements: z.array(z.object({ shifts: ShiftSelectorSchema.default({}), competence: CompetenceRequirementSchema })).default([]),
});

class Eligibility extends CellConstraint {
  private readonly bad: Uint8Array;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, p: z.infer<typeof EligibilityParams>) {
    super(model, rule, inScope);
    const O = model.options;
    this.bad = new Uint8Array(model.employees * O);
    const reqs = p.requirements.map((r) => ({ mask: optionMask(model, r.shifts), competence: r.competence as CompetenceRequirement }));
    model.problem.employees.forEach((emp, e) => {
      for (let o = 0; o < O; o++) {
        const wardOk = model.allowed[e * O + o] === 1;
        const compOk = reqs.every((r) => !r.mask[o] || meetsRequirement(emp, r.competence));
        this.bad[e * O + o] = wardOk && compOk ? 0 : 1;
      }
    });
  }
  cost(e: number, _d: number, o: number): number {
    return o === OFF ? 0 : this.bad[e * this.model.options + o]!;
  }
  forbids(e: number, o: number): boolean {
    return this.inScope[e] === 1 && this.bad[e * this.model.options + o] === 1;
  }
}

/** Competence and ward eligibility: staff only work shifts (and wards) they are qualified and placed for. Unit: cells. */
export const eligibilityKind = defineRuleKind({
  kind: 'competenceEligibility',
  description: { nb: 'Bare kvalifiserte ansatte på vakter som krever kompetanse', en: 'Only qualified staff on shifts that require a competence' },
  unit: 'ineligible cells',
  params: EligibilityParams,
  compile: (model, rule, p, inScope) => new Eligibility(model, rule, inScope, p),
  message: (v, ctx) => {
    const o = (v.data as { o: number }).o;
    const ward = ctx.model.optionWard[o];
    return {
      nb: `${ctx.employeeName(v.employee!)} kan ikke ha ${ctx.shiftName(o, 'nb').toLowerCase()}${ward ? ` på ${ward}` : ''} ${ctx.date(v.day!, 'nb')} (kompetanse eller avdeling); ${ctx.ref}.`,
      en: `${ctx.employeeName(v.employee!)} may not work the ${ctx.shiftName(o, 'en').toLowerCase()}${ward ? ` in ${ward}` : ''} on ${ctx.date(v.day!, 'en')} (competence or ward); ${ctx.ref}.`,
    };
  },
});

// ---------------------------------------------------------------------------------------------

const LongShiftParams = z.object({
  /** Longest permitted long shift, wall-clock minutes (12.5 h by local agreement). */
  maxMinutes: z.number().int().min(1).default(750),
});

class LongShiftConsent extends CellConstraint {
  private readonly bad: Uint8Array;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, p: z.infer<typeof LongShiftParams>) {
    super(model, rule, inScope);
    const O = model.options;
    const long = optionMask(model, { labels: ['long'] });
    this.bad = new Uint8Array(model.employees * O);
    model.problem.employees.forEach((emp, e) => {
      const consent = model.problem.positions.some((x) => x.employeeId === emp.id && x.longShiftsAgreed);
      for (let o = 0; o < O; o++) {
        const st = model.problem.shiftTypes[model.optionShift[o]!]!;
        const tooLong = st.durationMinutes > p.maxMinutes;
        this.bad[e * O + o] = (long[o] && !consent) || tooLong ? 1 : 0;
      }
    });
  }
  cost(e: number, _d: number, o: number): number {
    return o === OFF ? 0 : this.bad[e * this.model.options + o]!;
  }
  forbids(e: number, o: number): boolean {
    return this.inScope[e] === 1 && this.bad[e * this.model.options + o] === 1;
  }
}

/** Long shifts (langvakter) only for employees who agreed to them, and no longer than the agreed maximum. Unit: cells. */
export const longShiftConsentKind = defineRuleKind({
  kind: 'longShiftConsent',
  description: { nb: 'Langvakter bare etter avtale og innenfor avtalt lengde', en: 'Long shifts only by agreement and within the agreed length' },
  unit: 'cells',
  params: LongShiftParams,
  compile: (model, rule, p, inScope) => new LongShiftConsent(model, rule, inScope, p),
  message: (v, ctx) => ({
    nb: `${ctx.employeeName(v.employee!)} har langvakt ${ctx.date(v.day!, 'nb')} uten avtale om langvakter eller utover avtalt lengde; ${ctx.ref}.`,
    en: `${ctx.employeeName(v.employee!)} has a long shift on ${ctx.date(v.day!, 'en')} without a long-shift agreement or beyond the agreed length; ${ctx.ref}.`,
  }),
});

// ---------------------------------------------------------------------------------------------

const BreakParams = z.object({
  /** A break is required when working time exceeds this (minutes). */
  breakAfterMinutes: z.number().int().default(330),
  /** Working time from which breaks must total `minTotalBreakMinutes`. */
  longDayMinutes: z.number().int().default(480),
  minTotalBreakMinutes: z.number().int().default(30),
});

class Breaks extends CellConstraint {
  private readonly bad: Uint8Array;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, p: z.infer<typeof BreakParams>) {
    super(model, rule, inScope);
    this.bad = Uint8Array.from({ length: model.options }, (_, o) => {
      const st = model.problem.shiftTypes[model.optionShift[o]!]!;
      const brk = st.unpaidBreakMinutes + st.paidBreakMinutes;
      const workTime = st.durationMinutes - st.unpaidBreakMinutes;
      if (workTime > p.breakAfterMinutes && brk === 0) return 1;
      if (workTime >= p.longDayMinutes && brk < p.minTotalBreakMinutes) return 1;
      return 0;
    });
  }
  cost(_e: number, _d: number, o: number): number {
    return o === OFF ? 0 : this.bad[o]!;
  }
}

/** AML § 10-9 (1): a break beyond 5.5 h of work, breaks of at least 30 min in total from 8 h. Unit: cells. */
export const breaksKind = defineRuleKind({
  kind: 'breaks',
  description: { nb: 'Pauser etter arbeidstidens lengde', en: 'Breaks by length of the working day' },
  unit: 'shifts without the required break',
  params: BreakParams,
  compile: (model, rule, p, inScope) => new Breaks(model, rule, inScope, p),
  message: (v, ctx) => {
    const o = (v.data as { o: number }).o;
    return {
      nb: `${ctx.shiftName(o, 'nb')} ${ctx.date(v.day!, 'nb')} (${ctx.employeeName(v.employee!)}) mangler lovpålagt pause; ${ctx.ref}.`,
      en: `The ${ctx.shiftName(o, 'en').toLowerCase()} on ${ctx.date(v.day!, 'en')} (${ctx.employeeName(v.employee!)}) lacks the required break; ${ctx.ref}.`,
    };
  },
});

// ---------------------------------------------------------------------------------------------

const AbsenceParams = z.object({
  kinds: z.array(z.enum(['vacation', 'leave', 'sick', 'course', 'dayOff'])).optional(),
});

class Absences extends CellConstraint {
  private readonly blocked: Uint8Array;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array, p: z.infer<typeof AbsenceParams>) {
    super(model, rule, inScope);
    // Days outside every position are blocked whatever `kinds` says: nobody works before they are hired.
    this.blocked = Uint8Array.from(model.absenceAt, (ai, k) =>
      !model.employed[k] || (ai >= 0 && (!p.kinds || p.kinds.includes(model.problem.absences[ai]!.kind))) ? 1 : 0,
    );
  }
  cost(e: number, d: number, o: number): number {
    return o !== OFF && this.blocked[e * this.model.days + d] ? 1 : 0;
  }
  override data(e: number, d: number, o: number): Record<string, string | number> {
    const k = e * this.model.days + d;
    if (!this.model.employed[k]) return { o, kind: 'notEmployed' };
    return { o, kind: this.model.problem.absences[this.model.absenceAt[k]!]!.kind };
  }
}

const ABSENCE_NAMES: Record<string, { nb: string; en: string }> = {
  vacation: { nb: 'ferie', en: 'vacation' },
  leave: { nb: 'permisjon', en: 'leave' },
  sick: { nb: 'sykefravær', en: 'sick leave' },
  course: { nb: 'kurs', en: 'a course' },
  dayOff: { nb: 'fast fridag', en: 'a fixed day off' },
};

/**
 * No work during absences (vacation, leave, sick leave, courses), on fixed days off, or on days outside
 * every position of the employee (before its start, after its end). Unit: cells.
 */
export const absencesKind = defineRuleKind({
  kind: 'absences',
  description: {
    nb: 'Ingen vakter under fravær, på faste fridager eller utenfor ansettelsesperioden',
    en: 'No shifts during absences, on fixed days off or outside the employment period',
  },
  unit: 'worked absence days',
  params: AbsenceParams,
  compile: (model, rule, p, inScope) => new Absences(model, rule, inScope, p),
  message: (v, ctx) => {
    const kindId = (v.data as { kind: string }).kind;
    if (kindId === 'notEmployed') {
      return {
        nb: `${ctx.employeeName(v.employee!)} er satt på vakt ${ctx.date(v.day!, 'nb')}, utenfor ansettelsesperioden (ingen stilling den dagen); ${ctx.ref}.`,
        en: `${ctx.employeeName(v.employee!)} is rostered on ${ctx.date(v.day!, 'en')}, outside their employment (no position that day); ${ctx.ref}.`,
      };
    }
    const kind = ABSENCE_NAMES[kindId]!;
    return {
      nb: `${ctx.employeeName(v.employee!)} er satt på vakt ${ctx.date(v.day!, 'nb')} under ${kind.nb}; ${ctx.ref}.`,
      en: `${ctx.employeeName(v.employee!)} is rostered on ${ctx.date(v.day!, 'en')} during ${kind.en}; ${ctx.ref}.`,
    };
  },
});

// ---------------------------------------------------------------------------------------------

class Requests extends CellConstraint {
  protected override readonly offCanCost = true;
  /** CSR by cell: request indexes. */
  private readonly first: Int32Array;
  private readonly list: Int32Array;
  private readonly shiftOf: Int32Array;
  private readonly on: Uint8Array;
  private readonly weight: Float64Array;
  constructor(model: CompiledProblem, rule: Rule, inScope: Uint8Array) {
    super(model, rule, inScope);
    const dayOf = new Map(model.dates.map((d, i) => [d, i]));
    const byCell = new Map<number, number[]>();
    const reqs = model.problem.requests;
    reqs.forEach((r, i) => {
      const e = model.employeeIndex.get(r.employeeId);
      const d = dayOf.get(r.date);
      if (e === undefined || d === undefined) return;
      const k = e * model.days + d;
      byCell.set(k, [...(byCell.get(k) ?? []), i]);
    });
    this.first = new Int32Array(model.employees * model.days + 1);
    const list: number[] = [];
    for (let k = 0; k < model.employees * model.days; k++) {
      this.first[k] = list.length;
      list.push(...(byCell.get(k) ?? []));
    }
    this.first[model.employees * model.days] = list.length;
    this.list = Int32Array.from(list);
    this.shiftOf = Int32Array.from(reqs, (r) => (r.shiftTypeId === undefined ? -1 : (model.shiftIndex.get(r.shiftTypeId) ?? -2)));
    this.on = Uint8Array.from(reqs, (r) => (r.kind === 'on' ? 1 : 0));
    this.weight = Float64Array.from(reqs, (r) => r.weight);
  }
  cost(e: number, d: number, o: number): number {
    const k = e * this.model.days + d;
    let c = 0;
    for (let i = this.first[k]!; i < this.first[k + 1]!; i++) {
      const r = this.list[i]!;
      const s = this.shiftOf[r]!;
      const matches = o !== OFF && (s === -1 || this.model.optionShift[o] === s);
      if (this.on[r] ? !matches : matches) c += this.weight[r]!;
    }
    return c;
  }
  override data(e: number, d: number, o: number): Record<string, string | number> {
    const k = e * this.model.days + d;
    const r = this.list[this.first[k]!]!;
    const s = this.shiftOf[r]!;
    // An option of the requested shift type, so the message can name it.
    return { o, on: this.on[r]!, shiftOption: s >= 0 ? this.model.optionShift.indexOf(s) : -1 };
  }
}

/** Wishes (ønsker) to work or be off, with weights. Unit: weight of the unmet requests. */
export const requestsKind = defineRuleKind({
  kind: 'requests',
  description: { nb: 'Ønsker om vakt eller fri', en: 'Requests to work or be off' },
  unit: 'weight of unmet requests',
  params: z.object({}),
  compile: (model, rule, _p, inScope) => new Requests(model, rule, inScope),
  message: (v, ctx) => {
    const d = v.data as { on: number; shiftOption: number };
    const who = ctx.employeeName(v.employee!);
    const nb = ctx.date(v.day!, 'nb');
    const en = ctx.date(v.day!, 'en');
    if (d.shiftOption < 0) {
      return d.on
        ? { nb: `${who} ønsket å jobbe ${nb}; ${ctx.ref}.`, en: `${who} asked to work on ${en}; ${ctx.ref}.` }
        : { nb: `${who} ønsket fri ${nb}; ${ctx.ref}.`, en: `${who} asked to be off on ${en}; ${ctx.ref}.` };
    }
    const shift = { nb: ctx.shiftName(d.shiftOption, 'nb').toLowerCase(), en: ctx.shiftName(d.shiftOption, 'en').toLowerCase() };
    return d.on
      ? { nb: `${who} ønsket ${shift.nb} ${nb}; ${ctx.ref}.`, en: `${who} asked for the ${shift.en} on ${en}; ${ctx.ref}.` }
      : { nb: `${who} ønsket ikke ${shift.nb} ${nb}; ${ctx.ref}.`, en: `${who} asked not to work the ${shift.en} on ${en}; ${ctx.ref}.` };
  },
});
