// vLLM: semantic options → flags (or VLLM_* variables) for one release, from the facts of that
// release (harness/engines/facts/vllm/): a flag is emitted only where the release defines it, a
// value only where the release has it, and an option the release cannot express is "unsupported"
// with the release that brought it. Facts carry the upstream sources; nothing here restates them.
import type { AttentionBackend, CudaGraphMode, SemanticOptions, SpeculativeOptions } from '../core/cell.ts';
import { factsAt, flagAt, flagSince, releaseFor, semanticValue, VLLM_FACTS as F } from './facts/index.ts';
import { collect, compactJson, flags, hasFlag, none, type OptionFlags } from './flags.ts';

/**
 * The read release whose facts stand for `version`: the newest read release not newer than it; the
 * newest read for an unknown version (an image of unknown version gets the newest spelling); the
 * oldest read for a version older than every release read.
 */
export function vllmRelease(version: string | null | undefined): string {
  return (releaseFor(F, version) ?? F.releases[0]!).version;
}

/** ngram window used when the matrix asks for ngram speculation (speculative.py: prompt_lookup_max is required for ngram). */
export const VLLM_NGRAM_LOOKUP = { prompt_lookup_max: 4, prompt_lookup_min: 2 } as const;

const accepts = (flag: string, release: string): boolean => flagAt(F, flag, release) !== undefined;
const came = (flag: string): string => `${flag} came in ${flagSince(F, flag) ?? 'no release read'}`;

/** True when the release takes the decoder backend from VLLM_ATTENTION_BACKEND rather than a flag. */
export function attentionByEnv(release: string): boolean {
  return !accepts('--attention-backend', release) && factsAt(F, F.env, release).some((e) => e.name === 'VLLM_ATTENTION_BACKEND');
}

/** The decoder backend's name at the release (semantic `triton` → TRITON_ATTN, or TRITON_ATTN_VLLM_V1 in 0.10.2). */
export function vllmAttentionName(value: AttentionBackend, release: string): string | null {
  return semanticValue(F, 'attention-backend', value, release);
}

function attention(value: AttentionBackend | undefined, release: string): OptionFlags {
  if (value === undefined || value === 'auto') return none;
  const name = vllmAttentionName(value, release);
  if (name === null) {
    return { unsupported: `vllm ${release} has no ${value} attention backend for the language model${value === 'sdpa' ? ' (TORCH_SDPA is only used for the vision encoder)' : ''}` };
  }
  if (accepts('--attention-backend', release)) return flags('--attention-backend', name);
  if (attentionByEnv(release)) return none; // env() sets VLLM_ATTENTION_BACKEND
  return { unsupported: `vllm ${release} has neither --attention-backend nor VLLM_ATTENTION_BACKEND` };
}

function mmAttention(value: AttentionBackend | undefined, release: string): OptionFlags {
  if (value === undefined || value === 'auto') return none;
  if (!accepts('--mm-encoder-attn-backend', release)) {
    return { unsupported: `vllm ${release} has no vision-encoder attention switch (${came('--mm-encoder-attn-backend')})` };
  }
  const name = semanticValue(F, 'mm-encoder-attention-backend', value, release);
  if (name === null) return { unsupported: `vllm's vision encoder has no ${value} attention backend (--mm-encoder-attn-backend)` };
  return flags('--mm-encoder-attn-backend', name);
}

function speculative(spec: SpeculativeOptions | undefined, extraArgs: readonly string[], release: string): OptionFlags {
  if (spec === undefined) return none;
  // A --speculative-config in the raw args is the user's own, complete configuration.
  if (hasFlag(extraArgs, '--speculative-config')) return none;
  if (spec.method === 'eagle') {
    return { unsupported: 'vllm eagle speculation needs a draft model (speculative_config.model); give a full --speculative-config in the raw args' };
  }
  const method = semanticValue(F, 'speculative-method', spec.method, release);
  if (method === null) return { unsupported: `vllm ${release} has no speculative method "${spec.method}" (SpeculativeMethod)` };
  const extra = spec.method === 'ngram' ? VLLM_NGRAM_LOOKUP : {};
  return flags('--speculative-config', compactJson({ method, num_speculative_tokens: spec.tokens, ...extra }));
}

function cudaGraphs(mode: CudaGraphMode | undefined, extraArgs: readonly string[], release: string): OptionFlags {
  if (mode === undefined) return none;
  if (mode === 'off') return flags('--enforce-eager');
  const alias = flagAt(F, '--compilation-config', release)?.aliases ?? [];
  if ([ '--compilation-config', ...alias].some((f) => hasFlag(extraArgs, f) || extraArgs.includes(f))) {
    return { unsupported: 'cuda_graphs and a raw --compilation-config both set vllm\'s compilation config; put cudagraph_mode in the raw JSON' };
  }
  const graph = semanticValue(F, 'cudagraph-mode', mode, release);
  if (graph === null) return { unsupported: `vllm ${release} has no CUDA graph mode for ${mode}` };
  return flags('--compilation-config', compactJson({ cudagraph_mode: graph }));
}

function scalars(o: SemanticOptions): OptionFlags {
  const f: string[] = [];
  if (o.tensor_parallel !== undefined) f.push('--tensor-parallel-size', String(o.tensor_parallel));
  if (o.max_model_len !== undefined) f.push('--max-model-len', String(o.max_model_len));
  if (o.gpu_memory_utilization !== undefined) f.push('--gpu-memory-utilization', String(o.gpu_memory_utilization));
  return { flags: f };
}

function switches(o: SemanticOptions, release: string): OptionFlags {
  const f: string[] = [];
  if (o.language_model_only === true) {
    if (!accepts('--language-model-only', release)) return { unsupported: `vllm ${release} has no text-only switch (${came('--language-model-only')})` };
    f.push('--language-model-only');
  }
  if (o.limit_mm_per_prompt !== undefined) f.push('--limit-mm-per-prompt', compactJson(o.limit_mm_per_prompt));
  if (o.trust_remote_code === true) f.push('--trust-remote-code');
  return { flags: f };
}

/** Flags for the semantic options alone (no model, host or port), in a stable order. */
export function vllmOptionFlags(options: SemanticOptions, extraArgs: readonly string[] = [], version: string | null = null): OptionFlags {
  const release = vllmRelease(version);
  return collect([
    scalars(options),
    attention(options.attention, release),
    mmAttention(options.mm_attention, release),
    speculative(options.speculative, extraArgs, release),
    cudaGraphs(options.cuda_graphs, extraArgs, release),
    switches(options, release),
  ]);
}
