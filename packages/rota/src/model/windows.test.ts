import { localToInstant } from '@omsorg/domain';
import { describe, expect, test } from 'vitest';
import { sundayHolidayPeriods } from './windows.js';

const at = (date: string, hh: number) => localToInstant(date, hh * 60);
const periodOf = (first: string, last: string, date: string) => sundayHolidayPeriods(first, last).find((p) => p.dates.includes(date));

describe('sundayHolidayPeriods (AML § 10-10 (1))', () => {
  test('given an ordinary Sunday, the window runs from 18:00 on Saturday to 22:00 on Sunday', () => {
    expect(periodOf('2025-03-03', '2025-03-09', '2025-03-09')).toEqual({ dates: ['2025-03-09'], start: at('2025-03-08', 18), end: at('2025-03-09', 22) });
  });

  test('given Easter 2025, Thursday–Friday is one period from 18:00 Wednesday, Sunday–Monday one from 15:00 on Easter Eve', () => {
    const ps = sundayHolidayPeriods('2025-04-14', '2025-04-27');
    expect(ps.map((p) => p.dates)).toEqual([['2025-04-13'], ['2025-04-17', '2025-04-18'], ['2025-04-20', '2025-04-21'], ['2025-04-27']]);
    expect(ps[1]!.start).toEqual(at('2025-04-16', 18));
    expect(ps[1]!.end).toEqual(at('2025-04-18', 22));
    expect(ps[2]!.start).toEqual(at('2025-04-19', 15));
    expect(ps[2]!.end).toEqual(at('2025-04-21', 22));
  });

  test('given Christmas 2025 and Whitsun 2025, the windows open at 15:00 on the eve', () => {
    expect(periodOf('2025-12-22', '2025-12-28', '2025-12-25')).toEqual({ dates: ['2025-12-25', '2025-12-26'], start: at('2025-12-24', 15), end: at('2025-12-26', 22) });
    expect(periodOf('2025-06-02', '2025-06-10', '2025-06-08')).toEqual({ dates: ['2025-06-08', '2025-06-09'], start: at('2025-06-07', 15), end: at('2025-06-09', 22) });
  });

  test('given 1 May 2025 (Thursday) and 17 May 2025 (Saturday), the windows open at 22:00 the day before', () => {
    expect(periodOf('2025-04-28', '2025-05-04', '2025-05-01')!.start).toEqual(at('2025-04-30', 22));
    expect(periodOf('2025-05-12', '2025-05-18', '2025-05-17')).toEqual({ dates: ['2025-05-17', '2025-05-18'], start: at('2025-05-16', 22), end: at('2025-05-18', 22) });
  });

  test('given 17 May 2026 on a Sunday, the window opens at 18:00 on Saturday like any Sunday', () => {
    expect(periodOf('2026-05-11', '2026-05-17', '2026-05-17')!.start).toEqual(at('2026-05-16', 18));
  });

  test('given the Sunday of the spring clock change (30 March 2025), the window is 27 real hours long, and 29 in autumn (26 October)', () => {
    const spring = periodOf('2025-03-24', '2025-03-30', '2025-03-30')!;
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(27);
    const autumn = periodOf('2025-10-20', '2025-10-26', '2025-10-26')!;
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(29);
  });
});
