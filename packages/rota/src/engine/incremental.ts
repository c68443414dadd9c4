import { RotaError } from '../errors.js';
import type { RuleCatalogue } from '../kinds/catalogue.js';
import type { Assignment } from '../model/assignment.js';
import { type CompiledProblem, OFF } from '../model/compile.js';
import type { Constraint } from '../rules/kind.js';
import type { RuleInput } from '../rules/rule.js';
import { type CompiledRule, compileRules } from './compile-rules.js';

/** A score: hard penalties (legality) and soft penalties (preferences), both weighted; lower is better. */
export interface Score {
  /** Weighted hard penalty; 0 means legal under the rule set. */
  hard: number;
  /** Weighted soft penalty. */
  soft: number;
}

/** Compare scores lexicographically: negative when `a` is better. */
export function compareScores(a: Score, b: Score): number {
  const eps = 1e-9;
  if (Math.abs(a.hard - b.hard) > eps) return a.hard - b.hard;
  if (Math.abs(a.soft - b.soft) > eps) return a.soft - b.soft;
  return 0;
}

/**
 * The evaluator whose assignment each constraint's internal state (sums, counts, caches) reflects.
 * Compiled rules may be shared — by a second evaluator, or by `evaluateAssignment` — and each of
 * them rebuilds that state for its own assignment; an evaluator whose constraint was taken over
 * rebuilds it for its own assignment before its next change instead of applying a delta to someone
 * else's state. `version` changes whenever a constraint changes hands, so the common case (nobody
 * else touched the rules) costs one comparison per change.
 */
const owners = new WeakMap<Constraint, object>();
let version = 0;

function claim(c: Constraint, owner: object): void {
  if (owners.get(c) === owner) return;
  owners.set(c, owner);
  version++;
}

/** Mark a constraint's state as rebuilt by someone other than an incremental evaluator. */
export function releaseConstraint(c: Constraint): void {
  owners.delete(c);
  version++;
}

/**
 * Broken rules located for a search to aim at: per entry the employee (-1 for a rule on the whole
 * roster), the first and last day index, and the option that would help (for a shortfall the missing
 * shift, OFF for an overstaffed one, else -2); `count` entries are filled.
 */
export interface HotSpots {
  /** Employee index per entry, -1 for a roster rule. */
  employee: Int32Array;
  /** First day index per entry. */
  day: Int32Array;
  /** Last day index per entry. */
  endDay: Int32Array;
  /** Option that would help per entry (OFF for an excess), else -2. */
  option: Int32Array;
  /** Number of entries filled. */
  count: number;
}

/** Options of the {@link IncrementalEvaluator}. */
export interface IncrementalOptions {
  /** A custom rule catalogue. */
  catalogue?: RuleCatalogue;
  /**
   * Assert mode: after every change, recompute everything from scratch and throw a
   * {@link RotaError} `ASSERT_MISMATCH` if the incremental score differs. Slow; for tests.
   */
  assert?: boolean;
}

/**
 * The same rules as {@link evaluate}, made for search: set a cell (or apply a swap), read the score
 * delta, undo. Each rule updates only what the changed cell touches.
 */
export class IncrementalEvaluator {
  /** The compiled rules. */
  readonly rules: readonly CompiledRule[];
  /** Current assignment (do not write to it directly; use {@link IncrementalEvaluator.set}). */
  readonly assignment: Assignment;
  /** Unweighted penalty per rule. */
  readonly penalties: Float64Array;
  private readonly weights: Float64Array;
  private readonly hardMask: Uint8Array;
  /** Rule indexes per employee (rules whose scope includes the employee). */
  private readonly byEmployee: Int32Array[];
  private readonly constraints: Constraint[];
  private hardTotal = 0;
  private softTotal = 0;
  private readonly assertMode: boolean;
  /** The ownership version this evaluator last synchronised with. */
  private version = -1;

  constructor(
    readonly model: CompiledProblem,
    rules: readonly RuleInput[] | readonly CompiledRule[],
    initial: Assignment,
    options: IncrementalOptions = {},
  ) {
    this.rules = isCompiled(rules) ? rules : compileRules(model, rules as readonly RuleInput[], options.catalogue);
    this.constraints = this.rules.map((r) => r.constraint);
    this.weights = Float64Array.from(this.rules, (r) => r.rule.weight);
    this.hardMask = Uint8Array.from(this.rules, (r) => (r.hard ? 1 : 0));
    this.penalties = new Float64Array(this.rules.length);
    this.byEmployee = Array.from({ length: model.employees }, (_, e) =>
      Int32Array.from(this.rules.flatMap((r, i) => (r.constraint.inScope[e] ? [i] : []))),
    );
    this.assignment = Int16Array.from(initial);
    this.assertMode = options.assert ?? false;
    this.recompute();
  }

  /** Recompute every rule from scratch. */
  recompute(): Score {
    this.hardTotal = 0;
    this.softTotal = 0;
    this.constraints.forEach((c, i) => {
      const p = c.init(this.assignment);
      claim(c, this);
      this.penalties[i] = p;
      if (this.hardMask[i]) this.hardTotal += p * this.weights[i]!;
      else this.softTotal += p * this.weights[i]!;
    });
    this.version = version;
    return this.score;
  }

