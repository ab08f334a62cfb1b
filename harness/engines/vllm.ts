// vLLM: semantic options → `vllm serve` flags, readiness and metric names.
//
// Sources read for every mapping (vllm-project/vllm):
// - docker/Dockerfile, stage vllm-openai: `ENTRYPOINT ["vllm", "serve"]` (older releases used
//   `python3 -m vllm.entrypoints.openai.api_server`, which takes `--model`).
// - vllm/engine/arg_utils.py: --revision (ModelConfig.revision), --tensor-parallel-size (-tp), --max-model-len,
//   --gpu-memory-utilization, --trust-remote-code, --enforce-eager, --limit-mm-per-prompt (JSON),
//   --speculative-config (JSON), --compilation-config / -O (JSON), --mm-encoder-attn-backend,
//   --attention-backend (AttentionConfig.backend), --language-model-only.
// - vllm/v1/attention/backends/registry.py: AttentionBackendEnum names (FLASH_ATTN, TRITON_ATTN,
//   FLASHINFER, FLEX_ATTENTION, …; TORCH_SDPA "is only used for ViT").
// - vllm/config/compilation.py: CUDAGraphMode (NONE, PIECEWISE, FULL, FULL_DECODE_ONLY,
//   FULL_AND_PIECEWISE).
// - vllm/config/speculative.py: method ("mtp", "ngram", "eagle", "eagle3", …),
//   num_speculative_tokens, model (draft, required for eagle), prompt_lookup_max/min (ngram).
// - vllm/v1/metrics/loggers.py and vllm/v1/spec_decode/metrics.py: metric names; prometheus_client
//   appends `_total` to counters.
// - docs.vllm.ai design/attention_backends: `--attention-backend X` or `--attention-config.backend X`
//   (`-ac`), mutually exclusive.
// - vllm/model_executor/layers/attention/mm_encoder_attention.py: the ViT path handles FLASH_ATTN,
//   TRITON_ATTN, FLASHINFER, ROCM_AITER_FA and TORCH_SDPA.
// - vllm/entrypoints/openai/api_server.py: GET /health → 200 once the engine is up; the HTTP
//   server does not listen before that.
// The *_SINCE releases below are read from the 0.10–0.11 sources (0.11.x selector still reads
// VLLM_ATTENTION_BACKEND); an image of unknown version gets the newest spelling.
// env(): VLLM_ATTENTION_BACKEND only for releases that predate --attention-backend (it is
// deprecated where the flag exists).
import type { AttentionBackend, CudaGraphMode, SemanticOptions, SpeculativeOptions } from '../matrix/types.ts';
import type { CommandInput, CommandResult, Engine } from './engine.ts';
import { collect, compactJson, flags, hasFlag, none, revisionFlag, type OptionFlags } from './flags.ts';
import { isOlder } from './version.ts';

/**
 * First release with `--attention-backend` (AttentionConfig); before it the decoder backend was
 * chosen with the VLLM_ATTENTION_BACKEND variable (vllm/attention/selector.py in 0.11.x reads
 * envs.VLLM_ATTENTION_BACKEND).
 */
export const VLLM_ATTENTION_FLAG_SINCE = '0.12.0';
/** First release with CompilationConfig.cudagraph_mode; before it, `full_cuda_graph: true`. */
export const VLLM_CUDAGRAPH_MODE_SINCE = '0.10.2';
/** First release with `--mm-encoder-attn-backend` (MultiModalConfig.mm_encoder_attn_backend). */
export const VLLM_MM_ATTENTION_FLAG_SINCE = '0.11.1';

/** Semantic attention id → vLLM AttentionBackendEnum name for the decoder (--attention-backend). */
export const VLLM_ATTENTION: Readonly<Record<Exclude<AttentionBackend, 'auto'>, string | null>> = {
  flash: 'FLASH_ATTN',
  flashinfer: 'FLASHINFER',
  triton: 'TRITON_ATTN',
  flex: 'FLEX_ATTENTION',
  // registry.py: `TORCH_SDPA = ""  # this tag is only used for ViT` — no decoder backend.
  sdpa: null,
};

