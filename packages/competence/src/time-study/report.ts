import { ROLE_NAMES, type Role } from '@omsorg/domain';
import type { Catalogue } from '../catalogue/schema.js';
import type { RoleTimeShare, TaskMappingReport } from './analyse.js';

const TEXT = {
  nb: {
    title: 'Oppgavekartlegging: tid på oppgaver under rollens nivå',
    overall: 'Samlet',
    unit: 'Enhet',
    team: 'Team',
    header: '| rolle | timer | under nivå | andel | kunne vært gjort av | største oppgaver |',
    none: '—',
  },
  en: {
    title: 'Task mapping: time on tasks below the role’s level',
    overall: 'Overall',
    unit: 'Unit',
    team: 'Team',
    header: '| role | hours | below level | share | could be done by | largest tasks |',
    none: '—',
  },
} as const;

function hours(minutes: number, language: 'nb' | 'en'): string {
  const h = (minutes / 60).toFixed(1);
  return language === 'nb' ? h.replace('.', ',') : h;
}

function row(share: RoleTimeShare, catalogue: Catalogue, language: 'nb' | 'en'): string {
  const names = new Map(catalogue.tasks.map((t) => [t.id, t.name[language]]));
  const by = (Object.entries(share.couldBeDoneBy) as [Role, number][])
    .sort((a, b) => b[1] - a[1])
    .map(([role, m]) => `${ROLE_NAMES[role][language]} ${hours(m, language)} ${language === 'nb' ? 't' : 'h'}`)
    .join(', ');
  const tasks = share.topTasks.map((t) => `${names.get(t.taskId) ?? t.taskId} (${hours(t.minutes, language)})`).join(', ');
  const percent = `${Math.round(share.share * 100)} %`;
  return `| ${ROLE_NAMES[share.role][language]} | ${hours(share.totalMinutes, language)} | ${hours(share.belowLevelMinutes, language)} | ${percent} | ${by || TEXT[language].none} | ${tasks || TEXT[language].none} |`;
}

/**
 * A task-mapping report as Markdown, in Norwegian (`nb`, default) or English: one table per scope
 * (overall, each unit, each team) with, per role, the hours recorded, the hours on tasks below the
 * role's level, the share, which roles could take them and the largest such tasks.
 */
export function taskMappingMarkdown(report: TaskMappingReport, catalogue: Catalogue, language: 'nb' | 'en' = 'nb'): string {
  const t = TEXT[language];
  const table = (shares: readonly RoleTimeShare[]) => [t.header, '|---|---:|---:|---:|---|---|', ...shares.map((s) => row(s, catalogue, language))];
  const lines = [`# ${t.title}`, '', `## ${t.overall}`, '', ...table(report.overall)];
  for (const g of report.byUnit) lines.push('', `## ${t.unit} ${g.id}`, '', ...table(g.roles));
  for (const g of report.byTeam) lines.push('', `## ${t.team} ${g.id}`, '', ...table(g.roles));
  return `${lines.join('\n')}\n`;
}
