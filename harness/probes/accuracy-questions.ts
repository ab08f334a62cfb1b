// The accuracy probe's questions: generated from a seed, deterministic, each with one checkable
// answer. Four families, in turn: multi-step arithmetic word problems, counting letters, counting
// list items, and unit conversions with exact factors. Written here, not copied from a benchmark,
// so no model has seen them verbatim. Pure.

import { prng as seeded } from '../core/prng.ts';

export interface AccuracyQuestion {
  prompt: string;
  /** The expected answer: a number (compared as a whole number) or a word. */
  answer: string;
}

type Rand = () => number;
const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const SUFFIX = 'Answer with just the number.';
const NAMES = ['Ana', 'Ben', 'Chen', 'Dara', 'Emil', 'Fatima', 'Goran', 'Hana', 'Ivo', 'Jun', 'Kofi', 'Lena'];
const PACKS = [
  ['boxes', 'pencils'], ['crates', 'apples'], ['bags', 'marbles'], ['shelves', 'books'],
  ['trays', 'cups'], ['jars', 'buttons'], ['baskets', 'eggs'], ['racks', 'bottles'],
] as const;
const TAKE = ['gives away', 'sells', 'loses'] as const;
const ADD = ['buys', 'finds', 'receives'] as const;
const WORDS = [
  'banana', 'strawberry', 'mississippi', 'parallel', 'committee', 'balloon', 'coffee', 'letter',
  'assessment', 'bookkeeper', 'address', 'tomorrow', 'success', 'pepper', 'grammar', 'cinnamon',
];
const ITEMS = ['lamp', 'chair', 'river', 'cloud', 'stone', 'piano', 'tiger', 'candle', 'window', 'garden', 'mirror', 'rocket'];
/** Exact conversion factors: [from, to, factor]. */
export const CONVERSIONS: ReadonlyArray<readonly [string, string, number]> = [
  ['kilometres', 'metres', 1000], ['metres', 'centimetres', 100], ['kilograms', 'grams', 1000],
  ['hours', 'minutes', 60], ['minutes', 'seconds', 60], ['days', 'hours', 24],
  ['litres', 'millilitres', 1000], ['weeks', 'days', 7], ['feet', 'inches', 12], ['yards', 'feet', 3],
];

/** "Ana has 7 boxes with 12 pencils in each. Ana gives away 15 pencils, then buys 8 more. …" */
function wordProblem(rand: Rand): AccuracyQuestion {
  const name = pick(rand, NAMES);
  const [pack, item] = pick(rand, PACKS);
  const a = int(rand, 3, 12);
  const b = int(rand, 4, 15);
  const take = int(rand, 1, a * b - 1);
  const add = int(rand, 2, 30);
  const steps = rand() < 0.5 ? 2 : 3;
  let total = a * b - take + add;
  let text = `${name} has ${a} ${pack} with ${b} ${item} in each. ${name} ${pick(rand, TAKE)} ${take} ${item}, then ${pick(rand, ADD)} ${add} more.`;
  if (steps === 3) {
    const again = int(rand, 1, total - 1);
    total -= again;
    text += ` Later ${name} ${pick(rand, TAKE)} ${again} ${item}.`;
  }
  return { prompt: `${text} How many ${item} does ${name} have now? ${SUFFIX}`, answer: String(total) };
}

/** 'How many times does the letter "r" appear in "strawberry coffee"?' */
function letterCount(rand: Rand): AccuracyQuestion {
  const phrase = Array.from({ length: int(rand, 1, 3) }, () => pick(rand, WORDS)).join(' ');
  const letters = [...new Set(phrase.replace(/ /g, ''))];
  const letter = pick(rand, letters);
  const count = [...phrase].filter((c) => c === letter).length;
  return { prompt: `How many times does the letter "${letter}" appear in "${phrase}"? ${SUFFIX}`, answer: String(count) };
}

/** "How many items are in this list: lamp, chair, river? …" */
function listCount(rand: Rand): AccuracyQuestion {
  const n = int(rand, 3, 14);
  const items = Array.from({ length: n }, () => pick(rand, ITEMS));
  return { prompt: `How many items are in this list: ${items.join(', ')}? ${SUFFIX}`, answer: String(n) };
}

/** "Convert 7 kilometres to metres." */
function conversion(rand: Rand): AccuracyQuestion {
  const [from, to, factor] = pick(rand, CONVERSIONS);
  const v = int(rand, 2, 40);
  return { prompt: `Convert ${v} ${from} to ${to}. ${SUFFIX}`, answer: String(v * factor) };
}

const FAMILIES = [wordProblem, letterCount, listCount, conversion];

/** `count` questions from `seed`: the same seed gives the same questions, in the same order. */
export function generateQuestions(count: number, seed: number): AccuracyQuestion[] {
  const rand = seeded(seed);
  const out: AccuracyQuestion[] = [];
  const seen = new Set<string>();
  // Duplicates are dropped (a repeated prompt would count twice); the families hold thousands of
  // distinct prompts, so this ends quickly for any sensible count.
  for (let i = 0; out.length < count && i < count * 50; i++) {
    const q = FAMILIES[out.length % FAMILIES.length]!(rand);
    if (seen.has(q.prompt)) continue;
    seen.add(q.prompt);
    out.push(q);
  }
  return out;
}