/** Semantic attention id → vLLM backend name for the vision encoder (--mm-encoder-attn-backend). */
export const VLLM_MM_ATTENTION: Readonly<Record<Exclude<AttentionBackend, 'auto'>, string | null>> = {
  flash: 'FLASH_ATTN',
  flashinfer: 'FLASHINFER',
  triton: 'TRITON_ATTN',
  sdpa: 'TORCH_SDPA',
  // The ViT attention wrapper (MMEncoderAttention) has no flex-attention path.
  flex: null,
};

/** Semantic CUDA graph mode → the compilation config's cudagraph_mode (null: --enforce-eager). */
export const VLLM_CUDAGRAPH: Readonly<Record<CudaGraphMode, 'FULL' | 'PIECEWISE' | null>> = {
  full: 'FULL',
  piecewise: 'PIECEWISE',
  off: null,
};

/** ngram window used when the matrix asks for ngram speculation (speculative.py: prompt_lookup_max is required for ngram). */
export const VLLM_NGRAM_LOOKUP = { prompt_lookup_max: 4, prompt_lookup_min: 2 } as const;

function attention(value: AttentionBackend | undefined, version: string | null | undefined): OptionFlags {
  if (value === undefined || value === 'auto') return none;
  const name = VLLM_ATTENTION[value];
  if (name === null) {
    return { unsupported: `vllm has no ${value} attention backend for the language model (TORCH_SDPA is only used for the vision encoder; --attention-backend)` };
  }
  // Older releases take the backend from VLLM_ATTENTION_BACKEND (see env()).
  if (isOlder(version, VLLM_ATTENTION_FLAG_SINCE)) return none;
  return flags('--attention-backend', name);
}

function mmAttention(value: AttentionBackend | undefined, version: string | null | undefined): OptionFlags {
  if (value === undefined || value === 'auto') return none;
  const name = VLLM_MM_ATTENTION[value];
  if (name === null) {
    return { unsupported: `vllm's vision encoder has no ${value} attention backend (--mm-encoder-attn-backend)` };
  }
  if (isOlder(version, VLLM_MM_ATTENTION_FLAG_SINCE)) {
    return { unsupported: `vllm ${version} has no vision-encoder attention switch (--mm-encoder-attn-backend came in ${VLLM_MM_ATTENTION_FLAG_SINCE})` };
  }
  return flags('--mm-encoder-attn-backend', name);
}

function speculative(spec: SpeculativeOptions | undefined, extraArgs: readonly string[]): OptionFlags {
  if (spec === undefined) return none;
  // A --speculative-config in the raw args is the user's own, complete configuration.
  if (hasFlag(extraArgs, '--speculative-config')) return none;
  switch (spec.method) {
    case 'mtp':
      return flags('--speculative-config', compactJson({ method: 'mtp', num_speculative_tokens: spec.tokens }));
    case 'ngram':
      return flags(
        '--speculative-config',
        compactJson({ method: 'ngram', num_speculative_tokens: spec.tokens, ...VLLM_NGRAM_LOOKUP }),
      );
    case 'eagle':
      return {
        unsupported:
          'vllm eagle speculation needs a draft model (speculative_config.model); give a full --speculative-config in the raw args',
      };
  }
}

function cudaGraphs(mode: CudaGraphMode | undefined, extraArgs: readonly string[], version: string | null): OptionFlags {
  if (mode === undefined) return none;
  const graph = VLLM_CUDAGRAPH[mode];
  if (graph === null) return flags('--enforce-eager');
  if (hasFlag(extraArgs, '--compilation-config') || hasFlag(extraArgs, '-O')) {
    return { unsupported: 'cuda_graphs and a raw --compilation-config both set vllm\'s compilation config; put cudagraph_mode in the raw JSON' };
  }
  if (isOlder(version, VLLM_CUDAGRAPH_MODE_SINCE)) {
    // Before cudagraph_mode: piecewise graphs were the default, full graphs a boolean.
    return graph === 'PIECEWISE' ? none : flags('--compilation-config', compactJson({ full_cuda_graph: true }));
  }
  return flags('--compilation-config', compactJson({ cudagraph_mode: graph }));
}

