import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from './catalogue/default.js';
import { checklistMarkdown, professionChecklist } from './checklist.js';

describe('profession checklists', () => {
  const catalogue = defaultCatalogue();

  it('gives a service worker exactly the seven non-health tasks', () => {
    const list = professionChecklist(catalogue, 'serviceWorker');
    expect(list.items.map((i) => i.taskId)).toEqual(['meal-preparation', 'dishwashing', 'cleaning', 'laundry', 'bed-making', 'shopping', 'social-activity']);
    expect(list.items.every((i) => i.basis === 'role')).toBe(true);
  });

  it('gives a health worker insulin by delegation with the insulin qualification, and no complex wound care', () => {
    const list = professionChecklist(catalogue, 'healthWorker');
    expect(list.items.find((i) => i.taskId === 'insulin')).toMatchObject({ basis: 'delegation', qualificationId: 'insulin' });
    expect(list.items.find((i) => i.taskId === 'wound-care-simple')).toMatchObject({ basis: 'role' });
    expect(list.items.some((i) => i.taskId === 'wound-care-complex')).toBe(false);
  });

  it('gives a nurse every task of the catalogue on the strength of the role', () => {
    const list = professionChecklist(catalogue, 'nurse');
    expect(list.items).toHaveLength(catalogue.tasks.length);
    expect(list.items.every((i) => i.basis === 'role')).toBe(true);
  });

  it('renders Markdown in Norwegian with one section per category and the delegation noted', () => {
    const md = checklistMarkdown(professionChecklist(catalogue, 'healthWorker'), catalogue);
    expect(md.startsWith('# Sjekkliste: oppgaver for helsefagarbeider\n')).toBe(true);
    expect(md).toContain('## Helsefaglige oppgaver');
    expect(md).toContain('## Ikke-helsefaglige oppgaver');
    expect(md).toContain('- [ ] Insulininjeksjon (ca. 10 min) — delegert, krever opplæring: Insulinadministrering');
  });

  it('renders Markdown in English on request', () => {
    const md = checklistMarkdown(professionChecklist(catalogue, 'assistant'), catalogue, 'en');
    expect(md).toContain('# Checklist: tasks for assistant');
    expect(md).toContain('- [ ] Blood glucose measurement (about 5 min) — delegated, needs training: Blood glucose measurement');
  });
});
