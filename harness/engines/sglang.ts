// SGLang: semantic options → `python3 -m sglang.launch_server` flags, readiness and metric names.
//
// Sources read for every mapping (sgl-project/sglang):
// - docker/Dockerfile (lmsysorg/sglang): no ENTRYPOINT; the server is started with
//   `python3 -m sglang.launch_server --model-path …` (default port 30000).
// - python/sglang/srt/server_args.py: ATTENTION_BACKEND_CHOICES (triton, torch_native,
//   flex_attention, fa3, fa4, flashinfer, …); --mm-attention-backend choices (sdpa, fa3,
//   triton_attn, later fa4 and platform ones); --speculative-algorithm (EAGLE, EAGLE3, NEXTN,
//   NGRAM, …), --speculative-num-steps, --speculative-eagle-topk, --speculative-num-draft-tokens,
//   --speculative-draft-model-path; --disable-cuda-graph; --enable-piecewise-cuda-graph;
//   --tp-size (--tp); --revision; --context-length; --mem-fraction-static; --trust-remote-code;
//   --limit-mm-data-per-request (JSON, like vLLM's --limit-mm-per-prompt).
// - python/sglang/srt/metrics/collector.py: metric names and types.
// - python/sglang/srt/entrypoints/http_server.py: GET /health answers 200 once the server is
//   up, 503 while it starts.
import type { AttentionBackend, CudaGraphMode, SemanticOptions, SpeculativeOptions } from '../matrix/types.ts';
import type { CommandInput, CommandResult, Engine } from './engine.ts';
import { collect, compactJson, flags, hasFlag, none, revisionFlag, type OptionFlags } from './flags.ts';

export const SGLANG_LAUNCH = ['python3', '-m', 'sglang.launch_server'] as const;

/** Semantic attention id → SGLang --attention-backend value. */
export const SGLANG_ATTENTION: Readonly<Record<Exclude<AttentionBackend, 'auto'>, string | null>> = {
  flash: 'fa3',
  flashinfer: 'flashinfer',
  triton: 'triton',
  flex: 'flex_attention',
  sdpa: 'torch_native',
};

/** Semantic attention id → SGLang --mm-attention-backend value (vision encoder). */
export const SGLANG_MM_ATTENTION: Readonly<Record<Exclude<AttentionBackend, 'auto'>, string | null>> = {
  flash: 'fa3',
  triton: 'triton_attn',
  sdpa: 'sdpa',
  flashinfer: null,
  flex: null,
};

/** Semantic speculative method → --speculative-algorithm. NEXTN is SGLang's MTP (an EAGLE variant
 * that reads the checkpoint's own MTP heads; SGLang's own tests run Qwen3.5-35B-A3B with
 * `--speculative-algorithm NEXTN`). */
export const SGLANG_SPEC_ALGORITHM = { mtp: 'NEXTN', eagle: 'EAGLE', ngram: 'NGRAM' } as const;

function attention(value: AttentionBackend | undefined): OptionFlags {
  if (value === undefined || value === 'auto') return none;
  const name = SGLANG_ATTENTION[value];
  return name === null ? { unsupported: `sglang has no ${value} attention backend (--attention-backend)` } : flags('--attention-backend', name);
}

function mmAttention(value: AttentionBackend | undefined): OptionFlags {
  if (value === undefined || value === 'auto') return none;
  const name = SGLANG_MM_ATTENTION[value];
  return name === null
    ? { unsupported: `sglang has no ${value} attention backend for the vision encoder (--mm-attention-backend)` }
    : flags('--mm-attention-backend', name);
}

