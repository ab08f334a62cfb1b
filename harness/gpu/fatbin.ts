// CUDA fat-binary reader (pure, over bytes). Finds the fat binaries in an ELF file (.nv_fatbin,
// __nv_relfatbin, and fatbins reached through .nvFatBinSegment wrappers) or a bare .fatbin, walks
// their headers and lists every entry: SASS cubin or PTX, target, producing toolkit, compression.
//
// Layout (NVIDIA leaves it undocumented; read off nvcc 13 output and public reverse engineering):
//   fatbin header, 16 bytes: u32 magic 0xBA55ED50 · u16 version (1) · u16 header size · u64 size of
//   the entries that follow.
//   entry header (64 bytes, longer for newer targets): u16 kind (1 PTX, 2 ELF) · u16 0x0101 ·
//   u32 header size · u64 payload size (padded) · u32 compressed size · u32 options offset ·
//   u16 minor · u16 major (PTX ISA for PTX, cubin ABI for ELF) · u32 arch (80 = sm_80) ·
//   u32 name offset · u32 name length · u64 flags · u64 0 · u64 uncompressed size.
//   flags: 0x1 64-bit · 0x10 Linux host · 0x2000 LZ4 · 0x8000 zstd · 0x100000 `a` · 0x200000 `f`.
import type { CodeEntry } from './cuda-rules.ts';
import { fileOffsetOf, isElf, parseElf, sectionBytes, type ElfFile } from './elf.ts';
import { bannerToolkit, readEntry, type FatbinEntry } from './fatbin-entry.ts';

export * from './fatbin-entry.ts';

export const FATBIN_MAGIC = 0xba55ed50;
/** Magic of the `__fatBinC_Wrapper_t` records in .nvFatBinSegment. */
export const FATBIN_WRAPPER_MAGIC = 0x466243b1;
const FATBIN_SECTIONS = ['.nv_fatbin', '__nv_relfatbin'];

export interface FatbinContainer {
  /** File offset of the fat binary header. */
  offset: number;
  /** Section it was found in ("(wrapper)" when reached only through .nvFatBinSegment). */
  section: string;
  size: number;
  entries: FatbinEntry[];
}

export interface FatbinListing {
  format: 'elf32' | 'elf64' | 'fatbin';
  /**
   * Relocatable fat binaries (__nv_relfatbin) left in a file that also has a linked .nv_fatbin:
   * the loader never registers them and cuobjdump does not list them, so neither do we.
   */
  unlinkedRelocatable: number;
  containers: FatbinContainer[];
  entries: FatbinEntry[];
  warnings: string[];
}

const MAGIC_BYTES = [0x50, 0xed, 0x55, 0xba];

/** Does the buffer contain the fatbin magic anywhere (cheap pre-filter for scanning images)? */
export function containsFatbinMagic(bytes: Uint8Array): boolean {
  return indexOfMagic(bytes, 0) >= 0;
}

function indexOfMagic(bytes: Uint8Array, from: number): number {
  let i = bytes.indexOf(MAGIC_BYTES[0]!, from);
  while (i >= 0 && i + 3 < bytes.length) {
    if (bytes[i + 1] === MAGIC_BYTES[1] && bytes[i + 2] === MAGIC_BYTES[2] && bytes[i + 3] === MAGIC_BYTES[3]) return i;
    i = bytes.indexOf(MAGIC_BYTES[0]!, i + 1);
  }
  return -1;
}

