import { dateRange, isoWeekday, type LocalDateString } from './calendar/dates.js';
import { isPublicHoliday } from './calendar/holidays.js';
import type { CompetenceRequirement, DayType, Demand } from './schemas/demand.js';
import type { Problem } from './schemas/problem.js';
import type { Employee } from './schemas/staff.js';

/** The day type of a date: `holiday` for public holidays and public days, else by weekday. */
export function dayTypeOf(date: LocalDateString): DayType {
  if (isPublicHoliday(date)) return 'holiday';
  const wd = isoWeekday(date);
  return wd === 6 ? 'saturday' : wd === 7 ? 'sunday' : 'weekday';
}

/** True when an employee counts towards a competence requirement. */
export function meetsRequirement(employee: Pick<Employee, 'role' | 'qualifications'>, requirement: CompetenceRequirement): boolean {
  if (requirement.roles && !requirement.roles.includes(employee.role)) return false;
  if (requirement.qualificationId && !employee.qualifications.includes(requirement.qualificationId)) return false;
  return true;
}

/** A demand line resolved to one date. */
export interface ResolvedDemand {
  /** Index of the date in the horizon (0 = horizon start). */
  dayIndex: number;
  date: LocalDateString;
  shiftTypeId: string;
  unitId: string | undefined;
  wardId: string | undefined;
  competence: CompetenceRequirement;
  min: number;
  preferred: number;
  max: number | undefined;
  weightUnder: number | undefined;
  weightOver: number | undefined;
  /** Index of the demand line in `problem.demand`. */
  source: number;
}

function specificity(d: Demand, date: LocalDateString): number {
  if (d.date !== undefined) return d.date === date ? 3 : -1;
  const dayType = dayTypeOf(date);
  const wd = isoWeekday(date);
  const byType = d.dayTypes?.includes(dayType) ?? false;
  const byWeekday = d.weekdays?.includes(wd) ?? false;
  if (d.dayTypes === undefined && d.weekdays === undefined) return 0;
  // A weekday filter does not match a holiday unless the line also lists `holiday`.
  if (byType) return dayType === 'holiday' ? 2 : 1;
  if (byWeekday && dayType !== 'holiday') return 1;
  return -1;
}

function competenceKey(c: CompetenceRequirement): string {
  return `${c.roles ? [...c.roles].sort().join('+') : '*'}|${c.qualificationId ?? ''}`;
}

/**
 * Resolve the problem's demand lines to one list per horizon date. For each (shift type, unit, ward,
 * competence), the most specific matching line wins (date > holiday > weekday/day type > every day).
 * A weekday-only line does not apply on a public holiday unless it also lists the `holiday` type.
 */
export function resolveDemand(problem: Pick<Problem, 'horizon' | 'demand'>): ResolvedDemand[][] {
  const dates = dateRange(problem.horizon.start, problem.horizon.days);
  return dates.map((date, dayIndex) => {
    const best = new Map<string, { line: Demand; index: number; spec: number }>();
    problem.demand.forEach((line, index) => {
      const spec = specificity(line, date);
      if (spec < 0) return;
      const key = `${line.shiftTypeId}|${line.unitId ?? ''}|${line.wardId ?? ''}|${competenceKey(line.competence)}`;
      const current = best.get(key);
      if (!current || spec > current.spec) best.set(key, { line, index, spec });
    });
    return [...best.values()]
      .sort((a, b) => a.index - b.index)
      .map(({ line, index }) => ({
        dayIndex,
        date,
        shiftTypeId: line.shiftTypeId,
        unitId: line.unitId,
        wardId: line.wardId,
        competence: line.competence,
        min: line.min,
        preferred: line.preferred ?? line.min,
        max: line.max,
        weightUnder: line.weightUnder,
        weightOver: line.weightOver,
        source: index,
      }));
  });
}
