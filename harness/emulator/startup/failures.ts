// Which failure (if any) a start of the emulated engine meets, and at which phase — decided from
// the served options, the image's traits and the GPU, through the shared CUDA loading rules. Pure.
import { decideLoad, entriesOf, type LoadError } from '../../gpu/cuda-rules.ts';
import type { AttentionBackend } from '../../core/cell.ts';
import type { EmulatorConfig } from '../../core/emulator-traits.ts';
import type { ServeArgs } from '../argv/serve-args.ts';
import { vllmBackendName } from '../argv/backend-names.ts';
import { factsAt, VLLM_FACTS } from '../../engines/facts/index.ts';
import { vllmLacksArchitecture } from './architectures-vllm.ts';
import { vllmEncoderBackend, vllmEncoderRefusal } from './encoder-backend-vllm.ts';
import { sglangLoads } from '../../engines/sglang-facts.ts';
import { vllmGraphDowngrade } from './cudagraph-downgrade-vllm.ts';
import { sglangAutoBackend, sglangAutoMmBackend, sglangMmFa3Refused } from './sglang-backends.ts';

/** Where in the real engine's startup the failure surfaces, in startup order. */
export type FailurePhase = 'config' | 'load' | 'profile' | 'capture';

export type Failure =
  | { kind: 'unknown-architecture'; phase: 'config'; architecture: string }
  | { kind: 'tp-exceeds-gpus'; phase: 'config'; tensorParallel: number; gpus: number }
  /** `refusedBy`: the model whose vision encoder refuses the backend (vLLM 0.11's Qwen3-VL), with the backend's enum name. */
  | { kind: 'backend-unsupported'; phase: 'load'; where: 'lm' | 'mm'; backend: AttentionBackend; refusedBy?: { architecture: string; name: string } }
  | { kind: 'oom'; phase: 'load'; needGiB: number; budgetGiB: number; totalGiB: number }
  | { kind: 'kernel-load'; phase: 'profile'; where: 'lm' | 'mm'; backend: AttentionBackend; library: string; error: LoadError; reason: string }
  | { kind: 'mtp-capture'; phase: 'capture' }
  /** faults.fail_first_starts: a transient CUDA error during the profiling run. */
  | { kind: 'transient'; phase: 'profile' };

/** Backends that need no prebuilt kernel library: Triton (and FlexAttention, compiled to Triton) JIT; SDPA is torch's own. */
const ALWAYS_AVAILABLE: readonly AttentionBackend[] = ['triton', 'flex', 'sdpa'];

/** Kernel library names as real images ship them, when the traits do not name one. */
const DEFAULT_LIBRARY: Partial<Record<AttentionBackend, string>> = { flash: '_vllm_fa2_C', flashinfer: 'flashinfer' };

export const DEFAULT_GPU_MEMORY_UTILIZATION = 0.9;
/** Weights assumed when the model's size is unknown. */
export const DEFAULT_MODEL_GIB = 1.76;

export interface Backends {
  /** Language-model attention backend. */
  lm: AttentionBackend;
  /** Whether the user chose it (vLLM logs the choice differently). */
  lmExplicit: boolean;
  /** Vision-encoder attention backend, or null when no vision encoder runs. */
  mm: AttentionBackend | null;
}

export function hasVisionEncoder(args: ServeArgs, config: EmulatorConfig): boolean {
  return config.model.modalities.includes('image') && !args.languageModelOnly;
}

/** Automatic selection, like vLLM's priority list: the first backend the image ships (Triton always). */
export const AUTO_PRIORITY: readonly AttentionBackend[] = ['flash', 'flashinfer', 'triton'];

export function autoBackend(config: EmulatorConfig): AttentionBackend {
  return AUTO_PRIORITY.find((b) => b === 'triton' || config.traits.kernels[b] !== undefined) ?? 'triton';
}

export function resolveBackends(args: ServeArgs, config: EmulatorConfig): Backends {
  const explicit = args.attention !== null && args.attention !== 'auto';
  const sglang = args.engine === 'sglang';
  const lm = explicit ? (args.attention as AttentionBackend) : sglang ? sglangAutoBackend(config).semantic : autoBackend(config);
  let mm: AttentionBackend | null = null;
  if (hasVisionEncoder(args, config)) {
    if (config.engine === 'vllm') mm = vllmEncoderBackend(config.traits.version, args.mmAttention, args.attentionFromEnv ? lm : null, config.gpu.computeCapability).backend;
    else if (args.mmAttention && args.mmAttention !== 'auto') mm = args.mmAttention;
    // SGLang's vision encoder reads only --mm-attention-backend, else its own per-GPU default.
    else if (sglang && sglangAutoMmBackend(config) !== null) mm = sglangAutoMmBackend(config);
    else if (config.traits.mm_encoder_follows_attention_backend) mm = lm;
    // The vision encoder's own choice: flash-attention whenever the image ships it, else SDPA.
    mm ??= config.traits.kernels.flash ? 'flash' : 'sdpa';
  }
  return { lm, lmExplicit: explicit, mm };
}

/** vLLM 0.11's Qwen3-VL builds its encoder only on the backends it lists (encoder-backend-vllm.ts). */
function encoderRefusal(mm: AttentionBackend | null, config: EmulatorConfig): Failure | null {
  if (mm === null || config.engine !== 'vllm') return null;
  const arch = config.model.architecture;
  const name = vllmEncoderRefusal(config.traits.version, arch, mm, vllmBackendName(mm, config.traits.version));
  return name === null || arch === null ? null : { kind: 'backend-unsupported', phase: 'load', where: 'mm', backend: mm, refusedBy: { architecture: arch, name } };
}

