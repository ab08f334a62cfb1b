// Finite State Entropy tables for zstd (pure): reading normalized counts, building decoding
// tables, and the predefined distributions of literal lengths, match lengths and offsets (RFC 8878).
import { highBit, type ForwardBits } from './zstd-bits.ts';

export interface FseTable {
  log: number;
  symbol: Uint8Array;
  bits: Uint8Array;
  base: Uint32Array;
}

/** Decoding table for normalized counts (-1 = "less than one") at accuracy `log`. */
export function buildFse(counts: readonly number[], log: number): FseTable {
  const size = 1 << log;
  const symbol = new Uint8Array(size);
  const bits = new Uint8Array(size);
  const base = new Uint32Array(size);
  const next: number[] = [];
  let high = size - 1;
  counts.forEach((c, s) => {
    if (c === -1) {
      symbol[high--] = s;
      next[s] = 1;
    } else next[s] = c;
  });
  const step = (size >> 1) + (size >> 3) + 3;
  let pos = 0;
  counts.forEach((c, s) => {
    for (let i = 0; i < c; i++) {
      symbol[pos] = s;
      do pos = (pos + step) & (size - 1);
      while (pos > high);
    }
  });
  if (pos !== 0) throw new Error('zstd: FSE counts do not fill the table');
  for (let u = 0; u < size; u++) {
    const x = next[symbol[u]!]!++;
    bits[u] = log - highBit(x);
    base[u] = (x << bits[u]!) - size;
  }
  return { log, symbol, bits, base };
}

/** The one-symbol table of RLE mode. */
export function rleTable(symbol: number): FseTable {
  return { log: 0, symbol: Uint8Array.of(symbol), bits: Uint8Array.of(0), base: Uint32Array.of(0) };
}

/** Read an FSE table description (normalized counts) from a forward bit stream. */
export function readFseCounts(bits: ForwardBits, maxSymbol: number, maxLog: number): { counts: number[]; log: number } {
  const log = bits.read(4) + 5;
  if (log > maxLog) throw new Error(`zstd: FSE accuracy ${log} above ${maxLog}`);
  let remaining = (1 << log) + 1;
  let threshold = 1 << log;
  let nbBits = log + 1;
  const counts: number[] = [];
  while (remaining > 1 && counts.length <= maxSymbol) {
    const max = 2 * threshold - 1 - remaining;
    let v = bits.peek(nbBits - 1);
    if (v < max) bits.skip(nbBits - 1);
    else {
      v = bits.peek(nbBits);
      if (v >= threshold) v -= max;
      bits.skip(nbBits);
    }
    const count = v - 1;
    remaining -= Math.abs(count);
    counts.push(count);
    if (count === 0) {
      let r: number;
      do {
        r = bits.read(2);
        for (let k = 0; k < r; k++) counts.push(0);
      } while (r === 3);
    }
    while (remaining < threshold) {
      nbBits--;
      threshold >>= 1;
    }
  }
  if (remaining !== 1 || counts.length > maxSymbol + 1) throw new Error('zstd: corrupt FSE table description');
  return { counts, log };
}

export const LL_DEFAULT = buildFse([4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1, -1, -1, -1, -1], 6);
export const ML_DEFAULT = buildFse(
  [1, 4, 3, 2, 2, 2, 2, 2, 2, ...Array<number>(37).fill(1), -1, -1, -1, -1, -1, -1, -1],
  6,
);
export const OF_DEFAULT = buildFse([1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1], 5);
