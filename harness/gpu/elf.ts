// Minimal ELF reader (pure): the section table of ELF32/ELF64 files of either byte order, and the
// mapping of virtual addresses back to file offsets. Enough to find CUDA fat binaries; nothing more.

export interface ElfSection {
  name: string;
  type: number;
  flags: number;
  addr: number;
  offset: number;
  size: number;
}

export interface ElfFile {
  class: 32 | 64;
  littleEndian: boolean;
  /** e_type: 1 relocatable, 2 executable, 3 shared object. */
  type: number;
  machine: number;
  sections: ElfSection[];
}

const SHT_NOBITS = 8;
const SHF_ALLOC = 0x2;

export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 16 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Parse the ELF header and section table; throws on a file that is not a well-formed ELF. */
export function parseElf(bytes: Uint8Array): ElfFile {
  if (!isElf(bytes)) throw new Error('not an ELF file (no \\x7fELF magic)');
  const cls = bytes[4] === 2 ? 64 : bytes[4] === 1 ? 32 : 0;
  if (cls === 0) throw new Error(`unknown ELF class ${bytes[4]}`);
  const le = bytes[5] !== 2;
  const dv = view(bytes);
  const u16 = (o: number): number => dv.getUint16(o, le);
  const u32 = (o: number): number => dv.getUint32(o, le);
  const word = (o: number): number => (cls === 64 ? Number(dv.getBigUint64(o, le)) : u32(o));
  const need = (end: number, what: string): void => {
    if (end > bytes.length) throw new Error(`truncated ELF: ${what} ends at ${end}, file has ${bytes.length} bytes`);
  };
  need(cls === 64 ? 64 : 52, 'header');
  const type = u16(16);
  const machine = u16(18);
  const shoff = cls === 64 ? word(0x28) : u32(0x20);
  const shentsize = u16(cls === 64 ? 0x3a : 0x2e);
  let shnum = u16(cls === 64 ? 0x3c : 0x30);
  let shstrndx = u16(cls === 64 ? 0x3e : 0x32);
  if (shoff === 0) return { class: cls, littleEndian: le, type, machine, sections: [] };
  const header = (i: number) => {
    const o = shoff + i * shentsize;
    need(o + shentsize, `section header ${i}`);
    return cls === 64
      ? { nameOff: u32(o), type: u32(o + 4), flags: word(o + 8), addr: word(o + 16), offset: word(o + 24), size: word(o + 32), link: u32(o + 40) }
      : { nameOff: u32(o), type: u32(o + 4), flags: u32(o + 8), addr: u32(o + 12), offset: u32(o + 16), size: u32(o + 20), link: u32(o + 24) };
  };
  // Extended numbering: section 0 holds the real count and string-table index.
  if (shnum === 0) shnum = header(0).size;
  if (shstrndx === 0xffff) shstrndx = header(0).link;
  const raw = Array.from({ length: shnum }, (_, i) => header(i));
  const strtab = raw[shstrndx];
  const nameAt = (off: number): string => {
    if (!strtab) return '';
    const start = strtab.offset + off;
    let end = start;
    while (end < bytes.length && end < strtab.offset + strtab.size && bytes[end] !== 0) end++;
    return new TextDecoder('latin1').decode(bytes.subarray(start, end));
  };
  const sections = raw.map((h) => ({ name: nameAt(h.nameOff), type: h.type, flags: h.flags, addr: h.addr, offset: h.offset, size: h.size }));
  return { class: cls, littleEndian: le, type, machine, sections };
}

/** The bytes of a section that has bytes in the file (not SHT_NOBITS), clipped to the file. */
export function sectionBytes(bytes: Uint8Array, s: ElfSection): Uint8Array {
  if (s.type === SHT_NOBITS) return new Uint8Array(0);
  return bytes.subarray(Math.min(s.offset, bytes.length), Math.min(s.offset + s.size, bytes.length));
}

/** File offset of a virtual address inside an allocated section with file bytes, or null. */
export function fileOffsetOf(elf: ElfFile, addr: number): number | null {
  for (const s of elf.sections) {
    if (!(s.flags & SHF_ALLOC) || s.type === SHT_NOBITS || s.addr === 0) continue;
    if (addr >= s.addr && addr < s.addr + s.size) return s.offset + (addr - s.addr);
  }
  return null;
}
