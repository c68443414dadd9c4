import { describe, expect, test } from 'vitest';
import { evaluate } from '../engine/evaluate.js';
import { brief, evalLines, hardRule, makeProblem, SHIFT_TYPES } from '../test-fixtures/problems.js';

// Monday 3 March 2025. Kari (e1) is a nurse, Ola (e2) a health worker.
const start = '2025-03-03';

describe('competenceEligibility', () => {
  test('given night shifts that need a nurse, a health worker on nights costs exactly 1 per night, the nurse 0', () => {
    const p = makeProblem({ start, days: 3, employees: 2 });
    const rule = hardRule('competenceEligibility', { requirements: [{ shifts: { shiftTypeIds: ['N'] }, competence: { roles: ['nurse'] } }] });
    const ev = evalLines(p, { e1: 'N N -', e2: 'N - N' }, [rule]);
    expect(brief(ev)).toEqual([
      { ruleId: 'competenceEligibility', employeeId: 'e2', date: '2025-03-03', amount: 1 },
      { ruleId: 'competenceEligibility', employeeId: 'e2', date: '2025-03-05', amount: 1 },
    ]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Ola kan ikke ha nattevakt 3. mars (kompetanse eller avdeling); competenceEligibility.',
      en: 'Ola may not work the night shift on 3 March (competence or ward); competenceEligibility.',
    });
  });

  test('given demand per ward and Kari placed in ward w1, a shift in ward w2 costs exactly 1', () => {
    const p = makeProblem({
      start,
      days: 2,
      extra: {
        wards: [
          { id: 'w1', unitId: 'u1', name: 'Avdeling 1' },
          { id: 'w2', unitId: 'u1', name: 'Avdeling 2' },
        ],
        positions: [{ id: 'p1', employeeId: 'e1', unitId: 'u1', wardId: 'w1', percent: 100, start: '2020-01-01' }],
        demand: [{ shiftTypeId: 'D', wardId: 'w1', min: 1 }],
      },
    });
    const r = {
      cells: [
        { employeeId: 'e1', date: '2025-03-03', shiftTypeId: 'D', wardId: 'w1' },
        { employeeId: 'e1', date: '2025-03-04', shiftTypeId: 'D', wardId: 'w2' },
      ],
    };
    const ev = evaluate(p, r, [hardRule('competenceEligibility')]);
    expect(ev.violations.map((v) => [v.date, v.amount])).toEqual([['2025-03-04', 1]]);
    expect(ev.violations[0]!.message.en).toBe('Kari may not work the day shift in w2 on 4 March (competence or ward); competenceEligibility.');
  });
});

describe('absences', () => {
  const p = makeProblem({ start, days: 7, extra: { absences: [{ id: 'a1', employeeId: 'e1', kind: 'vacation', start: '2025-03-04', end: '2025-03-05' }] } });

  test('given a vacation 4–5 March, shifts on both days cost exactly 2, one on 6 March nothing', () => {
    const ev = evalLines(p, { e1: '- D K D - - -' }, [hardRule('absences', {}, { id: 'core.absences' })]);
    expect(brief(ev)).toEqual([
      { ruleId: 'core.absences', employeeId: 'e1', date: '2025-03-04', amount: 1 },
      { ruleId: 'core.absences', employeeId: 'e1', date: '2025-03-05', amount: 1 },
    ]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari er satt på vakt 4. mars under ferie; core.absences.',
      en: 'Kari is rostered on 4 March during vacation; core.absences.',
    });
  });

  test('given a kind filter without vacation, the same rota costs 0', () => {
    expect(evalLines(p, { e1: '- D K D - - -' }, [hardRule('absences', { kinds: ['sick', 'dayOff'] })]).score.hard).toBe(0);
  });

  test('given a summer temp whose position runs 4–6 March, shifts on 3 and 7 March cost exactly 2, even with a kind filter', () => {
    const base = makeProblem({ start, days: 7 });
    const temp = makeProblem({ start, days: 7, extra: { positions: [{ ...base.positions[0]!, start: '2025-03-04', end: '2025-03-06' }] } });
    const ev = evalLines(temp, { e1: 'D D K D D - -' }, [hardRule('absences', { kinds: ['sick'] }, { id: 'core.absences' })]);
    expect(brief(ev)).toEqual([
      { ruleId: 'core.absences', employeeId: 'e1', date: '2025-03-03', amount: 1 },
      { ruleId: 'core.absences', employeeId: 'e1', date: '2025-03-07', amount: 1 },
    ]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kari er satt på vakt 3. mars, utenfor ansettelsesperioden (ingen stilling den dagen); core.absences.',
      en: 'Kari is rostered on 3 March, outside their employment (no position that day); core.absences.',
    });
  });
});

