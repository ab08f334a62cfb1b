import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cudaLibrariesInImage, isSharedObjectName, type ImageLibrary } from '../../../harness/gpu/image-libraries.ts';
import { MemoryRuntime } from '../../support/memory-runtime.ts';

const lib = readFileSync(fileURLToPath(new URL('../../fixtures/fatbin/sass-sm80.so', import.meta.url)));

async function collect(gen: AsyncGenerator<ImageLibrary>): Promise<ImageLibrary[]> {
  const out: ImageLibrary[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

const image = (files: Record<string, Buffer>) => new MemoryRuntime({ images: { 'vllm/vllm-openai:v1': { files } } });

describe('cudaLibrariesInImage', () => {
  it('yields the ELF shared objects holding a fat binary, under the library directories', async () => {
    const runtime = image({
      '/usr/local/lib/python3.12/site-packages/vllm/_C.abi3.so': lib,
      '/usr/local/lib/libcudart.so.13': lib.subarray(0, 64), // ELF, no fat binary
      '/usr/local/lib/fake.so.1': Buffer.concat([Buffer.from('not elf'), Buffer.from([0x50, 0xed, 0x55, 0xba])]),
      '/usr/local/share/model.safetensors': Buffer.alloc(4096),
      '/usr/local/lib/libbar.so.2.1': lib,
      '/home/user/libelsewhere.so': lib, // not a library directory
    });
    const got = await collect(cudaLibrariesInImage(runtime, 'vllm/vllm-openai:v1'));
    expect(got.map((g) => [g.path, g.size])).toEqual([
      ['/usr/local/lib/libbar.so.2.1', lib.length],
      ['/usr/local/lib/python3.12/site-packages/vllm/_C.abi3.so', lib.length],
    ]);
    expect(got[0]!.bytes.equals(lib)).toBe(true);
    expect(runtime.readers).toBe(0);
  });

  it('reads the whole filesystem when asked', async () => {
    const got = await collect(cudaLibrariesInImage(image({ '/home/user/libelsewhere.so': lib }), 'vllm/vllm-openai:v1', { whole: true }));
    expect(got.map((g) => g.path)).toEqual(['/home/user/libelsewhere.so']);
  });

  it('skips files over the size limit, saying so', async () => {
    const skipped: string[] = [];
    const got = await collect(cudaLibrariesInImage(image({ '/opt/big.so': lib }), 'vllm/vllm-openai:v1', { maxFileBytes: 1000, onSkip: (p, why) => skipped.push(`${p}: ${why}`) }));
    expect(got).toEqual([]);
    expect(skipped).toEqual([`/opt/big.so: ${lib.length} bytes is more than the 1000 read`]);
  });

  it('an image that is not on the engine is an image-missing infra error', async () => {
    const runtime = new MemoryRuntime({ missing: ['absent:1'] });
    await expect(collect(cudaLibrariesInImage(runtime, 'absent:1'))).rejects.toMatchObject({ kind: 'image-missing' });
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
