// `matrix run --preflight`: before a cell spends GPU time, predict from the image's CUDA code
// whether its kernel libraries can load on the cell's GPU. A real image is read through Docker
// (its fat binaries); under --emulate the image's declared kernel builds (traits.kernels) stand
// for its files. Both go through the same CUDA loading rules (gpu/cuda-rules via gpu/preflight).
import { entriesOf } from '../gpu/cuda-rules.ts';
import { findGpu } from '../gpu/catalog.ts';
import { preflightLibraries, type LibraryCode, type PreflightResult } from '../gpu/preflight.ts';
import type { Cell } from '../core/cell.ts';
import { emulatorConfig, engineArgv, envValues } from './container-spec.ts';
import { getEngine } from '../engines/index.ts';
import { parseServeArgv, resolveBackends } from '../emulator/host.ts';

export interface Prediction {
  verdict: 'native' | 'jit' | 'fail';
  detail: string;
}

/** One line per failing (or JIT-only) library; the whole image's verdict. */
export function summarise(r: PreflightResult): Prediction {
  const failing = r.libraries.filter((l) => l.verdict === 'fail' && !l.advisory);
  if (failing.length) {
    return { verdict: 'fail', detail: failing.map((l) => `${l.library}: ${l.message} (${l.reason})`).join('\n') };
  }
  const jit = r.libraries.filter((l) => l.verdict === 'jit');
  if (jit.length) return { verdict: 'jit', detail: jit.map((l) => `${l.library}: ${l.reason}`).join('\n') };
  return { verdict: 'native', detail: `${r.libraries.length} CUDA libraries run natively on ${r.gpu} (sm ${r.computeCapability}, driver CUDA ${r.driverCuda})` };
}

/**
 * Under --emulate: the image's traits.kernels are its libraries, and the emulated engine says which
 * of them the cell's command loads (its language-model and vision-encoder attention backends).
 */
export function predictEmulated(cell: Cell): Prediction | null {
  const cfg = emulatorConfig(cell);
  const gpu = findGpu(cell.gpu.name);
  if (!gpu) return null;
  const parsed = parseServeArgv(engineArgv(cell, getEngine(cell.image.engine)), envValues(cell), cell.image.engine === 'nim' ? null : cfg.traits.version);
  const used = parsed.ok ? resolveBackends(parsed.args, cfg) : null;
  const wanted = new Set<string>(used ? [used.lm, ...(used.mm ? [used.mm] : [])] : Object.keys(cfg.traits.kernels));
  const libs: LibraryCode[] = Object.entries(cfg.traits.kernels)
    .filter(([backend]) => wanted.has(backend))
    .map(([backend, k]) => ({ library: k.library ?? `${backend} attention kernels`, entries: entriesOf(k) }));
  if (libs.length === 0) {
    return { verdict: 'jit', detail: `the cell's attention backends (${[...wanted].join(', ')}) are JIT-compiled (Triton) or part of PyTorch: nothing prebuilt to load` };
  }
  return summarise(preflightLibraries(libs, gpu, cfg.gpu.driverCuda));
}
