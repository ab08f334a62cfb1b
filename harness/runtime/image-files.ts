// Read an image's filesystem without running it (effectful, dockerode): create a container that is
// never started, stream `getArchive` of candidate directories (or `export` the whole filesystem)
// through tar-stream, and yield each ELF shared object that holds a CUDA fat binary (one file in
// memory at a time), or read small text files by path (withImageFs: the Python packages the
// model-against-image preflight reads). The container is always removed, also when the consumer
// stops early.
import type Docker from 'dockerode';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { InfraError } from '../errors.ts';
import { containsFatbinMagic } from '../gpu/fatbin.ts';
import { isElf } from '../gpu/elf.ts';
import { toInfraError } from './docker-errors.ts';

/**
 * Where CUDA libraries live in inference images: Python site-/dist-packages (system, /usr/local,
 * conda, venvs under /opt), CUDA toolkits under /usr/local/cuda*, the distribution's library
 * directories. Directories missing from an image are skipped.
 */
export const DEFAULT_LIBRARY_ROOTS = ['/usr/local', '/usr/lib/python3', '/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/opt', '/venv', '/root/.local', '/workspace', '/app'];

export interface ImageLibrary {
  /** Absolute path inside the image. */
  path: string;
  size: number;
  bytes: Buffer;
}

export interface ReadImageOptions {
  /** Directories to read (default DEFAULT_LIBRARY_ROOTS); ignored with `whole`. */
  roots?: readonly string[];
  /** Stream `docker export` of the whole filesystem instead of the roots. */
  whole?: boolean;
  /** Labels of the never-started container (product code: matrix.preflight=1; tests add matrix.test=1). */
  labels?: Record<string, string>;
  /** Files larger than this are reported through onSkip and not read (default 4 GiB). */
  maxFileBytes?: number;
  onSkip?: (path: string, why: string) => void;
}

const SHARED_OBJECT = /\.so(\.\d+)*$/;

/** Does this tar entry name look like a shared object worth reading? */
export function isSharedObjectName(name: string): boolean {
  return SHARED_OBJECT.test(name);
}

/**
 * Yield the CUDA-carrying shared objects of image `ref` (which must be present on the engine).
 * Throws InfraError('image-missing') when it is not, other InfraErrors when Docker fails.
 */
export async function* cudaLibrariesInImage(docker: Docker, ref: string, opts: ReadImageOptions = {}): AsyncGenerator<ImageLibrary> {
  const container = await neverStarted(docker, ref, opts.labels ?? {});
  try {
    if (opts.whole) {
      yield* librariesInTar((await container.export()) as unknown as Readable, '/', opts);
      return;
    }
    for (const root of opts.roots ?? DEFAULT_LIBRARY_ROOTS) {
      let stream: Readable;
      try {
        stream = (await container.getArchive({ path: root })) as unknown as Readable;
      } catch (e) {
        if ((e as { statusCode?: number }).statusCode === 404) continue; // not in this image
        throw toInfraError(e, 'preflight', `reading ${root} of ${ref}`);
      }
      // getArchive names entries after the directory's basename: "local/lib/…" for /usr/local
      yield* librariesInTar(stream, posix.dirname(root), opts);
    }
  } finally {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  }
}

/** Stream a tar, yielding regular `.so*` files that are ELF and contain the fat-binary magic. */
export async function* librariesInTar(stream: Readable, base: string, opts: Pick<ReadImageOptions, 'maxFileBytes' | 'onSkip'> = {}): AsyncGenerator<ImageLibrary> {
  const max = opts.maxFileBytes ?? 4 * 1024 ** 3;
  const ex = extract();
  stream.on('error', (e) => ex.destroy(e));
  stream.pipe(ex);
  try {
    for await (const entry of ex) {
      const h = entry.header;
      const path = posix.join('/', base, h.name);
      if (h.type !== 'file' || !isSharedObjectName(h.name)) {
        entry.resume();
        continue;
      }
      const size = h.size ?? 0;
      if (size > max) {
        opts.onSkip?.(path, `${size} bytes is more than the ${max} read`);
        entry.resume();
        continue;
      }
      const bytes = Buffer.allocUnsafe(size);
      let at = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        chunk.copy(bytes, at);
        at += chunk.length;
      }
      const got = bytes.subarray(0, at);
      if (isElf(got) && containsFatbinMagic(got)) yield { path, size: at, bytes: got };
    }
  } finally {
    // dockerode hands Node streams; tests hand tar-stream's streamx ones: both have pipe and destroy
    if (typeof stream.unpipe === 'function') stream.unpipe(ex);
    if (typeof stream.destroy === 'function') stream.destroy();
  }
}

/** One text file read out of an image. */
export interface ImageTextFile {
  /** Absolute path inside the image. */
  path: string;
  text: string;
}

/**
 * An image's filesystem, read without running it: what the model-against-image preflight asks
 * (exact paths and small directories of Python packages). Tests give an in-memory one.
 */
export interface ImageFs {
  /** Does this path exist in the image (file or directory)? */
  exists(path: string): Promise<boolean>;
  /**
   * The regular files at `path` (one file, or every file under a directory) whose path `accept`
   * takes, as UTF-8 text; files over `maxBytes` (default 4 MiB) are left out. Empty when absent.
   */
  textFiles(path: string, accept?: (path: string) => boolean, maxBytes?: number): Promise<ImageTextFile[]>;
}

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
  const ex = extract();
  stream.on('error', (e) => ex.destroy(e));
  stream.pipe(ex);
  const out: ImageTextFile[] = [];
  for await (const entry of ex) {
    const path = posix.join('/', base, entry.header.name);
    if (entry.header.type !== 'file' || (entry.header.size ?? 0) > maxBytes || !accept(path)) {
      entry.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
    out.push({ path, text: Buffer.concat(chunks).toString('utf8') });
  }
  return out;
}
