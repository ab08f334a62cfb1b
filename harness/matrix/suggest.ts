// "Did you mean …?" — closest candidates by edit distance. Pure.
import { gpuNames } from '../gpu/catalog.ts';

/** Levenshtein distance (insert, delete, substitute; case-insensitive). */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

/**
 * The candidates closest to `word`, best first: those within a distance of about a third of the
 * word's length (at least 2), or that contain it / are contained in it. At most `max`.
 */
export function closest(word: string, candidates: readonly string[], max = 3): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(w.length / 3));
  const scored = [...new Set(candidates)]
    .map((c) => {
      const lc = c.toLowerCase();
      const d = editDistance(w, lc);
      const contains = w.length >= 3 && (lc.includes(w) || w.includes(lc));
      return { c, d: contains ? Math.min(d, limit) : d };
    })
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return scored.slice(0, max).map((x) => x.c);
}

/** `did you mean "a"?` / `did you mean "a" or "b"?`, or undefined when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[], max = 3): string | undefined {
  const c = closest(word, candidates, max);
  if (c.length === 0) return undefined;
  const quoted = c.map((x) => `"${x}"`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return `did you mean ${list}?`;
}

/** Hint for an unknown GPU name: the closest catalog names, and where to see them all. */
export function gpuHint(name: string): string {
  const list = '`matrix gpus --catalog` lists every name and alias';
  const dym = didYouMean(name, gpuNames());
  return dym ? `${dym} (${list})` : list;
}
