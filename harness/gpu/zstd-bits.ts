// Bit readers for zstd (pure): the forward little-endian stream of FSE table descriptions and the
// backward stream of Huffman and sequence data (read from the end, after the 1-bit end marker).

export function highBit(x: number): number {
  return 31 - Math.clz32(x);
}

/** Bits [lo, lo+n) of `src` as a little-endian number (n ≤ 32; missing bytes read as zero). */
function bitsAt(src: Uint8Array, lo: number, n: number): number {
  const start = lo >> 3;
  const shift = lo & 7;
  if (n + shift <= 31) {
    // fast path: one 32-bit window (bytes past the end read as 0 through `| undefined`)
    const w = src[start]! | (src[start + 1]! << 8) | (src[start + 2]! << 16) | (src[start + 3]! << 24);
    return (w >>> shift) & ((1 << n) - 1);
  }
  let acc = 0;
  let mul = 1;
  for (let k = 0; k < 5 && start + k < src.length; k++, mul *= 256) acc += src[start + k]! * mul;
  return Math.floor(acc / 2 ** (lo & 7)) % 2 ** n;
}

export class ForwardBits {
  private pos: number;
  constructor(
    private readonly src: Uint8Array,
    byteStart: number,
  ) {
    this.pos = byteStart * 8;
  }
  peek(n: number): number {
    return n === 0 ? 0 : bitsAt(this.src, this.pos, n);
  }
  skip(n: number): void {
    this.pos += n;
  }
  read(n: number): number {
    const v = this.peek(n);
    this.pos += n;
    return v;
  }
  /** The byte after the last bit read. */
  byteEnd(): number {
    return Math.ceil(this.pos / 8);
  }
}

export class BackwardBits {
  /** Bits not read yet: [0, pos). Negative once reads went past the start (zeros were read). */
  private pos: number;
  constructor(private readonly src: Uint8Array) {
    const last = src[src.length - 1];
    if (!last) throw new Error('zstd: bitstream without its end marker');
    this.pos = (src.length - 1) * 8 + highBit(last);
  }
  peek(n: number): number {
    if (n === 0) return 0;
    const lo = this.pos - n;
    if (lo >= 0) return bitsAt(this.src, lo, n);
    if (this.pos <= 0) return 0;
    return bitsAt(this.src, 0, this.pos) * 2 ** -lo; // the bits before the start read as zero
  }
  skip(n: number): void {
    this.pos -= n;
  }
  read(n: number): number {
    const v = this.peek(n);
    this.pos -= n;
    return v;
  }
  overflowed(): boolean {
    return this.pos < 0;
  }
}
