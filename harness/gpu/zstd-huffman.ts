// Huffman literals for zstd (pure): the tree description (direct 4-bit weights or FSE-compressed
// weights) and the decoding table indexed by the next maxBits bits of the backward stream.
import { BackwardBits, ForwardBits, highBit } from './zstd-bits.ts';
import { buildFse, readFseCounts } from './zstd-fse.ts';

export interface HuffmanTable {
  maxBits: number;
  symbol: Uint8Array;
  bits: Uint8Array;
}

/** Read a Huffman tree description at `p`; the last symbol's weight is implied, not listed. */
export function readHuffmanWeights(block: Uint8Array, p: number): { weights: number[]; next: number } {
  const hb = block[p]!;
  if (hb >= 128) {
    const n = hb - 127;
    const weights: number[] = [];
    for (let i = 0; i < n; i++) {
      const byte = block[p + 1 + (i >> 1)]!;
      weights.push(i % 2 === 0 ? byte >> 4 : byte & 15);
    }
    return { weights, next: p + 1 + Math.ceil(n / 2) };
  }
  const end = p + 1 + hb;
  const fwd = new ForwardBits(block, p + 1);
  const { counts, log } = readFseCounts(fwd, 255, 6);
  const t = buildFse(counts, log);
  const bits = new BackwardBits(block.subarray(fwd.byteEnd(), end));
  let s1 = bits.read(log);
  let s2 = bits.read(log);
  const weights: number[] = [];
  // two interleaved states; when the stream runs out, the other state gives the last weight
  for (;;) {
    weights.push(t.symbol[s1]!);
    s1 = t.base[s1]! + bits.read(t.bits[s1]!);
    if (bits.overflowed()) {
      weights.push(t.symbol[s2]!);
      break;
    }
    weights.push(t.symbol[s2]!);
    s2 = t.base[s2]! + bits.read(t.bits[s2]!);
    if (bits.overflowed()) {
      weights.push(t.symbol[s1]!);
      break;
    }
    if (weights.length > 255) throw new Error('zstd: too many Huffman weights');
  }
  return { weights, next: end };
}

/** Decoding table: weight w gets maxBits+1-w bits; lower weights take the lower code values. */
export function buildHuffman(listed: readonly number[]): HuffmanTable {
  let total = 0;
  for (const w of listed) if (w > 0) total += 1 << (w - 1);
  if (total === 0) throw new Error('zstd: empty Huffman tree');
  const maxBits = highBit(total) + 1;
  const left = (1 << maxBits) - total;
  if (left & (left - 1) || maxBits > 11) throw new Error('zstd: corrupt Huffman weights');
  const weights = [...listed, highBit(left) + 1];
  const size = 1 << maxBits;
  const symbol = new Uint8Array(size);
  const bits = new Uint8Array(size);
  let pos = 0;
  for (let w = 1; w <= maxBits; w++) {
    weights.forEach((ws, s) => {
      if (ws !== w) return;
      const n = 1 << (w - 1);
      symbol.fill(s, pos, pos + n);
      bits.fill(maxBits + 1 - w, pos, pos + n);
      pos += n;
    });
  }
  return { maxBits, symbol, bits };
}
