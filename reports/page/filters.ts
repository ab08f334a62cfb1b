// The filter bar: GPU, image, model, flags, signature, free text, pivot. Built once; `sync`
// puts the state's values back after a URL change.
import type { App } from './app.ts';
import { h } from './dom.ts';
import { NO_FILTERS, uniq, type Filters } from './model.ts';

type Key = 'gpu' | 'image' | 'model' | 'flags' | 'sig';

export interface FilterBar {
  el: HTMLElement;
  sync(shown: number): void;
}

export function renderFilters(app: App): FilterBar {
  const cells = app.data.cells;
  const options: Record<Key, string[]> = {
    gpu: uniq(cells.map((c) => c.gpu)),
    image: uniq(cells.map((c) => c.image)),
    model: uniq(cells.map((c) => c.model)),
    flags: uniq(cells.map((c) => c.flags)),
    sig: uniq(cells.map((c) => c.signature ?? '').filter(Boolean)).sort(),
  };
  const labels: Record<Key, string> = { gpu: 'GPUs', image: 'images', model: 'models', flags: 'flag sets', sig: 'signatures' };
  const set = (patch: Partial<Filters>) => app.update({ filters: { ...app.state.filters, ...patch } });
  const selects = {} as Record<Key, HTMLSelectElement>;
  for (const key of Object.keys(options) as Key[]) {
    selects[key] = h('select', { name: key, 'aria-label': labels[key], onchange: (e: Event) => set({ [key]: (e.target as HTMLSelectElement).value }) },
      h('option', { value: '' }, `all ${labels[key]}`),
      options[key].map((v) => h('option', { value: v }, v)),
    );
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const search = h('input', {
    type: 'search', name: 'q', placeholder: 'search id, signature, reason…  ( / )', 'aria-label': 'search',
    oninput: (e: Event) => {
      clearTimeout(timer);
      const value = (e.target as HTMLInputElement).value;
      timer = setTimeout(() => set({ q: value }), 120);
    },
  });
  const pivot = h('label', { class: 'toggle' }, h('input', { type: 'checkbox', name: 'pivot', onchange: (e: Event) => app.update({ pivot: (e.target as HTMLInputElement).checked }) }), ' pivot');
  const count = h('span', { class: 'shown muted' });
  const clear = h('button', { class: 'link', onclick: () => app.update({ filters: { ...NO_FILTERS } }) }, 'clear');
  const el = h('div', { class: 'filters' }, search, Object.values(selects), pivot, count, clear);
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && document.activeElement !== search) {
      e.preventDefault();
      search.focus();
    }
  });
  return {
    el,
    sync(shown: number) {
      const f = app.state.filters;
      for (const key of Object.keys(selects) as Key[]) selects[key].value = f[key];
      if (document.activeElement !== search) search.value = f.q;
      (pivot.firstChild as HTMLInputElement).checked = app.state.pivot;
      const any = f.gpu || f.image || f.model || f.flags || f.sig || f.q || f.v.length;
      count.textContent = `${shown} of ${app.data.cells.length} cells`;
      clear.hidden = !any;
    },
  };
}
