import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeEntriesOf, containsFatbinMagic, cuobjdumpBase, entryPayload, listFatbin, targetName } from '../../../harness/gpu/fatbin.ts';
import { lz4DecompressBlock } from '../../../harness/gpu/lz4.ts';

const dir = fileURLToPath(new URL('../../fixtures/fatbin/', import.meta.url));
const read = (f: string): Buffer => readFileSync(dir + f);

interface Expected {
  name: string;
  file: string;
  command: string;
  sass: string[];
  ptx: string[];
  ptxCompression: 'none' | 'zstd' | 'lz4' | null;
}
/** `cuobjdump --list-elf --list-ptx` of each fixture, captured on the H100 machine (capture.sh). */
const listings = new Map<string, { elf: string[]; ptx: string[] }>();
let current = '';
for (const line of readFileSync(dir + 'h100-cuobjdump/fixtures-cuobjdump.txt', 'utf8').split('\n')) {
  const head = /^===== (.+)$/.exec(line);
  if (head) listings.set((current = head[1]!), { elf: [], ptx: [] });
  const m = /^(ELF|PTX) file\s+\d+:\s*(\S+)/.exec(line);
  if (m) listings.get(current)![m[1] === 'ELF' ? 'elf' : 'ptx'].push(m[2]!);
}
const cuobjdump = (file: string): { elf: string[]; ptx: string[] } => {
  const l = listings.get(file);
  if (!l) throw new Error(`no cuobjdump listing captured for ${file}`);
  return l;
};

const expected = JSON.parse(readFileSync(dir + 'expected.json', 'utf8')) as { nvcc: string; fixtures: Expected[] };

