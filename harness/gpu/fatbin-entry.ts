// One fat-binary entry header (pure): kind, target, code version, compression and the toolkit that
// produced it. The layout is described at the top of fatbin.ts.
import type { CodeEntry } from './cuda-rules.ts';
import { lz4DecompressBlock } from './lz4.ts';
import { zstdDecompress } from './zstd.ts';
import { ptxVersionDirective, toolkitInBanner, toolkitOfPtxIsa } from './ptx-isa.ts';

export const FLAG_64BIT = 0x1;
export const FLAG_DEBUG = 0x2;
export const FLAG_LINUX = 0x10;
export const FLAG_COMPRESSED_LZ4 = 0x2000;
export const FLAG_COMPRESSED_ZSTD = 0x8000;
export const FLAG_ARCH_SPECIFIC = 0x100000;
export const FLAG_FAMILY_SPECIFIC = 0x200000;

export type Compression = 'none' | 'lz4' | 'zstd';

export interface FatbinEntry extends CodeEntry {
  /** 80 for sm_80 / compute_80. */
  arch: number;
  variant: '' | 'a' | 'f';
  /** The entry header's version: the PTX ISA ("9.0") for PTX, the cubin ABI ("1.8") for SASS. */
  codeVersion: string;
  /**
   * Where `toolkit` came from: the tool banner inside the payload (a cubin's .note.nv.tkinfo), the
   * PTX ISA version, or another entry of the same fat binary (one nvcc run made them all).
   */
  toolkitSource: 'banner' | 'ptx-isa' | 'same-fatbin' | null;
  compression: Compression;
  compressed: boolean;
  /** Payload bytes as stored (compressed size when compressed). */
  storedSize: number;
  uncompressedSize: number;
  flags: number;
  /** Ordinal of the fat binary in the file (1-based) and of the entry in it (1-based). */
  fatbin: number;
  index: number;
  /** File offset of the payload (stored bytes, compressed or not). */
  payloadOffset: number;
  /** File offset of the entry header. */
  offset: number;
  /** The name `cuobjdump --list-elf/--list-ptx` prints for it, e.g. "libfoo.1.sm_80.cubin". */
  fileName: string;
  /** ptxas options stored with the entry (`--compile-only` for relocatable code), when present. */
  options: string | null;
}

/** Targets the way CodeEntry and cuobjdump spell them: sm_90a, compute_100f. */
export function targetName(kind: 'sass' | 'ptx', arch: number, variant: string): string {
  return `${kind === 'sass' ? 'sm' : 'compute'}_${arch}${variant}`;
}

export type EntryCore = Omit<FatbinEntry, 'kind' | 'fatbin' | 'index' | 'fileName'>;

export function readEntry(
  bytes: Uint8Array,
  dv: DataView,
  pos: number,
  end: number,
  warnings: string[],
): { kind: 'sass' | 'ptx' | null; entry: EntryCore; next: number } | null {
  const rawKind = dv.getUint16(pos, true);
  const headerSize = dv.getUint32(pos + 4, true);
  const payloadSize = Number(dv.getBigUint64(pos + 8, true));
  const next = pos + headerSize + payloadSize;
  if (headerSize < 64 || next > end) {
    warnings.push(`entry at 0x${pos.toString(16)} runs past its fat binary; stopped there`);
    return null;
  }
  const compressedSize = dv.getUint32(pos + 16, true);
  const optionsOffset = dv.getUint32(pos + 20, true);
  const codeVersion = `${dv.getUint16(pos + 26, true)}.${dv.getUint16(pos + 24, true)}`;
  const arch = dv.getUint32(pos + 28, true);
  const flags = Number(dv.getBigUint64(pos + 40, true));
  const uncompressed = Number(dv.getBigUint64(pos + 56, true));
  const compression: Compression = flags & FLAG_COMPRESSED_ZSTD ? 'zstd' : flags & FLAG_COMPRESSED_LZ4 ? 'lz4' : 'none';
  const storedSize = compression === 'none' ? payloadSize : compressedSize || payloadSize;
  const payload = bytes.subarray(pos + headerSize, pos + headerSize + storedSize);
  const variant = flags & FLAG_ARCH_SPECIFIC ? 'a' : flags & FLAG_FAMILY_SPECIFIC ? 'f' : '';
  const kind = rawKind === 1 ? 'ptx' : rawKind === 2 ? 'sass' : null;
  if (kind === null) warnings.push(`entry at 0x${pos.toString(16)} has unknown kind ${rawKind}; not listed`);
  // zstd payloads are left for readContainer, which decompresses at most one per fat binary
  const text = kind && compression !== 'zstd' ? payloadText(payload, compression, uncompressed, warnings) : null;
  let toolkit = text ? toolkitInBanner(text) : null;
  let toolkitSource: FatbinEntry['toolkitSource'] = toolkit ? 'banner' : null;
  if (!toolkit && kind === 'ptx') {
    toolkit = toolkitOfPtxIsa((text && ptxVersionDirective(text)) || codeVersion);
    toolkitSource = toolkit ? 'ptx-isa' : null;
  }
  const entry: EntryCore = {
    target: targetName(kind ?? 'sass', arch, variant),
    toolkit,
    arch,
    variant,
    codeVersion,
    toolkitSource,
    compression,
    compressed: compression !== 'none',
    storedSize,
    uncompressedSize: compression === 'none' ? payloadSize : uncompressed,
    flags,
    payloadOffset: pos + headerSize,
    offset: pos,
    options: optionsOf(bytes, dv, pos, headerSize, optionsOffset),
  };
  return { kind, entry, next };
}

