// Zstandard decompression (pure, RFC 8878), for the zstd-compressed entries of CUDA fat binaries
// (entry flag 0x8000; Node 20 has no zstd in zlib). Single frames without dictionaries, which is
// what fatbinary writes. `maxOutput` stops early: the toolkit banner of a cubin and the `.version`
// of PTX sit near the start, so a prefix is enough.
import { BackwardBits, ForwardBits } from './zstd-bits.ts';
import { buildFse, LL_DEFAULT, ML_DEFAULT, OF_DEFAULT, readFseCounts, rleTable, type FseTable } from './zstd-fse.ts';
import { buildHuffman, readHuffmanWeights, type HuffmanTable } from './zstd-huffman.ts';

const MAGIC = 0xfd2fb528;

const LL_BASE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 28, 32, 40, 48, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536];
const LL_BITS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
const ML_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 37, 39, 41, 43, 47, 51, 59, 67, 83, 99,
  131, 259, 515, 1027, 2051, 4099, 8195, 16387, 32771, 65539,
];
const ML_BITS = [...Array<number>(32).fill(0), 1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

class Output {
  buf: Uint8Array;
  len = 0;
  constructor(size: number) {
    this.buf = new Uint8Array(Math.max(size, 1024));
  }
  private grow(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  push(bytes: Uint8Array): void {
    this.grow(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }
  fill(byte: number, n: number): void {
    this.grow(n);
    this.buf.fill(byte, this.len, this.len + n);
    this.len += n;
  }
  copyMatch(offset: number, n: number): void {
    if (offset === 0 || offset > this.len) throw new Error(`zstd: match offset ${offset} before the start of the output`);
    this.grow(n);
    if (offset >= n) {
      this.buf.copyWithin(this.len, this.len - offset, this.len - offset + n);
      this.len += n;
      return;
    }
    for (let i = 0; i < n; i++, this.len++) this.buf[this.len] = this.buf[this.len - offset]!; // overlapping: repeats
  }
}

/** Tables carried from block to block (Treeless literals, Repeat modes, repeat offsets). */
interface State {
  huffman: HuffmanTable | null;
  ll: FseTable | null;
  of: FseTable | null;
  ml: FseTable | null;
  reps: [number, number, number];
}

/** Is this a zstd frame (magic 0xFD2FB528)? */
export function isZstd(src: Uint8Array): boolean {
  return src.length >= 4 && (src[0]! | (src[1]! << 8) | (src[2]! << 16) | (src[3]! << 24)) >>> 0 === MAGIC;
}

/**
 * Decompress a zstd frame. Stops after the block that brings the output to `maxOutput` bytes or
 * more (the result is then a prefix). Throws on malformed input and on dictionaries.
 */
export function zstdDecompress(src: Uint8Array, maxOutput = Infinity): Uint8Array {
  if (!isZstd(src)) throw new Error('zstd: no frame magic');
  let p = 4;
  const fhd = src[p++]!;
  const fcsFlag = fhd >> 6;
  const single = (fhd >> 5) & 1;
  if (fhd & 3) throw new Error('zstd: frames with a dictionary are not supported');
  if (!single) p++; // window descriptor
  const fcsBytes = [single ? 1 : 0, 2, 4, 8][fcsFlag]!;
  let contentSize = 0;
  for (let i = 0; i < fcsBytes; i++) contentSize += src[p + i]! * 2 ** (8 * i);
  if (fcsBytes === 2) contentSize += 256;
  p += fcsBytes;
  const out = new Output(Math.min(contentSize || 1 << 16, Number.isFinite(maxOutput) ? maxOutput + (1 << 17) : Infinity));
  const state: State = { huffman: null, ll: null, of: null, ml: null, reps: [1, 4, 8] };
  for (;;) {
    if (p + 3 > src.length) throw new Error('zstd: truncated block header');
    const h = src[p]! | (src[p + 1]! << 8) | (src[p + 2]! << 16);
    p += 3;
    const last = h & 1;
    const type = (h >> 1) & 3;
    const size = h >>> 3;
    if (type === 0) {
      out.push(src.subarray(p, p + size));
      p += size;
    } else if (type === 1) {
      out.fill(src[p]!, size);
      p += 1;
    } else if (type === 2) {
      if (p + size > src.length) throw new Error('zstd: truncated block');
      compressedBlock(src.subarray(p, p + size), out, state, maxOutput);
      p += size;
    } else {
      throw new Error('zstd: reserved block type');
    }
    if (last || out.len >= maxOutput) break;
  }
  return out.buf.subarray(0, out.len);
}

function compressedBlock(block: Uint8Array, out: Output, state: State, maxOutput: number): void {
  const { literals, ensure, next } = readLiterals(block, state);
  let p = next;
  const b0 = block[p++] ?? 0;
  let nbSeq = b0;
  if (b0 >= 128 && b0 < 255) nbSeq = ((b0 - 128) << 8) + block[p++]!;
  else if (b0 === 255) {
    nbSeq = block[p]! + (block[p + 1]! << 8) + 0x7f00;
    p += 2;
  }
  if (nbSeq === 0) {
    ensure(literals.length);
    out.push(literals);
    return;
  }
  const modes = block[p++]!;
  const table = (mode: number, kind: 'll' | 'of' | 'ml', dflt: FseTable, maxSymbol: number, maxLog: number): FseTable => {
    if (mode === 0) return dflt;
    if (mode === 1) return rleTable(block[p++]!);
    if (mode === 2) {
      const fwd = new ForwardBits(block, p);
      const { counts, log } = readFseCounts(fwd, maxSymbol, maxLog);
      p = fwd.byteEnd();
      return buildFse(counts, log);
    }
    const prev = state[kind];
    if (!prev) throw new Error('zstd: repeat mode without a previous table');
    return prev;
  };
  const ll = (state.ll = table((modes >> 6) & 3, 'll', LL_DEFAULT, 35, 9));
  const of = (state.of = table((modes >> 4) & 3, 'of', OF_DEFAULT, 31, 8));
  const ml = (state.ml = table((modes >> 2) & 3, 'ml', ML_DEFAULT, 52, 9));
  const bits = new BackwardBits(block.subarray(p));
  let sLL = bits.read(ll.log);
  let sOF = bits.read(of.log);
  let sML = bits.read(ml.log);
  let lit = 0;
  const reps = state.reps;
  for (let i = 0; i < nbSeq; i++) {
    const ofCode = of.symbol[sOF]!;
    const mlCode = ml.symbol[sML]!;
    const llCode = ll.symbol[sLL]!;
    if (llCode > 35 || mlCode > 52 || ofCode > 31) throw new Error('zstd: bad sequence code');
    const ofValue = 2 ** ofCode + bits.read(ofCode);
    const matchLen = ML_BASE[mlCode]! + bits.read(ML_BITS[mlCode]!);
    const litLen = LL_BASE[llCode]! + bits.read(LL_BITS[llCode]!);
    let offset: number;
    if (ofValue > 3) {
      offset = ofValue - 3;
      reps[2] = reps[1];
      reps[1] = reps[0];
      reps[0] = offset;
    } else {
      const idx = litLen === 0 ? ofValue : ofValue - 1; // with no literals, repeat codes shift by one
      if (idx === 0) offset = reps[0];
      else {
        offset = idx === 3 ? reps[0] - 1 : reps[idx]!;
        if (idx !== 1) reps[2] = reps[1];
        reps[1] = reps[0];
        reps[0] = offset;
      }
    }
    if (lit + litLen > literals.length) throw new Error('zstd: literals overrun');
    ensure(lit + litLen);
    out.push(literals.subarray(lit, lit + litLen));
    lit += litLen;
    out.copyMatch(offset, matchLen);
    if (out.len >= maxOutput) return; // a prefix was asked for: the rest of the block is not needed
    if (i < nbSeq - 1) {
      sLL = ll.base[sLL]! + bits.read(ll.bits[sLL]!);
      sML = ml.base[sML]! + bits.read(ml.bits[sML]!);
      sOF = of.base[sOF]! + bits.read(of.bits[sOF]!);
    }
  }
  ensure(literals.length);
  out.push(literals.subarray(lit));
}

interface Literals {
  literals: Uint8Array;
  /** Decode the Huffman streams that hold literals [0, upTo) (streams are decoded on demand). */
  ensure: (upTo: number) => void;
  next: number;
}

const ready = (): void => undefined;

function readLiterals(block: Uint8Array, state: State): Literals {
  const b0 = block[0]!;
  const type = b0 & 3;
  const sf = (b0 >> 2) & 3;
  if (type === 0 || type === 1) {
    let size: number;
    let p: number;
    if (sf === 0 || sf === 2) {
      size = b0 >> 3;
      p = 1;
    } else if (sf === 1) {
      size = (b0 >> 4) + (block[1]! << 4);
      p = 2;
    } else {
      size = (b0 >> 4) + (block[1]! << 4) + (block[2]! << 12);
      p = 3;
    }
    if (type === 0) return { literals: block.subarray(p, p + size), ensure: ready, next: p + size };
    return { literals: new Uint8Array(size).fill(block[p]!), ensure: ready, next: p + 1 };
  }
  const hdr = sf <= 1 ? 3 : sf === 2 ? 4 : 5;
  let v = 0;
  for (let i = 0; i < hdr; i++) v += block[i]! * 2 ** (8 * i);
  const bitsEach = sf <= 1 ? 10 : sf === 2 ? 14 : 18;
  const regen = Math.floor(v / 16) % 2 ** bitsEach;
  const comp = Math.floor(v / 2 ** (4 + bitsEach)) % 2 ** bitsEach;
  const streams = sf === 0 ? 1 : 4;
  let p = hdr;
  const end = hdr + comp;
  if (type === 2) {
    const { weights, next } = readHuffmanWeights(block, p);
    state.huffman = buildHuffman(weights);
    p = next;
  } else if (!state.huffman) {
    throw new Error('zstd: treeless literals without a previous table');
  }
  const huff = state.huffman!;
  const literals = new Uint8Array(regen);
  const decode = (src: Uint8Array, from: number, n: number): void => {
    const bits = new BackwardBits(src);
    for (let i = 0; i < n; i++) {
      const v = bits.peek(huff.maxBits);
      literals[from + i] = huff.symbol[v]!;
      bits.skip(huff.bits[v]!);
    }
  };
  // each stream: [its bytes, first literal, count]; decoded when a sequence first needs it
  const pending: Array<[Uint8Array, number, number]> = [];
  if (streams === 1) pending.push([block.subarray(p, end), 0, regen]);
  else {
    const s1 = block[p]! | (block[p + 1]! << 8);
    const s2 = block[p + 2]! | (block[p + 3]! << 8);
    const s3 = block[p + 4]! | (block[p + 5]! << 8);
    p += 6;
    const each = Math.ceil(regen / 4);
    const sizes = [s1, s2, s3, end - p - s1 - s2 - s3];
    for (let k = 0; k < 4; k++) {
      pending.push([block.subarray(p, p + sizes[k]!), k * each, k < 3 ? each : regen - 3 * each]);
      p += sizes[k]!;
    }
  }
  const ensure = (upTo: number): void => {
    while (pending.length && pending[0]![1] < upTo) {
      const [src, from, n] = pending.shift()!;
      decode(src, from, n);
    }
  };
  return { literals, ensure, next: end };
}
