import { addDays, dayNumber, localToInstant, minutesInDailyWindow, parseLocalTime, shiftInstance } from '@omsorg/domain';
import type { Assignment } from '../model/assignment.js';
import { type CompiledProblem, OFF } from '../model/compile.js';

/**
 * Supplement rates for the cost estimate. Configurable, not hard-coded: the defaults are
 * illustrative, set your tariff's figures. A supplement is `percent` of the hourly wage, at least
 * `minPerHour`, paid per hour in its window.
 */
export interface SupplementRates {
  /** Hourly wage per role (NOK); `default` for roles not listed. */
  hourlyWage: Partial<Record<string, number>> & { default: number };
  /** Evening supplement (kveldstillegg), window `from`–`to` local time. */
  evening: { from: string; to: string; percent: number; minPerHour: number };
  /** Night supplement (nattillegg). */
  night: { from: string; to: string; percent: number; minPerHour: number };
  /** Weekend supplement (helgetillegg), Saturday 00:00–Sunday 24:00. */
  weekend: { percent: number; minPerHour: number };
  /** Holiday supplement (helligdagstillegg) for hours in a Sunday/holiday window of AML § 10-10. */
  holiday: { percent: number; minPerHour: number };
}

/** Illustrative supplement rates (NOK, 2026 level); replace with the local agreement's figures. */
export const DEFAULT_SUPPLEMENTS: SupplementRates = {
  hourlyWage: { default: 290, nurse: 330, socialEducator: 330, healthWorker: 290, assistant: 250, serviceWorker: 240, student: 230 },
  evening: { from: '17:00', to: '21:00', percent: 0, minPerHour: 60 },
  night: { from: '21:00', to: '06:00', percent: 25, minPerHour: 70 },
  weekend: { percent: 0, minPerHour: 60 },
  holiday: { percent: 33.3, minPerHour: 0 },
};

/** Options for {@link computeKpis}. */
export interface KpiOptions {
  /** Supplement rates for the cost estimate. */
  supplements?: SupplementRates;
}

/** Key figures of one employee. */
export interface EmployeeKpis {
  /** Employee id. */
  employeeId: string;
  /** Stillingsprosent (sum of positions). */
  positionPercent: number;
  /** Planned working minutes. */
  plannedMinutes: number;
  /** Contracted minutes (positions × weekly norm, absences removed). */
  contractedMinutes: number;
  /** planned − contracted. */
  balanceMinutes: number;
  /** Minutes worked Saturday 00:00–Monday 00:00 (helgetimer). */
  weekendMinutes: number;
  /** Weekends with any work. */
  workedWeekends: number;
  /** Night shifts (more than 3 h in 21:00–06:00). */
  nights: number;
  /** Shifts touching a Sunday/holiday window. */
  sundayHolidayShifts: number;
  /** Long shifts (langvakter). */
  longShifts: number;
  /** Estimated cost (wage + supplements), NOK. */
  cost: number;
}

/** Key figures of a rota. */
export interface RotaKpis {
  /** Number of employees. */
  employees: number;
  /** Stillingssnitt: mean position size, %, each employee weighted by the share of the horizon they are employed. */
  averagePositionPercent: number;
  /** Share of employees in full-time positions (heltid), 0–1, weighted like the mean position size. */
  fullTimeShare: number;
  /** Årsverk: full-time equivalents over the horizon (a position counts for the days it runs). */
  fte: number;
  /** Residents served (wards' residents, else residents listed). */
  residents: number;
  /** Bemanningsfaktor: FTE per resident (0 when residents are unknown). */
  staffingRatio: number;
  /** Planned working hours in total. */
  plannedHours: number;
  /** Contracted hours in total. */
  contractedHours: number;
  /** Estimated cost of the rota (wage + supplements), NOK. */
  cost: number;
  /** Supplement cost alone, NOK. */
  supplementCost: number;
  /** Per employee. */
  perEmployee: EmployeeKpis[];
}