/** "libcublasLt.so.13" → "libcublasLt.so": cuobjdump drops the last extension only. */
export function cuobjdumpBase(fileName: string): string {
  const base = fileName.split('/').pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * The name cuobjdump prints for an entry: "<base>.<n>.sm_<arch><suffix>.<cubin|ptx>", n counting
 * cubins and PTX separately through the file. It keeps `a` everywhere but drops `f` on cubins
 * (seen on an H100 machine: libcublasLt's sm_120f cubins are listed as "….sm_120.cubin").
 */
export function cuobjdumpName(base: string, n: number, kind: 'sass' | 'ptx', arch: number, variant: string): string {
  const suffix = kind === 'sass' && variant === 'f' ? '' : variant;
  return `${base}.${n}.sm_${arch}${suffix}.${kind === 'sass' ? 'cubin' : 'ptx'}`;
}

/**
 * List every entry of every fat binary in `bytes` (an ELF file or a bare fatbin).
 * @param fileName used for the cuobjdump-style entry names.
 */
export function listFatbin(bytes: Uint8Array, fileName = 'a.out'): FatbinListing {
  const warnings: string[] = [];
  const containers: FatbinContainer[] = [];
  const base = cuobjdumpBase(fileName);
  const counter = { sass: 0, ptx: 0 };
  const add = (offset: number, end: number, section: string): number => {
    const c = readContainer(bytes, offset, end, containers.length + 1, base, counter, warnings);
    if (!c) return -1;
    containers.push({ ...c, section });
    return offset + 16 + c.size;
  };
  let format: FatbinListing['format'];
  let unlinkedRelocatable = 0;
  if (isElf(bytes)) {
    const elf = parseElf(bytes);
    format = elf.class === 64 ? 'elf64' : 'elf32';
    const covered: Array<[number, number]> = [];
    const linked = elf.sections.some((x) => x.name === '.nv_fatbin');
    for (const s of elf.sections.filter((x) => FATBIN_SECTIONS.includes(x.name))) {
      if (linked && s.name === '__nv_relfatbin') {
        // also keeps .nvFatBinSegment wrappers that point in here from listing it (libnccl does)
        unlinkedRelocatable += countMagic(sectionBytes(bytes, s));
        covered.push([s.offset, s.offset + s.size]);
        continue;
      }
      const data = sectionBytes(bytes, s);
      const start = s.offset;
      const end = s.offset + data.length;
      covered.push([start, end]);
      let pos = start;
      while (pos + 16 <= end) {
        const at = indexOfMagic(bytes.subarray(0, end), pos);
        if (at < 0) break;
        if (at !== pos && bytes.subarray(pos, at).some((b) => b !== 0)) warnings.push(`${s.name}: skipped ${at - pos} bytes at 0x${pos.toString(16)}`);
        const next = add(at, end, s.name);
        pos = next < 0 ? at + 4 : next;
      }
    }
    for (const off of wrapperTargets(bytes, elf)) {
      if (covered.some(([a, b]) => off >= a && off < b)) continue;
      add(off, bytes.length, '(wrapper)');
    }
  } else if (indexOfMagic(bytes.subarray(0, 4), 0) === 0) {
    format = 'fatbin';
    let pos = 0;
    while (pos + 16 <= bytes.length && indexOfMagic(bytes.subarray(pos, pos + 4), 0) === 0) {
      const next = add(pos, bytes.length, '(file)');
      if (next < 0) break;
      pos = (next + 7) & ~7;
    }
  } else {
    throw new Error(`${fileName}: neither an ELF file nor a fat binary`);
  }
  return { format, unlinkedRelocatable, containers, entries: containers.flatMap((c) => c.entries), warnings };
}

function countMagic(bytes: Uint8Array): number {
  let n = 0;
  for (let i = indexOfMagic(bytes, 0); i >= 0; i = indexOfMagic(bytes, i + 4)) n++;
  return n;
}

/** The fat binaries that .nvFatBinSegment wrapper records point at (linked files only). */
function wrapperTargets(bytes: Uint8Array, elf: ElfFile): number[] {
  const seg = elf.sections.find((s) => s.name === '.nvFatBinSegment');
  if (!seg) return [];
  const data = sectionBytes(bytes, seg);
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const ptrSize = elf.class === 64 ? 8 : 4;
  const recSize = 8 + 2 * ptrSize;
  const out: number[] = [];
  for (let o = 0; o + recSize <= data.length; o += recSize) {
    if (dv.getUint32(o, elf.littleEndian) !== FATBIN_WRAPPER_MAGIC) continue;
    const addr = ptrSize === 8 ? Number(dv.getBigUint64(o + 8, elf.littleEndian)) : dv.getUint32(o + 8, elf.littleEndian);
    const off = addr === 0 ? null : fileOffsetOf(elf, addr);
    if (off !== null && indexOfMagic(bytes.subarray(off, off + 4), 0) === 0) out.push(off);
  }
  return out;
}

function readContainer(
  bytes: Uint8Array,
  offset: number,
  limit: number,
  ordinal: number,
  base: string,
  counter: { sass: number; ptx: number },
  warnings: string[],
): Omit<FatbinContainer, 'section'> | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (offset + 16 > limit || dv.getUint32(offset, true) !== FATBIN_MAGIC) return null;
  const headerSize = dv.getUint16(offset + 6, true);
  const size = Number(dv.getBigUint64(offset + 8, true));
  const start = offset + headerSize;
  const end = offset + 16 + size;
  if (headerSize < 16 || end > limit) {
    warnings.push(`fat binary at 0x${offset.toString(16)} claims ${size} bytes past its section; skipped`);
    return null;
  }
  const entries: FatbinEntry[] = [];
  let pos = start;
  while (pos + 64 <= end) {
    const e = readEntry(bytes, dv, pos, end, warnings);
    if (!e) break;
    if (e.kind) {
      const kind = e.kind;
      const n = ++counter[kind];
      const fileName = cuobjdumpName(base, n, kind, e.entry.arch, e.entry.variant);
      entries.push({ ...e.entry, kind, fatbin: ordinal, index: entries.length + 1, fileName });
    }
    pos = e.next;
  }
  // One nvcc run made every entry of a fat binary: a zstd cubin takes the toolkit of a sibling (the
  // PTX, an uncompressed cubin), else the banner of one decompressed cubin serves them all.
  const missing = entries.filter((e) => e.toolkit === null);
  if (missing.length) {
    let known = entries.find((e) => e.toolkit)?.toolkit ?? null;
    const probe = known ? undefined : missing.find((e) => e.kind === 'sass' && e.compression === 'zstd');
    if (probe) {
      known = bannerToolkit(bytes, probe, warnings);
      if (known) Object.assign(probe, { toolkit: known, toolkitSource: 'banner' });
    }
    if (known) for (const e of missing) if (e.toolkit === null) Object.assign(e, { toolkit: known, toolkitSource: 'same-fatbin' });
  }
  return { offset, size, entries };
}

/** The CodeEntry view cuda-rules decides on. */
export function codeEntriesOf(listing: FatbinListing): CodeEntry[] {
  return listing.entries.map((e) => ({ kind: e.kind, target: e.target, toolkit: e.toolkit }));
}
