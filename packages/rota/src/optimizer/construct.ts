import { meetsRequirement } from '@omsorg/domain';
import type { CompiledRule } from '../engine/compile-rules.js';
import type { IncrementalEvaluator } from '../engine/incremental.js';
import type { Assignment } from '../model/assignment.js';
import { type CompiledProblem, NOT_PINNED, OFF } from '../model/compile.js';

/**
 * The options each employee may work at all, at `e * options + o`: allowed by the problem (ward
 * eligibility) and forbidden by no unary hard rule (not qualified, no long-shift agreement, a maximum of
 * 0 shifts of the type) — the optimizer's domain.
 */
export function optionDomain(model: CompiledProblem, rules: readonly CompiledRule[]): Uint8Array {
  const unary = rules.filter((r) => r.hard && r.constraint.forbids).map((r) => r.constraint);
  const O = model.options;
  const out = new Uint8Array(model.employees * O);
  for (let e = 0; e < model.employees; e++) {
    for (let o = 0; o < O; o++) if (model.allowed[e * O + o] && !unary.some((c) => c.forbids!(e, o))) out[e * O + o] = 1;
  }
  return out;
}

/**
 * Greedy construction: day by day, fill each demand line up to its preferred cover with free,
 * available, competent staff, least-loaded first (by planned minutes against contracted minutes).
 * Pinned cells are kept; cells on absence days stay off.
 */
export function constructGreedy(model: CompiledProblem, fixed: Uint8Array, start: Assignment): Assignment {
  return fill(model, fixed, start);
}

/**
 * Greedy construction guided by the rules: as {@link constructGreedy}, but each place goes to the
 * candidate (among the `candidates` least loaded) whose shift costs least under the evaluator's
 * rules — so a rule such as every third weekend or daily rest shapes the start, with no copy of it
 * here. Days are filled in order, so rules looking back (rest, weekend rhythm) see what came before.
 * Works on `inc` in place and returns its assignment.
 */
export function constructGuided(
  model: CompiledProblem,
  fixed: Uint8Array,
  inc: IncrementalEvaluator,
  hardWeight: number,
  cycle: { baseDays: number; copies: number } = { baseDays: model.days, copies: 1 },
  candidates = 12,
): Assignment {
  fill(model, fixed, inc.assignment, { inc, hardWeight, candidates, ...cycle });
  return inc.assignment;
}

/**
 * The day-by-day fill behind both constructions. With a guide it works through the evaluator; for a
 * grunnturnus (`copies` > 1) it fills the base days and writes every copy, and a base cell is fixed
 * when any copy is.
 */
function fill(
  model: CompiledProblem,
  fixedAll: Uint8Array,
  start: Assignment,
  guide?: { inc: IncrementalEvaluator; hardWeight: number; candidates: number; baseDays: number; copies: number },
): Assignment {
  const a = guide ? start : Int16Array.from(start);
  const { employees, problem, options } = model;
  const days = model.days;
  const baseDays = guide?.baseDays ?? days;
  const copies = guide?.copies ?? 1;
  const fixed =
    copies === 1
      ? fixedAll
      : Uint8Array.from({ length: employees * days }, (_, k) => {
          const d = k % days;
          if (d >= baseDays) return 1;
          for (let c = 0; c < copies; c++) if (fixedAll[k + c * baseDays]) return 1;
          return 0;
        });
  const put = (e: number, d: number, o: number) => {
    for (let c = 0; c < copies; c++) guide!.inc.set(e, d + c * baseDays, o);
  };
  const load = new Float64Array(employees);
  const target = Float64Array.from(model.contracted, (c) => (c > 0 ? c : 1));
  const meets = problem.demand.map((line) => Uint8Array.from(problem.employees, (emp) => (meetsRequirement(emp, line.competence) ? 1 : 0)));
  for (let d = 0; d < baseDays; d++) {
    const lines = [...model.demand[d]!].sort((x, y) => (x.competence.roles?.length ?? 99) - (y.competence.roles?.length ?? 99));
    for (const line of lines) {
      const s = model.shiftIndex.get(line.shiftTypeId);
      if (s === undefined) continue;
      let count = 0;
      for (let e = 0; e < employees; e++) {
        const o = a[e * days + d]!;
        if (o !== OFF && model.optionShift[o] === s && (line.wardId === undefined || model.optionWard[o] === line.wardId) && meets[line.source]![e]) count++;
      }
      const want = Math.max(line.min, line.preferred);
      if (count >= want) continue;
      const candidates: { e: number; o: number; r: number }[] = [];
      for (let e = 0; e < employees; e++) {
        const k = e * days + d;
        if (a[k] !== OFF || fixed[k] || !meets[line.source]![e]) continue;
        if (d > 0 && a[k - 1] !== OFF) {
          const prev = a[k - 1]!;
          // Avoid the most common illegal succession: a shift starting before the previous one ended plus 11 h.
          if (model.start[d * model.shifts + s]! - model.end[(d - 1) * model.shifts + model.optionShift[prev]!]! < 660) continue;
        }
        let opt = -1;
        for (let o = 0; o < options; o++) {
          if (model.optionShift[o] === s && model.allowed[e * options + o] && (line.wardId === undefined || model.optionWard[o] === line.wardId)) {
            opt = o;
            break;
          }
        }
        if (opt >= 0) candidates.push({ e, o: opt, r: load[e]! / target[e]! });
      }
      candidates.sort((x, y) => x.r - y.r || x.e - y.e);
      if (!guide) {
        for (const c of candidates.slice(0, want - count)) {
          a[c.e * days + d] = c.o;
          load[c.e]! += model.work[d * model.shifts + s]!;
        }
        continue;
      }
      const { inc, hardWeight } = guide;
      const pool = candidates.slice(0, guide.candidates);
      for (let placed = count; placed < want && pool.length > 0; placed++) {
        // The candidate whose shift costs least now (the evaluator holds the rota so far).
        const base = inc.hard * hardWeight + inc.soft;
        let bestI = 0;
        let bestCost = Number.POSITIVE_INFINITY;
        for (let i = 0; i < pool.length; i++) {
          const c = pool[i]!;
          put(c.e, d, c.o);
          const cost = inc.hard * hardWeight + inc.soft - base;
          put(c.e, d, OFF);
          if (cost < bestCost) {
            bestCost = cost;
            bestI = i;
          }
        }
        // Past the minimum, add people only while it pays.
        if (placed >= line.min && bestCost >= 0) break;
        const c = pool.splice(bestI, 1)[0]!;
        put(c.e, d, c.o);
        load[c.e]! += model.work[d * model.shifts + s]!;
      }
    }
  }
  return a;
}

/** Cells the search may not change: pinned cells, and absence days (kept off). */
export function fixedCells(model: CompiledProblem): Uint8Array {
  return Uint8Array.from({ length: model.employees * model.days }, (_, k) => (model.pinned[k] !== NOT_PINNED || !model.available[k] ? 1 : 0));
}

/** The starting assignment: pinned values where pinned, else off. */
export function pinnedStart(model: CompiledProblem): Assignment {
  return Int16Array.from(model.pinned, (p) => (p === NOT_PINNED ? OFF : p));
}
