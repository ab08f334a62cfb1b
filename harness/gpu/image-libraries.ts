// The CUDA libraries of an image, read through the ContainerRuntime without running it: each ELF
// shared object under the usual library directories that holds a CUDA fat binary.
import type { ContainerRuntime } from '../runtime/runtime.ts';
import { isElf } from './elf.ts';
import { containsFatbinMagic } from './fatbin.ts';

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
  /** Read the whole image filesystem (docker export) instead of the roots. */
  whole?: boolean;
  /** Labels of the never-started container beside matrix.preflight=1 (tests add matrix.test=1). */
  labels?: Record<string, string>;
  /** Files larger than this are reported through onSkip and not read (default 4 GiB). */
  maxFileBytes?: number;
  onSkip?: (path: string, why: string) => void;
}

const SHARED_OBJECT = /\.so(\.\d+)*$/;

/** Does this file name look like a shared object worth reading? */
export function isSharedObjectName(name: string): boolean {
  return SHARED_OBJECT.test(name);
}

/** Which files of an image to read: shared objects up to the size limit (a larger one is reported through onSkip). */
export function sharedObjectsUpTo(opts: Pick<ReadImageOptions, 'maxFileBytes' | 'onSkip'> = {}): (path: string, size: number) => boolean {
  const max = opts.maxFileBytes ?? 4 * 1024 ** 3;
  return (path, size) => {
    if (!isSharedObjectName(path)) return false;
    if (size <= max) return true;
    opts.onSkip?.(path, `${size} bytes is more than the ${max} read`);
    return false;
  };
}

/**
 * Yield the CUDA-carrying shared objects of image `ref` (which must be present on the engine).
 * Throws InfraError('image-missing') when it is not, other InfraErrors when the runtime fails.
 */
export async function* cudaLibrariesInImage(runtime: ContainerRuntime, ref: string, opts: ReadImageOptions = {}): AsyncGenerator<ImageLibrary> {
  const files = runtime.readImageFiles(ref, {
    roots: opts.whole ? 'whole' : (opts.roots ?? DEFAULT_LIBRARY_ROOTS),
    want: sharedObjectsUpTo(opts),
    labels: opts.labels ?? {},
  });
  for await (const f of files) {
    if (isElf(f.bytes) && containsFatbinMagic(f.bytes)) yield f;
  }
}
