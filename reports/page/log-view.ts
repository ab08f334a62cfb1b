// The log excerpt: numbered lines set as text (never HTML), evidence lines highlighted, long lines
// folded behind "show more", and a link to the full log.
import type { ShownLine } from '../text.ts';
import { h } from './dom.ts';

/** Characters shown before a long line folds. */
export const FOLD_CHARS = 400;

function lineText(l: ShownLine): HTMLElement {
  const span = h('span', { class: 'text' });
  if (l.text.length <= FOLD_CHARS && l.cut === undefined) {
    span.textContent = l.text;
    return span;
  }
  span.textContent = l.text.slice(0, FOLD_CHARS);
  const total = l.cut ?? l.text.length;
  const more = h('button', { class: 'more', type: 'button' }, `… show more (${total.toLocaleString('en-US')} chars)`);
  more.addEventListener('click', () => {
    span.textContent = l.text;
    more.remove();
    if (l.cut !== undefined) span.append(h('span', { class: 'cut muted' }, ` [cut at ${l.text.length.toLocaleString('en-US')} of ${l.cut.toLocaleString('en-US')} chars — see the full log]`));
  });
  span.append(more);
  return span;
}

export function renderLog(lines: ShownLine[], evidence: ShownLine[], logHref: string | null): HTMLElement {
  const marked = new Set(evidence.filter((e) => !e.source).map((e) => e.line));
  const pre = h('div', { class: 'log', role: 'log' });
  for (const l of lines) {
    pre.appendChild(h('div', { class: `ln${marked.has(l.line) ? ' evidence' : ''}`, 'data-line': l.line }, h('span', { class: 'no' }, l.line), lineText(l)));
  }
  const first = pre.querySelector<HTMLElement>('.ln.evidence');
  // Bring the first evidence line into the excerpt's view once the panel is laid out.
  if (first) requestAnimationFrame(() => (pre.scrollTop = Math.max(0, first.offsetTop - pre.offsetTop - 48)));
  return h('div', { class: 'log-box' },
    lines.length ? pre : h('p', { class: 'muted' }, 'No log lines were kept for this cell.'),
    logHref ? h('a', { class: 'full-log', href: logHref, target: '_blank', rel: 'noopener' }, 'open the full log ↗') : null,
  );
}

/** Evidence lines: log lines by their number, then what other sources (a probe) saw, labelled with the source. */
export function renderEvidence(evidence: ShownLine[]): HTMLElement {
  const ordered = [...evidence].sort((a, b) => (a.source ?? '').localeCompare(b.source ?? '') || a.line - b.line);
  return h('div', { class: 'evidence-list' }, ordered.map((e) =>
    h('div', { class: `ln evidence${e.source ? ' from-source' : ''}` }, h('span', { class: 'no' }, e.source ?? e.line), lineText(e))));
}