/** Compute the KPIs of an assignment. */
export function computeKpis(model: CompiledProblem, a: Assignment, options: KpiOptions = {}): RotaKpis {
  const rates = options.supplements ?? DEFAULT_SUPPLEMENTS;
  const { problem, days, shifts, optionShift } = model;
  const eveFrom = parseLocalTime(rates.evening.from) ?? 17 * 60;
  const eveTo = parseLocalTime(rates.evening.to) ?? 21 * 60;
  const nightFrom = parseLocalTime(rates.night.from) ?? 21 * 60;
  const nightTo = parseLocalTime(rates.night.to) ?? 6 * 60;
  const evening = new Int32Array(days * shifts);
  const nightSupp = new Int32Array(days * shifts);
  // A shift's evening and night minutes depend on its date only across a change of UTC offset (DST):
  // a shift of at most a day whose windows (the day before it to three days after) see one offset has
  // the minutes of its shift type at that offset. The rest are computed; a year has a few such days.
  const utcOffset = (i: number) => {
    const date = addDays(model.dates[0]!, i - 1);
    return dayNumber(date) * 86_400_000 - localToInstant(date, 0).getTime();
  };
  const offsets = days > 0 ? Float64Array.from({ length: days + 4 }, (_, i) => utcOffset(i)) : new Float64Array(0);
  const steady = new Map<string, readonly [number, number]>();
  for (let d = 0; d < days; d++) {
    for (let s = 0; s < shifts; s++) {
      const k = d * shifts + s;
      const key = offsets[d] === offsets[d + 4] && model.end[k]! - model.start[k]! <= 1440 ? `${s}:${offsets[d]}` : undefined;
      let minutes = key === undefined ? undefined : steady.get(key);
      if (!minutes) {
        const inst = shiftInstance(model.dates[d]!, problem.shiftTypes[s]!);
        minutes = [minutesInDailyWindow(inst.start, inst.end, eveFrom, eveTo), minutesInDailyWindow(inst.start, inst.end, nightFrom, nightTo)];
        if (key !== undefined) steady.set(key, minutes);
      }
      evening[k] = minutes[0];
      nightSupp[k] = minutes[1];
    }
  }
  const supplement = (wage: number, minutes: number, r: { percent: number; minPerHour: number }) => (minutes / 60) * Math.max((wage * r.percent) / 100, r.minPerHour);

  let supplementCost = 0;
  const perEmployee: EmployeeKpis[] = problem.employees.map((emp, e) => {
    const wage = rates.hourlyWage[emp.role] ?? rates.hourlyWage.default;
    let planned = 0;
    let weekendMinutes = 0;
    let nights = 0;
    let sh = 0;
    let long = 0;
    let cost = 0;
    const weekends = new Set<number>();
    for (let d = 0; d < days; d++) {
      const o = a[e * days + d]!;
      if (o === OFF) continue;
      const k = d * shifts + optionShift[o]!;
      const st = problem.shiftTypes[optionShift[o]!]!;
      planned += model.work[k]!;
      weekendMinutes += model.weekend[k]!;
      if (model.weekend[k]! > 0) weekends.add(Math.floor((d + 7 - model.weekday[d]!) / 7));
      if (model.night[k]! > 180) nights++;
      if (model.sundayHoliday[k]! > 0) sh++;
      if (st.labels.includes('long')) long++;
      const supp =
        supplement(wage, evening[k]!, rates.evening) +
        supplement(wage, nightSupp[k]!, rates.night) +
        supplement(wage, model.weekend[k]!, rates.weekend) +
        supplement(wage, model.sundayHoliday[k]!, rates.holiday);
      supplementCost += supp;
      cost += (model.work[k]! / 60) * wage + supp;
    }
    return {
      employeeId: emp.id,
      positionPercent: model.percent[e]!,
      plannedMinutes: planned,
      contractedMinutes: Math.round(model.contracted[e]!),
      balanceMinutes: Math.round(planned - model.contracted[e]!),
      weekendMinutes,
      workedWeekends: weekends.size,
      nights,
      sundayHolidayShifts: sh,
      longShifts: long,
      cost: Math.round(cost),
    };
  });
  const n = problem.employees.length;
  // Each employee counts by the share of the horizon they are employed: a summer temp (sommervikar)
  // for ten weeks is a fifth of an årsverk at 100 %, not a whole one.
  const share = problem.employees.map((_, e) => {
    let employed = 0;
    for (let d = 0; d < days; d++) employed += model.employed[e * days + d]!;
    return days === 0 ? 0 : employed / days;
  });
  const totalShare = share.reduce((s, x) => s + x, 0);
  const totalPercent = perEmployee.reduce((s, x, e) => s + x.positionPercent * share[e]!, 0);
  const fte = totalPercent / 100;
  const wardResidents = problem.wards.reduce((s, w) => s + (w.residents ?? 0), 0);
  const residents = wardResidents > 0 ? wardResidents : problem.residents.length;
  return {
    employees: n,
    averagePositionPercent: totalShare === 0 ? 0 : totalPercent / totalShare,
    fullTimeShare: totalShare === 0 ? 0 : perEmployee.reduce((s, x, e) => s + (x.positionPercent >= 100 ? share[e]! : 0), 0) / totalShare,
    fte,
    residents,
    staffingRatio: residents > 0 ? fte / residents : 0,
    plannedHours: perEmployee.reduce((s, x) => s + x.plannedMinutes, 0) / 60,
    contractedHours: perEmployee.reduce((s, x) => s + x.contractedMinutes, 0) / 60,
    cost: perEmployee.reduce((s, x) => s + x.cost, 0),
    supplementCost: Math.round(supplementCost),
    perEmployee,
  };
}