export function usesMtp(args: ServeArgs): boolean {
  return args.speculative !== null && /mtp/i.test(args.speculative.method);
}

/**
 * CUDA graph mode in effect: --enforce-eager turns graphs off; without a mode, the vLLM release's
 * default from the facts (PIECEWISE in 0.10.2, FULL_AND_PIECEWISE from 0.11.0; `version` null: the
 * newest release read).
 */
export function effectiveGraphMode(args: ServeArgs, version: string | null = null): 'FULL' | 'PIECEWISE' | 'FULL_AND_PIECEWISE' | 'NONE' {
  if (args.enforceEager) return 'NONE';
  if (args.cudagraphMode !== null) return args.cudagraphMode;
  const fallback = factsAt(VLLM_FACTS, VLLM_FACTS.defaults, version).find((d) => d.id === 'cudagraph-mode-default')?.value;
  return fallback === 'PIECEWISE' ? 'PIECEWISE' : 'FULL_AND_PIECEWISE';
}

function kernelFailure(where: 'lm' | 'mm', backend: AttentionBackend, config: EmulatorConfig): Failure | null {
  const build = config.traits.kernels[backend];
  if (!build) {
    if (ALWAYS_AVAILABLE.includes(backend)) return null;
    return { kind: 'backend-unsupported', phase: 'load', where, backend };
  }
  if (backend === 'triton') return null;
  const d = decideLoad(entriesOf(build), config.gpu.computeCapability, config.gpu.driverCuda);
  if (d.result !== 'fail') return null;
  const library = build.library ?? DEFAULT_LIBRARY[backend] ?? backend;
  return { kind: 'kernel-load', phase: 'profile', where, backend, library, error: d.error, reason: d.reason };
}

/** The CUDA graph mode the server captures and decodes with: vLLM captures PIECEWISE graphs only when its spec-decode rule downgrades FULL (cudagraph-downgrade-vllm.ts). */
export function graphModeInEffect(args: ServeArgs, config: EmulatorConfig): ReturnType<typeof effectiveGraphMode> {
  const asked = effectiveGraphMode(args, config.engine === 'vllm' ? config.traits.version : null);
  return config.engine === 'vllm' ? vllmGraphDowngrade(asked, resolveBackends(args, config).lm, args, config).mode : asked;
}

/** Every failure this start would meet, in the order the real engine meets them (the first one wins). */
export function decideFailures(args: ServeArgs, config: EmulatorConfig): Failure[] {
  const out: Failure[] = [];
  const arch = config.model.architecture;
  // vLLM: not in the emulated release's registry; SGLang: an architecture the facts know, but not
  // registered (EntryClass) by the emulated release.
  const unregistered = arch !== null && (
    (config.engine === 'vllm' && vllmLacksArchitecture(arch, config.traits.version)) ||
    (args.engine === 'sglang' && sglangLoads(arch, config.traits.version) === false));
  if (arch && (config.traits.unknown_architectures.includes(arch) || unregistered)) {
    out.push({ kind: 'unknown-architecture', phase: 'config', architecture: arch });
  }
  if (args.tensorParallelSize > config.gpu.count) {
    out.push({ kind: 'tp-exceeds-gpus', phase: 'config', tensorParallel: args.tensorParallelSize, gpus: config.gpu.count });
  }
  const b = resolveBackends(args, config);
  const lm = kernelFailure('lm', b.lm, config);
  const mm = encoderRefusal(b.mm, config) ?? (b.mm ? kernelFailure('mm', b.mm, config) : null);
  // The language model's backend is selected while the model is built, before weights load.
  if (lm?.kind === 'backend-unsupported') out.push(lm);
  if (mm?.kind === 'backend-unsupported') out.push(mm);
  // SGLang 0.5.2 on: VisionAttention raises for fa3 on Blackwell while the model is built.
  else if (args.engine === 'sglang' && sglangMmFa3Refused(config, b.mm)) out.push({ kind: 'backend-unsupported', phase: 'load', where: 'mm', backend: 'flash' });
  const util = args.gpuMemoryUtilization ?? DEFAULT_GPU_MEMORY_UTILIZATION;
  const needGiB = (config.model.sizeGiB ?? DEFAULT_MODEL_GIB) / Math.max(1, args.tensorParallelSize);
  const budgetGiB = config.gpu.memoryGiB * util;
  if (needGiB > budgetGiB) out.push({ kind: 'oom', phase: 'load', needGiB, budgetGiB, totalGiB: config.gpu.memoryGiB });
  // profile_run: the vision encoder (embed_multimodal) runs before the language model's dummy run.
  if (mm?.kind === 'kernel-load') out.push(mm);
  if (lm?.kind === 'kernel-load') out.push(lm);
  const mode = graphModeInEffect(args, config);
  if (usesMtp(args) && config.traits.mtp_full_graph_capture_bug && (mode === 'FULL' || mode === 'FULL_AND_PIECEWISE')) {
    out.push({ kind: 'mtp-capture', phase: 'capture' });
  }
  return out;
}

/**
 * Failures that strike while serving rather than at startup: SGLang profiles no vision encoder at
 * startup, so an encoder kernel that cannot load fails the first image request.
 */
export function isServingFailure(engine: ServeArgs['engine'], f: Failure): boolean {
  return engine === 'sglang' && f.kind === 'kernel-load' && f.where === 'mm';
}

/** The failure this start meets, or null when it comes up. */
export function decideFailure(args: ServeArgs, config: EmulatorConfig): Failure | null {
  return decideFailures(args, config)[0] ?? null;
}
