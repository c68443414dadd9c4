import type { LocalizedText } from '@omsorg/domain';
import type { z } from 'zod';
import type { Assignment } from '../model/assignment.js';
import type { CompiledProblem } from '../model/compile.js';
import type { Rule } from './rule.js';

/** One raw violation found by a constraint, before it is turned into a message. */
export interface ViolationDetail {
  /** Employee index, for per-employee rules. */
  employee?: number;
  /** First day index concerned. */
  day?: number;
  /** Last day index concerned (inclusive), for runs and windows. */
  endDay?: number;
  /** Penalty units this violation contributes (before the rule's weight). */
  amount: number;
  /**
   * Facts for the message (numbers in minutes, ids, counts). A violation that reaches back into the
   * problem's history is reported on the horizon's first affected day, with `data.historyDay` the
   * (negative) day index where it starts before the horizon.
   */
  data?: Record<string, string | number>;
}

/** The day a violation starts on for its message: `data.historyDay` when it reaches into history, else `day`. */
export function firstDay(v: ViolationDetail): number {
  const h = v.data?.historyDay;
  return typeof h === 'number' ? h : v.day!;
}

/**
 * A rule compiled against a problem. Penalties are unweighted; the evaluator multiplies by the
 * rule's weight. `change` is the incremental path: the cell (e, d) has just changed from `oldO` to
 * `newO` (the assignment already holds `newO`); it updates internal state and returns the change
 * in penalty. `init` recomputes everything from scratch.
 */
export interface Constraint {
  /** The rule this constraint enforces. */
  readonly rule: Rule;
  /** 1 for employees the rule applies to. */
  readonly inScope: Uint8Array;
  /** Recompute from scratch; returns the total penalty. */
  init(a: Assignment): number;
  /** Apply the change of one cell; returns the penalty delta. */
  change(e: number, d: number, oldO: number, newO: number, a: Assignment): number;
  /** Emit every violation, for explanations. */
  explain(a: Assignment, emit: (v: ViolationDetail) => void): void;
  /**
   * Optional unary information for search: true when employee e working option o on any day is
   * penalised whatever the other cells hold (e.g. not qualified). A solver may then leave o out of
   * e's domain when the rule is hard.
   */
  forbids?(e: number, o: number): boolean;
}

/** What a message formatter may use to name things. */
export interface MessageContext {
  /** The compiled problem. */
  model: CompiledProblem;
  /** Employee name by index. */
  employeeName(e: number): string;
  /** Shift type name of an option. */
  shiftName(o: number, lang: 'nb' | 'en'): string;
  /** A day index as a date in words, e.g. `4. mars` / `4 March`; a negative index is a day before the horizon (history). */
  date(d: number, lang: 'nb' | 'en'): string;
  /** Minutes as hours, e.g. `9 t` / `9 h`, `7,5 t` / `7.5 h`. */
  hours(minutes: number, lang: 'nb' | 'en'): string;
  /** The rule's legal reference as text, e.g. `AML § 10-8 (1)`, or the rule id. */
  ref: string;
  /** The rule whose violation is being explained. */
  rule: Rule;
}

/**
 * A rule kind in the catalogue: its parameter schema, how it compiles to a {@link Constraint},
 * and how its violations read in Norwegian bokmål and English.
 */
export interface RuleKindDefinition<P = unknown> {
  /** The kind's name, used in `rule.kind`. */
  readonly kind: string;
  /** What the kind checks. */
  readonly description: LocalizedText;
  /** The unit of one penalty point, for documentation (e.g. `minutes short`, `persons`). */
  readonly unit: string;
  /** Schema of `rule.params`. */
  readonly params: z.ZodType<P>;
  /** Compile the rule against a problem. */
  compile(model: CompiledProblem, rule: Rule, params: P, inScope: Uint8Array): Constraint;
  /** The end-user message of one violation. */
  message(v: ViolationDetail, ctx: MessageContext): LocalizedText;
}

/** Define a rule kind (identity function that fixes the parameter type). */
export function defineRuleKind<P>(definition: RuleKindDefinition<P>): RuleKindDefinition<P> {
  return definition;
}

