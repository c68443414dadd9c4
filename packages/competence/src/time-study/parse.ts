import { type DomainIssue, IdSchema, LocalDateSchema, ROLE_NAMES, ROLES, type Role, RoleSchema } from '@omsorg/domain';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Catalogue } from '../catalogue/schema.js';
import { issue } from '../errors.js';

/**
 * One row of a time study (tidsstudie / oppgavekartlegging): someone of a role spent `minutes` on a
 * task. `employeeId`, `unitId`, `teamId` and `date` are optional; without `unitId`/`teamId` a row
 * counts only in the overall figures.
 */
export const TimeStudyRowSchema = z.object({
  employeeId: IdSchema.optional(),
  role: RoleSchema,
  unitId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  date: LocalDateSchema.optional(),
  taskId: IdSchema,
  minutes: z.number().positive().max(24 * 60),
});
/** A time-study row. */
export type TimeStudyRow = z.infer<typeof TimeStudyRowSchema>;

/** Result of parsing a time study: the good rows, and an issue for every bad one. */
export interface TimeStudyParseResult {
  rows: TimeStudyRow[];
  issues: DomainIssue[];
}

/** Options of the time-study parsers. */
export interface TimeStudyParseOptions {
  /** When given, a task id the catalogue does not know is an issue and the row is dropped. */
  catalogue?: Catalogue;
}

/** A column of a time study (a field of {@link TimeStudyRow}). */
export type TimeStudyField = keyof TimeStudyRow;
type Field = TimeStudyField;

/** Column names accepted in CSV headers (case-insensitive), English and Norwegian. */
export const TIME_STUDY_COLUMNS: Readonly<Record<TimeStudyField, readonly string[]>> = {
  employeeId: ['employeeid', 'employee', 'ansatt', 'ansattid'],
  role: ['role', 'rolle'],
  unitId: ['unitid', 'unit', 'enhet'],
  teamId: ['teamid', 'team'],
  date: ['date', 'dato'],
  taskId: ['taskid', 'task', 'oppgave', 'oppgaveid'],
  minutes: ['minutes', 'minutter', 'min'],
};

const FIELD_NAMES: Readonly<Record<Field, { nb: string; en: string }>> = {
  employeeId: { nb: 'ansatt', en: 'employee' },
  role: { nb: 'rolle', en: 'role' },
  unitId: { nb: 'enhet', en: 'unit' },
  teamId: { nb: 'team', en: 'team' },
  date: { nb: 'dato', en: 'date' },
  taskId: { nb: 'oppgave', en: 'task' },
  minutes: { nb: 'minutter', en: 'minutes' },
};

const ROLE_BY_NAME = new Map<string, Role>(ROLES.flatMap((r) => [[r.toLowerCase(), r] as const, [ROLE_NAMES[r].nb.toLowerCase(), r] as const, [ROLE_NAMES[r].en.toLowerCase(), r] as const]));

/** A role from an English id (`nurse`), English name or Norwegian name (`sykepleier`), any case. */
export function roleFromName(name: string): Role | undefined {
  return ROLE_BY_NAME.get(name.trim().toLowerCase());
}

function checkRow(candidate: Record<string, unknown>, path: (string | number)[], options: TimeStudyParseOptions, issues: DomainIssue[]): TimeStudyRow | undefined {
  const parsed = TimeStudyRowSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const field = String(i.path[0] ?? '');
      const name = FIELD_NAMES[field as Field] ?? { nb: field, en: field };
      const value = candidate[field];
      const shown = value === undefined ? '' : ` «${String(value)}»`;
      const shownEn = value === undefined ? '' : ` "${String(value)}"`;
      issues.push(
        value === undefined
          ? issue('MISSING_VALUE', [...path, field], `Mangler ${name.nb}`, `Missing ${name.en}`)
          : issue('INVALID_VALUE', [...path, field], `Ugyldig ${name.nb}${shown}: ${i.message}`, `Invalid ${name.en}${shownEn}: ${i.message}`),
      );
    }
    return undefined;
  }
  if (options.catalogue && !options.catalogue.tasks.some((t) => t.id === parsed.data.taskId)) {
    issues.push(issue('UNKNOWN_REFERENCE', [...path, 'taskId'], `Ukjent oppgave «${parsed.data.taskId}»`, `Unknown task "${parsed.data.taskId}"`));
    return undefined;
  }
  return parsed.data;
}

