import { ShiftLabelSchema } from '@omsorg/domain';
import { z } from 'zod';
import type { CompiledProblem } from '../model/compile.js';
import type { MessageContext } from '../rules/kind.js';

/** Selects shift types by id or label; all shift types when both are absent. */
export const ShiftSelectorSchema = z.object({
  shiftTypeIds: z.array(z.string()).optional(),
  labels: z.array(ShiftLabelSchema).optional(),
});
/** A shift selector. */
export type ShiftSelector = z.infer<typeof ShiftSelectorSchema>;

/** A mask over options: 1 when the option's shift type matches the selector. */
export function optionMask(model: CompiledProblem, sel: ShiftSelector): Uint8Array {
  const mask = new Uint8Array(model.options);
  for (let o = 0; o < model.options; o++) {
    const st = model.problem.shiftTypes[model.optionShift[o]!]!;
    const byId = sel.shiftTypeIds === undefined || sel.shiftTypeIds.includes(st.id);
    const byLabel = sel.labels === undefined || sel.labels.some((l) => st.labels.includes(l));
    mask[o] = byId && byLabel ? 1 : 0;
  }
  return mask;
}

/** Per-day, per-option lookup of a per-(day, shift) array: `arr[d * shifts + optionShift[o]]`. */
export function at(model: CompiledProblem, arr: Int32Array, d: number, o: number): number {
  return arr[d * model.shifts + model.optionShift[o]!]!;
}

/** Bokmål and English month names for messages. */
const MONTHS_NB = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A local date in words: `4. mars` (nb) or `4 March` (en). */
export function dateInWords(date: string, lang: 'nb' | 'en'): string {
  const month = Number(date.slice(5, 7)) - 1;
  const day = Number(date.slice(8, 10));
  return lang === 'nb' ? `${day}. ${MONTHS_NB[month]}` : `${day} ${MONTHS_EN[month]}`;
}

/** Minutes as hours in words: `9 t`/`9 h`, `7,5 t`/`7.5 h`, `9 t 20 min`/`9 h 20 min`. */
export function hoursInWords(minutes: number, lang: 'nb' | 'en'): string {
  const unit = lang === 'nb' ? 't' : 'h';
  const m = Math.round(minutes);
  const h = Math.trunc(m / 60);
  const rest = Math.abs(m % 60);
  if (rest === 0) return `${h} ${unit}`;
  if (rest === 30) return `${lang === 'nb' ? `${h},5` : `${h}.5`} ${unit}`;
  return h === 0 ? `${rest} min` : `${h} ${unit} ${rest} min`;
}

/** Label names, singular and plural, for counts of shifts. */
const LABEL_WORDS: Record<string, { nb: [string, string]; en: string }> = {
  day: { nb: ['dagvakt', 'dagvakter'], en: 'day' },
  evening: { nb: ['kveldsvakt', 'kveldsvakter'], en: 'evening' },
  night: { nb: ['nattevakt', 'nattevakter'], en: 'night' },
  long: { nb: ['langvakt', 'langvakter'], en: 'long' },
  short: { nb: ['kortvakt', 'kortvakter'], en: 'short' },
  onCall: { nb: ['hjemmevakt', 'hjemmevakter'], en: 'on-call' },
};

/** `2 nattevakter` / `2 night shifts`, or `1 vakt av typen Dagvakt` / `1 shift of type Dagvakt`. */
export function countedShifts(p: ShiftSelector, count: number, ctx: MessageContext): { nb: string; en: string } {
  const one = count === 1;
  if (p.shiftTypeIds === undefined && p.labels !== undefined) {
    return {
      nb: p.labels.map((l) => LABEL_WORDS[l]!.nb[one ? 0 : 1]).join('/'),
      en: `${p.labels.map((l) => LABEL_WORDS[l]!.en).join('/')} ${one ? 'shift' : 'shifts'}`,
    };
  }
  const names = (p.shiftTypeIds ?? []).map((id) => ctx.model.problem.shiftTypes.find((s) => s.id === id)?.name ?? id).join('/');
  if (!names) return { nb: one ? 'vakt' : 'vakter', en: one ? 'shift' : 'shifts' };
  return { nb: `${one ? 'vakt' : 'vakter'} av typen ${names}`, en: `${one ? 'shift' : 'shifts'} of type ${names}` };
}
