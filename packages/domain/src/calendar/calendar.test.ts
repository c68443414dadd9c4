import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateRange,
  dayNumber,
  easterSunday,
  fromDayNumber,
  holidayMinutes,
  instantToLocal,
  isHighHolidayEve,
  isLocalDate,
  isoWeek,
  isoWeekday,
  isPublicHoliday,
  isSundayOrPublicHoliday,
  localDayMinutes,
  localToInstant,
  nightMinutes,
  publicHolidays,
  shiftInstance,
  weekendMinutes,
} from '../index.js';

describe('Easter and public holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
    [1900, '1900-04-15'],
    [2000, '2000-04-23'],
    [2200, '2200-04-06'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('lists the twelve Norwegian public holidays of 2026 in date order', () => {
    expect(publicHolidays(2026).map((h) => `${h.date} ${h.name.nb}`)).toEqual([
      '2026-01-01 1. nyttårsdag',
      '2026-04-02 Skjærtorsdag',
      '2026-04-03 Langfredag',
      '2026-04-05 1. påskedag',
      '2026-04-06 2. påskedag',
      '2026-05-01 1. mai',
      '2026-05-14 Kristi himmelfartsdag',
      '2026-05-17 17. mai',
      '2026-05-24 1. pinsedag',
      '2026-05-25 2. pinsedag',
      '2026-12-25 1. juledag',
      '2026-12-26 2. juledag',
    ]);
  });

  it('rejects years outside 1900–2200', () => {
    expect(() => easterSunday(1899)).toThrow(RangeError);
    expect(() => publicHolidays(2201)).toThrow(RangeError);
  });

  it('knows Sundays, holidays and the high-holiday eves of AML § 10-10', () => {
    expect(isPublicHoliday('2025-05-29')).toBe(true); // Ascension 2025
    expect(isPublicHoliday('2025-05-30')).toBe(false);
    expect(isSundayOrPublicHoliday('2025-03-02')).toBe(true);
    expect(isSundayOrPublicHoliday('2025-03-03')).toBe(false);
    expect(isHighHolidayEve('2025-12-24')).toBe(true);
    expect(isHighHolidayEve('2025-04-19')).toBe(true); // Easter eve
    expect(isHighHolidayEve('2025-06-07')).toBe(true); // Whitsun eve
    expect(isHighHolidayEve('2025-12-31')).toBe(false);
  });
});

describe('local dates', () => {
  it('does calendar arithmetic without a time zone', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(fromDayNumber(dayNumber('2026-11-23'))).toBe('2026-11-23');
    expect(dateRange('2025-12-30', 3)).toEqual(['2025-12-30', '2025-12-31', '2026-01-01']);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2024-02-29')).toBe(true);
  });

  it('gives ISO weekdays and week numbers', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeek('2026-11-23')).toEqual({ year: 2026, week: 48 });
  });
});

describe('Europe/Oslo instants across DST', () => {
  it('has 23 h and 25 h days at the changes', () => {
    expect(localDayMinutes('2025-03-30')).toBe(23 * 60);
    expect(localDayMinutes('2025-10-26')).toBe(25 * 60);
    expect(localDayMinutes('2026-03-29')).toBe(23 * 60);
    expect(localDayMinutes('2026-10-25')).toBe(25 * 60);
    expect(localDayMinutes('2026-06-01')).toBe(24 * 60);
  });

  it('resolves non-existent and ambiguous local times on purpose', () => {
    // 02:30 does not exist on 2025-03-30; it moves forward by the gap to 03:30 CEST = 01:30Z.
    expect(localToInstant('2025-03-30', 150).toISOString()).toBe('2025-03-30T01:30:00.000Z');
    // 02:30 occurs twice on 2025-10-26: 00:30Z (CEST) and 01:30Z (CET).
    expect(localToInstant('2025-10-26', 150, 'Europe/Oslo', 'earlier').toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(localToInstant('2025-10-26', 150, 'Europe/Oslo', 'later').toISOString()).toBe('2025-10-26T01:30:00.000Z');
    expect(instantToLocal(new Date('2025-07-01T05:00:00Z'))).toEqual({ date: '2025-07-01', minuteOfDay: 7 * 60 });
  });

  const night = { start: '21:30', durationMinutes: 600 };
  it.each([
    ['2025-03-29', 540],
    ['2025-10-25', 660],
    ['2026-03-28', 540],
    ['2026-10-24', 660],
    ['2026-06-13', 600],
  ])('a 21:30–07:30 night shift starting %s lasts %i real minutes', (date, minutes) => {
    expect(shiftInstance(date, night).minutes).toBe(minutes);
    expect(shiftInstance(date, night).nominalMinutes).toBe(600);
  });

  it('starts a day shift at 07:00 local time summer and winter', () => {
    expect(shiftInstance('2026-01-12', { start: '07:00', durationMinutes: 480 }).start.toISOString()).toBe('2026-01-12T06:00:00.000Z');
    expect(shiftInstance('2026-07-13', { start: '07:00', durationMinutes: 480 }).start.toISOString()).toBe('2026-07-13T05:00:00.000Z');
  });
});

describe('night, weekend and holiday minutes', () => {
  it('counts night minutes (21–06) of a night shift, DST-correct', () => {
    const s = shiftInstance('2026-06-10', { start: '21:30', durationMinutes: 600 });
    expect(nightMinutes(s.start, s.end)).toBe(510); // 21:30–06:00
    const spring = shiftInstance('2026-03-28', { start: '21:30', durationMinutes: 600 });
    expect(nightMinutes(spring.start, spring.end)).toBe(450);
    const autumn = shiftInstance('2026-10-24', { start: '21:30', durationMinutes: 600 });
    expect(nightMinutes(autumn.start, autumn.end)).toBe(570);
    const evening = shiftInstance('2026-06-10', { start: '14:30', durationMinutes: 480 });
    expect(nightMinutes(evening.start, evening.end)).toBe(90); // 21:00–22:30
    expect(nightMinutes(evening.start, evening.end, { from: '20:00', to: '06:00' })).toBe(150);
  });

  it('counts weekend minutes from Saturday 00:00 to Monday 00:00', () => {
    const fri = shiftInstance('2026-11-27', { start: '21:30', durationMinutes: 600 }); // Fri night
    expect(weekendMinutes(fri.start, fri.end)).toBe(450);
    const sun = shiftInstance('2026-11-29', { start: '21:30', durationMinutes: 600 }); // Sun night
    expect(weekendMinutes(sun.start, sun.end)).toBe(150);
  });

  it('counts holiday minutes, with Sundays on request', () => {
    const eve = shiftInstance('2026-12-24', { start: '14:30', durationMinutes: 600 });
    expect(holidayMinutes(eve.start, eve.end)).toBe(30);
    const sun = shiftInstance('2026-11-29', { start: '07:00', durationMinutes: 480 });
    expect(holidayMinutes(sun.start, sun.end)).toBe(0);
    expect(holidayMinutes(sun.start, sun.end, { includeSundays: true })).toBe(480);
  });
});
