// Trends over runs for the visible cells: startup time, TTFT or ITL; the median over the visible
// cells and the slowest few cells drawn individually.
import type { App } from './app.ts';
import type { EmbeddedCell } from '../embedded.ts';
import { h } from './dom.ts';
import { lineChart, type LineSeries } from './charts.ts';
import type { PageState } from './url-state.ts';

const METRICS: Array<[PageState['metric'], string, string]> = [['startupS', 'startup', 's'], ['ttftMs', 'TTFT p50', 'ms'], ['itlMs', 'ITL p50', 'ms']];
const SHOWN = 6;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = xs.sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

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
  if (cols.length === 0) chartBox.append(h('p', { class: 'empty-state' }, 'No figures for the visible cells.'));
  else requestAnimationFrame(() => chartBox.append(lineChart(at, series, Math.max(600, Math.min(chartBox.clientWidth || 1100, 1600)), 340)));
  return el;
}
