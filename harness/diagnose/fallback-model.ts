// A small learned fallback for failures nothing else names (no signature, no generic evidence, no
// fallback evidence): a multinomial naive Bayes over normalized tokens of the root-cause region.
// This file is the product (hand-written; it is what would classify). Its weights are generated
// data: `npx tsx scripts/train-fallback.ts --write` counts tokens of the tuning split's logs and
// writes fallback-model.generated.ts; `npx tsx scripts/train-fallback.ts` prints the grouped k-fold
// figures that decide whether the model is used at all. Measured 2026-12-02 on 318 tuning logs:
// out of fold it turns 25 of 27 right `other` calls into 7 (it learns the named categories, whose
// words the unnamed failures share), and at p ≥ 0.9 it decides 4 logs, none right. So classifyLog
// does not use it by default (ClassifyOptions.fallback); no generated module is committed.
//
// The root-cause region: the failure's message (its lines joined) and the frames of the traceback
// that raised it. Its tokens:
//   exc:<class>   the exception's class (`ValueError`, `c10::Error` → `exc:error`)
//   fn:<name>     a frame's function       mod:<name>  a frame's module file (no directory, no .py)
//   <word>        a word of the message: letters only, lower case, 3–24 characters, no stop words
// Each token counts once per log (binary counts: a message repeated by ranks weighs once).
// Deterministic and pure.
import type { LogLine } from './log-lines.ts';
import type { Failure } from './root-cause.ts';
import { blockStart } from './signature-match.ts';

/** Token counts per class, as the training script writes them. */
export interface FallbackModel {
  /** Categories, in a fixed order. */
  classes: string[];
  /** Training logs per class. */
  docs: number[];
  /** token → how many training logs of each class (same order) hold it; tokens seen in ≥ 2 logs. */
  counts: Record<string, number[]>;
}

export interface FallbackGuess {
  category: string;
  /** Posterior probability of that category among the classes (0–1). */
  p: number;
  /** The tokens that weighed most for it, for the explanation. */
  because: string[];
}

const STOP = new Set(
  'the and for with that this from not are was were has have had been but can you your its into than then when which while will would could should there their they them these those use used using more most such only also any all one two per via may might does did done get got set see'.split(' '),
);
const FRAME = /File "([^"]*?)([\w.-]+?)(?:\.py)?", line \d+, in ([\w<>]+)/;
const EXC = /^\s*((?:[A-Za-z_]\w*(?:\.|::))*)([A-Z]?\w*(?:Error|Exception|Failed|Interrupt))\b/;

function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]{3,24}/g) ?? []).filter((w) => !STOP.has(w));
}

/** The tokens of a failure's root-cause region (sorted, each once). */
export function regionTokens(lines: readonly LogLine[], f: Failure): string[] {
  const out = new Set<string>();
  const pos = Math.max(0, f.view.index.indexOf(f.index));
  for (let p = blockStart(lines, f.view, pos); p < pos; p++) {
    const m = FRAME.exec(lines[f.view.index[p]!]!.text);
    if (m) {
      out.add(`mod:${m[2]!.toLowerCase()}`);
      out.add(`fn:${m[3]!.toLowerCase()}`);
    }
  }
  const message = f.block.map((p) => lines[f.view.index[p]!]!.text).join(' ');
  const exc = EXC.exec(message);
  if (exc) out.add(`exc:${exc[2]!.toLowerCase()}`);
  for (const w of words(message)) out.add(w);
  return [...out].sort();
}

/** The most probable class for a region's tokens (Laplace smoothing; ties go to the first class). */
export function guessCategory(model: FallbackModel, tokens: readonly string[]): FallbackGuess | null {
  const known = tokens.filter((t) => model.counts[t] !== undefined);
  if (known.length === 0) return null;
  const total = model.docs.reduce((a, b) => a + b, 0);
  const scores = model.classes.map((_, c) => {
    let s = Math.log((model.docs[c]! + 1) / (total + model.classes.length));
    for (const t of known) s += Math.log((model.counts[t]![c]! + 1) / (model.docs[c]! + 2));
    return s;
  });
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
  const max = scores[best]!;
  const sum = scores.reduce((a, s) => a + Math.exp(s - max), 0);
  const lift = (t: string): number => {
    const n = model.counts[t]!;
    return Math.log((n[best]! + 1) / (model.docs[best]! + 2)) - Math.log((n.reduce((a, b) => a + b, 0) - n[best]! + 1) / (total - model.docs[best]! + 2));
  };
  const because = [...known].sort((a, b) => lift(b) - lift(a) || a.localeCompare(b)).slice(0, 4);
  return { category: model.classes[best]!, p: 1 / sum, because };
}

/** Counts a model from labelled regions (category, tokens); tokens held by fewer than minDocs logs are left out. */
export function trainFallback(examples: ReadonlyArray<{ category: string; tokens: readonly string[] }>, minDocs = 2): FallbackModel {
  const classes = [...new Set(examples.map((e) => e.category))].sort();
  const docs = classes.map((c) => examples.filter((e) => e.category === c).length);
  const all: Record<string, number[]> = {};
  for (const e of examples) {
    const c = classes.indexOf(e.category);
    for (const t of new Set(e.tokens)) (all[t] ??= classes.map(() => 0))[c]! += 1;
  }
  const counts: Record<string, number[]> = {};
  for (const t of Object.keys(all).sort()) if (all[t]!.reduce((a, b) => a + b, 0) >= minDocs) counts[t] = all[t]!;
  return { classes, docs, counts };
}
