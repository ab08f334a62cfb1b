// The fat-binary preflight (pure): given the CUDA code entries of each library, a GPU from the
// catalog and the CUDA version its driver supports, predict per library whether it loads natively,
// by PTX JIT, or fails — with the exact error the CUDA runtime would raise.
import type { GpuSpec } from './catalog.ts';
import { compareVersions, decideLoad, type CodeEntry, type LoadError } from './cuda-rules.ts';

export interface LibraryCode {
  /** Path of the library (in the image or on disk). */
  library: string;
  entries: readonly CodeEntry[];
}

export type Verdict = 'native' | 'jit' | 'fail';

export interface LibraryVerdict {
  library: string;
  verdict: Verdict;
  error?: LoadError;
  /** For a failure the CUDA runtime's own words; otherwise how it loads. */
  message: string;
  /** Why, in terms of targets and versions. */
  reason: string;
  sass: string[];
  ptx: string[];
  /** Toolkits that produced the entries, where known. */
  toolkits: string[];
  /**
   * Set on a failure that does not fail the preflight: NVIDIA's own libraries (cuFFT, cuBLAS, …)
   * load most kernels themselves, outside the module the runtime registers. On the H100 machine
   * libcufft.so.12 (CUDA 13) registers one sm_75 cubin, yet cuFFT runs there.
   */
  advisory?: string;
}

export interface PreflightResult {
  gpu: string;
  /** The compute capability the driver reports for this GPU (Thor is 10.1 under CUDA 12 drivers). */
  computeCapability: string;
  driverCuda: string;
  libraries: LibraryVerdict[];
  /** Per verdict; advisory failures are counted under `advisory`, not `fail`. */
  counts: Record<Verdict | 'advisory', number>;
  ok: boolean;
}

/** Compute capability as a driver for `driverCuda` reports it (Thor was sm_101 before CUDA 13.0). */
export function effectiveComputeCapability(gpu: GpuSpec, driverCuda: string): string {
  const legacy = gpu.legacyComputeCapability;
  return legacy && compareVersions(driverCuda, legacy.beforeCuda) < 0 ? legacy.capability : gpu.computeCapability;
}

/** NVIDIA CUDA-X libraries that ship their kernels in their own data and load them at run time. */
const SELF_LOADING = /^lib(cufft|cufftw|cublas|cublasLt|cudnn\w*|cusparse|cusparseLt|cusolver|cusolverMg|curand|nvJitLink|nvrtc\w*|nccl|nvshmem\w*|cupti)\.so/;

/** Is this library one of NVIDIA's self-loading CUDA-X libraries (judged by file name)? */
export function isSelfLoadingLibrary(path: string): boolean {
  return SELF_LOADING.test(path.split('/').pop() ?? path);
}

const uniq = (xs: readonly string[]): string[] => [...new Set(xs)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

/** Decide one library. */
export function preflightLibrary(lib: LibraryCode, computeCapability: string, driverCuda: string): LibraryVerdict {
  const d = decideLoad(lib.entries, computeCapability, driverCuda);
  const base = {
    library: lib.library,
    sass: uniq(lib.entries.filter((e) => e.kind === 'sass').map((e) => e.target)),
    ptx: uniq(lib.entries.filter((e) => e.kind === 'ptx').map((e) => e.target)),
    toolkits: uniq(lib.entries.flatMap((e) => (e.toolkit ? [e.toolkit] : []))),
  };
  if (d.result === 'fail') {
    const advisory = isSelfLoadingLibrary(lib.library)
      ? 'an NVIDIA library that loads most of its kernels itself: only the module the runtime registers is judged here'
      : undefined;
    return { ...base, verdict: 'fail', error: d.error, message: d.message, reason: d.reason, ...(advisory ? { advisory } : {}) };
  }
  const message = d.result === 'native' ? `runs natively from SASS ${d.entry.target}` : `runs by PTX JIT from ${d.entry.target}`;
  return { ...base, verdict: d.result, message, reason: d.reason };
}

/**
 * Decide every library that holds CUDA code (libraries without entries are left out: nothing in
 * them can fail to load).
 */
export function preflightLibraries(libs: readonly LibraryCode[], gpu: GpuSpec, driverCuda: string): PreflightResult {
  const cc = effectiveComputeCapability(gpu, driverCuda);
  const libraries = libs.filter((l) => l.entries.length > 0).map((l) => preflightLibrary(l, cc, driverCuda));
  const counts: Record<Verdict | 'advisory', number> = { native: 0, jit: 0, fail: 0, advisory: 0 };
  for (const l of libraries) counts[l.advisory ? 'advisory' : l.verdict]++;
  return { gpu: gpu.name, computeCapability: cc, driverCuda, libraries, counts, ok: counts.fail === 0 };
}

const LABEL: Record<Verdict | 'advisory', string> = { native: 'native', jit: 'PTX-JIT', fail: 'FAIL', advisory: 'warn' };

/** Human output: one line per library with its verdict (failures first), the reason under it. */
export function preflightText(r: PreflightResult, subject: string): string {
  const sm = `sm_${r.computeCapability.replace('.', '')}`;
  const lines = [`preflight of ${subject} for ${r.gpu} (${sm}) with a driver for CUDA ${r.driverCuda}: ${r.libraries.length} librar${r.libraries.length === 1 ? 'y' : 'ies'} with CUDA code`];
  const order = ['fail', 'advisory', 'jit', 'native'];
  const label = (l: LibraryVerdict): Verdict | 'advisory' => (l.advisory ? 'advisory' : l.verdict);
  const sorted = [...r.libraries].sort((a, b) => order.indexOf(label(a)) - order.indexOf(label(b)) || a.library.localeCompare(b.library));
  for (const l of sorted) {
    const what = l.verdict === 'fail' ? `${l.message} (${l.error})` : l.message;
    lines.push(`  ${LABEL[label(l)].padEnd(7)}  ${l.library}`, `           ${what}`, `           ${l.reason}`);
    if (l.advisory) lines.push(`           not counted as failing: ${l.advisory}`);
  }
  const warn = r.counts.advisory ? `, ${r.counts.advisory} warning${r.counts.advisory === 1 ? '' : 's'}` : '';
  lines.push(`${r.counts.native} native, ${r.counts.jit} PTX-JIT, ${r.counts.fail} failing${warn}${r.ok ? '' : ' (a failing library raises its error when it first loads a kernel)'}`);
  return lines.join('\n') + '\n';
}
