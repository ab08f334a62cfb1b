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
}

export interface PreflightResult {
  gpu: string;
  /** The compute capability the driver reports for this GPU (Thor is 10.1 under CUDA 12 drivers). */
  computeCapability: string;
  driverCuda: string;
  libraries: LibraryVerdict[];
  counts: Record<Verdict, number>;
  ok: boolean;
}

/** Compute capability as a driver for `driverCuda` reports it (Thor was sm_101 before CUDA 13.0). */
export function effectiveComputeCapability(gpu: GpuSpec, driverCuda: string): string {
  const legacy = gpu.legacyComputeCapability;
  return legacy && compareVersions(driverCuda, legacy.beforeCuda) < 0 ? legacy.capability : gpu.computeCapability;
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
  if (d.result === 'fail') return { ...base, verdict: 'fail', error: d.error, message: d.message, reason: d.reason };
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
  const counts: Record<Verdict, number> = { native: 0, jit: 0, fail: 0 };
  for (const l of libraries) counts[l.verdict]++;
  return { gpu: gpu.name, computeCapability: cc, driverCuda, libraries, counts, ok: counts.fail === 0 };
}

const LABEL: Record<Verdict, string> = { native: 'native', jit: 'PTX-JIT', fail: 'FAIL' };

/** Human output: one line per library with its verdict (failures first), the reason under it. */
export function preflightText(r: PreflightResult, subject: string): string {
  const sm = `sm_${r.computeCapability.replace('.', '')}`;
  const lines = [`preflight of ${subject} for ${r.gpu} (${sm}) with a driver for CUDA ${r.driverCuda}: ${r.libraries.length} librar${r.libraries.length === 1 ? 'y' : 'ies'} with CUDA code`];
  const order: Verdict[] = ['fail', 'jit', 'native'];
  const sorted = [...r.libraries].sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict) || a.library.localeCompare(b.library));
  for (const l of sorted) {
    const what = l.verdict === 'fail' ? `${l.message} (${l.error})` : l.message;
    lines.push(`  ${LABEL[l.verdict].padEnd(7)}  ${l.library}`, `           ${what}`, `           ${l.reason}`);
  }
  lines.push(`${r.counts.native} native, ${r.counts.jit} PTX-JIT, ${r.counts.fail} failing${r.ok ? '' : ' (a failing library raises its error when it first loads a kernel)'}`);
  return lines.join('\n') + '\n';
}
