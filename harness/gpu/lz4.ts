// LZ4 block decompression (pure). CUDA's fatbinary "speed" compression (entry flag 0x2000) stores
// each payload as one raw LZ4 block: tokens of literal and match lengths, 2-byte little-endian
// match offsets, no frame header.

/**
 * Decompress one LZ4 block.
 * @param expectedSize the uncompressed size from the fatbin entry header; the output never grows past it.
 */
export function lz4DecompressBlock(src: Uint8Array, expectedSize: number): Uint8Array {
  const out = new Uint8Array(expectedSize);
  let ip = 0;
  let op = 0;
  const readLength = (base: number): number => {
    let len = base;
    if (base === 15) {
      let b: number;
      do {
        if (ip >= src.length) throw new Error('LZ4: truncated length');
        b = src[ip++]!;
        len += b;
      } while (b === 255);
    }
    return len;
  };
  while (ip < src.length && op < expectedSize) {
    const token = src[ip++]!;
    const litLen = readLength(token >> 4);
    if (ip + litLen > src.length) throw new Error('LZ4: literals run past the input');
    if (op + litLen > expectedSize) throw new Error('LZ4: output larger than the stated size');
    out.set(src.subarray(ip, ip + litLen), op);
    ip += litLen;
    op += litLen;
    if (ip >= src.length || op >= expectedSize) break; // the last sequence has literals only
    if (ip + 2 > src.length) throw new Error('LZ4: truncated match offset');
    const offset = src[ip]! | (src[ip + 1]! << 8);
    ip += 2;
    if (offset === 0 || offset > op) throw new Error(`LZ4: bad match offset ${offset} at output ${op}`);
    const matchLen = readLength(token & 15) + 4;
    if (op + matchLen > expectedSize) throw new Error('LZ4: output larger than the stated size');
    for (let i = 0; i < matchLen; i++, op++) out[op] = out[op - offset]!; // overlapping copies repeat
  }
  return op === expectedSize ? out : out.subarray(0, op);
}
