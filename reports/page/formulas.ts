// The latency definitions, printed as the store computes them, and what other tools call each figure.
import type { App } from './app.ts';
import { h } from './dom.ts';

export function renderFormulas(app: App): HTMLElement {
  const entries = Object.entries(app.data.formulas);
  return h('div', { class: 'formulas' },
    h('p', { class: 'muted' }, 'Raw monotonic timestamps are stored per request; every figure on this page is derived with these definitions.'),
    entries.length ? h('dl', null, entries.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, h('code', null, v))])) : h('p', { class: 'muted' }, 'No formulas were recorded.'),
    app.data.latencyNames ? renderToolNames(app.data.latencyNames) : null,
  );
}

/** One row per figure: our metric, then the name each tool gives it (— where it has none). */
function renderToolNames(names: NonNullable<App['data']['latencyNames']>): HTMLElement {
  return h('section', { class: 'tool-names' },
    h('h3', null, 'The same figure in other tools'),
    h('table', { class: 'tool-names-table' },
      h('thead', null, h('tr', null, h('th', null, 'figure'), h('th', null, 'metric'), ...names.tools.map((t) => h('th', null, t)))),
      h('tbody', null, ...names.rows.map((r) => h('tr', { 'data-metric': r.metric },
        h('td', null, r.figure, ...r.notes.map((n) => h('div', { class: 'muted small' }, n))),
        h('td', null, h('code', null, r.metric)),
        ...names.tools.map((t) => h('td', null, r.names[t] ? h('code', null, r.names[t]!) : '—')),
      ))),
    ),
    h('ul', { class: 'muted small' }, ...names.tools.map((t) => h('li', null, `${t}: ${names.sources[t] ?? ''}`))),
  );
}
