import { isoWeekday, isSundayOrPublicHoliday, type Problem, type Rota } from '@omsorg/domain';
import type { Evaluation } from '../engine/evaluate.js';

/** Options of {@link rotaReportHtml}. */
export interface HtmlReportOptions {
  /** Page title. */
  title?: string;
  /** Language of headings and messages. */
  lang?: 'nb' | 'en';
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const PALETTE = ['#f6d55c', '#3caea3', '#20639b', '#ed553b', '#a8a8a8', '#8e7cc3', '#76a5af', '#e69138'];

/**
 * A self-contained HTML report of a rota: a grid per ward (employees × dates, colour per shift type,
 * weekends and holidays shaded, absences by code, days outside the employee's positions greyed,
 * cells with violations outlined with the explanation on hover), the KPIs and the list of violations.
 */
export function rotaReportHtml(problem: Problem, rota: Rota, evaluation: Evaluation, options: HtmlReportOptions = {}): string {
  const lang = options.lang ?? 'nb';
  const t = (nb: string, en: string) => (lang === 'nb' ? nb : en);
  const shiftById = new Map(problem.shiftTypes.map((s, i) => [s.id, { ...s, color: s.color ?? PALETTE[i % PALETTE.length]! }]));
  const dates = [...new Set(rota.cells.map((c) => c.date))].sort();
  const cell = new Map(rota.cells.map((c) => [`${c.employeeId}|${c.date}`, c]));
  const absent = new Map<string, string>();
  for (const a of problem.absences) for (const d of dates) if (d >= a.start && d <= a.end) absent.set(`${a.employeeId}|${d}`, a.code ?? a.kind);
  const marks = new Map<string, string[]>();
  for (const v of evaluation.violations) {
    if (!v.employeeId || !v.date) continue;
    const key = `${v.employeeId}|${v.date}`;
    marks.set(key, [...(marks.get(key) ?? []), `${v.level === 'hard' ? '⛔' : '⚠'} ${v.message[lang]}`]);
  }
  const wards = problem.wards.length > 0 ? problem.wards.map((w) => ({ id: w.id, name: w.name })) : [{ id: '', name: problem.name }];
  const wardOf = (employeeId: string) => {
    const positions = problem.positions.filter((p) => p.employeeId === employeeId).sort((a, b) => b.percent - a.percent);
    return positions[0]?.wardId ?? '';
  };
  const percent = (employeeId: string) => problem.positions.filter((p) => p.employeeId === employeeId).reduce((s, p) => s + p.percent, 0);
  // Days outside every position (a summer temp's spring, a leaver's last months) are greyed, not "off".
  const employed = (employeeId: string, d: string) => {
    const positions = problem.positions.filter((p) => p.employeeId === employeeId);
    return positions.length === 0 || positions.some((p) => d >= p.start && (p.end === undefined || d <= p.end));
  };
  const fixedTerm = (employeeId: string) => {
    const positions = problem.positions.filter((p) => p.employeeId === employeeId);
    const ends = positions.map((p) => p.end).filter((x): x is string => x !== undefined);
    if (positions.length === 0 || ends.length < positions.length) return '';
    const from = positions.map((p) => p.start).sort()[0]!;
    const to = ends.sort().at(-1)!;
    return ` ${from.slice(8, 10)}.${from.slice(5, 7)}–${to.slice(8, 10)}.${to.slice(5, 7)}`;
  };
  const holiday = new Set(dates.filter(isSundayOrPublicHoliday));
  const grid = wards
    .map((w) => {
      const staff = problem.employees.filter((e) => wards.length === 1 || wardOf(e.id) === w.id);
      const head = dates
        .map((d) => {
          const wd = isoWeekday(d);
          const cls = wd >= 6 || holiday.has(d) ? ' class="we"' : '';
          return `<th${cls} title="${d}">${Number(d.slice(8, 10))}${d.slice(8, 10) === '01' ? `<br>${d.slice(5, 7)}` : ''}</th>`;
        })
        .join('');
      const rows = staff
        .map((e) => {
          const cells = dates
            .map((d) => {
              const c = cell.get(`${e.id}|${d}`);
              const ab = absent.get(`${e.id}|${d}`);
              const m = marks.get(`${e.id}|${d}`);
              const st = c?.shiftTypeId ? shiftById.get(c.shiftTypeId) : undefined;
              const out = !employed(e.id, d);
              const style = st ? ` style="background:${st.color}"` : '';
              const cls = [m ? 'v' : '', out ? 'ne' : isoWeekday(d) >= 6 || holiday.has(d) ? 'we' : '', c?.pinned ? 'pin' : ''].filter(Boolean).join(' ');
              const state = st ? st.name : ab ? ab : out ? t('ikke ansatt', 'not employed') : t('fri', 'off');
              const title = [`${e.name} ${d}`, state, ...(m ?? [])].join('\n');
              const text = st ? (st.code ?? st.id) : ab ? ab : out ? '·' : (c?.code ?? '');
              return `<td${cls ? ` class="${cls}"` : ''}${style} title="${esc(title)}">${esc(text)}</td>`;
            })
            .join('');
          return `<tr><th class="name">${esc(e.name)} <small>${e.role} ${percent(e.id)} %${fixedTerm(e.id)}</small></th>${cells}</tr>`;
        })
        .join('\n');
      return `<h2>${esc(w.name)}</h2><div class="scroll"><table><thead><tr><th></th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
    })
    .join('\n');
  const k = evaluation.kpis;
  const kpis = [
    [t('Stillingssnitt', 'Average position'), `${k.averagePositionPercent.toFixed(1)} %`],
    [t('Andel heltid', 'Full-time share'), `${(k.fullTimeShare * 100).toFixed(0)} %`],
    [t('Årsverk', 'FTE'), k.fte.toFixed(1)],
    [t('Bemanningsfaktor', 'Staffing ratio'), k.staffingRatio.toFixed(2)],
    [t('Planlagte timer', 'Planned hours'), k.plannedHours.toFixed(0)],
    [t('Avtalte timer', 'Contracted hours'), k.contractedHours.toFixed(0)],
    [t('Kostnad (estimat)', 'Cost (estimate)'), `${Math.round(k.cost).toLocaleString('nb-NO')} kr`],
    [t('Harde brudd', 'Hard violations'), String(evaluation.violations.filter((v) => v.level === 'hard').length)],
    [t('Myke brudd', 'Soft violations'), String(evaluation.violations.filter((v) => v.level === 'soft').length)],
  ]
    .map(([a, b]) => `<tr><th>${esc(a!)}</th><td>${esc(b!)}</td></tr>`)
    .join('');
  const legend = [...shiftById.values()].map((s) => `<span class="key" style="background:${s.color}">${esc(s.code ?? s.id)}</span> ${esc(s.name)}`).join(' &nbsp; ');
  const list = evaluation.violations
    .slice(0, 500)
    .map((v) => `<li class="${v.level}">${esc(v.message[lang])}</li>`)
    .join('');
  const title = options.title ?? problem.name;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font:13px system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:1px 3px;text-align:center;font-size:11px;min-width:18px}
th.name{text-align:left;white-space:nowrap;position:sticky;left:0;background:#fff}
.we{background:#f3f3f3}.ne{background:#d9d9d9;color:#888}.v{outline:2px solid #d00;outline-offset:-2px}.pin{font-weight:bold}
.scroll{overflow-x:auto;max-width:100%}.key{display:inline-block;padding:0 6px;border:1px solid #999}
li.hard{color:#b00}li.soft{color:#555}table.kpi th{text-align:left}
</style></head><body>
<h1>${esc(title)}</h1>
<p>${t('Poeng', 'Score')}: ${t('hard', 'hard')} ${evaluation.score.hard}, ${t('myk', 'soft')} ${evaluation.score.soft.toFixed(0)}</p>
<table class="kpi">${kpis}</table>
<p>${legend}</p>
${grid}
<h2>${t('Brudd', 'Violations')} (${evaluation.violations.length})</h2><ol>${list}</ol>
</body></html>
`;
}
