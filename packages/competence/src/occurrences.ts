import {
  addDays,
  type DomainIssue,
  dateRange,
  fromZodIssues,
  isLocalDate,
  isoWeekday,
  type LocalDateString,
  localToInstant,
  parseLocalTime,
  type Resident,
  ResidentSchema,
  type ServiceDecision,
  ServiceDecisionSchema,
  type ServiceSchedule,
  startOfIsoWeek,
} from '@omsorg/domain';
import { z } from 'zod';
import type { Catalogue } from './catalogue/schema.js';
import { CompetenceError, issue } from './errors.js';

/** A period of local dates: `days` dates from `start`. */
export interface Period {
  /** First date, `YYYY-MM-DD`. */
  start: LocalDateString;
  /** Number of dates. */
  days: number;
}

/**
 * One timed task (oppgaveforekomst) for one resident: when it should be done (`scheduledAt`), the
 * window it may be done in, how long it takes and how many staff it needs at once. Instants are ISO
 * strings in UTC, computed in Europe/Oslo across DST.
 */
export const TaskOccurrenceSchema = z.object({
  /** Stable id: decision, service index, date and time. */
  id: z.string().min(1),
  decisionId: z.string().min(1),
  residentId: z.string().min(1),
  taskId: z.string().min(1),
  /** The local date the task is scheduled on. */
  date: z.string(),
  /** The local scheduled time `HH:MM` (a time that does not exist on a spring-forward night moves forward). */
  time: z.string(),
  /** Scheduled start instant. */
  scheduledAt: z.iso.datetime(),
  /** Earliest start instant (`scheduledAt` − window). */
  earliestStart: z.iso.datetime(),
  /** Latest start instant (`scheduledAt` + window). */
  latestStart: z.iso.datetime(),
  durationMinutes: z.number().int().min(1),
  /** Staff needed at once (two for a lift). */
  staff: z.number().int().min(1),
  unitId: z.string().min(1),
  wardId: z.string().optional(),
  teamId: z.string().optional(),
});
/** A timed task occurrence. */
export type TaskOccurrence = z.infer<typeof TaskOccurrenceSchema>;

/** Input of {@link expandServiceDecisions}. */
export interface ExpandInput {
  /** Service decisions (tjenestevedtak), as input; each is validated. */
  decisions: readonly unknown[];
  /** Residents or clients the decisions refer to; each is validated. */
  residents: readonly unknown[];
  catalogue: Catalogue;
  period: Period;
}

/** Result of {@link expandServiceDecisions}: occurrences sorted by time, and issues with paths. */
export interface ExpandResult {
  occurrences: TaskOccurrence[];
  issues: DomainIssue[];
}