function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * Parse a time study from CSV (comma, semicolon or tab separated, as Excel writes it in Norway; a
 * header row names the columns, see {@link TIME_STUDY_COLUMNS}). Roles may be given in Norwegian,
 * minutes with a decimal comma. Every bad row becomes an issue at `['rows', line, column]` (`line` is
 * the 1-based line in the file) and is left out; a file that cannot be read at all gives one issue.
 * Never throws.
 */
export function parseTimeStudyCsv(text: string, options: TimeStudyParseOptions = {}): TimeStudyParseResult {
  const issues: DomainIssue[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (err) issues.push(issue('UNREADABLE_ROW', ['rows', Number(err.lines)], `Raden kan ikke leses: ${err.message}`, `The row cannot be read: ${err.message}`));
        return undefined;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const line = typeof err === 'object' && err !== null && 'lines' in err && typeof err.lines === 'number' ? err.lines : 0;
    return { rows: [], issues: [...issues, issue('UNREADABLE_CSV', ['rows', line], `Filen kan ikke leses som CSV: ${message}`, `The file cannot be read as CSV: ${message}`)] };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], issues: [...issues, issue('EMPTY_FILE', [], 'Filen er tom', 'The file is empty')] };
  const columns = new Map<number, Field>();
  header.record.forEach((name, index) => {
    const key = name.toLowerCase().replace(/[\s_-]/g, '');
    const field = (Object.keys(TIME_STUDY_COLUMNS) as Field[]).find((f) => TIME_STUDY_COLUMNS[f].includes(key));
    if (field) columns.set(index, field);
  });
  for (const required of ['role', 'taskId', 'minutes'] as const) {
    if (![...columns.values()].includes(required)) {
      issues.push(issue('MISSING_COLUMN', ['header', required], `Kolonnen «${required}» mangler`, `Column "${required}" is missing`));
    }
  }
  if (issues.some((i) => i.code === 'MISSING_COLUMN')) return { rows: [], issues };
  const rows: TimeStudyRow[] = [];
  for (const { record, info } of body) {
    const candidate: Record<string, unknown> = {};
    columns.forEach((field, index) => {
      const value = record[index];
      if (value === undefined || value === '') return;
      if (field === 'minutes') candidate[field] = /^-?\d+([.,]\d+)?$/.test(value) ? Number(value.replace(',', '.')) : value;
      else if (field === 'role') candidate[field] = roleFromName(value) ?? value;
      else candidate[field] = value;
    });
    const row = checkRow(candidate, ['rows', info.lines], options, issues);
    if (row) rows.push(row);
  }
  return { rows, issues };
}

/**
 * Parse a time study from JSON: an array of rows, or `{ rows: [...] }`. Roles may be Norwegian names.
 * Every bad row becomes an issue at `['rows', index, field]` and is left out. Never throws.
 */
export function parseTimeStudyJson(input: unknown, options: TimeStudyParseOptions = {}): TimeStudyParseResult {
  const list = Array.isArray(input) ? input : typeof input === 'object' && input !== null && 'rows' in input && Array.isArray(input.rows) ? (input.rows as unknown[]) : undefined;
  if (!list) return { rows: [], issues: [issue('INVALID_VALUE', [], 'Forventet en liste med rader eller { rows: [...] }', 'Expected a list of rows or { rows: [...] }')] };
  const issues: DomainIssue[] = [];
  const rows: TimeStudyRow[] = [];
  list.forEach((raw, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      issues.push(issue('INVALID_VALUE', ['rows', i], 'Raden må være et objekt', 'The row must be an object'));
      return;
    }
    const candidate: Record<string, unknown> = { ...raw };
    if (typeof candidate.role === 'string') candidate.role = roleFromName(candidate.role) ?? candidate.role;
    const row = checkRow(candidate, ['rows', i], options, issues);
    if (row) rows.push(row);
  });
  return { rows, issues };
}
