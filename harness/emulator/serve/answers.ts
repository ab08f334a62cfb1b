// Deterministic, checkable answers: arithmetic gets the right number, images get their dominant
// colour, anything else gets a text derived from the prompt. Pure.
import { prng } from '../../core/prng.ts';
import { COLOUR_NAMES, dominantColourOfDataUrl } from './colour.ts';

const WORDS: Record<string, string> = {
  plus: '+', add: '+', added: '+', minus: '-', subtract: '-', subtracted: '-', less: '-',
  times: '*', multiplied: '*', x: '*', '×': '*', divided: '/', over: '/', '÷': '/',
};

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return 'undefined';
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toFixed(6)));
}

function apply(a: number, op: string, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    default:
      return a / b;
  }
}

const NUM = String.raw`(-?\d+(?:\.\d+)?)`;

/**
 * The result of the arithmetic question in `prompt`, or null when it asks none.
 * Understands "17 + 25", "17 plus 25", "17 multiplied by 3", "100 divided by 4",
 * "the sum of 3 and 4", "the product of 6 and 7", "subtract 5 from 12".
 */
export function solveArithmetic(prompt: string): string | null {
  const p = prompt.replace(/,(?=\d{3}\b)/g, '');
  const sym = new RegExp(`${NUM}\\s*([+\\-*/x×÷])\\s*${NUM}`, 'i').exec(p);
  if (sym) {
    const op = WORDS[sym[2]!.toLowerCase()] ?? sym[2]!;
    return formatNumber(apply(Number(sym[1]), op, Number(sym[3])));
  }
  const word = new RegExp(`${NUM}\\s+(plus|minus|times|multiplied by|divided by|over|less)\\s+${NUM}`, 'i').exec(p);
  if (word) {
    const op = WORDS[word[2]!.toLowerCase().split(' ')[0]!]!;
    return formatNumber(apply(Number(word[1]), op, Number(word[3])));
  }
  const of = new RegExp(`(sum|difference|product|quotient) of ${NUM} and ${NUM}`, 'i').exec(p);
  if (of) {
    const op = { sum: '+', difference: '-', product: '*', quotient: '/' }[of[1]!.toLowerCase() as 'sum']!;
    return formatNumber(apply(Number(of[2]), op, Number(of[3])));
  }
  const from = new RegExp(`subtract ${NUM} from ${NUM}`, 'i').exec(p);
  if (from) return formatNumber(Number(from[2]) - Number(from[1]));
  return null;
}

/** Units by dimension, in a base unit of each (mm, s, g, ml): what a model knows of conversions. */
const UNITS: Record<string, [string, number]> = {
  kilometres: ['length', 1e6], metres: ['length', 1000], centimetres: ['length', 10], millimetres: ['length', 1],
  yards: ['length', 914.4], feet: ['length', 304.8], inches: ['length', 25.4],
  weeks: ['time', 604800], days: ['time', 86400], hours: ['time', 3600], minutes: ['time', 60], seconds: ['time', 1],
  kilograms: ['mass', 1000], grams: ['mass', 1], litres: ['volume', 1000], millilitres: ['volume', 1],
};
const TAKES = /^(?:gives away|sells|loses|eats|spends)$/;

/**
 * The answer to a counting, unit-conversion or multi-step word problem in `prompt`, or null:
 * 'How many times does the letter "r" appear in "strawberry"?', 'How many items are in this
 * list: a, b, c?', 'Convert 7 kilometres to metres.', 'Ana has 7 boxes with 12 pencils in each.
 * Ana gives away 15 pencils, then buys 8 more. …'.
 */
export function solveWordProblem(prompt: string): string | null {
  const letter = /letter "(.)" appear in "([^"]+)"/i.exec(prompt);
  if (letter) return String([...letter[2]!.toLowerCase()].filter((c) => c === letter[1]!.toLowerCase()).length);
  const list = /how many items are in this list: ([^?]+)\?/i.exec(prompt);
  if (list) return String(list[1]!.split(',').filter((x) => x.trim() !== '').length);
  const conv = new RegExp(`convert ${NUM} (\\w+) (?:to|into) (\\w+)`, 'i').exec(prompt);
  const [from, to] = [UNITS[conv?.[2]?.toLowerCase() ?? ''], UNITS[conv?.[3]?.toLowerCase() ?? '']];
  if (conv && from && to && from[0] === to[0]) return formatNumber((Number(conv[1]) * from[1]) / to[1]);
  const start = /has (\d+) \w+ with (\d+) \w+ in each/i.exec(prompt);
  if (!start) return null;
  let total = Number(start[1]) * Number(start[2]);
  for (const m of prompt.matchAll(/\b(gives away|sells|loses|eats|spends|buys|finds|receives|gets) (\d+)/gi)) {
    total += (TAKES.test(m[1]!.toLowerCase()) ? -1 : 1) * Number(m[2]);
  }
  return String(total);
}

const VOCAB = (
  'the model answers every question with care and a steady voice while the matrix checks each cell ' +
  'across images gpus and flags so that nothing breaks quietly in the night when kernels load and ' +
  'graphs capture under load with tokens flowing one by one through the stream'
).split(' ');

/** FNV-1a 32-bit hash. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A deterministic PRNG (mulberry32) for texts and acceptance draws. */
export { prng };

/** The text a prompt without arithmetic or images gets: `words` words chosen by the prompt's hash. */
export function deterministicText(prompt: string, words = 48): string {
  const rand = prng(hash32(prompt));
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(VOCAB[Math.floor(rand() * VOCAB.length)]!);
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

/** Split text into word-ish tokens whose concatenation is the text (leading spaces stay with the word). */
export function tokenize(text: string): string[] {
  return text.match(/\s*[^\s]+|\s+$/g) ?? [];
}

export interface Question {
  /** The text of the last user message. */
  text: string;
  /** Image URLs in the last user message, in order. */
  images: string[];
}

/** The full answer (before max_tokens truncation). */
export function answerFor(q: Question): string {
  if (q.images.length > 0) {
    return q.images.map((u) => dominantColourOfDataUrl(u) ?? 'unknown').join(', ');
  }
  return solveWordProblem(q.text) ?? solveArithmetic(q.text) ?? deterministicText(q.text);
}

/** What lossy speculative decoding turns an answer into (a different, still plausible text). */
export function corruptAnswer(answer: string): string {
  if (/^-?\d+(\.\d+)?$/.test(answer)) return formatNumber(Number(answer) + 1);
  const toks = tokenize(answer);
  if (toks.length < 2) return answer + ' the';
  const half = Math.floor(toks.length / 2);
  return [...toks.slice(0, half), ...toks.slice(half).map((t) => t.replace(/\S+/, 'the'))].join('');
}

/** What a batch decoded wrongly answers (faults.corrupt_batched): colours named as the next colour, anything else as corruptAnswer. */
export function wrongInBatch(answer: string): string {
  const names: readonly string[] = COLOUR_NAMES;
  const colours = answer.split(', ');
  if (colours.every((c) => names.includes(c))) return colours.map((c) => names[(names.indexOf(c) + 1) % names.length]).join(', ');
  return corruptAnswer(answer);
}
