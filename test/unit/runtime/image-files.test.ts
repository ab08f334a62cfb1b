import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { filesInTar } from '../../../harness/runtime/image-files.ts';
import type { ImageFile } from '../../../harness/runtime/runtime.ts';

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

async function collect(gen: AsyncGenerator<ImageFile>): Promise<ImageFile[]> {
  const out: ImageFile[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

describe('filesInTar', () => {
  it('yields the regular files `want` asks for, with their image paths and bytes; links and directories never', async () => {
    const asked: Array<[string, number]> = [];
    const tar = tarOf([
      { name: 'local/', type: 'directory' },
      { name: 'local/lib/a.so', body: Buffer.from('first') },
      { name: 'local/lib/link.so', type: 'symlink', linkname: 'a.so' },
      { name: 'local/share/model.safetensors', body: Buffer.alloc(4096) },
      { name: 'local/lib/b.so.2', body: Buffer.from('second!') },
    ]);
    const got = await collect(filesInTar(tar, '/usr', (path, size) => (asked.push([path, size]), path.includes('.so'))));
    expect(asked).toEqual([
      ['/usr/local/lib/a.so', 5],
      ['/usr/local/share/model.safetensors', 4096],
      ['/usr/local/lib/b.so.2', 7],
    ]);
    expect(got.map((g) => [g.path, g.size, g.bytes.toString()])).toEqual([
      ['/usr/local/lib/a.so', 5, 'first'],
      ['/usr/local/lib/b.so.2', 7, 'second!'],
    ]);
  });

  it('a consumer may stop early', async () => {
    const tar = tarOf([{ name: 'a/one.so', body: Buffer.from('1') }, { name: 'a/two.so', body: Buffer.from('2') }]);
    const seen: string[] = [];
    for await (const x of filesInTar(tar, '/', () => true)) {
      seen.push(x.path);
      break;
    }
    expect(seen).toEqual(['/a/one.so']);
  });
});
