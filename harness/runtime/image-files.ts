// Reading an image's filesystem without running it (effectful, dockerode): create a container that
// is never started, stream `getArchive` of the asked directories (or `export` the whole filesystem)
// through tar-stream, and yield each wanted regular file. One file is in memory at a time; the
// container is always removed, also when the consumer stops early. What a file means (a CUDA
// library, say) is the caller's business: gpu/image-libraries.ts.
import type Docker from 'dockerode';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { InfraError } from '../errors.ts';
import { toInfraError } from './docker-errors.ts';
import type { ImageFile, ReadImageFilesOptions } from './runtime.ts';

export async function* readImageFiles(docker: Docker, ref: string, opts: ReadImageFilesOptions): AsyncGenerator<ImageFile> {
  try {
    await docker.getImage(ref).inspect();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) {
      throw new InfraError('image-missing', `image ${ref} is not on this Docker engine`, `pull or build it first (\`docker pull ${ref}\`)`, 'preflight');
    }
    throw toInfraError(e, 'image', `inspecting image ${ref}`);
  }
  let container: Docker.Container;
  try {
    container = await docker.createContainer({
      Image: ref,
      // never started: a command is only needed because images FROM scratch have none
      Cmd: ['/matrix-preflight-never-runs'],
      Labels: { ...(opts.labels ?? {}) },
      HostConfig: { AutoRemove: false, NetworkMode: 'none' },
    });
  } catch (e) {
    throw toInfraError(e, 'create', `creating a (never started) container from ${ref} to read its files`);
  }
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
