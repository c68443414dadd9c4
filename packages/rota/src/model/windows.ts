import { addDays, isHighHolidayEve, isoWeekday, isSundayOrPublicHoliday, localToInstant, publicHolidayOn } from '@omsorg/domain';

/** A Sunday/holiday period of AML § 10-10 (1): consecutive Sundays/holidays and their legal window. */
export interface SundayHolidayPeriod {
  /** The Sundays and holidays of the period, in order. */
  dates: string[];
  /** Window start (18:00 the day before; 15:00 on Christmas, Easter and Whitsun eve; 22:00 before 1 and 17 May). */
  start: Date;
  /** Window end: 22:00 on the day before the next working day. */
  end: Date;
}

/**
 * The Sunday/holiday windows (søn- og helgedagsarbeid) of AML § 10-10 (1) that touch the dates
 * from `first` to `last`, with the rule of the 1947 act that the day before 1 and 17 May is an
 * ordinary working day until 22:00 unless it is itself a Saturday, Sunday, holiday or eve.
 */
export function sundayHolidayPeriods(first: string, last: string): SundayHolidayPeriod[] {
  const out: SundayHolidayPeriod[] = [];
  let d = addDays(first, -1);
  const stop = addDays(last, 1);
  while (d <= stop) {
    if (!isSundayOrPublicHoliday(d)) {
      d = addDays(d, 1);
      continue;
    }
    const dates: string[] = [];
    let e = d;
    while (isSundayOrPublicHoliday(e)) {
      dates.push(e);
      e = addDays(e, 1);
    }
    const eve = addDays(d, -1);
    const holiday = publicHolidayOn(d);
    let startMinute = 18 * 60;
    if (isHighHolidayEve(eve)) startMinute = 15 * 60;
    else if (holiday?.kind === 'publicDay' && isoWeekday(eve) !== 6 && isoWeekday(d) !== 7) startMinute = 22 * 60;
    out.push({
      dates,
      start: localToInstant(eve, startMinute),
      end: localToInstant(dates[dates.length - 1]!, 22 * 60),
    });
    d = e;
  }
  return out;
}
