/**
 * Local calendar dates (`YYYY-MM-DD`) as plain strings. Date arithmetic here is pure calendar
 * arithmetic (no time zone involved), so it is the same under any `TZ`.
 */

/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDateString = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Split a `YYYY-MM-DD` string into numbers, or `undefined` when it is not a real calendar date. */
export function parseLocalDate(date: string): { year: number; month: number; day: number } | undefined {
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True when `date` is a valid `YYYY-MM-DD` calendar date. */
export function isLocalDate(date: string): boolean {
  return parseLocalDate(date) !== undefined;
}

/** Days in a month (1–12) of a Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function mustParse(date: string): { year: number; month: number; day: number } {
  const p = parseLocalDate(date);
  if (!p) throw new RangeError(`Not a valid local date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return p;
}

/** Days since 1970-01-01 for a local date: an integer index suitable for arrays. */
export function dayNumber(date: LocalDateString): number {
  const { year, month, day } = mustParse(date);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The local date of a day number (inverse of {@link dayNumber}). */
export function fromDayNumber(n: number): LocalDateString {
  const d = new Date(n * MS_PER_DAY);
  return formatLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Format year, month (1–12) and day as `YYYY-MM-DD`. */
export function formatLocalDate(year: number, month: number, day: number): LocalDateString {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `date` plus `days` calendar days. */
export function addDays(date: LocalDateString, days: number): LocalDateString {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDateString, to: LocalDateString): number {
  return dayNumber(to) - dayNumber(from);
}

/** Every date from `start` for `count` days. */
export function dateRange(start: LocalDateString, count: number): LocalDateString[] {
  const first = dayNumber(start);
  return Array.from({ length: count }, (_, i) => fromDayNumber(first + i));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDateString): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1 as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** True for Saturday and Sunday. */
export function isWeekend(date: LocalDateString): boolean {
  return isoWeekday(date) >= 6;
}

/** ISO 8601 week-numbering year and week (1–53) of a date. */
export function isoWeek(date: LocalDateString): { year: number; week: number } {
  const n = dayNumber(date);
  const thursday = n - isoWeekday(date) + 4;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const jan1 = Math.round(Date.UTC(year, 0, 1) / MS_PER_DAY);
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** The Monday on or before `date`. */
export function startOfIsoWeek(date: LocalDateString): LocalDateString {
  return fromDayNumber(dayNumber(date) - isoWeekday(date) + 1);
}