describe('listFatbin on nvcc-built fixtures', () => {
  it.each(expected.fixtures.map((f) => [f.name, f] as const))('%s lists the entries its nvcc command line asks for', (_name, fx) => {
    const listing = listFatbin(read(fx.file), fx.file);
    expect(listing.warnings).toEqual([]);
    const sass = [...new Set(listing.entries.filter((e) => e.kind === 'sass').map((e) => e.target))].sort();
    const ptx = [...new Set(listing.entries.filter((e) => e.kind === 'ptx').map((e) => e.target))].sort();
    expect(sass).toEqual([...fx.sass].sort());
    expect(ptx).toEqual([...fx.ptx].sort());
    for (const e of listing.entries.filter((x) => x.kind === 'ptx')) {
      expect(e.compression).toBe(fx.ptxCompression);
      expect(e.codeVersion).toBe('9.0'); // PTX ISA 9.0 is CUDA 13.0's
      expect(e.toolkit).toBe('13.0');
    }
    // entry for entry the names cuobjdump 13.0 printed for this file on the H100 machine
    // (rdc-shared.so was added after the device runs: it has its own test below)
    if (fx.file !== 'rdc-shared.so') {
      expect(listing.entries.filter((e) => e.kind === 'sass').map((e) => e.fileName)).toEqual(cuobjdump(fx.file).elf);
      expect(listing.entries.filter((e) => e.kind === 'ptx').map((e) => e.fileName)).toEqual(cuobjdump(fx.file).ptx);
    }
    for (const e of listing.entries) {
      // every cubin is known to come from CUDA 13.0: its own banner, or a sibling's
      if (e.kind === 'sass') expect(e.toolkit).toBe('13.0');
      if (e.kind === 'sass' && e.compression !== 'zstd') expect(e.toolkitSource).toBe('banner');
    }
  });

  it('reads an executable, a relocatable object and a bare .fatbin in their own formats', () => {
    expect(listFatbin(read('executable'), 'executable').format).toBe('elf64');
    expect(listFatbin(read('bare.fatbin'), 'bare.fatbin').format).toBe('fatbin');
    const rel = listFatbin(read('relocatable.o'), 'relocatable.o');
    expect(rel.containers.map((c) => c.section)).toEqual(['__nv_relfatbin']);
    expect(rel.entries.find((e) => e.kind === 'ptx')?.options).toBe('--compile-only');
  });

  it('sees the device-link fat binary nvcc adds to a shared object, numbering cubins across both', () => {
    const l = listFatbin(read('sass-sm80.so'), 'sass-sm80.so');
    expect(l.containers).toHaveLength(2);
    expect(l.entries.map((e) => e.fileName)).toEqual(['sass-sm80.1.sm_80.cubin', 'sass-sm80.2.sm_80.cubin']);
  });

  it('keeps `a` in cuobjdump names but drops `f` on cubins, as cuobjdump does', () => {
    expect(listFatbin(read('sass-sm100f.so'), 'sass-sm100f.so').entries.map((e) => [e.target, e.fileName])).toEqual([
      ['sm_100f', 'sass-sm100f.1.sm_100.cubin'],
      ['sm_100f', 'sass-sm100f.2.sm_100.cubin'],
    ]);
    expect(listFatbin(read('ptx-compute100f.so'), 'ptx-compute100f.so').entries[0]!.fileName).toBe('ptx-compute100f.1.sm_100f.ptx');
  });

  it('marks arch-specific and family-specific targets from the entry flags', () => {
    const a = listFatbin(read('sass-sm90a.so')).entries[0]!;
    expect([a.target, a.variant, a.flags & 0x100000]).toEqual(['sm_90a', 'a', 0x100000]);
    const f = listFatbin(read('ptx-compute100f.so')).entries[0]!;
    expect([f.target, f.variant, f.kind]).toEqual(['compute_100f', 'f', 'ptx']);
    expect(listFatbin(read('sass-sm100a.so')).entries[0]!.target).toBe('sm_100a');
  });

  it('zstd cubins: one per fat binary is decompressed for its banner, or the PTX beside them tells', () => {
    const size = listFatbin(read('compress-size.so')).entries.filter((e) => e.kind === 'sass');
    // the first fat binary is nvcc's device link (cubins only), the second holds the PTX too
    expect(size.map((e) => [e.fatbin, e.compression, e.toolkit, e.toolkitSource])).toEqual([
      [1, 'zstd', '13.0', 'banner'],
      [1, 'zstd', '13.0', 'same-fatbin'],
      [2, 'zstd', '13.0', 'same-fatbin'],
      [2, 'zstd', '13.0', 'same-fatbin'],
    ]);
  });

  it('decompresses zstd and LZ4 payloads to exactly the uncompressed cubins and PTX', () => {
    const plainBytes = read('compress-none.so');
    const plain = listFatbin(plainBytes).entries;
    for (const f of ['compress-size.so', 'compress-speed.so', 'compress-default.so']) {
      const bytes = read(f);
      const entries = listFatbin(bytes).entries;
      expect(entries.length).toBe(plain.length);
      entries.forEach((e, i) => {
        const got = Buffer.from(entryPayload(bytes, e));
        const want = Buffer.from(entryPayload(plainBytes, plain[i]!)); // stored size: padded to 8 with zeros
        expect(got.length).toBe(e.uncompressedSize);
        expect(got.equals(want.subarray(0, got.length))).toBe(true);
        expect(want.subarray(got.length).every((b) => b === 0)).toBe(true);
      });
    }
    const ptx = listFatbin(read('ptx-compute90a.so')).entries[0]!;
    expect(Buffer.from(entryPayload(read('ptx-compute90a.so'), ptx)).toString('latin1')).toMatch(/^\s*\.version 9\.0\n\.target sm_90a\n/m);
  });

  it('reports compression per mode: size compresses cubins with zstd, speed is LZ4', () => {
    const size = listFatbin(read('compress-size.so')).entries;
    expect(size.every((e) => e.compression === 'zstd' && e.storedSize < e.uncompressedSize)).toBe(true);
    const none = listFatbin(read('compress-none.so')).entries;
    expect(none.every((e) => !e.compressed)).toBe(true);
  });

  it('returns CodeEntry data cuda-rules can decide on', () => {
    expect(codeEntriesOf(listFatbin(read('both-sm80.so')))).toEqual([
      { kind: 'sass', target: 'sm_80', toolkit: '13.0' },
      { kind: 'sass', target: 'sm_80', toolkit: '13.0' },
      { kind: 'ptx', target: 'compute_80', toolkit: '13.0' },
    ]);
  });

  it('rejects files that are neither ELF nor fat binary, and finds the magic in raw bytes', () => {
    expect(() => listFatbin(Buffer.from('hello world, not a binary'), 'x.txt')).toThrow(/neither an ELF file nor a fat binary/);
    expect(containsFatbinMagic(read('sass-sm80.so'))).toBe(true);
    expect(containsFatbinMagic(Buffer.from([0x50, 0xed, 0x55]))).toBe(false);
  });

  it('a device-linked shared object: lists the linked .nv_fatbin, not the __nv_relfatbin left beside it', () => {
    // cuobjdump does the same: on the H100, libnccl.so.2 lists 76 cubins + 11 PTX of its .nv_fatbin
    // and none of the 127 relocatable fat binaries its .nvFatBinSegment wrappers also point at
    const l = listFatbin(read('rdc-shared.so'), 'rdc-shared.so');
    expect(l.unlinkedRelocatable).toBe(1);
    expect(l.containers.map((c) => c.section)).toEqual(['.nv_fatbin']);
    expect(l.entries.map((e) => e.fileName)).toEqual(['rdc-shared.1.sm_80.cubin']);
  });

  it('follows .nvFatBinSegment wrappers to fat binaries outside the usual sections', () => {
    const bytes = read('sass-sm80.so').slice();
    const at = bytes.indexOf('.nv_fatbin\0');
    expect(at).toBeGreaterThan(0);
    bytes.write('.xx_fatbin', at, 'latin1'); // rename the section: only the wrappers lead to the code now
    const l = listFatbin(bytes, 'sass-sm80.so');
    expect(l.containers.map((c) => c.section)).toEqual(['(wrapper)', '(wrapper)']);
    expect(l.entries.map((e) => e.fileName)).toEqual(['sass-sm80.1.sm_80.cubin', 'sass-sm80.2.sm_80.cubin']);
  });

  it('resyncs on the next fat binary when one header is damaged', () => {
    const damaged = read('sass-sm80.so').slice();
    const first = listFatbin(damaged).containers[0]!;
    damaged.fill(0, first.offset, first.offset + 4); // wipe the first magic
    const l = listFatbin(damaged, 'x.so');
    expect(l.containers).toHaveLength(1);
    expect(l.entries.map((e) => e.fileName)).toEqual(['x.1.sm_80.cubin']);
  });
});

