// The panel section of a flaky cell's failed attempt: the failure that a retry then passed, with
// its signature, evidence and log tail (the rest of the panel shows the passing retry).
import type { EmbeddedCell } from '../embedded.ts';
import { h } from './dom.ts';
import { renderEvidence, renderLog } from './log-view.ts';
import { section } from './panel-parts.ts';

export function failedAttemptPart(c: EmbeddedCell): HTMLElement | null {
  const f = c.failedAttempt;
  if (!f) return null;
  const el = section(`Attempt ${f.attempt} failed, then a retry passed`,
    f.title ? h('p', { class: 'f-title' }, f.title) : null,
    f.signature ? h('div', { class: 'f-meta' }, h('code', { class: 'sig' }, f.signature)) : null,
    f.evidence.length ? h('div', null, h('h4', null, 'Evidence'), renderEvidence(f.evidence)) : null,
    h('h4', null, `Log of attempt ${f.attempt}`),
    renderLog(f.logExcerpt, f.evidence, null));
  el.classList.add('failed-attempt');
  return el;
}
