import type { Rota, RotaCell } from '@omsorg/domain';
import { RotaError } from '../errors.js';
import { type CompiledProblem, OFF } from './compile.js';

/** An assignment: one option index (or {@link OFF}) per cell `e * days + d`. */
export type Assignment = Int16Array;

/** An all-off assignment for a compiled problem. */
export function emptyAssignment(model: CompiledProblem): Assignment {
  return new Int16Array(model.employees * model.days).fill(OFF);
}

/**
 * Read a rota into an assignment. Cells for unknown employees, dates outside the horizon or unknown
 * shift types are reported as a {@link RotaError} `ROTA_MISMATCH`, listing every such cell.
 */
export function assignmentFromRota(model: CompiledProblem, rota: Pick<Rota, 'cells'>): Assignment {
  const a = emptyAssignment(model);
  const dayOf = new Map(model.dates.map((d, i) => [d, i]));
  const bad: string[] = [];
  rota.cells.forEach((cell, i) => {
    const e = model.employeeIndex.get(cell.employeeId);
    const d = dayOf.get(cell.date);
    if (e === undefined || d === undefined) {
      bad.push(`cells.${i}: ${e === undefined ? `unknown employee ${cell.employeeId}` : `date ${cell.date} outside the horizon`}`);
      return;
    }
    if (cell.shiftTypeId === null) return;
    const o = optionIndex(model, e, cell.shiftTypeId, cell.wardId);
    if (o === OFF) {
      bad.push(`cells.${i}: unknown shift type ${cell.shiftTypeId}${cell.wardId ? ` in ward ${cell.wardId}` : ''}`);
      return;
    }
    a[e * model.days + d] = o;
  });
  if (bad.length > 0) {
    throw new RotaError('ROTA_MISMATCH', `The rota does not fit the problem: ${bad.slice(0, 5).join('; ')}${bad.length > 5 ? ` (+${bad.length - 5} more)` : ''}`, {
      details: { cells: bad },
    });
  }
  return a;
}

/**
 * The option for a shift type (and ward) worked by employee e: the given ward, else the first ward
 * the employee may work in, else the first option of that shift type.
 */
export function optionIndex(model: CompiledProblem, e: number, shiftTypeId: string, wardId?: string): number {
  const s = model.shiftIndex.get(shiftTypeId);
  if (s === undefined) return OFF;
  let fallback = OFF;
  for (let o = 0; o < model.options; o++) {
    if (model.optionShift[o] !== s) continue;
    if (wardId !== undefined) {
      if (model.optionWard[o] === wardId) return o;
      continue;
    }
    if (model.allowed[e * model.options + o] === 1) return o;
    if (fallback === OFF) fallback = o;
  }
  return fallback;
}

/** Write an assignment as a rota (every cell listed, off cells with `shiftTypeId: null`). */
export function rotaFromAssignment(model: CompiledProblem, a: Assignment, extra: { id?: string; name?: string } = {}): Rota {
  const cells: RotaCell[] = [];
  for (let e = 0; e < model.employees; e++) {
    for (let d = 0; d < model.days; d++) {
      const o = a[e * model.days + d]!;
      const cell: RotaCell = { employeeId: model.employeeIds[e]!, date: model.dates[d]!, shiftTypeId: o === OFF ? null : model.shiftIds[model.optionShift[o]!]! };
      const ward = o === OFF ? undefined : model.optionWard[o];
      if (ward !== undefined) cell.wardId = ward;
      if (model.pinned[e * model.days + d] !== -2) cell.pinned = true;
      cells.push(cell);
    }
  }
  return { ...extra, start: model.dates[0]!, days: model.days, cells };
}
