import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { isSharedObjectName, librariesInTar, type ImageLibrary } from '../../../harness/runtime/image-files.ts';

const lib = readFileSync(fileURLToPath(new URL('../../fixtures/fatbin/sass-sm80.so', import.meta.url)));

/** A tar like `getArchive /usr/local` returns: entries named after the directory's basename. */
function tarOf(entries: Array<{ name: string; body?: Buffer; type?: 'symlink' | 'directory'; linkname?: string }>): Readable {
  const p = pack();
  for (const e of entries) {
    if (e.type) p.entry({ name: e.name, type: e.type, ...(e.linkname ? { linkname: e.linkname } : {}) });
    else p.entry({ name: e.name }, e.body!);
  }
  p.finalize();
  return p as unknown as Readable;
}

async function collect(gen: AsyncGenerator<ImageLibrary>): Promise<ImageLibrary[]> {
  const out: ImageLibrary[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

describe('librariesInTar', () => {
  it('yields regular ELF .so files holding a fat binary, with their image paths', async () => {
    const tar = tarOf([
      { name: 'local/', type: 'directory' },
      { name: 'local/lib/python3.12/site-packages/vllm/_C.abi3.so', body: lib },
      { name: 'local/lib/libcudart.so.13', body: lib.subarray(0, 64) }, // ELF, no fat binary
      { name: 'local/lib/fake.so.1', body: Buffer.concat([Buffer.from('not elf'), Buffer.from([0x50, 0xed, 0x55, 0xba])]) },
      { name: 'local/lib/libfoo.so', type: 'symlink', linkname: 'python3.12/site-packages/vllm/_C.abi3.so' },
      { name: 'local/share/model.safetensors', body: Buffer.alloc(4096) },
      { name: 'local/lib/libbar.so.2.1', body: lib },
    ]);
    const got = await collect(librariesInTar(tar, '/usr'));
    expect(got.map((g) => [g.path, g.size])).toEqual([
      ['/usr/local/lib/python3.12/site-packages/vllm/_C.abi3.so', lib.length],
      ['/usr/local/lib/libbar.so.2.1', lib.length],
    ]);
    expect(got[0]!.bytes.equals(lib)).toBe(true);
  });

  it('skips files over the size limit, saying so', async () => {
    const skipped: string[] = [];
    const got = await collect(librariesInTar(tarOf([{ name: 'opt/big.so', body: lib }]), '/', { maxFileBytes: 1000, onSkip: (p, why) => skipped.push(`${p}: ${why}`) }));
    expect(got).toEqual([]);
    expect(skipped).toEqual([`/opt/big.so: ${lib.length} bytes is more than the 1000 read`]);
  });

  it('a consumer may stop early', async () => {
    const tar = tarOf([{ name: 'a/one.so', body: lib }, { name: 'a/two.so', body: lib }]);
    for await (const x of librariesInTar(tar, '/')) {
      expect(x.path).toBe('/a/one.so');
      break;
    }
  });
});

describe('isSharedObjectName', () => {
  it.each([
    ['libcudart.so', true],
    ['libcudart.so.13', true],
    ['libcudnn.so.9.10.2', true],
    ['_C.cpython-312-x86_64-linux-gnu.so', true],
    ['libfoo.a', false],
    ['so.txt', false],
    ['libfoo.so.bak', false],
  ])('%s → %s', (name, want) => expect(isSharedObjectName(name)).toBe(want));
});