function scalars(o: SemanticOptions): OptionFlags {
  const f: string[] = [];
  if (o.tensor_parallel !== undefined) f.push('--tensor-parallel-size', String(o.tensor_parallel));
  if (o.max_model_len !== undefined) f.push('--max-model-len', String(o.max_model_len));
  if (o.gpu_memory_utilization !== undefined) f.push('--gpu-memory-utilization', String(o.gpu_memory_utilization));
  return { flags: f };
}

function switches(o: SemanticOptions): OptionFlags {
  const f: string[] = [];
  if (o.language_model_only === true) f.push('--language-model-only');
  if (o.limit_mm_per_prompt !== undefined) f.push('--limit-mm-per-prompt', compactJson(o.limit_mm_per_prompt));
  if (o.trust_remote_code === true) f.push('--trust-remote-code');
  return { flags: f };
}

/** Flags for the semantic options alone (no model, host or port), in a stable order. */
export function vllmOptionFlags(
  options: SemanticOptions,
  extraArgs: readonly string[] = [],
  version: string | null = null,
): OptionFlags {
  return collect([
    scalars(options),
    attention(options.attention, version),
    mmAttention(options.mm_attention, version),
    speculative(options.speculative, extraArgs),
    cudaGraphs(options.cuda_graphs, extraArgs, version),
    switches(options),
  ]);
}

function command(input: CommandInput): CommandResult {
  const mapped = vllmOptionFlags(input.options, input.extraArgs, input.version ?? null);
  if ('unsupported' in mapped) return mapped;
  return {
    argv: [input.model, ...revisionFlag(input.revision), '--host', '0.0.0.0', '--port', String(input.port), ...mapped.flags, ...input.extraArgs],
  };
}

/** VLLM_ATTENTION_BACKEND for releases older than VLLM_ATTENTION_FLAG_SINCE; nothing otherwise. */
function env(options: SemanticOptions, version?: string | null): Record<string, string> {
  const a = options.attention;
  if (a === undefined || a === 'auto' || !isOlder(version, VLLM_ATTENTION_FLAG_SINCE)) return {};
  const name = VLLM_ATTENTION[a];
  return name === null ? {} : { VLLM_ATTENTION_BACKEND: name };
}

export const vllm: Engine = {
  id: 'vllm',
  entrypoint: ['vllm', 'serve'],
  defaultPort: 8000,
  command,
  readiness: { path: '/health', okStatus: 200 },
  metrics: {
    // Histograms (vllm/v1/metrics/loggers.py). The ITL histogram was
    // vllm:time_per_output_token_seconds before ~0.10 (kept, deprecated, for a while).
    ttft: 'vllm:time_to_first_token_seconds',
    itl: 'vllm:inter_token_latency_seconds',
    e2e: 'vllm:e2e_request_latency_seconds',
    // Counters (declared as vllm:prompt_tokens / vllm:generation_tokens).
    promptTokens: 'vllm:prompt_tokens_total',
    generationTokens: 'vllm:generation_tokens_total',
    // Counters (vllm/v1/spec_decode/metrics.py); the per-position one carries a `position` label.
    specDrafts: 'vllm:spec_decode_num_drafts_total',
    specDraftTokens: 'vllm:spec_decode_num_draft_tokens_total',
    specAcceptedTokens: 'vllm:spec_decode_num_accepted_tokens_total',
    specAcceptedPerPos: 'vllm:spec_decode_num_accepted_tokens_per_pos_total',
    specAcceptLength: null,
  },
  env,
};
