import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default.js';
import { analyseTaskMapping } from './analyse.js';
import { parseTimeStudyCsv, parseTimeStudyJson, roleFromName } from './parse.js';
import { taskMappingMarkdown } from './report.js';

const catalogue = defaultCatalogue();

describe('parseTimeStudyCsv', () => {
  it('reads a semicolon file with Norwegian headers, roles and decimal commas, as Excel writes it', () => {
    const csv = '\uFEFFansatt;rolle;enhet;team;dato;oppgave;minutter\r\ne1;sykepleier;lia;team-sol;2027-02-01;insulin;10\r\ne2;Helsefagarbeider;lia;team-sol;2027-02-01;shower;27,5\r\n';
    const { rows, issues } = parseTimeStudyCsv(csv, { catalogue });
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { employeeId: 'e1', role: 'nurse', unitId: 'lia', teamId: 'team-sol', date: '2027-02-01', taskId: 'insulin', minutes: 10 },
      { employeeId: 'e2', role: 'healthWorker', unitId: 'lia', teamId: 'team-sol', date: '2027-02-01', taskId: 'shower', minutes: 27.5 },
    ]);
  });

  it('reads a comma file with English headers and quoted fields; optional columns may be left out', () => {
    const csv = 'role,taskId,minutes,note\nnurse,"wound-care-complex",30,"dressing, large"\n';
    expect(parseTimeStudyCsv(csv).rows).toEqual([{ role: 'nurse', taskId: 'wound-care-complex', minutes: 30 }]);
  });

  it('turns each bad row into issues at [rows, line, column] and keeps the good rows', () => {
    const csv = ['rolle;oppgave;minutter;dato', 'sykepleier;insulin;10;2027-02-01', 'lege;insulin;10;2027-02-01', 'sykepleier;teleport;10;2027-02-01', 'assistent;shower;-5;2027-02-30', 'assistent;;12;'].join('\n');
    const { rows, issues } = parseTimeStudyCsv(csv, { catalogue });
    expect(rows).toHaveLength(1);
    expect(issues.map((i) => `${i.code} ${i.path.join('.')}`)).toEqual([
      'INVALID_VALUE rows.3.role',
      'UNKNOWN_REFERENCE rows.4.taskId',
      'INVALID_VALUE rows.5.date',
      'INVALID_VALUE rows.5.minutes',
      'MISSING_VALUE rows.6.taskId',
    ]);
    expect(issues[0]!.message).toMatchObject({ nb: expect.stringContaining('Ugyldig rolle «lege»'), en: expect.stringContaining('Invalid role "lege"') });
    expect(issues[4]!.message).toEqual({ nb: 'Mangler oppgave', en: 'Missing task' });
  });

  it('reports a missing required column once, and no rows', () => {
    const { rows, issues } = parseTimeStudyCsv('rolle;minutter\nsykepleier;10\n');
    expect(rows).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'MISSING_COLUMN', path: ['header', 'taskId'] })]);
  });

  it('never throws on a broken file: an unclosed quote and an empty file become issues', () => {
    const broken = parseTimeStudyCsv('role,taskId,minutes\nnurse,"insulin,10\n');
    expect(broken.rows).toEqual([]);
    expect(broken.issues).toEqual([expect.objectContaining({ code: 'UNREADABLE_ROW', path: ['rows', 2] })]);
    expect(broken.issues[0]!.message.nb).toContain('Raden kan ikke leses');
    expect(parseTimeStudyCsv('').issues).toEqual([expect.objectContaining({ code: 'EMPTY_FILE' })]);
  });
});

describe('parseTimeStudyJson', () => {
  it('reads an array or { rows }, accepts Norwegian role names, and reports bad rows at [rows, index, field]', () => {
    const { rows, issues } = parseTimeStudyJson({ rows: [{ role: 'vernepleier', taskId: 'cleaning', minutes: 15 }, { role: 'nurse', taskId: 'cleaning', minutes: '15' }, 7] });
    expect(rows).toEqual([{ role: 'socialEducator', taskId: 'cleaning', minutes: 15 }]);
    expect(issues.map((i) => `${i.code} ${i.path.join('.')}`)).toEqual(['INVALID_VALUE rows.1.minutes', 'INVALID_VALUE rows.2']);
    expect(parseTimeStudyJson('nope').issues[0]!.code).toBe('INVALID_VALUE');
  });

  it('knows roles by id, English and Norwegian name', () => {
    expect(roleFromName(' Servicemedarbeider ')).toBe('serviceWorker');
    expect(roleFromName('social educator')).toBe('socialEducator');
    expect(roleFromName('lege')).toBeUndefined();
  });
});

