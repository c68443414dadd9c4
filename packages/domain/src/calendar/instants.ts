import { tzOffset } from '@date-fns/tz';
import { addDays, dayNumber, fromDayNumber, isoWeekday as isoWeekdayOf, type LocalDateString, parseLocalDate } from './dates.js';
import { isPublicHoliday } from './holidays.js';

/** The time zone every Omsorg local date and time refers to. */
export const OSLO_TIME_ZONE = 'Europe/Oslo';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
/** Per zone, the offset of each UTC hour seen (NaN: it changes within that hour). */
const offsetCache = new Map<string, Map<number, number>>();
/** Hours kept per zone before the cache starts over (about seven years). */
const OFFSET_CACHE_HOURS = 1 << 16;

/**
 * The zone's offset from UTC at an instant, in minutes (`tzOffset` of `@date-fns/tz`), memoized per
 * UTC hour: an hour whose two ends have the same offset has it throughout (the hour of a transition is
 * asked of `Intl` at each instant). `Intl` takes about 5 µs a call, and a year's rota makes hundreds of
 * thousands of them (its shifts' night and weekend minutes, the KPIs' supplements).
 */
function zoneOffset(timeZone: string, instant: number): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  const hour = Math.floor(instant / MS_PER_HOUR);
  let offset = zone.get(hour);
  if (offset === undefined) {
    const first = tzOffset(timeZone, new Date(hour * MS_PER_HOUR));
    const last = tzOffset(timeZone, new Date(hour * MS_PER_HOUR + MS_PER_HOUR - 1));
    offset = first === last ? first : Number.NaN;
    if (zone.size >= OFFSET_CACHE_HOURS) zone.clear();
    zone.set(hour, offset);
  }
  return Number.isNaN(offset) ? tzOffset(timeZone, new Date(instant)) : offset;
}
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of an `HH:MM` time, or `undefined` when malformed. */
export function parseLocalTime(time: string): number | undefined {
  const m = TIME_RE.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/**
 * How to resolve a local wall-clock time that occurs twice (autumn) or never (spring):
 * `earlier`/`later` pick among the two instants of an ambiguous time. A non-existent time is always
 * moved forward by the length of the gap (02:30 on the spring-forward night becomes 03:30 CEST).
 */
export type AmbiguousTimePolicy = 'earlier' | 'later';

/**
 * The instant of a local date and minute-of-day (may exceed 1440 to mean following days) in a zone.
 * DST-correct: ambiguous times follow `policy` (default `earlier`), non-existent times move forward
 * by the gap.
 */
export function localToInstant(
  date: LocalDateString,
  minuteOfDay: number,
  timeZone: string = OSLO_TIME_ZONE,
  policy: AmbiguousTimePolicy = 'earlier',
): Date {
  const p = parseLocalDate(date);
  if (!p) throw new RangeError(`Not a valid local date: ${JSON.stringify(date)}`);
  const wall = Date.UTC(p.year, p.month - 1, p.day) + minuteOfDay * MS_PER_MINUTE;
  const before = zoneOffset(timeZone, wall - 14 * MS_PER_HOUR);
  const after = zoneOffset(timeZone, wall + 14 * MS_PER_HOUR);
  const candidates: number[] = [];
  for (const off of before === after ? [before] : [before, after]) {
    const t = wall - off * MS_PER_MINUTE;
    if (zoneOffset(timeZone, t) === off) candidates.push(t);
  }
  if (candidates.length === 0) return new Date(wall - before * MS_PER_MINUTE); // in a gap
  candidates.sort((a, b) => a - b);
  return new Date(policy === 'later' ? candidates[candidates.length - 1]! : candidates[0]!);
}

/** The local date and minute-of-day (0–1439) of an instant in a zone. */
export function instantToLocal(instant: Date, timeZone: string = OSLO_TIME_ZONE): { date: LocalDateString; minuteOfDay: number } {
  const local = instant.getTime() + zoneOffset(timeZone, instant.getTime()) * MS_PER_MINUTE;
  const day = Math.floor(local / 86_400_000);
  return { date: fromDayNumber(day), minuteOfDay: Math.floor((local - day * 86_400_000) / MS_PER_MINUTE) };
}

/** The length in real minutes of a local calendar day: 1440, or 1380/1500 on DST change days. */
export function localDayMinutes(date: LocalDateString, timeZone: string = OSLO_TIME_ZONE): number {
  return Math.round((localToInstant(addDays(date, 1), 0, timeZone).getTime() - localToInstant(date, 0, timeZone).getTime()) / MS_PER_MINUTE);
}

/** A shift worked on a date: its real start and end instants. */
export interface ShiftInstance {
  /** The local date the shift belongs to (the date it starts). */
  date: LocalDateString;
  /** Real start instant. */
  start: Date;
  /** Real end instant. */
  end: Date;
  /** Real elapsed minutes between start and end (a night shift over the spring change is 60 shorter). */
  minutes: number;
  /** Minutes by the wall clock (start to end as printed on the rota). */
  nominalMinutes: number;
}

/**
 * The real instants of a shift that starts at local `startTime` (`HH:MM`) on `date` and ends by the
 * wall clock `durationMinutes` later. Across the spring change a night shift 21:00–07:00 lasts 9 h;
 * across the autumn change, 11 h.
 */
export function shiftInstance(
  date: LocalDateString,
  shift: { start: string; durationMinutes: number },
  timeZone: string = OSLO_TIME_ZONE,
): ShiftInstance {
  const startMinute = parseLocalTime(shift.start);
  if (startMinute === undefined) throw new RangeError(`Not a valid local time (HH:MM): ${JSON.stringify(shift.start)}`);
  const start = localToInstant(date, startMinute, timeZone, 'earlier');
  const end = localToInstant(date, startMinute + shift.durationMinutes, timeZone, 'later');
  return {
    date,
    start,
    end,
    minutes: Math.round((end.getTime() - start.getTime()) / MS_PER_MINUTE),
    nominalMinutes: shift.durationMinutes,
  };
}

/**
 * Real minutes of the interval [start, end) that fall inside a daily local window
 * (`fromMinute` to `toMinute`, wrapping past midnight when `toMinute <= fromMinute`),
 * restricted to windows opening on dates accepted by `dateFilter`.
 */
export function minutesInDailyWindow(
  start: Date,
  end: Date,
  fromMinute: number,
  toMinute: number,
  timeZone: string = OSLO_TIME_ZONE,
  dateFilter?: (windowDate: LocalDateString) => boolean,
): number {
  if (end <= start) return 0;
  const length = toMinute > fromMinute ? toMinute - fromMinute : toMinute + 1440 - fromMinute;
  const first = dayNumber(instantToLocal(start, timeZone).date) - 1;
  const last = dayNumber(instantToLocal(end, timeZone).date);
  let total = 0;
  for (let d = first; d <= last; d++) {
    const date = fromDayNumber(d);
    if (dateFilter && !dateFilter(date)) continue;
    const ws = localToInstant(date, fromMinute, timeZone, 'earlier').getTime();
    const we = localToInstant(date, fromMinute + length, timeZone, 'later').getTime();
    const overlap = Math.min(we, end.getTime()) - Math.max(ws, start.getTime());
    if (overlap > 0) total += overlap;
  }
  return Math.round(total / MS_PER_MINUTE);
}

/** The default night window of AML § 10-11 (1): 21:00–06:00. */
export const NIGHT_WINDOW = { from: '21:00', to: '06:00' } as const;

/** Real minutes of [start, end) in the night window (default 21:00–06:00, AML § 10-11). */
export function nightMinutes(start: Date, end: Date, window: { from: string; to: string } = NIGHT_WINDOW, timeZone: string = OSLO_TIME_ZONE): number {
  const from = parseLocalTime(window.from);
  const to = parseLocalTime(window.to);
  if (from === undefined || to === undefined) throw new RangeError(`Invalid night window ${window.from}–${window.to}`);
  return minutesInDailyWindow(start, end, from, to, timeZone);
}

/** Real minutes of [start, end) on a local Saturday or Sunday (00:00–24:00). */
export function weekendMinutes(start: Date, end: Date, timeZone: string = OSLO_TIME_ZONE): number {
  return minutesInDailyWindow(start, end, 0, 0, timeZone, (d) => isoWeekdayOf(d) >= 6);
}

/**
 * Real minutes of [start, end) on a public holiday (00:00–24:00), and, with `includeSundays`, on any
 * Sunday. For the legal Sunday/holiday window of AML § 10-10 see the rota package.
 */
export function holidayMinutes(start: Date, end: Date, options: { includeSundays?: boolean } = {}, timeZone: string = OSLO_TIME_ZONE): number {
  return minutesInDailyWindow(start, end, 0, 0, timeZone, (d) => isPublicHoliday(d) || (options.includeSundays === true && isoWeekdayOf(d) === 7));
}
