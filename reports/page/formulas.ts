// The latency definitions, printed as the store computes them.
import type { App } from './app.ts';
import { h } from './dom.ts';

export function renderFormulas(app: App): HTMLElement {
  const entries = Object.entries(app.data.formulas);
  return h('div', { class: 'formulas' },
    h('p', { class: 'muted' }, 'Raw monotonic timestamps are stored per request; every figure on this page is derived with these definitions.'),
    entries.length ? h('dl', null, entries.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, h('code', null, v))])) : h('p', { class: 'muted' }, 'No formulas were recorded.'),
  );
}