describe('analyseTaskMapping', () => {
  it('given nurses with 60 min complex wound care, 60 min insulin, 45 min showers and 15 min cleaning, reports 120 of 180 min (2/3) below their level', () => {
    const report = analyseTaskMapping(
      [
        { employeeId: 'e1', role: 'nurse', unitId: 'lia', teamId: 't1', taskId: 'wound-care-complex', minutes: 60 },
        { employeeId: 'e1', role: 'nurse', unitId: 'lia', teamId: 't1', taskId: 'shower', minutes: 45 },
        { employeeId: 'e1', role: 'nurse', unitId: 'lia', teamId: 't1', taskId: 'cleaning', minutes: 15 },
        { employeeId: 'e2', role: 'nurse', unitId: 'lia', teamId: 't2', taskId: 'insulin', minutes: 60 },
        { employeeId: 'e3', role: 'healthWorker', unitId: 'lia', teamId: 't2', taskId: 'insulin', minutes: 30 },
        { employeeId: 'e3', role: 'healthWorker', unitId: 'lia', teamId: 't2', taskId: 'laundry', minutes: 30 },
      ],
      catalogue,
    );
    const nurse = report.overall.find((r) => r.role === 'nurse')!;
    expect(nurse).toMatchObject({ employees: 2, totalMinutes: 180, belowLevelMinutes: 120, totalHours: 3, belowLevelHours: 2 });
    expect(nurse.share).toBeCloseTo(2 / 3);
    expect(nurse.couldBeDoneBy).toEqual({ healthWorker: 60, assistant: 45, serviceWorker: 15 });
    expect(nurse.topTasks).toEqual([
      { taskId: 'insulin', minutes: 60 },
      { taskId: 'shower', minutes: 45 },
      { taskId: 'cleaning', minutes: 15 },
    ]);
    const hw = report.overall.find((r) => r.role === 'healthWorker')!;
    expect(hw).toMatchObject({ totalMinutes: 60, belowLevelMinutes: 30, share: 0.5, couldBeDoneBy: { serviceWorker: 30 } });
    expect(report.overall.map((r) => r.role)).toEqual(['nurse', 'healthWorker']);
    expect(report.byUnit.map((g) => g.id)).toEqual(['lia']);
    const t1 = report.byTeam.find((g) => g.id === 't1')!.roles[0]!;
    expect(t1).toMatchObject({ role: 'nurse', totalMinutes: 120, belowLevelMinutes: 60, share: 0.5 });
    expect(report.issues).toEqual([]);
  });

  it('counts an unknown task in the total, never below level, with a warning', () => {
    const report = analyseTaskMapping([{ role: 'nurse', taskId: 'meeting', minutes: 30 }], catalogue);
    expect(report.overall[0]).toMatchObject({ totalMinutes: 30, belowLevelMinutes: 0, share: 0, employees: 0 });
    expect(report.issues).toEqual([expect.objectContaining({ code: 'UNKNOWN_REFERENCE', path: ['rows', 0, 'taskId'], severity: 'warning' })]);
    expect(report.byUnit).toEqual([]);
  });
});

describe('taskMappingMarkdown', () => {
  const rows = [
    { role: 'nurse' as const, unitId: 'lia', teamId: 'sone-nord', taskId: 'insulin', minutes: 45 },
    { role: 'nurse' as const, unitId: 'lia', teamId: 'sone-nord', taskId: 'wound-care-complex', minutes: 60 },
    { role: 'nurse' as const, unitId: 'lia', teamId: 'sone-nord', taskId: 'cleaning', minutes: 15 },
  ];

  it('renders one table per scope with hours, share and who could take the tasks, in Norwegian', () => {
    const md = taskMappingMarkdown(analyseTaskMapping(rows, catalogue), catalogue);
    expect(md.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## Samlet', '## Enhet lia', '## Team sone-nord']);
    expect(md).toContain('| sykepleier | 2,0 | 1,0 | 50 % | helsefagarbeider 0,8 t, servicemedarbeider 0,3 t | Insulininjeksjon (0,8), Rengjøring (0,3) |');
  });

  it('renders in English on request', () => {
    const md = taskMappingMarkdown(analyseTaskMapping(rows, catalogue), catalogue, 'en');
    expect(md).toContain('| nurse | 2.0 | 1.0 | 50 % | health worker 0.8 h, service worker 0.3 h | Insulin injection (0.8), Cleaning (0.3) |');
  });
});
