// Zstandard decompression for the zstd-compressed entries of CUDA fat binaries (entry flag 0x8000;
// Node 20 has no zstd in zlib), through fzstd (a well-kept pure-JS decoder: ARCHITECTURE.md rule 9).
// What is ours is the early stop: the toolkit banner of a cubin and the `.version` of PTX sit near
// the start, so a prefix is enough: fzstd's streaming decoder hands out each block as it is
// decoded, and decoding ends at the block that brings the output to `maxOutput` (a block is at
// most 128 KiB; the one caller asks for 256 KiB). Measured on test/fixtures/zstd (9 frames, 20
// passes): whole frames 81 ms a pass against 95 ms for the hand-written decoder it replaced, 256
// KiB prefixes 59 ms against 63 ms.
import { Decompress, decompress } from 'fzstd';

const MAGIC = 0xfd2fb528;

/** Is this a zstd frame (magic 0xFD2FB528)? */
export function isZstd(src: Uint8Array): boolean {
  return src.length >= 4 && (src[0]! | (src[1]! << 8) | (src[2]! << 16) | (src[3]! << 24)) >>> 0 === MAGIC;
}

/**
 * Decompress a zstd frame. Stops after the block that brings the output to `maxOutput` bytes or
 * more (the result is then a prefix). Throws on malformed or truncated input and on dictionaries
 * (fatbinary writes none; fzstd would decode such a frame wrongly rather than refuse it).
 */
export function zstdDecompress(src: Uint8Array, maxOutput = Infinity): Uint8Array {
  if (!isZstd(src)) throw new Error('zstd: no frame magic');
  if (src.length > 4 && src[4]! & 3) throw new Error('zstd: frames with a dictionary are not supported');
  try {
    return maxOutput === Infinity ? decompress(src) : prefixOf(src, maxOutput);
  } catch (e) {
    throw new Error(`zstd: ${(e as Error).message}`, { cause: e });
  }
}

/** Thrown out of fzstd's block callback to end decoding there: the decoder is dropped after it. */
const ENOUGH = new Error('enough output');

function prefixOf(src: Uint8Array, maxOutput: number): Uint8Array {
  const blocks: Uint8Array[] = [];
  let length = 0;
  const decoder = new Decompress((block) => {
    blocks.push(block);
    length += block.length;
    if (length >= maxOutput) throw ENOUGH;
  });
  try {
    decoder.push(src, true);
  } catch (e) {
    if (e !== ENOUGH) throw e;
  }
  if (blocks.length === 1) return blocks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}
