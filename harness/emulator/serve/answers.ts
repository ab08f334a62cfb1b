// Deterministic, checkable answers: arithmetic gets the right number, images get their dominant
// colour, anything else gets a text derived from the prompt. Pure.
import { dominantColourOfDataUrl } from './colour.ts';

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
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
  return solveArithmetic(q.text) ?? deterministicText(q.text);
}

/** What lossy speculative decoding turns an answer into (a different, still plausible text). */
export function corruptAnswer(answer: string): string {
  if (/^-?\d+(\.\d+)?$/.test(answer)) return formatNumber(Number(answer) + 1);
  const toks = tokenize(answer);
  if (toks.length < 2) return answer + ' the';
  const half = Math.floor(toks.length / 2);
  return [...toks.slice(0, half), ...toks.slice(half).map((t) => t.replace(/\S+/, 'the'))].join('');
}