/** Staff-minutes of an occurrence: duration × staff. */
export function occurrenceMinutes(o: Pick<TaskOccurrence, 'durationMinutes' | 'staff'>): number {
  return o.durationMinutes * o.staff;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The (date, time) slots a schedule asks for on the dates in `dates`. `timesPerWeek` spreads the count
 * evenly over each ISO week, starting on a weekday derived from `spreadKey` so that, say, showers of
 * different residents do not all land on Monday; a week cut by the period keeps only its slots inside.
 */
export function scheduleSlots(schedule: ServiceSchedule, dates: readonly LocalDateString[], spreadKey: string): { date: LocalDateString; time: string }[] {
  const out: { date: LocalDateString; time: string }[] = [];
  if (schedule.kind === 'daily' || schedule.kind === 'weekly') {
    for (const date of dates) {
      if (schedule.kind === 'weekly' && !schedule.weekdays.includes(isoWeekday(date))) continue;
      for (const time of schedule.times) out.push({ date, time });
    }
    return out;
  }
  const inPeriod = new Set(dates);
  const offset = hash(spreadKey) % 7;
  const weeks = [...new Set(dates.map(startOfIsoWeek))];
  for (const monday of weeks) {
    for (let i = 0; i < schedule.count; i++) {
      const date = addDays(monday, (Math.floor((i * 7) / schedule.count) + offset) % 7);
      if (inPeriod.has(date)) out.push({ date, time: schedule.times[i % schedule.times.length]! });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

/**
 * Expand service decisions into timed task occurrences over a period (DST-correct, via
 * `localToInstant`). A decision counts on the dates of its validity inside the period. Invalid
 * decisions, unknown residents and unknown tasks become issues at `['decisions', i, …]`; the rest is
 * still expanded. Never throws for bad data; a malformed period (the caller's argument, not data) throws
 * {@link CompetenceError} `INVALID_PERIOD`.
 */
export function expandServiceDecisions(input: ExpandInput): ExpandResult {
  const { start, days } = input.period;
  if (!isLocalDate(start) || !Number.isInteger(days) || days < 1 || days > 3 * 366) {
    throw new CompetenceError('INVALID_PERIOD', `Period must start on a date YYYY-MM-DD and last 1–1098 days, got ${JSON.stringify(input.period)}`, { details: { start, days } });
  }
  const issues: DomainIssue[] = [];
  const residents = new Map<string, Resident>();
  input.residents.forEach((raw, i) => {
    const parsed = ResidentSchema.safeParse(raw);
    if (!parsed.success) {
      for (const x of fromZodIssues(parsed.error.issues)) issues.push({ ...x, path: ['residents', i, ...x.path] });
      return;
    }
    residents.set(parsed.data.id, parsed.data);
  });
  const tasks = new Map(input.catalogue.tasks.map((t) => [t.id, t]));
  const periodDates = dateRange(input.period.start, input.period.days);
  // Many residents share times: compute each (date, minute, policy) instant once.
  const instants = new Map<string, string>();
  const instant = (date: LocalDateString, minute: number, policy: 'earlier' | 'later') => {
    const key = `${date}|${minute}|${policy}`;
    let iso = instants.get(key);
    if (iso === undefined) {
      iso = localToInstant(date, minute, undefined, policy).toISOString();
      instants.set(key, iso);
    }
    return iso;
  };
  const occurrences: TaskOccurrence[] = [];
  const seen = new Map<string, number>();
  const uniqueId = (base: string) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}~${n}`;
  };

  input.decisions.forEach((raw, i) => {
    const parsed = ServiceDecisionSchema.safeParse(raw);
    if (!parsed.success) {
      for (const x of fromZodIssues(parsed.error.issues)) issues.push({ ...x, path: ['decisions', i, ...x.path] });
      return;
    }
    const decision: ServiceDecision = parsed.data;
    const resident = residents.get(decision.residentId);
    if (!resident) {
      issues.push(issue('UNKNOWN_REFERENCE', ['decisions', i, 'residentId'], `Ukjent beboer «${decision.residentId}»`, `Unknown resident "${decision.residentId}"`));
      return;
    }
    const dates = periodDates.filter((d) => d >= decision.validFrom && (decision.validTo === undefined || d <= decision.validTo));
    decision.services.forEach((service, j) => {
      const task = tasks.get(service.taskId);
      if (!task) {
        issues.push(issue('UNKNOWN_REFERENCE', ['decisions', i, 'services', j, 'taskId'], `Ukjent oppgave «${service.taskId}»`, `Unknown task "${service.taskId}"`));
        return;
      }
      const durationMinutes = service.durationMinutes ?? task.typicalDurationMinutes;
      for (const { date, time } of scheduleSlots(service.schedule, dates, `${decision.id}|${j}`)) {
        const minute = parseLocalTime(time)!;
        occurrences.push({
          id: uniqueId(`${decision.id}#${j}@${date}T${time}`),
          decisionId: decision.id,
          residentId: resident.id,
          taskId: task.id,
          date,
          time,
          scheduledAt: instant(date, minute, 'earlier'),
          earliestStart: instant(date, minute - service.windowMinutes, 'earlier'),
          latestStart: instant(date, minute + service.windowMinutes, 'later'),
          durationMinutes,
          staff: service.staff,
          unitId: resident.unitId,
          ...(resident.wardId !== undefined ? { wardId: resident.wardId } : {}),
          ...(resident.teamId !== undefined ? { teamId: resident.teamId } : {}),
        });
      }
    });
  });
  occurrences.sort((a, b) => (a.scheduledAt < b.scheduledAt ? -1 : a.scheduledAt > b.scheduledAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { occurrences, issues };
}
