// Which CUDA libraries of an image (or of local files) load on a GPU: natively, by PTX JIT, or not
// at all with the exact CUDA error — predicted before any GPU time is spent.
// gpu/image-libraries reads the image through the runtime, fatbin lists the code, gpu/preflight decides. `matrix preflight`
// and `matrix run --preflight` both call these.
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.ts';
import { findGpu, gpuNames, type GpuSpec } from '../gpu/catalog.ts';
import { isElf } from '../gpu/elf.ts';
import { codeEntriesOf, containsFatbinMagic, listFatbin } from '../gpu/fatbin.ts';
import { preflightLibraries, type LibraryCode, type PreflightResult } from '../gpu/preflight.ts';
import { cudaLibrariesInImage, isSharedObjectName, type ReadImageOptions } from '../gpu/image-libraries.ts';
import type { ContainerRuntime } from '../runtime/runtime.ts';

function codeOf(path: string, bytes: Uint8Array): LibraryCode | null {
  try {
    return { library: path, entries: codeEntriesOf(listFatbin(bytes, path)) };
  } catch {
    return null; // not an ELF we can read: it holds nothing cuda-rules can judge
  }
}

/**
 * Preflight an image that is on the Docker engine: read its CUDA libraries without running it and
 * decide each for `gpu` under a driver for `driverCuda`. Throws InfraError when the image cannot be read.
 * @param gpuOrName a catalog GPU or its name/alias (UsageError when unknown)
 * @param driverCuda default: the GPU's typicalDriverCuda
 */
export async function preflightImage(
  runtime: ContainerRuntime,
  ref: string,
  gpuOrName: GpuSpec | string,
  driverCuda?: string,
  opts: ReadImageOptions = {},
): Promise<PreflightResult> {
  const gpu = typeof gpuOrName === 'string' ? gpuOrUsage(gpuOrName) : gpuOrName;
  const libs: LibraryCode[] = [];
  for await (const f of cudaLibrariesInImage(runtime, ref, opts)) {
    const code = codeOf(f.path, f.bytes);
    if (code) libs.push(code);
  }
  return preflightLibraries(libs, gpu, driverCuda ?? gpu.typicalDriverCuda);
}

/** Preflight local files; directories are walked for shared objects. */
export async function preflightPaths(paths: string[], gpu: GpuSpec, driverCuda: string = gpu.typicalDriverCuda): Promise<PreflightResult> {
  const libs: LibraryCode[] = [];
  const visit = async (p: string, explicit: boolean): Promise<void> => {
    const s = await stat(p).catch(() => null);
    if (!s) throw new UsageError(`matrix preflight: ${p} does not exist`);
    if (s.isDirectory()) {
      for (const e of await readdir(p, { withFileTypes: true })) {
        if (e.isDirectory() || (e.isFile() && isSharedObjectName(e.name))) await visit(join(p, e.name), false);
      }
      return;
    }
    if (!s.isFile()) return;
    const bytes = await readWhole(p, s.size);
    if (!isElf(bytes) || !containsFatbinMagic(bytes)) {
      if (explicit && !isElf(bytes)) throw new UsageError(`matrix preflight: ${p} is not an ELF file`, 'give shared objects, executables or directories that hold them');
      return;
    }
    const code = codeOf(p, bytes);
    if (code) libs.push(code);
  };
  for (const p of paths) await visit(p, true);
  return preflightLibraries(libs, gpu, driverCuda);
}

/** readFile stops at 2 GiB; libtorch_cuda.so can be larger. */
async function readWhole(path: string, size: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await fh.read(buf, at, Math.min(1 << 30, size - at), at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return buf.subarray(0, at);
  } finally {
    await fh.close();
  }
}

export function gpuOrUsage(name: string | undefined): GpuSpec {
  if (!name) throw new UsageError('matrix preflight: --gpu is required', 'name a GPU of the catalog, e.g. --gpu thor (see `matrix gpus --catalog`)');
  const gpu = findGpu(name);
  if (!gpu) throw new UsageError(`matrix preflight: unknown GPU "${name}"`, `known: ${gpuNames().join(', ')}`);
  return gpu;
}