  /** The current score. */
  get score(): Score {
    return { hard: this.hardTotal, soft: this.softTotal };
  }

  /** Weighted hard penalty. */
  get hard(): number {
    return this.hardTotal;
  }

  /** Weighted soft penalty. */
  get soft(): number {
    return this.softTotal;
  }

  /** The option (or OFF) of a cell. */
  get(e: number, d: number): number {
    return this.assignment[e * this.model.days + d]!;
  }

  /** Set one cell; returns nothing, read {@link IncrementalEvaluator.score} (or hard/soft) after. */
  set(e: number, d: number, o: number): void {
    const k = e * this.model.days + d;
    const old = this.assignment[k]!;
    if (old === o) return;
    if (this.version !== version) this.reclaim();
    this.assignment[k] = o;
    const list = this.byEmployee[e]!;
    for (let j = 0; j < list.length; j++) {
      const i = list[j]!;
      const dp = this.constraints[i]!.change(e, d, old, o, this.assignment);
      if (dp !== 0) {
        this.penalties[i]! += dp;
        if (this.hardMask[i]) this.hardTotal += dp * this.weights[i]!;
        else this.softTotal += dp * this.weights[i]!;
      }
    }
    if (this.assertMode) this.check(`set(${e}, ${d}, ${o})`);
  }

  /**
   * Where the hard rules are broken now: one entry per hard violation (employee index or -1 for a
   * rule on the whole roster, first and last day index, and for a cover shortfall the option that
   * would help, else -2), at most `limit`. Guides the search to the cells that matter.
   */
  hardHotSpots(limit = 4096): HotSpots {
    return this.hotSpots(limit, true);
  }

  /**
   * Where the soft rules are broken now, as {@link IncrementalEvaluator.hardHotSpots} lists the hard
   * ones (a cover shortfall with its shift, a wish not met, an unfair share …), at most `limit`.
   */
  softHotSpots(limit = 4096): HotSpots {
    return this.hotSpots(limit, false);
  }

  private hotSpots(limit: number, hard: boolean): HotSpots {
    if (this.version !== version) this.reclaim();
    const employee = new Int32Array(limit);
    const day = new Int32Array(limit);
    const endDay = new Int32Array(limit);
    const option = new Int32Array(limit);
    let count = 0;
    const last = this.model.days - 1;
    for (let i = 0; i < this.constraints.length && count < limit; i++) {
      if (this.hardMask[i] !== (hard ? 1 : 0) || this.penalties[i] === 0) continue;
      this.constraints[i]!.explain(this.assignment, (v) => {
        if (count >= limit) return;
        employee[count] = v.employee ?? -1;
        const d0 = Math.min(last, Math.max(0, v.day ?? 0));
        day[count] = d0;
        endDay[count] = Math.min(last, Math.max(d0, v.endDay ?? (v.day === undefined ? last : d0)));
        const o = v.data?.shiftOption;
        option[count] = typeof o === 'number' && o >= 0 ? (v.data?.direction === 'over' ? OFF : o) : -2;
        count++;
      });
    }
    return { employee, day, endDay, option, count };
  }

  /** Rebuild, for this assignment, the state of every rule another evaluator has taken over. */
  private reclaim(): void {
    this.constraints.forEach((c, i) => {
      if (owners.get(c) === this) return;
      const dp = c.init(this.assignment) - this.penalties[i]!;
      claim(c, this);
      if (dp === 0) return;
      this.penalties[i]! += dp;
      if (this.hardMask[i]) this.hardTotal += dp * this.weights[i]!;
      else this.softTotal += dp * this.weights[i]!;
    });
    this.version = version;
  }

  /** Swap the cells of employees e1 and e2 on days d..d+len-1 (a block swap). */
  swap(e1: number, e2: number, d: number, len = 1): void {
    for (let t = d; t < d + len; t++) {
      const a = this.get(e1, t);
      const b = this.get(e2, t);
      if (a === b) continue;
      this.set(e1, t, b);
      this.set(e2, t, a);
    }
  }

  /** Recompute from scratch and throw `ASSERT_MISMATCH` if any rule's incremental penalty drifted. */
  check(where = 'check'): void {
    const tol = 1e-6;
    this.constraints.forEach((c, i) => {
      const full = c.init(this.assignment);
      claim(c, this);
      const inc = this.penalties[i]!;
      if (Math.abs(full - inc) > tol * Math.max(1, Math.abs(full))) {
        throw new RotaError('ASSERT_MISMATCH', `Rule ${this.rules[i]!.rule.id} (${this.rules[i]!.rule.kind}): incremental ${inc} ≠ full ${full} after ${where}`, {
          details: { ruleId: this.rules[i]!.rule.id, incremental: inc, full, where },
        });
      }
      this.penalties[i] = full;
    });
    this.version = version;
  }
}

function isCompiled(rules: readonly RuleInput[] | readonly CompiledRule[]): rules is readonly CompiledRule[] {
  return rules.length > 0 && 'constraint' in (rules[0] as object);
}