/**
 * An entry's payload, decompressed: the cubin ELF or the PTX text as bytes. `maxBytes` asks for a
 * prefix (zstd then stops early; the result may be longer than asked, never shorter unless the whole).
 */
export function entryPayload(
  bytes: Uint8Array,
  e: Pick<FatbinEntry, 'payloadOffset' | 'storedSize' | 'compression' | 'uncompressedSize'>,
  maxBytes = Infinity,
): Uint8Array {
  const stored = bytes.subarray(e.payloadOffset, e.payloadOffset + e.storedSize);
  if (e.compression === 'lz4') return lz4DecompressBlock(stored, e.uncompressedSize);
  if (e.compression === 'zstd') return zstdDecompress(stored, maxBytes);
  return stored;
}

/** How much of a zstd cubin is decompressed to find its .note.nv.tkinfo banner. */
export const BANNER_WINDOW = 256 * 1024;

/** The toolkit banner of a payload (or its first BANNER_WINDOW bytes when zstd); null if none. */
export function bannerToolkit(bytes: Uint8Array, e: Parameters<typeof entryPayload>[1], warnings: string[]): string | null {
  try {
    return toolkitInBanner(new TextDecoder('latin1').decode(entryPayload(bytes, e, BANNER_WINDOW).subarray(0, BANNER_WINDOW)));
  } catch (err) {
    warnings.push(`${e.compression} payload at 0x${e.payloadOffset.toString(16)} could not be decompressed: ${(err as Error).message}`);
    return null;
  }
}

/** Payload as latin1 text (decompressed when LZ4). */
function payloadText(payload: Uint8Array, compression: Compression, size: number, warnings: string[]): string | null {
  let raw: Uint8Array = payload;
  if (compression === 'lz4') {
    try {
      raw = lz4DecompressBlock(payload, size);
    } catch (e) {
      warnings.push(`LZ4 payload could not be decompressed: ${(e as Error).message}`);
      return null;
    }
  }
  return new TextDecoder('latin1').decode(raw);
}

/** The ptxas options string kept in the header's options area ({u32 offset, u32 length, text}). */
function optionsOf(bytes: Uint8Array, dv: DataView, pos: number, headerSize: number, optionsOffset: number): string | null {
  if (optionsOffset < 64 || optionsOffset + 8 > headerSize) return null;
  const strOff = dv.getUint32(pos + optionsOffset, true);
  const len = dv.getUint32(pos + optionsOffset + 4, true);
  if (len === 0 || strOff + len > headerSize) return null;
  const s = bytes.subarray(pos + strOff, pos + strOff + len);
  if (!s.every((b) => b === 0 || (b >= 0x20 && b < 0x7f))) return null;
  const text = new TextDecoder('latin1').decode(s).replace(/\0+$/, '').trim();
  return text || null;
}

