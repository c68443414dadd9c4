import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
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

  // The offsets are memoized per UTC hour; zones whose changes fall within an hour (Lord Howe's
  // half-hour DST at 02:00 local = 15:30Z, Chatham at 02:45 local) and odd offsets must still match Intl.
  const zones = ['Europe/Oslo', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu', 'UTC'];
  const instants = fc.oneof(
    fc.integer({ min: Date.UTC(1975, 0, 1), max: Date.UTC(2060, 0, 1) }),
    // Near the hour and half-hour boundaries, where changes happen.
    fc.tuple(fc.integer({ min: Date.UTC(1990, 0, 1) / 1_800_000, max: Date.UTC(2050, 0, 1) / 1_800_000 }), fc.integer({ min: -2, max: 2 })).map(([h, ms]) => h * 1_800_000 + ms),
  );
  it('gives every instant, in zones with odd offsets and changes within an hour, the local time Intl gives', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instants, (zone, t) => {
        const local = t + tzOffset(zone, new Date(t)) * 60_000;
        const day = Math.floor(local / 86_400_000);
        expect(instantToLocal(new Date(t), zone)).toEqual({ date: fromDayNumber(day), minuteOfDay: Math.floor((local - day * 86_400_000) / 60_000) });
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the instants around every change of offset in 2024–2026 the local time Intl gives', () => {
    let checked = 0;
    for (const zone of zones) {
      for (let h = Date.UTC(2024, 0, 1) / 3_600_000; h < Date.UTC(2027, 0, 1) / 3_600_000; h++) {
        const t0 = h * 3_600_000;
        if (tzOffset(zone, new Date(t0)) === tzOffset(zone, new Date(t0 + 3_600_000))) continue;
        // The change's instant, to the minute, and instants on both sides of it.
        let lo = t0;
        let hi = t0 + 3_600_000;
        while (hi - lo > 60_000) {
          const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
          if (tzOffset(zone, new Date(mid)) === tzOffset(zone, new Date(t0))) lo = mid;
          else hi = mid;
        }
        for (const t of [t0, lo - 1, lo, hi - 1, hi, hi + 1, hi + 60_000, hi + 29 * 60_000, t0 + 3_599_999]) {
          const local = t + tzOffset(zone, new Date(t)) * 60_000;
          const day = Math.floor(local / 86_400_000);
          expect(instantToLocal(new Date(t), zone), `${zone} ${new Date(t).toISOString()}`).toEqual({ date: fromDayNumber(day), minuteOfDay: Math.floor((local - day * 86_400_000) / 60_000) });
          checked++;
        }
      }
    }
    // Oslo, Lord Howe, Chatham and St John's change twice a year; Kathmandu and UTC never.
    expect(checked).toBe(4 * 3 * 2 * 9);
  });

  it('maps every local minute back to an instant that shows it, except in a gap (moved forward by it)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2050-01-01') }), fc.integer({ min: 0, max: 1439 }), (zone, day, minute) => {
        const date = fromDayNumber(day);
        for (const policy of ['earlier', 'later'] as const) {
          const back = instantToLocal(localToInstant(date, minute, zone, policy), zone);
          const wall = day * 1440 + minute;
          const shown = dayNumber(back.date) * 1440 + back.minuteOfDay;
          // A local time that exists comes back as itself; one in a gap comes back later by the gap (at most an hour).
          expect(shown - wall).toBeGreaterThanOrEqual(0);
          expect(shown - wall).toBeLessThanOrEqual(60);
        }
      }),
      { numRuns: 2000 },
    );
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
