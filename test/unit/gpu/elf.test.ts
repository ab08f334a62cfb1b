import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileOffsetOf, isElf, parseElf } from '../../../harness/gpu/elf.ts';
import { listFatbin } from '../../../harness/gpu/fatbin.ts';

const fixture = (f: string): Buffer => readFileSync(fileURLToPath(new URL(`../../fixtures/fatbin/${f}`, import.meta.url)));

/** A minimal ELF32 little-endian shared object with one .nv_fatbin section holding `payload`. */
function elf32With(payload: Buffer): Buffer {
  const names = Buffer.from('\0.shstrtab\0.nv_fatbin\0', 'latin1');
  const strOff = 52;
  const fatOff = (strOff + names.length + 7) & ~7;
  const shOff = (fatOff + payload.length + 3) & ~3;
  const out = Buffer.alloc(shOff + 3 * 40);
  out.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1], 0);
  out.writeUInt16LE(3, 16); // ET_DYN
  out.writeUInt16LE(3, 18); // EM_386
  out.writeUInt32LE(1, 20);
  out.writeUInt32LE(shOff, 32);
  out.writeUInt16LE(52, 40);
  out.writeUInt16LE(40, 46);
  out.writeUInt16LE(3, 48);
  out.writeUInt16LE(1, 50);
  names.copy(out, strOff);
  payload.copy(out, fatOff);
  const sh = (i: number, name: number, type: number, flags: number, addr: number, off: number, size: number): void => {
    const o = shOff + i * 40;
    out.writeUInt32LE(name, o);
    out.writeUInt32LE(type, o + 4);
    out.writeUInt32LE(flags, o + 8);
    out.writeUInt32LE(addr, o + 12);
    out.writeUInt32LE(off, o + 16);
    out.writeUInt32LE(size, o + 20);
  };
  sh(1, 1, 3, 0, 0, strOff, names.length); // .shstrtab
  sh(2, 11, 1, 2, 0x1000 + fatOff, fatOff, payload.length); // .nv_fatbin, SHF_ALLOC
  return out;
}

describe('ELF reader', () => {
  it('reads the section table of an nvcc-built ELF64 shared object', () => {
    const elf = parseElf(fixture('sass-sm80.so'));
    expect([elf.class, elf.littleEndian, elf.type, elf.machine]).toEqual([64, true, 3, 62]);
    const fat = elf.sections.find((s) => s.name === '.nv_fatbin')!;
    expect(fat.size).toBeGreaterThan(0);
    expect(fileOffsetOf(elf, fat.addr + 16)).toBe(fat.offset + 16);
    expect(fileOffsetOf(elf, 0)).toBeNull();
  });

  it('reads ELF32 too, and finds the fat binary in it', () => {
    const bytes = elf32With(fixture('bare.fatbin'));
    const elf = parseElf(bytes);
    expect([elf.class, elf.type, elf.sections.map((s) => s.name)]).toEqual([32, 3, ['', '.shstrtab', '.nv_fatbin']]);
    const l = listFatbin(bytes, 'lib32.so');
    expect(l.format).toBe('elf32');
    expect(l.entries.map((e) => [e.kind, e.target, e.fileName])).toEqual([
      ['sass', 'sm_89', 'lib32.1.sm_89.cubin'],
      ['ptx', 'compute_89', 'lib32.1.sm_89.ptx'],
    ]);
  });

  it('refuses what is not ELF, and a truncated section table', () => {
    expect(isElf(Buffer.from('#!/bin/sh\n'))).toBe(false);
    expect(() => parseElf(Buffer.from('#!/bin/sh\nexit 0\n'))).toThrow(/not an ELF file/);
    expect(() => parseElf(fixture('sass-sm80.so').subarray(0, 4096))).toThrow(/truncated ELF/);
  });
});
