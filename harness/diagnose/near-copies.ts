// Near-copies across the corpus's two parts: a held-out log most of whose lines one tuning log holds (the same run committed
// twice, a run pasted in two threads, a sibling run of one benchmark). The split rule keys on a log's source URL, so such copies
// can land in both parts, and a rule written from the tuning copy reads the held-out one too: its held-out score is then not
// out of sample. `matrix diagnose --accuracy --split held-out` counts them and scores the held-out part without them. Pure.

/** The share of a log's lines one log of the other part must hold for it to be a near-copy. */
export const NEAR_COPY_SHARE = 0.75;
/** Lines shorter than this are too common to tell runs apart (blank lines, `)`, short banners). */
const MIN_LINE = 21;

export interface NamedText {
  label: string;
  name: string;
  text: string;
}

/** A log's distinct lines, spaces collapsed, long enough to tell one run from another. */
function linesOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.split('\n')) {
    const l = raw.replace(/\s+/g, ' ').trim();
    if (l.length >= MIN_LINE) out.add(l);
  }
  return out;
}

/**
 * The logs of `part` (as `label/name`) at least `share` of whose lines one log of `others` holds. Each line is looked up in an index
 * of the others' lines, so the whole corpus is compared in one pass.
 */
export function nearCopies(part: readonly NamedText[], others: readonly NamedText[], share = NEAR_COPY_SHARE): Set<string> {
  const index = new Map<string, number[]>();
  others.forEach((o, k) => {
    for (const l of linesOf(o.text)) {
      const at = index.get(l);
      if (at) at.push(k);
      else index.set(l, [k]);
    }
  });
  const out = new Set<string>();
  for (const p of part) {
    const own = linesOf(p.text);
    if (own.size === 0) continue;
    const held = new Map<number, number>();
    let best = 0;
    for (const l of own) {
      for (const k of index.get(l) ?? []) {
        const n = (held.get(k) ?? 0) + 1;
        held.set(k, n);
        if (n > best) best = n;
      }
    }
    if (best / own.size >= share) out.add(`${p.label}/${p.name}`);
  }
  return out;
}
