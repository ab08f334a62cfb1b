// Reading an image's filesystem without running it (effectful, dockerode), through a container that
// is never started and is always removed, also when the consumer stops early:
// - readImageFiles streams `getArchive` of the asked directories (or `export` of the whole
//   filesystem) through tar-stream and yields each wanted regular file, one in memory at a time
//   (the fat-binary preflight: gpu/image-libraries.ts says which files are CUDA libraries);
// - withImageFs answers exact paths and reads small text files (the model-against-image
//   preflight's Python packages: preflight/image-software.ts).
import type Docker from 'dockerode';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { InfraError } from '../errors.ts';
import { toInfraError } from './docker-errors.ts';
import type { ImageFile, ImageFs, ImageTextFile, ReadImageFilesOptions } from './runtime.ts';

/** Create the never-started container of `ref` (InfraError image-missing when the image is not here). */
async function neverStarted(docker: Docker, ref: string, labels: Record<string, string>): Promise<Docker.Container> {
  try {
    await docker.getImage(ref).inspect();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) {
      throw new InfraError('image-missing', `image ${ref} is not on this Docker engine`, `pull or build it first (\`docker pull ${ref}\`)`, 'preflight');
    }
    throw toInfraError(e, 'image', `inspecting image ${ref}`);
  }
  try {
    return await docker.createContainer({
      Image: ref,
      // never started: a command is only needed because images FROM scratch have none
      Cmd: ['/matrix-preflight-never-runs'],
      Labels: { 'matrix.preflight': '1', ...labels },
      HostConfig: { AutoRemove: false, NetworkMode: 'none' },
    });
  } catch (e) {
    throw toInfraError(e, 'create', `creating a (never started) container from ${ref} to read its files`);
  }
}

export async function* readImageFiles(docker: Docker, ref: string, opts: ReadImageFilesOptions): AsyncGenerator<ImageFile> {
  const container = await neverStarted(docker, ref, opts.labels ?? {});
  try {
    if (opts.roots === 'whole') {
      yield* filesInTar((await container.export()) as unknown as Readable, '/', opts.want);
      return;
    }
    for (const root of opts.roots) {
      let stream: Readable;
      try {
        stream = (await container.getArchive({ path: root })) as unknown as Readable;
      } catch (e) {
        if ((e as { statusCode?: number }).statusCode === 404) continue; // not in this image
        throw toInfraError(e, 'preflight', `reading ${root} of ${ref}`);
      }
      // getArchive names entries after the directory's basename: "local/lib/…" for /usr/local
      yield* filesInTar(stream, posix.dirname(root), opts.want);
    }
  } finally {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  }
}

/** Stream a tar whose entries are relative to `base`, yielding the regular files `want` asks for. */
export async function* filesInTar(stream: Readable, base: string, want: ReadImageFilesOptions['want']): AsyncGenerator<ImageFile> {
  const ex = extract();
  stream.on('error', (e) => ex.destroy(e));
  stream.pipe(ex);
  try {
    for await (const entry of ex) {
      const h = entry.header;
      const path = posix.join('/', base, h.name);
      const size = h.size ?? 0;
      if (h.type !== 'file' || !want(path, size)) {
        entry.resume();
        continue;
      }
      const bytes = Buffer.allocUnsafe(size);
      let at = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        chunk.copy(bytes, at);
        at += chunk.length;
      }
      yield { path, size: at, bytes: bytes.subarray(0, at) };
    }
  } finally {
    // dockerode hands Node streams; tests hand tar-stream's streamx ones: both have pipe and destroy
    if (typeof stream.unpipe === 'function') stream.unpipe(ex);
    if (typeof stream.destroy === 'function') stream.destroy();
  }
}

/**
 * Run `use` over image `ref`'s filesystem through a never-started container (getArchive per path,
 * HEAD archive for existence); the container is removed afterwards, also when `use` throws.
 */
export async function withImageFs<T>(docker: Docker, ref: string, labels: Record<string, string>, use: (fs: ImageFs) => Promise<T>): Promise<T> {
  const container = await neverStarted(docker, ref, labels);
  const fs: ImageFs = {
    async exists(path) {
      try {
        await container.infoArchive({ path });
        return true;
      } catch (e) {
        if ((e as { statusCode?: number }).statusCode === 404) return false;
        throw toInfraError(e, 'preflight', `looking for ${path} in ${ref}`);
      }
    },
    async textFiles(path, accept = () => true, maxBytes = 4 * 1024 * 1024) {
      let stream: Readable;
      try {
        stream = (await container.getArchive({ path })) as unknown as Readable;
      } catch (e) {
        if ((e as { statusCode?: number }).statusCode === 404) return [];
        throw toInfraError(e, 'preflight', `reading ${path} of ${ref}`);
      }
      return textFilesInTar(stream, posix.dirname(path), accept, maxBytes);
    },
  };
  try {
    return await use(fs);
  } finally {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  }
}

/** Regular files of a tar (named relative to `base`) that `accept` takes, as text. */
export async function textFilesInTar(stream: Readable, base: string, accept: (path: string) => boolean, maxBytes: number): Promise<ImageTextFile[]> {
  const out: ImageTextFile[] = [];
  for await (const f of filesInTar(stream, base, (path, size) => size <= maxBytes && accept(path))) {
    out.push({ path: f.path, text: f.bytes.toString('utf8') });
  }
  return out;
}
