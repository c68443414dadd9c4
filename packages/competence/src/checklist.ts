import { ROLE_NAMES, type Role, type TaskCategory } from '@omsorg/domain';
import type { Catalogue } from './catalogue/schema.js';
import { performBasis } from './roles.js';

/** One line of a profession's checklist: a task the role may do, and on what terms. */
export interface ChecklistItem {
  taskId: string;
  name: { nb: string; en: string };
  category: TaskCategory;
  /** `role`: part of the profession; `delegation`: only after training and sign-off in `qualificationId`. */
  basis: 'role' | 'delegation';
  qualificationId?: string;
  typicalDurationMinutes: number;
}

/** The checklist of all tasks of one profession (the Grimstad "folder per profession"), as data. */
export interface ProfessionChecklist {
  role: Role;
  catalogueId: string;
  /** Tasks in catalogue order, health-professional first, then practical, then non-health. */
  items: ChecklistItem[];
}

const CATEGORY_ORDER: readonly TaskCategory[] = ['healthProfessional', 'practical', 'nonHealth'];

/** Names of the task categories. */
export const TASK_CATEGORY_NAMES: Readonly<Record<TaskCategory, { nb: string; en: string }>> = {
  healthProfessional: { nb: 'Helsefaglige oppgaver', en: 'Health-professional tasks' },
  practical: { nb: 'Praktisk bistand og personlig stell', en: 'Practical help and personal care' },
  nonHealth: { nb: 'Ikke-helsefaglige oppgaver', en: 'Non-health tasks' },
};

/**
 * The checklist of a profession generated from the catalogue: every task the role may do on its own
 * and every task it may take over by delegation after training.
 */
export function professionChecklist(catalogue: Catalogue, role: Role): ProfessionChecklist {
  const items: ChecklistItem[] = [];
  for (const category of CATEGORY_ORDER) {
    for (const task of catalogue.tasks) {
      if (task.category !== category) continue;
      const own = performBasis(task, { role, qualifications: [] });
      const delegated = task.qualificationId === undefined ? undefined : performBasis(task, { role, qualifications: [task.qualificationId] });
      const basis = own ?? delegated;
      if (basis === undefined) continue;
      items.push({
        taskId: task.id,
        name: task.name,
        category,
        basis,
        ...(basis === 'delegation' && task.qualificationId !== undefined ? { qualificationId: task.qualificationId } : {}),
        typicalDurationMinutes: task.typicalDurationMinutes,
      });
    }
  }
  return { role, catalogueId: catalogue.id, items };
}

/**
 * A checklist as Markdown, in Norwegian (`nb`, default) or English: one section per category, one
 * checkbox per task, delegated tasks marked with the qualification they need.
 */
export function checklistMarkdown(checklist: ProfessionChecklist, catalogue: Catalogue, language: 'nb' | 'en' = 'nb'): string {
  const qualName = new Map(catalogue.qualifications.map((q) => [q.id, q.name[language]]));
  const role = ROLE_NAMES[checklist.role][language];
  const title = language === 'nb' ? `Sjekkliste: oppgaver for ${role}` : `Checklist: tasks for ${role}`;
  const lines = [`# ${title}`, '', language === 'nb' ? `Oppgavekatalog: \`${checklist.catalogueId}\`` : `Task catalogue: \`${checklist.catalogueId}\``];
  for (const category of CATEGORY_ORDER) {
    const items = checklist.items.filter((i) => i.category === category);
    if (items.length === 0) continue;
    lines.push('', `## ${TASK_CATEGORY_NAMES[category][language]}`, '');
    for (const item of items) {
      const minutes = language === 'nb' ? `ca. ${item.typicalDurationMinutes} min` : `about ${item.typicalDurationMinutes} min`;
      const delegated =
        item.basis === 'delegation' && item.qualificationId !== undefined
          ? language === 'nb'
            ? ` — delegert, krever opplæring: ${qualName.get(item.qualificationId) ?? item.qualificationId}`
            : ` — delegated, needs training: ${qualName.get(item.qualificationId) ?? item.qualificationId}`
          : '';
      lines.push(`- [ ] ${item.name[language]} (${minutes})${delegated}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
