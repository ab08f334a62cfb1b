// A literal that every match of a regular expression must contain, to skip the expression on a text without it. Pure.
//
// Read from the expression's source conservatively: only an expression with no top-level alternation, and only
// literal characters outside groups and classes that no quantifier makes optional; anything it cannot read for sure
// ends the literal run. No needle (null) means the expression must be tried on every text.

/** Characters that stand for themselves when escaped. */
const ESCAPED_LITERAL = new Set('./\\()[]{}?*+|^$-:\'"=,<>!@#%&~`;_ '.split(''));

/** One step of the source at `i`: the literal character it stands for (null: none), and where the next step starts. */
interface Step {
  literal: string | null;
  next: number;
}

/** The escape at `i` (a backslash): an escaped literal, or a class, assertion or reference, skipped whole. */
function escapeAt(src: string, i: number): Step {
  const n = src[i + 1];
  if (n !== undefined && ESCAPED_LITERAL.has(n)) return { literal: n, next: i + 2 };
  const skip: Record<string, () => number> = {
    x: () => i + 4,
    c: () => i + 3,
    u: () => (src[i + 2] === '{' ? src.indexOf('}', i) + 1 : i + 6),
    k: () => src.indexOf('>', i) + 1,
    p: () => src.indexOf('}', i) + 1,
    P: () => src.indexOf('}', i) + 1,
  };
  return { literal: null, next: n !== undefined && skip[n] ? skip[n]() : i + 2 };
}

/** Where the character class opened at `i` ends (after its `]`). */
function classEnd(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === '^') j++;
  if (src[j] === ']') j++;
  for (; j < src.length && src[j] !== ']'; j++) if (src[j] === '\\') j++;
  return j + 1;
}

/** The quantifier at `i` may drop what comes before it (`?`, `*`, `{0,…}`). */
const optionalAt = (src: string, i: number): boolean => src[i] === '?' || src[i] === '*' || (src[i] === '{' && /^\{0[,}]/.test(src.slice(i)));
/** The quantifier at `i` repeats what comes before it (`+`, `{n,…}`, n ≥ 1): it is there, but what follows is not next to it. */
const repeatedAt = (src: string, i: number): boolean => src[i] === '+' || (src[i] === '{' && !/^\{0[,}]/.test(src.slice(i)));

/** The runs of literal characters at the top level of `src`, or null when a top-level alternation leaves none certain. */
function literalRuns(src: string): string[] | null {
  const runs: string[] = [];
  let run = '';
  const end = (): void => {
    if (run) runs.push(run);
    run = '';
  };
  let depth = 0;
  for (let i = 0; i < src.length; ) {
    const c = src[i]!;
    let step: Step;
    if (c === '\\') step = escapeAt(src, i);
    else if (c === '[') step = { literal: null, next: classEnd(src, i) };
    else if (c === '{' && depth === 0) step = { literal: null, next: src.indexOf('}', i) + 1 };
    else {
      if (c === '(') depth++;
      if (c === ')') depth--;
      if (depth < 0 || (c === '|' && depth === 0)) return null;
      step = { literal: depth === 0 && !'()|^$.?*+'.includes(c) ? c : null, next: i + 1 };
    }
    if (step.next <= i) return null;
    if (depth > 0 || step.literal === null || optionalAt(src, step.next)) end();
    else {
      run += step.literal;
      if (repeatedAt(src, step.next)) end();
    }
    i = step.next;
  }
  if (depth !== 0) return null;
  end();
  return runs;
}

/** The longest literal (at least `min` characters) every match of `re` contains, lower-cased under the `i` flag; else null. */
export function needleOf(re: RegExp, min = 4): string | null {
  const runs = literalRuns(re.source);
  const best = (runs ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
  if (best.length < min) return null;
  return re.flags.includes('i') ? best.toLowerCase() : best;
}
