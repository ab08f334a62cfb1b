// CUDA loading rules (pure): can code built for targets X run on a GPU of compute capability Y
// whose driver supports CUDA up to Z? Shared by the emulator (to fail like real images) and the
// fat-binary preflight (to predict failures before GPU time is spent).
//
// The rules, from NVIDIA's CUDA compatibility documentation:
//  - SASS (cubin) for sm_XY runs natively on a GPU of the same major version with minor ≥ Y.
//    Arch-specific `a` cubins (sm_90a) run only on exactly that compute capability.
//    Family `f` cubins (sm_100f) run on the same major with minor ≥ Y (the family).
//  - PTX for compute_XY is JIT-compiled by the driver for any GPU with compute capability ≥ XY,
//    except `a` PTX (only that exact arch) and `f` PTX (only within its family) — provided the
//    driver understands the PTX: the toolkit that produced it must not be newer than the CUDA
//    version the driver supports, else cudaErrorUnsupportedPtxVersion
//    ("the provided PTX was compiled with an unsupported toolchain").
//  - Nothing usable: cudaErrorNoKernelImageForDevice ("no kernel image is available for
//    execution on the device").
//    The driver's JIT judges PTX by its ISA version alone, so this holds across majors too: PTX
//    from CUDA 13.0 under a 12.8 driver fails with cudaErrorUnsupportedPtxVersion.
//  - SASS from a toolkit of a newer *major* version than the driver supports is not counted on
//    (minor-version compatibility covers only the same major); a library holding nothing else
//    fails with cudaErrorInsufficientDriver.

export interface CodeEntry {
  kind: 'sass' | 'ptx';
  /** "sm_80", "sm_90a", "sm_100f" for SASS; "compute_80", "compute_90a" for PTX. */
  target: string;
  /** CUDA toolkit that produced the entry, "12.9"; null when unknown (assumed compatible). */
  toolkit: string | null;
}

export interface ParsedTarget {
  major: number;
  minor: number;
  variant: '' | 'a' | 'f';
}

export type LoadError = 'cudaErrorNoKernelImageForDevice' | 'cudaErrorUnsupportedPtxVersion' | 'cudaErrorInsufficientDriver';

export type LoadDecision =
  | { result: 'native'; entry: CodeEntry; reason: string }
  | { result: 'jit'; entry: CodeEntry; reason: string }
  | { result: 'fail'; error: LoadError; message: string; reason: string };

export const LOAD_ERROR_MESSAGES: Record<LoadError, string> = {
  cudaErrorNoKernelImageForDevice: 'no kernel image is available for execution on the device',
  cudaErrorUnsupportedPtxVersion: 'the provided PTX was compiled with an unsupported toolchain.',
  cudaErrorInsufficientDriver: 'CUDA driver version is insufficient for CUDA runtime version',
};

/** "sm_100f" → {major: 10, minor: 0, variant: 'f'}; "compute_90a" → {9, 0, 'a'}; "11.0" → {11, 0, ''}. */
export function parseTarget(target: string): ParsedTarget {
  const cc = /^(\d+)\.(\d+)([af]?)$/.exec(target.trim());
  if (cc) return { major: Number(cc[1]), minor: Number(cc[2]), variant: (cc[3] ?? '') as ParsedTarget['variant'] };
  const m = /^(?:sm|compute|lto)_(\d+)(\d)([af]?)$/.exec(target.trim());
  if (!m) throw new Error(`not a CUDA target: "${target}" (expected e.g. sm_80, sm_90a, compute_100f or 8.0)`);
  return { major: Number(m[1]), minor: Number(m[2]), variant: (m[3] ?? '') as ParsedTarget['variant'] };
}

/** Compare "12.9" with "13.0": negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function ccOf(t: ParsedTarget): number {
  return t.major * 10 + t.minor;
}

/** Can a SASS cubin for `target` run natively on `gpu`? */
export function sassRuns(target: ParsedTarget, gpu: ParsedTarget): boolean {
  if (target.variant === 'a') return target.major === gpu.major && target.minor === gpu.minor;
  return target.major === gpu.major && target.minor <= gpu.minor;
}

/** Can PTX for `target` be JIT-compiled for `gpu` (ignoring the toolkit/driver check)? */
export function ptxArchFits(target: ParsedTarget, gpu: ParsedTarget): boolean {
  if (target.variant === 'a') return target.major === gpu.major && target.minor === gpu.minor;
  if (target.variant === 'f') return target.major === gpu.major && target.minor <= gpu.minor;
  return ccOf(target) <= ccOf(gpu);
}

function toolkitTooNewForDriver(toolkit: string | null, driverCuda: string): boolean {
  return toolkit !== null && compareVersions(toolkit, driverCuda) > 0;
}

function majorTooNew(toolkit: string | null, driverCuda: string): boolean {
  return toolkit !== null && Number(toolkit.split('.')[0]) > Number(driverCuda.split('.')[0]);
}

/**
 * Decide how (or whether) a library with these code entries loads on a GPU.
 * @param computeCapability the GPU's, e.g. "11.0"
 * @param driverCuda highest CUDA version the driver supports, e.g. "13.0"
 */
export function decideLoad(entries: readonly CodeEntry[], computeCapability: string, driverCuda: string): LoadDecision {
  const gpu = parseTarget(computeCapability);
  const sm = `sm_${gpu.major}${gpu.minor}`;
  const fail = (error: LoadError, reason: string): LoadDecision => ({ result: 'fail', error, message: LOAD_ERROR_MESSAGES[error], reason });

  const loadable = entries.filter((e) => !majorTooNew(e.toolkit, driverCuda));
  const native = loadable.find((e) => e.kind === 'sass' && sassRuns(parseTarget(e.target), gpu));
  if (native) return { result: 'native', entry: native, reason: `SASS ${native.target} runs natively on ${sm}` };

  const ptxFits = entries.filter((e) => e.kind === 'ptx' && ptxArchFits(parseTarget(e.target), gpu));
  const jit = ptxFits.find((e) => !toolkitTooNewForDriver(e.toolkit, driverCuda));
  if (jit) return { result: 'jit', entry: jit, reason: `PTX ${jit.target} is JIT-compiled for ${sm}` };
  if (ptxFits.length > 0) {
    const p = ptxFits[0]!;
    return fail(
      'cudaErrorUnsupportedPtxVersion',
      `only PTX ${p.target} fits ${sm}, but it was produced by CUDA ${p.toolkit} and the driver supports CUDA ${driverCuda}`,
    );
  }
  if (loadable.length < entries.length && entries.length > 0) {
    const t = entries.find((e) => majorTooNew(e.toolkit, driverCuda))!;
    if (entries.every((e) => majorTooNew(e.toolkit, driverCuda))) {
      return fail('cudaErrorInsufficientDriver', `built with CUDA ${t.toolkit}; the driver supports only CUDA ${driverCuda}`);
    }
  }
  const built = [...new Set(entries.map((e) => e.target))].join(', ') || 'nothing';
  return fail('cudaErrorNoKernelImageForDevice', `built for ${built}; none of it runs on ${sm}`);
}

/** Entries of a kernel library described by SASS/PTX target lists and one toolkit version. */
export function entriesOf(build: { sass: readonly string[]; ptx: readonly string[]; toolkit: string | null }): CodeEntry[] {
  return [
    ...build.sass.map((t) => ({ kind: 'sass' as const, target: t, toolkit: build.toolkit })),
    ...build.ptx.map((t) => ({ kind: 'ptx' as const, target: t, toolkit: build.toolkit })),
  ];
}
