// The page's entry: reads the embedded data, keeps the state in the URL hash and redraws the views.
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import type { EmbeddedCell, EmbeddedReport } from '../embedded.ts';
import type { App } from './app.ts';
import { byId, clear, h } from './dom.ts';
import { matches, searchText, fmtTime } from './model.ts';
import { readState, writeState, type PageState, type Tab } from './url-state.ts';
import { renderSummary } from './summary.ts';
import { renderFilters, type FilterBar } from './filters.ts';
import { renderGrid } from './grid.ts';
import { renderPanel, step } from './panel.ts';
import { failureGroups, renderFailures } from './failures.ts';
import { renderTrends } from './trends.ts';
import { renderFormulas } from './formulas.ts';

const TAB_LABELS: Record<Tab, string> = { grid: 'Matrix', failures: 'Failures', trends: 'Trends', formulas: 'Formulas' };

function boot(): void {
  const data = JSON.parse(byId('report-data').textContent ?? '{}') as EmbeddedReport;
  let draw = (): void => {};
  const app = newApp(data, () => draw());
  draw = drawer(app, layout(app, data));
  listen(app, draw);
  draw();
  document.documentElement.dataset.ready = String(Math.round(performance.now()));
}

/** The page's state and data; every update rewrites the URL and redraws. */
function newApp(data: EmbeddedReport, draw: () => void): App {
  let cache: { key: string; cells: EmbeddedCell[] } | null = null;
  const app: App = {
    data,
    cells: new Map(data.cells.map((c) => [c.id, c])),
    text: new Map(data.cells.map((c) => [c.id, searchText(c)])),
    state: readState(location.hash),
    update(patch: Partial<PageState>) {
      app.state = { ...app.state, ...patch };
      const url = writeState(app.state) || location.pathname + location.search;
      // Opening or closing a cell is a step Back undoes; filter changes replace the entry.
      if ('cell' in patch) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
      draw();
    },
    visible() {
      const key = JSON.stringify(app.state.filters);
      if (cache?.key !== key) cache = { key, cells: data.cells.filter((c) => matches(c, app.state.filters, app.text.get(c.id) ?? '')) };
      return cache.cells;
    },
  };
  return app;
}

interface Layout {
  summaryBox: HTMLElement;
  tabs: HTMLElement;
  filters: FilterBar;
  view: HTMLElement;
}

function layout(app: App, data: EmbeddedReport): Layout {
  const root = byId('app');
  const summaryBox = h('div');
  const tabs = h('nav', { class: 'tabs' });
  const filters: FilterBar = renderFilters(app);
  const view = h('div', { id: 'view' });
  root.append(
    h('header', { class: 'top' }, h('h1', null, 'GPU compatibility matrix'), h('span', { class: 'muted' }, `generated ${fmtTime(data.generatedAt)}`)),
    summaryBox, h('div', { class: 'bar' }, tabs, filters.el), view,
  );
  return { summaryBox, tabs, filters, view };
}

/** Redraws what changed: summary, tabs and filters always; the view when its key changed; the open cell. */
function drawer(app: App, { summaryBox, tabs, filters, view }: Layout): () => void {
  let drawn = '';
  return () => {
    const s = app.state;
    const visible = app.visible();
    clear(summaryBox);
    summaryBox.append(renderSummary(app));
    clear(tabs);
    const nFail = failureGroups(visible).length;
    for (const t of Object.keys(TAB_LABELS) as Tab[]) {
      tabs.append(h('button', { type: 'button', class: t === s.tab ? 'on' : null, 'data-tab': t, onclick: () => app.update({ tab: t }) }, TAB_LABELS[t], t === 'failures' && nFail ? h('span', { class: 'n' }, nFail) : null));
    }
    filters.sync(visible.length);
    const key = JSON.stringify([s.filters, s.pivot, s.tab, s.tab === 'trends' ? s.metric : '', s.run, s.show]);
    if (key !== drawn) {
      drawn = key;
      clear(view);
      view.append(s.tab === 'grid' ? renderGrid(app, visible) : s.tab === 'failures' ? renderFailures(app, visible) : s.tab === 'trends' ? renderTrends(app, visible) : renderFormulas(app));
    }
    renderPanel(app);
    for (const el of view.querySelectorAll('td.open')) el.classList.remove('open');
    const open = s.cell ? view.querySelector(`td[data-cell="${CSS.escape(s.cell)}"]`) : null;
    open?.classList.add('open');
    open?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
}

/** Back/forward and hash edits, clicks on anything that opens a cell, and the panel's keys. */
function listen(app: App, draw: () => void): void {
  const fromUrl = () => {
    app.state = readState(location.hash);
    draw();
  };
  window.addEventListener('hashchange', fromUrl);
  window.addEventListener('popstate', fromUrl);
  document.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest<HTMLElement>('[data-open]');
    if (a) {
      e.preventDefault();
      app.update({ cell: a.dataset.open ?? null });
    }
  });
  document.addEventListener('keydown', (e) => {
    if (!app.state.cell || (e.target as HTMLElement).closest('input, select, textarea')) return;
    if (e.key === 'Escape') app.update({ cell: null });
    else if (e.key === 'j') step(app, 1);
    else if (e.key === 'k') step(app, -1);
  });
}

boot();