describe('requests', () => {
  const p = makeProblem({
    start,
    days: 3,
    extra: {
      requests: [
        { id: 'r1', employeeId: 'e1', date: '2025-03-03', kind: 'on', shiftTypeId: 'D', weight: 2 },
        { id: 'r2', employeeId: 'e1', date: '2025-03-04', kind: 'off', weight: 3 },
        { id: 'r3', employeeId: 'e1', date: '2025-03-05', kind: 'off', shiftTypeId: 'N', weight: 1 },
      ],
    },
  });
  const rule = { id: 'core.requests', kind: 'requests', level: 'soft' as const, weight: 2, params: {} };

  test('given K on a day-shift wish (2), D on a day-off wish (3) and N against a no-night wish (1), it penalises by 6, weighted 12', () => {
    const ev = evalLines(p, { e1: 'K D N' }, [rule]);
    expect(ev.score).toEqual({ hard: 0, soft: 12 });
    expect(brief(ev).map((v) => v.amount)).toEqual([2, 3, 1]);
    expect(ev.violations.map((v) => v.message.nb)).toEqual([
      'Kari ønsket dagvakt 3. mars; core.requests.',
      'Kari ønsket fri 4. mars; core.requests.',
      'Kari ønsket ikke nattevakt 5. mars; core.requests.',
    ]);
    expect(ev.violations[2]!.message.en).toBe('Kari asked not to work the night shift on 5 March; core.requests.');
  });

  test('given every wish met (D, off, D), it penalises by 0', () => {
    expect(evalLines(p, { e1: 'D - D' }, [rule]).score.soft).toBe(0);
  });
});

describe('breaks (AML § 10-9 (1))', () => {
  const p = makeProblem({
    start,
    days: 3,
    shiftTypes: [
      ...SHIFT_TYPES,
      { id: 'X', name: 'Kortvakt', start: '08:00', durationMinutes: 360, labels: ['short'] },
      { id: 'Y', name: 'Dagvakt lang', start: '07:00', durationMinutes: 540, paidBreakMinutes: 15, labels: ['day'] },
      { id: 'Z', name: 'Formiddag', start: '08:00', durationMinutes: 330, labels: ['day'] },
    ],
  });
  const rule = hardRule('breaks', {}, { legalRef: { source: 'AML', section: '§ 10-9 (1)' } });

  test('given 6 h without a break and 9 h with only 15 min, it penalises by exactly 2; 5.5 h without a break and D with 30 min are fine', () => {
    const ev = evalLines(p, { e1: 'X Y Z' }, [rule]);
    expect(brief(ev).map((v) => [v.date, v.amount])).toEqual([
      ['2025-03-03', 1],
      ['2025-03-04', 1],
    ]);
    expect(ev.violations[0]!.message).toEqual({
      nb: 'Kortvakt 3. mars (Kari) mangler lovpålagt pause; AML § 10-9 (1).',
      en: 'The short shift on 3 March (Kari) lacks the required break; AML § 10-9 (1).',
    });
    expect(evalLines(p, { e1: 'D K Z' }, [rule]).score.hard).toBe(0);
  });
});

describe('longShiftConsent', () => {
  const p = makeProblem({ start, days: 2, employees: 2, longShiftsAgreed: [false, true] });

  test('given long shifts for Kari (no agreement) and Ola (agreed), only Kari’s cost 1 each', () => {
    const ev = evalLines(p, { e1: 'LV LV', e2: 'LV LV' }, [hardRule('longShiftConsent', {}, { id: 'ks.longShifts' })]);
    expect(brief(ev)).toEqual([
      { ruleId: 'ks.longShifts', employeeId: 'e1', date: '2025-03-03', amount: 1 },
      { ruleId: 'ks.longShifts', employeeId: 'e1', date: '2025-03-04', amount: 1 },
    ]);
    expect(ev.violations[0]!.message.nb).toBe('Kari har langvakt 3. mars uten avtale om langvakter eller utover avtalt lengde; ks.longShifts.');
  });

  test('given a maximum of 12 h, the 12.5 h long shift costs 1 for Ola too', () => {
    expect(evalLines(p, { e1: '- -', e2: 'LV -' }, [hardRule('longShiftConsent', { maxMinutes: 720 })]).score.hard).toBe(1);
  });
});
