// Failures grouped by signature: what broke, how often, where, and what fixes it.
import type { EmbeddedCell } from '../embedded.ts';
import type { App } from './app.ts';
import { h } from './dom.ts';
import { fixText, optionsText } from './model.ts';

const FAILED = new Set(['fail', 'xfail', 'infra', 'flaky']);

export function failureGroups(cells: EmbeddedCell[]): Array<[string, EmbeddedCell[]]> {
  const m = new Map<string, EmbeddedCell[]>();
  for (const c of cells) {
    if (!FAILED.has(c.verdict)) continue;
    const kind = c.category && c.category !== 'healthy' ? c.category : c.verdict;
    const key = c.signature ?? `${kind} (no signature)`;
    if (!m.has(key)) m.set(key, []);
    m.get(key)!.push(c);
  }
  return [...m.entries()].sort((a, b) => b[1].length - a[1].length);
}

export function renderFailures(app: App, cells: EmbeddedCell[]): HTMLElement {
  const groups = failureGroups(cells);
  if (groups.length === 0) return h('p', { class: 'empty-state' }, 'No failures among the visible cells.');
  return h('div', { class: 'failures' }, groups.map(([sig, list]) => {
    const first = list[0]!;
    const fixes = [...new Set(list.map(fixText).filter((x): x is string => x !== null))];
    return h('article', { class: 'fgroup' },
      h('header', null,
        h('code', { class: 'sig' }, sig), ' ', first.category && first.category !== 'healthy' ? h('span', { class: 'badge' }, first.category) : null,
        h('span', { class: 'n' }, `${list.length} cell${list.length > 1 ? 's' : ''}`),
        h('button', { class: 'link', type: 'button', onclick: () => app.update({ filters: { ...app.state.filters, sig: first.signature ?? '' }, tab: 'grid' }) }, 'show in grid')),
      first.title ? h('p', { class: 'f-title' }, first.title) : null,
      first.remedies.length ? h('p', { class: 'muted' }, 'remedies: ', first.remedies.map((r) => h('code', null, optionsText(r as Record<string, unknown>))).flatMap((x, i) => (i ? [' → ', x] : [x]))) : null,
      fixes.length ? h('p', { class: 'fixed-by' }, '✔ triage fixed by ', fixes.map((f) => h('code', null, f)).flatMap((x, i) => (i ? [', ', x] : [x]))) : null,
      h('div', { class: 'chips' }, list.map((c) => h('a', { class: `chip v-${c.verdict}`, href: `#cell=${encodeURIComponent(c.id)}`, 'data-open': c.id, title: c.reason ?? c.verdict }, c.id))),
    );
  }));
}
