import { addDays, formatLocalDate, isoWeekday, type LocalDateString } from './dates.js';

/** Identifiers of the Norwegian public holidays and public days (offentlige høytidsdager). */
export type PublicHolidayId =
  | 'newYearsDay'
  | 'maundyThursday'
  | 'goodFriday'
  | 'easterSunday'
  | 'easterMonday'
  | 'labourDay'
  | 'constitutionDay'
  | 'ascensionDay'
  | 'whitSunday'
  | 'whitMonday'
  | 'christmasDay'
  | 'boxingDay';

/** One public holiday in a given year. */
export interface PublicHoliday {
  /** Stable identifier (English). */
  id: PublicHolidayId;
  /** The local date. */
  date: LocalDateString;
  /** Norwegian and English names (e.g. `skjærtorsdag` / Maundy Thursday). */
  name: { nb: string; en: string };
  /** `holiday` = helligdag (Helligdagsfredloven); `publicDay` = 1 May and 17 May (offentlig høytidsdag). */
  kind: 'holiday' | 'publicDay';
}

/** First and last year the calendar is defined and tested for. */
export const CALENDAR_YEAR_RANGE = { min: 1900, max: 2200 } as const;

/**
 * Easter Sunday of a Gregorian year by the anonymous Gregorian computus (Meeus/Jones/Butcher).
 * @throws RangeError outside {@link CALENDAR_YEAR_RANGE}.
 */
export function easterSunday(year: number): LocalDateString {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatLocalDate(year, month, day);
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < CALENDAR_YEAR_RANGE.min || year > CALENDAR_YEAR_RANGE.max) {
    throw new RangeError(`Year ${year} is outside the supported range ${CALENDAR_YEAR_RANGE.min}–${CALENDAR_YEAR_RANGE.max}`);
  }
}

const cache = new Map<number, PublicHoliday[]>();

/** The twelve Norwegian public holidays and public days of `year`, in date order. */
export function publicHolidays(year: number): readonly PublicHoliday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) => formatLocalDate(year, month, day);
  const list: PublicHoliday[] = [
    { id: 'newYearsDay', date: fixed(1, 1), name: { nb: '1. nyttårsdag', en: "New Year's Day" }, kind: 'holiday' },
    { id: 'maundyThursday', date: addDays(easter, -3), name: { nb: 'Skjærtorsdag', en: 'Maundy Thursday' }, kind: 'holiday' },
    { id: 'goodFriday', date: addDays(easter, -2), name: { nb: 'Langfredag', en: 'Good Friday' }, kind: 'holiday' },
    { id: 'easterSunday', date: easter, name: { nb: '1. påskedag', en: 'Easter Sunday' }, kind: 'holiday' },
    { id: 'easterMonday', date: addDays(easter, 1), name: { nb: '2. påskedag', en: 'Easter Monday' }, kind: 'holiday' },
    { id: 'labourDay', date: fixed(5, 1), name: { nb: '1. mai', en: 'Labour Day' }, kind: 'publicDay' },
    { id: 'constitutionDay', date: fixed(5, 17), name: { nb: '17. mai', en: 'Constitution Day' }, kind: 'publicDay' },
    { id: 'ascensionDay', date: addDays(easter, 39), name: { nb: 'Kristi himmelfartsdag', en: 'Ascension Day' }, kind: 'holiday' },
    { id: 'whitSunday', date: addDays(easter, 49), name: { nb: '1. pinsedag', en: 'Whit Sunday' }, kind: 'holiday' },
    { id: 'whitMonday', date: addDays(easter, 50), name: { nb: '2. pinsedag', en: 'Whit Monday' }, kind: 'holiday' },
    { id: 'christmasDay', date: fixed(12, 25), name: { nb: '1. juledag', en: 'Christmas Day' }, kind: 'holiday' },
    { id: 'boxingDay', date: fixed(12, 26), name: { nb: '2. juledag', en: 'Boxing Day' }, kind: 'holiday' },
  ];
  list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  cache.set(year, list);
  return list;
}

/** The public holiday on `date`, if any (Sundays are not listed; see {@link isSundayOrPublicHoliday}). */
export function publicHolidayOn(date: LocalDateString): PublicHoliday | undefined {
  const year = Number(date.slice(0, 4));
  return publicHolidays(year).find((h) => h.date === date);
}

/** True when `date` is one of the twelve public holidays or public days. */
export function isPublicHoliday(date: LocalDateString): boolean {
  return publicHolidayOn(date) !== undefined;
}

/**
 * The eves on which the Sunday/holiday window of AML § 10-10 (1) starts at 15:00 instead of
 * 18:00: Christmas Eve, Easter Eve (Saturday before Easter) and Whitsun Eve.
 */
export function isHighHolidayEve(date: LocalDateString): boolean {
  const year = Number(date.slice(0, 4));
  if (date === formatLocalDate(year, 12, 24)) return true;
  const easter = easterSunday(year);
  return date === addDays(easter, -1) || date === addDays(easter, 48);
}

/** True for every Sunday and every public holiday or public day (søn- og helgedager). */
export function isSundayOrPublicHoliday(date: LocalDateString): boolean {
  return isoWeekday(date) === 7 || isPublicHoliday(date);
}
