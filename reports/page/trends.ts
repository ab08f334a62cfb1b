// Trends over runs for the visible cells: startup time, TTFT or ITL; the median over the visible
// cells and the slowest few cells drawn individually.
import type { App } from './app.ts';
import type { EmbeddedCell } from '../embedded.ts';
import { h } from './dom.ts';
import { lineChart, type LineSeries } from './charts.ts';
import type { PageState } from './url-state.ts';
import { median } from '../../harness/core/stats.ts';
import { largestChanges } from './changes.ts';
import { fmtNum } from './model.ts';

const METRICS: Array<[PageState['metric'], string, string]> = [['startupS', 'startup', 's'], ['ttftMs', 'TTFT p50', 'ms'], ['itlMs', 'ITL p50', 'ms']];
const SHOWN = 6;


export function renderTrends(app: App, cells: EmbeddedCell[]): HTMLElement {
  const metric = app.state.metric;
  const [, label, unit] = METRICS.find((m) => m[0] === metric)!;
  const { at } = app.data.hist;
  const cols = cells.map((c) => ({ id: c.id, values: app.data.hist.cells[c.id]?.[metric] })).filter((x): x is { id: string; values: Array<number | null> } => !!x.values && x.values.some((v) => v !== null));
  const med: Array<number | null> = at.map((_, i) => {
    const m = median(cols.map((c) => c.values[i]).filter((v): v is number => v !== null && v !== undefined));
    return m === null ? null : Math.round(m * 100) / 100;
  });
  const last = (vs: Array<number | null>) => [...vs].reverse().find((v) => v !== null) ?? 0;
  const slowest = [...cols].sort((a, b) => last(b.values) - last(a.values)).slice(0, SHOWN);
  const series: LineSeries[] = [{ label: `median of ${cols.length} cells`, values: med, unit, emphasis: true }, ...slowest.map((c) => ({ label: c.id, values: c.values, unit }))];
  const buttons = h('div', { class: 'seg' }, METRICS.map(([m, l]) => h('button', { type: 'button', class: m === metric ? 'on' : null, onclick: () => app.update({ metric: m }) }, l)));
  const chartBox = h('div', { class: 'trend-chart' });
  const el = h('div', { class: 'trends' }, h('div', { class: 'trend-head' }, buttons, h('span', { class: 'muted' }, `${label} per run: the median of the visible cells and the ${slowest.length} slowest at the last run. Filter the grid to choose cells; drag to zoom.`)), chartBox);
  el.append(changesTable(app, cols.map((c) => c.id), metric, unit));
  if (cols.length === 0) chartBox.append(h('p', { class: 'empty-state' }, 'No figures for the visible cells.'));
  else requestAnimationFrame(() => chartBox.append(lineChart(at, series, Math.max(600, Math.min(chartBox.clientWidth || 1100, 1600)), 340)));
  return el;
}

function changesTable(app: App, ids: string[], metric: PageState['metric'], unit: string): HTMLElement {
  const rows = largestChanges(app.data, ids, metric);
  return h('div', { class: 'changes' },
    h('h3', null, 'Largest changes: the last run against the median of the 7 runs before it'),
    rows.length === 0 ? h('p', { class: 'muted' }, 'Not enough history yet.') : h('table', { class: 'changes-table' },
      h('thead', null, h('tr', null, h('th', null, 'cell'), h('th', { class: 'num' }, `before (${unit})`), h('th', { class: 'num' }, `last (${unit})`), h('th', { class: 'num' }, 'change'))),
      h('tbody', null, rows.map((r) => h('tr', null,
        h('td', null, h('a', { href: `#cell=${encodeURIComponent(r.id)}`, 'data-open': r.id }, r.id)),
        h('td', { class: 'num' }, fmtNum(r.baseline)),
        h('td', { class: 'num' }, fmtNum(r.last)),
        h('td', { class: `num ${r.ratio > 0.1 ? 'worse' : r.ratio < -0.1 ? 'better' : ''}` }, `${r.ratio > 0 ? '+' : ''}${(r.ratio * 100).toFixed(1)} %`),
      )))),
  );
}
