import { type DomainIssue, fromZodIssues, IdSchema, QualificationSchema, ROLE_LEVEL, ROLE_NAMES, TaskSchema } from '@omsorg/domain';
import { z } from 'zod';
import { CompetenceError, issue } from '../errors.js';

/**
 * A task catalogue (oppgavekatalog): the procedure qualifications and the tasks with the competence
 * each needs. A municipality starts from {@link defaultCatalogue} and edits it.
 */
export const CatalogueSchema = z.object({
  /** A label for the edition, e.g. `default-2026` or `grimstad-2027-01`. */
  id: IdSchema,
  qualifications: z.array(QualificationSchema).default([]),
  tasks: z.array(TaskSchema).min(1),
});
/** A task catalogue (validated, defaults applied). */
export type Catalogue = z.infer<typeof CatalogueSchema>;
/** A task catalogue as written in input. */
export type CatalogueInput = z.input<typeof CatalogueSchema>;

/** Result of {@link safeParseCatalogue}. */
export type ParseCatalogueResult = { ok: true; catalogue: Catalogue; issues: DomainIssue[] } | { ok: false; catalogue?: undefined; issues: DomainIssue[] };

/**
 * Consistency checks on a schema-valid catalogue: duplicate ids, unknown qualifications, delegation
 * without a qualification or to a role that is not below the task's minimum. Never throws.
 */
export function checkCatalogue(catalogue: Catalogue): DomainIssue[] {
  const out: DomainIssue[] = [];
  const quals = new Set<string>();
  catalogue.qualifications.forEach((q, i) => {
    if (quals.has(q.id)) out.push(issue('DUPLICATE_ID', ['qualifications', i, 'id'], `Kvalifikasjonen «${q.id}» finnes flere ganger`, `Qualification "${q.id}" occurs more than once`));
    quals.add(q.id);
  });
  const tasks = new Set<string>();
  catalogue.tasks.forEach((t, i) => {
    if (tasks.has(t.id)) out.push(issue('DUPLICATE_ID', ['tasks', i, 'id'], `Oppgaven «${t.id}» finnes flere ganger`, `Task "${t.id}" occurs more than once`));
    tasks.add(t.id);
    if (t.qualificationId !== undefined && !quals.has(t.qualificationId)) {
      out.push(issue('UNKNOWN_REFERENCE', ['tasks', i, 'qualificationId'], `Ukjent kvalifikasjon «${t.qualificationId}»`, `Unknown qualification "${t.qualificationId}"`));
    }
    if (t.delegable && t.qualificationId === undefined) {
      out.push(issue('DELEGATION_WITHOUT_QUALIFICATION', ['tasks', i, 'qualificationId'], 'En delegerbar oppgave må ha en kvalifikasjon', 'A delegable task needs a qualification'));
    }
    if (t.delegable && t.delegableTo === undefined) {
      out.push(issue('DELEGATION_WITHOUT_ROLE', ['tasks', i, 'delegableTo'], 'En delegerbar oppgave må si hvilken rolle den kan delegeres til', 'A delegable task must name the role it may be delegated to'));
    }
    if (t.delegableTo !== undefined && ROLE_LEVEL[t.delegableTo] >= ROLE_LEVEL[t.minRole]) {
      out.push(
        issue(
          'DELEGATION_NOT_BELOW_MIN_ROLE',
          ['tasks', i, 'delegableTo'],
          `Kan bare delegeres til en rolle under ${ROLE_NAMES[t.minRole].nb}, ikke ${ROLE_NAMES[t.delegableTo].nb}`,
          `May only be delegated to a role below ${ROLE_NAMES[t.minRole].en}, not ${ROLE_NAMES[t.delegableTo].en}`,
        ),
      );
    }
  });
  return out;
}

/** Validate untrusted input as a catalogue: schema, then {@link checkCatalogue}. Never throws. */
export function safeParseCatalogue(input: unknown): ParseCatalogueResult {
  const parsed = CatalogueSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues) };
  const issues = checkCatalogue(parsed.data);
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, catalogue: parsed.data, issues };
}

/** Validate a catalogue; throws {@link CompetenceError} `INVALID_CATALOGUE` listing every issue. */
export function parseCatalogue(input: unknown): Catalogue {
  const result = safeParseCatalogue(input);
  if (!result.ok) {
    const first = result.issues[0];
    throw new CompetenceError('INVALID_CATALOGUE', `Task catalogue is invalid: ${result.issues.length} issue(s)${first ? `; first at ${first.path.join('.')}: ${first.message.en}` : ''}`, {
      issues: result.issues,
    });
  }
  return result.catalogue;
}

/** A municipality's edits to a catalogue: changed fields per task id, tasks to add and to remove. */
export interface CatalogueEdits {
  /** A new id for the edited edition. */
  id?: string;
  /** Field changes per existing task id (e.g. `{ insulin: { delegable: false } }`). */
  change?: Readonly<Record<string, Partial<z.input<typeof TaskSchema>>>>;
  /** Tasks to add. */
  add?: readonly z.input<typeof TaskSchema>[];
  /** Ids of tasks to remove. */
  remove?: readonly string[];
  /** Qualifications to add. */
  addQualifications?: readonly z.input<typeof QualificationSchema>[];
}

/**
 * Apply a municipality's edits to a catalogue and validate the result (never throws). Changing a
 * task that does not exist is an `UNKNOWN_REFERENCE` issue at `['change', id]`.
 */
export function editCatalogue(base: Catalogue, edits: CatalogueEdits): ParseCatalogueResult {
  const known = new Set(base.tasks.map((t) => t.id));
  const missing = Object.keys(edits.change ?? {})
    .filter((id) => !known.has(id))
    .map((id) => issue('UNKNOWN_REFERENCE', ['change', id], `Ukjent oppgave «${id}»`, `Unknown task "${id}"`));
  const remove = new Set(edits.remove ?? []);
  const tasks = base.tasks
    .filter((t) => !remove.has(t.id))
    .map((t) => {
      const change = edits.change?.[t.id];
      return change ? { ...t, ...change } : t;
    });
  const result = safeParseCatalogue({
    id: edits.id ?? base.id,
    qualifications: [...base.qualifications, ...(edits.addQualifications ?? [])],
    tasks: [...tasks, ...(edits.add ?? [])],
  });
  if (missing.length === 0) return result;
  return { ok: false, issues: [...missing, ...result.issues] };
}
