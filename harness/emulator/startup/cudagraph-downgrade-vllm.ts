// vLLM's silent downgrade of FULL decode graphs with speculative decoding (facts/vllm/cudagraph-support.ts):
// when the attention backend's cudagraph support is below UNIFORM_BATCH, the model runner logs a
// warning and captures PIECEWISE graphs only, so a fault that needs FULL graphs cannot strike.
import type { AttentionBackend } from '../../core/cell.ts';
import { factsAt, releaseFor, VLLM_FACTS } from '../../engines/facts/index.ts';
import type { ServeArgs } from '../argv/serve-args.ts';
import type { EmulatorConfig } from '../../core/emulator-traits.ts';

export type GraphMode = 'FULL' | 'PIECEWISE' | 'FULL_AND_PIECEWISE' | 'NONE';

/** AttentionCGSupport's values (vllm/v1/attention/backends/utils.py). */
const RANK: Readonly<Record<string, number>> = { ALWAYS: 3, UNIFORM_BATCH: 2, UNIFORM_SINGLE_TOKEN_DECODE: 1, NEVER: 0 };

/** The class the warning names: the metadata builder through 0.11.0, the backend class from 0.11.1. */
const CLASS_NAMES: Partial<Record<AttentionBackend, [builder: string, backend: string]>> = {
  flash: ['FlashAttentionMetadataBuilder', 'FlashAttentionBackend'],
  flashinfer: ['FlashInferMetadataBuilder', 'FlashInferBackend'],
  triton: ['TritonAttentionMetadataBuilder', 'TritonAttentionBackend'],
};

interface Warning { where: string; text: string }

export interface GraphDowngrade {
  mode: GraphMode;
  /** The warnings vLLM logs, with their file:line, for each downgrade it applies (in its order). */
  warnings: Warning[];
}

/**
 * Whether the release can serve decodes with TRTLLM attention on the GPU (facts: trtllm-attention-usable,
 * `10.0` exactly through 0.13.0, the `10.x` family from 0.14.0). The official image ships the cubins.
 */
export function trtllmUsable(config: EmulatorConfig): boolean {
  const rule = factsAt(VLLM_FACTS, VLLM_FACTS.defaults, config.traits.version).find((d) => d.id === 'trtllm-attention-usable');
  if (rule === undefined) return false;
  const cc = config.gpu.computeCapability;
  return rule.value.endsWith('.x') ? cc.split('.')[0] === rule.value.split('.')[0] : cc === rule.value;
}

/** The backend's AttentionCGSupport at the emulated release, or null when no fact covers it. */
export function vllmCudagraphSupport(backend: AttentionBackend, config: EmulatorConfig): string | null {
  const fact = factsAt(VLLM_FACTS, VLLM_FACTS.defaults, config.traits.version).find((d) => d.id === `attention-cudagraph-support:${backend}`);
  if (fact === undefined) return null;
  if (backend === 'flash' && (config.traits.kernels.flash?.library ?? '').includes('fa3')) return 'ALWAYS';
  // From 0.12.0 FlashInfer reaches UNIFORM_BATCH when TRTLLM decode attention is usable on the GPU.
  if (fact.value.includes('unless TRTLLM')) return trtllmUsable(config) ? 'UNIFORM_BATCH' : 'UNIFORM_SINGLE_TOKEN_DECODE';
  return fact.value;
}

function warningAt(factId: string, config: EmulatorConfig, text: string): Warning {
  const rule = factsAt(VLLM_FACTS, VLLM_FACTS.defaults, config.traits.version).find((d) => d.id === factId)!;
  const release = releaseFor(VLLM_FACTS, config.traits.version)?.version ?? null;
  const line = rule.sources.find((s) => s.release === release)?.line ?? rule.sources.at(-1)!.line;
  return { where: `gpu_model_runner.py:${line}`, text };
}

function className(backend: AttentionBackend, config: EmulatorConfig): string {
  const names = CLASS_NAMES[backend];
  const release = releaseFor(VLLM_FACTS, config.traits.version)?.version;
  return names === undefined ? backend : release === '0.10.2' || release === '0.11.0' ? names[0] : names[1];
}

const holds = (id: string, config: EmulatorConfig) => factsAt(VLLM_FACTS, VLLM_FACTS.defaults, config.traits.version).some((d) => d.id === id);

/**
 * The graph mode vLLM really captures for `asked` with the language model's `backend`: FULL with a
 * backend below ALWAYS becomes FULL_AND_PIECEWISE (attention is a splitting op under piecewise
 * compilation); then, with speculative decoding, FULL decode graphs on a backend below UNIFORM_BATCH
 * become PIECEWISE. Support NEVER (vLLM raises) has no fact behind a backend here and is not modelled.
 */
export function vllmGraphDowngrade(asked: GraphMode, backend: AttentionBackend, args: ServeArgs, config: EmulatorConfig): GraphDowngrade {
  const support = vllmCudagraphSupport(backend, config);
  const rank = support === null ? null : RANK[support] ?? 0;
  if (rank === null || rank === 0) return { mode: asked, warnings: [] };
  let mode = asked;
  const warnings: Warning[] = [];
  if (mode === 'FULL' && rank < RANK.ALWAYS! && holds('full-cudagraph-downgrade', config)) {
    warnings.push(warningAt('full-cudagraph-downgrade', config, `CUDAGraphMode.FULL is not supported with ${className(backend, config)} backend (support: AttentionCGSupport.${support}); setting cudagraph_mode=FULL_AND_PIECEWISE`));
    mode = 'FULL_AND_PIECEWISE';
  }
  const spec = (args.speculative?.numSpeculativeTokens ?? 0) >= 1;
  if (spec && mode === 'FULL_AND_PIECEWISE' && rank < RANK.UNIFORM_BATCH! && holds('spec-decode-cudagraph-downgrade', config)) {
    warnings.push(warningAt('spec-decode-cudagraph-downgrade', config, `CUDAGraphMode.${mode} is not supported with spec-decode for attention backend ${className(backend, config)} (support: AttentionCGSupport.${support}); setting cudagraph_mode=PIECEWISE`));
    mode = 'PIECEWISE';
  }
  return { mode, warnings };
}
