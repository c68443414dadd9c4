import { describe, expect, test } from 'vitest';
import { evaluate } from '../engine/evaluate.js';
import { makeProblem, rota } from '../test-fixtures/problems.js';
import { rotaReportHtml } from './html.js';

// Week of Monday 3 March 2025. Kari (e1) on vacation 4 March; Ola (e2) a temp employed 5–9 March.
const base = makeProblem({ start: '2025-03-03', days: 7, employees: 2 });
const problem = makeProblem({
  start: '2025-03-03',
  days: 7,
  employees: 2,
  extra: {
    absences: [{ id: 'f1', employeeId: 'e1', kind: 'vacation', code: 'FE', start: '2025-03-04', end: '2025-03-04' }],
    positions: [base.positions[0]!, { ...base.positions[1]!, start: '2025-03-05', end: '2025-03-09' }],
  },
});
const r = rota(problem, { e1: 'D D - - - - -', e2: 'D - K - - - -' });
const rules = [{ id: 'core.absences', kind: 'absences', level: 'hard' as const, params: {} }];
const html = rotaReportHtml(problem, { start: problem.horizon.start, days: problem.horizon.days, cells: r.cells }, evaluate(problem, r, rules), { lang: 'en' });
const cellOf = (name: string, date: string) => html.match(new RegExp(`<td[^>]*title="${name} ${date}[^"]*"[^>]*>[^<]*</td>`))?.[0] ?? '';

describe('rotaReportHtml', () => {
  test('given a temp employed 5–9 March, days outside are greyed "not employed" and the name shows the term', () => {
    expect(cellOf('Ola', '2025-03-04')).toContain('class="ne"');
    expect(cellOf('Ola', '2025-03-04')).toContain('not employed');
    expect(cellOf('Ola', '2025-03-05')).toContain('>K<');
    expect(html).toContain('healthWorker 100 % 05.03–09.03');
  });

  test("given a day shift on Kari's vacation day and on Ola's first day before his employment, both cells are marked with the explanation", () => {
    expect(cellOf('Kari', '2025-03-04')).toContain('class="v"');
    expect(cellOf('Kari', '2025-03-04')).toContain('during vacation');
    expect(cellOf('Ola', '2025-03-03')).toContain('class="v ne"');
    expect(cellOf('Ola', '2025-03-03')).toContain('outside their employment');
  });

  test('given the vacation day Kari is off, the cell shows the absence code', () => {
    const offRota = rota(problem, { e1: 'D - - - - - -', e2: '- - K - - - -' });
    const page = rotaReportHtml(problem, { start: problem.horizon.start, days: problem.horizon.days, cells: offRota.cells }, evaluate(problem, offRota, rules), { lang: 'en' });
    expect(page).toMatch(/<td[^>]*title="Kari 2025-03-04\nFE"[^>]*>FE<\/td>/);
  });
});
