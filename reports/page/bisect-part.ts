// The panel section of a cell's newest `matrix bisect`: the first bad and last good image refs (with
// their digests), the failure the first bad one shows, and each probe run, linked to its run.
import type { EmbeddedCell } from '../embedded.ts';
import { h } from './dom.ts';
import { section } from './panel-parts.ts';

const shortDigest = (d: string | null) => (d ? ` (${d.length > 19 ? `${d.slice(0, 19)}…` : d})` : '');

/** A probe run: a link when this report holds it (the newest run: no run in the hash), else its id and how to see it. */
function runLink(run: string, n: number, cellId: string, shown: readonly string[]): HTMLElement {
  if (!shown.includes(run)) return h('span', { class: 'muted', title: `not in this report: matrix report --run ${run}` }, `run ${n} (${run})`);
  const hash = run === shown[0] ? `#cell=${encodeURIComponent(cellId)}` : `#run=${encodeURIComponent(run)}&cell=${encodeURIComponent(cellId)}`;
  return h('a', { href: hash, title: `run ${run}` }, `run ${n}`);
}

/** `shown`: the runs this report holds, newest first. */
export function bisectPart(c: EmbeddedCell, shown: readonly string[]): HTMLElement | null {
  const b = c.bisect;
  if (!b) return null;
  const runs = b.runs.map((r, i) =>
    h('li', null, runLink(r.run, i + 1, c.id, shown), `: ${r.ref} → ${r.verdict}`, r.signature ? ` (${r.signature})` : '', r.purpose === 'search' ? '' : ` · ${r.purpose}`));
  const el = section(`Bisect over ${b.refs.length} images`,
    b.status === 'found' && b.firstBad && b.lastGood
      ? h('p', { class: 'bisect-answer' }, 'first bad: ', h('b', null, b.firstBad.ref), shortDigest(b.firstBad.digest), ', last good: ', h('b', null, b.lastGood.ref), shortDigest(b.lastGood.digest),
        `; ${b.runs.length} run${b.runs.length === 1 ? '' : 's'} (≤ ${b.bound} to search)`)
      : h('p', { class: 'bisect-answer' }, 'no answer: ', b.error ?? 'the bisect stopped'),
    b.signature ? h('div', { class: 'f-meta' }, 'appears: ', h('code', { class: 'sig' }, b.signature)) : null,
    runs.length ? h('ol', { class: 'bisect-runs' }, runs) : null,
    h('p', { class: 'muted' }, `bisect ${b.id}, ${b.startedAt.slice(0, 16).replace('T', ' ')} · refs in order: ${b.refs.join(', ')}`));
  el.classList.add('bisect');
  return el;
}