function speculative(spec: SpeculativeOptions | undefined, extraArgs: readonly string[]): OptionFlags {
  if (spec === undefined) return none;
  if (hasFlag(extraArgs, '--speculative-algorithm')) return none; // the raw args configure it fully
  const algorithm = SGLANG_SPEC_ALGORITHM[spec.method];
  // num_draft_tokens counts the verified root token too: with topk 1 it is steps + 1.
  const draftTokens = String(spec.tokens + 1);
  if (spec.method === 'ngram') {
    return flags('--speculative-algorithm', algorithm, '--speculative-num-draft-tokens', draftTokens);
  }
  if (spec.method === 'eagle' && !hasFlag(extraArgs, '--speculative-draft-model-path')) {
    return { unsupported: 'sglang EAGLE speculation needs a draft model (--speculative-draft-model-path in the raw args)' };
  }
  return flags(
    '--speculative-algorithm', algorithm,
    '--speculative-num-steps', String(spec.tokens),
    '--speculative-eagle-topk', '1',
    '--speculative-num-draft-tokens', draftTokens,
  );
}

function cudaGraphs(mode: CudaGraphMode | undefined): OptionFlags {
  switch (mode) {
    case undefined:
      return none;
    // SGLang's default decode CUDA graph already captures the whole forward pass.
    case 'full':
      return none;
    case 'piecewise':
      return flags('--enable-piecewise-cuda-graph');
    case 'off':
      return flags('--disable-cuda-graph');
  }
}

function scalars(o: SemanticOptions): OptionFlags {
  const f: string[] = [];
  if (o.tensor_parallel !== undefined) f.push('--tp-size', String(o.tensor_parallel));
  if (o.max_model_len !== undefined) f.push('--context-length', String(o.max_model_len));
  // Fraction of GPU memory for weights + KV cache: SGLang's closest knob to vLLM's utilization.
  if (o.gpu_memory_utilization !== undefined) f.push('--mem-fraction-static', String(o.gpu_memory_utilization));
  return { flags: f };
}

function switches(o: SemanticOptions): OptionFlags {
  if (o.language_model_only === true) {
    return { unsupported: 'sglang has no language-model-only switch that skips the vision encoder (vllm --language-model-only)' };
  }
  const f: string[] = [];
  if (o.limit_mm_per_prompt !== undefined) f.push('--limit-mm-data-per-request', compactJson(o.limit_mm_per_prompt));
  if (o.trust_remote_code === true) f.push('--trust-remote-code');
  return { flags: f };
}

/** Flags for the semantic options alone (no model, host or port), in a stable order. */
export function sglangOptionFlags(options: SemanticOptions, extraArgs: readonly string[] = []): OptionFlags {
  return collect([
    scalars(options),
    attention(options.attention),
    mmAttention(options.mm_attention),
    speculative(options.speculative, extraArgs),
    cudaGraphs(options.cuda_graphs),
    switches(options),
  ]);
}

function command(input: CommandInput): CommandResult {
  const mapped = sglangOptionFlags(input.options, input.extraArgs);
  if ('unsupported' in mapped) return mapped;
  return {
    argv: [
      ...SGLANG_LAUNCH,
      '--model-path', input.model,
      ...revisionFlag(input.revision),
      '--host', '0.0.0.0',
      '--port', String(input.port),
      ...mapped.flags,
      ...input.extraArgs,
    ],
  };
}

export const sglang: Engine = {
  id: 'sglang',
  entrypoint: null,
  defaultPort: 30000,
  command,
  readiness: { path: '/health', okStatus: 200 },
  metrics: {
    // Histograms (collector.py). The ITL histogram was sglang:time_per_output_token_seconds
    // in older releases.
    ttft: 'sglang:time_to_first_token_seconds',
    itl: 'sglang:inter_token_latency_seconds',
    e2e: 'sglang:e2e_request_latency_seconds',
    // Counters.
    promptTokens: 'sglang:prompt_tokens_total',
    generationTokens: 'sglang:generation_tokens_total',
    specDrafts: null,
    specDraftTokens: null,
    specAcceptedTokens: null,
    specAcceptedPerPos: null,
    // Gauge: mean accepted length per verify step.
    specAcceptLength: 'sglang:spec_accept_length',
  },
};