/**
 * Base of per-employee constraints whose penalty is recomputed for the changed employee's whole row.
 * Correct for any rule; kinds with a cheaper delta override `change`.
 */
export abstract class RowConstraint implements Constraint {
  protected readonly cache: Float64Array;

  constructor(
    readonly model: CompiledProblem,
    readonly rule: Rule,
    readonly inScope: Uint8Array,
  ) {
    this.cache = new Float64Array(model.employees);
  }

  /** Penalty of employee e's row; emits violations when `emit` is given. */
  abstract row(e: number, a: Assignment, emit?: (v: ViolationDetail) => void): number;

  init(a: Assignment): number {
    let total = 0;
    for (let e = 0; e < this.model.employees; e++) {
      this.cache[e] = this.inScope[e] ? this.row(e, a) : 0;
      total += this.cache[e]!;
    }
    return total;
  }

  change(e: number, _d: number, _oldO: number, _newO: number, a: Assignment): number {
    if (!this.inScope[e]) return 0;
    const p = this.row(e, a);
    const dp = p - this.cache[e]!;
    this.cache[e] = p;
    return dp;
  }

  explain(a: Assignment, emit: (v: ViolationDetail) => void): void {
    for (let e = 0; e < this.model.employees; e++) if (this.inScope[e]) this.row(e, a, emit);
  }
}

/**
 * Base of per-employee constraints made of terms local in time. `local(e, d, a)` returns the sum of
 * every penalty term that depends on cell (e, d); the delta is `local` after minus before, found by
 * briefly restoring the old value. `row` gives the full penalty for `init` and explanations.
 */
export abstract class LocalConstraint extends RowConstraint {
  /** Sum of the penalty terms that depend on cell (e, d). */
  abstract local(e: number, d: number, a: Assignment): number;

  override change(e: number, d: number, oldO: number, newO: number, a: Assignment): number {
    if (!this.inScope[e]) return 0;
    const k = e * this.model.days + d;
    const after = this.local(e, d, a);
    a[k] = oldO;
    const before = this.local(e, d, a);
    a[k] = newO;
    const dp = after - before;
    this.cache[e]! += dp;
    return dp;
  }
}

/**
 * Base of per-employee constraints on pairs of consecutive worked days (overlap, rest, forbidden
 * successions): `pairCost` is asked for every day d whose shift and the next day's are both worked,
 * including d = -1 when the problem's history has a shift on the day before the horizon (read its
 * end with {@link PairConstraint.endOf}); such a violation is reported on day 0 with
 * `data.historyDay` -1.
 */
export abstract class PairConstraint extends LocalConstraint {
  /** Penalty of employee e working option o1 on day d (-1: the last history day) and o2 on day d + 1 (neither OFF). */
  abstract pairCost(e: number, d: number, o1: number, o2: number, emit?: (v: ViolationDetail) => void): number;

  /** Real end minute of employee e's shift o on day d, a history day when d < 0. */
  protected endOf(e: number, d: number, o: number): number {
    const { shifts, optionShift, end, history } = this.model;
    return d < 0 ? history.end[e * history.days + history.days + d]! : end[d * shifts + optionShift[o]!]!;
  }

  private pair(e: number, d: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    const { days, history } = this.model;
    if (d + 1 >= days) return 0;
    if (d < 0) {
      if (d !== -1 || history.days === 0) return 0;
      const o1 = history.option[e * history.days + history.days - 1]!;
      const o2 = a[e * days]!;
      if (o1 < 0 || o2 < 0) return 0;
      return this.pairCost(e, -1, o1, o2, emit && ((v) => emit({ ...v, day: 0, data: { ...v.data, historyDay: -1 } })));
    }
    const o1 = a[e * days + d]!;
    const o2 = a[e * days + d + 1]!;
    return o1 < 0 || o2 < 0 ? 0 : this.pairCost(e, d, o1, o2, emit);
  }
  row(e: number, a: Assignment, emit?: (v: ViolationDetail) => void): number {
    let p = 0;
    for (let d = -1; d + 1 < this.model.days; d++) p += this.pair(e, d, a, emit);
    return p;
  }
  local(e: number, d: number, a: Assignment): number {
    return this.pair(e, d - 1, a) + this.pair(e, d, a);
  }
}