describe('LZ4 block decompression', () => {
  it('decompresses the speed-mode PTX to exactly the uncompressed PTX', () => {
    const speed = listFatbin(read('compress-speed.so')).entries.find((e) => e.kind === 'ptx')!;
    const plain = listFatbin(read('compress-none.so')).entries.find((e) => e.kind === 'ptx')!;
    const bytes = read('compress-speed.so');
    const hdr = bytes.readUInt32LE(speed.offset + 4);
    const out = lz4DecompressBlock(bytes.subarray(speed.offset + hdr, speed.offset + hdr + speed.storedSize), speed.uncompressedSize);
    const none = read('compress-none.so');
    const nh = none.readUInt32LE(plain.offset + 4);
    const text = Buffer.from(out).toString('latin1');
    expect(text).toContain('.target sm_80');
    expect(Buffer.from(out).equals(none.subarray(plain.offset + nh, plain.offset + nh + out.length))).toBe(true);
  });

  it('handles overlapping matches and rejects bad offsets', () => {
    // literal "ab", then match offset 2 length 6 → "abababab"
    expect(Buffer.from(lz4DecompressBlock(Uint8Array.from([0x22, 0x61, 0x62, 0x02, 0x00]), 8)).toString()).toBe('abababab');
    expect(() => lz4DecompressBlock(Uint8Array.from([0x10, 0x61, 0x05, 0x00]), 8)).toThrow(/bad match offset/);
  });
});

describe('names', () => {
  it('shortens file names and spells targets like cuobjdump', () => {
    expect(cuobjdumpBase('/usr/lib/libcublasLt.so.13')).toBe('libcublasLt.so');
    expect(cuobjdumpBase('libtorchaudio.abi3.so')).toBe('libtorchaudio.abi3');
    expect(cuobjdumpBase('executable')).toBe('executable');
    expect(targetName('ptx', 90, 'a')).toBe('compute_90a');
    expect(targetName('sass', 100, 'f')).toBe('sm_100f');
  });
});
