// NVIDIA NIM for LLMs: the model is baked into the image and the container starts serving by
// itself; it is configured by environment, not by a command line.
//
// Sources read (docs.nvidia.com/nim/large-language-models):
// - 1.x configuration.html and 2.x reference/environment-variables.html: NGC_API_KEY (secret,
//   pulls the model profile), NIM_MODEL_PROFILE (profile = validated variant, precision and
//   parallelism for a GPU configuration; auto-selected from the GPUs it sees), NIM_MAX_MODEL_LEN,
//   NIM_SERVED_MODEL_NAME, NIM_SERVER_PORT (default 8000), cache mounted at /opt/nim/.cache.
// - 2.x reference/cli-reference.html: the container's default action is `nim-serve`; arguments
//   after it are forwarded to the backend, so raw args become the container command.
// - 2.x reference/advanced-configuration.html: profile tags (tp, pp) set the parallelism.
// - Readiness: GET /v1/health/ready → 200 (live: /v1/health/live). Metrics: NIM's backend is vLLM
//   (or TRT-LLM in 1.x profiles); the vLLM names are served on /v1/metrics and /metrics.
import type { SemanticOptions } from '../matrix/types.ts';
import type { CommandInput, CommandResult, Engine } from './engine.ts';
import { vllm } from './vllm.ts';

export const NIM_CACHE_PATH = '/opt/nim/.cache';
/** Secrets a NIM container needs from the runner (the matrix passes them as `${VAR}`). */
export const NIM_SECRET_ENV = ['NGC_API_KEY'] as const;

/** Why NIM cannot take an option, or null when it can (or when the option is left unset). */
export function nimUnsupported(o: SemanticOptions): string | null {
  const profile = 'NIM fixes it in the model profile; pick another profile with NIM_MODEL_PROFILE';
  if (o.attention !== undefined && o.attention !== 'auto') return `nim has no attention backend switch (${profile})`;
  if (o.mm_attention !== undefined && o.mm_attention !== 'auto') return `nim has no vision-encoder attention switch (${profile})`;
  if (o.speculative !== undefined) return `nim has no speculative decoding switch (${profile})`;
  if (o.cuda_graphs !== undefined) return `nim has no CUDA graph switch (${profile})`;
  if (o.gpu_memory_utilization !== undefined) return 'nim has no GPU memory utilization variable';
  if (o.language_model_only === true) return 'nim has no language-model-only switch';
  if (o.limit_mm_per_prompt !== undefined) return 'nim has no per-prompt multimodal limit variable';
  return null;
}

/**
 * The environment that carries the options. tensor_parallel needs none: NIM selects a profile
 * for the GPUs the container sees, and the cell leases exactly that many. trust_remote_code needs
 * none: NIM ships the model's code in the image.
 */
function env(options: SemanticOptions): Record<string, string> {
  const out: Record<string, string> = {};
  if (options.max_model_len !== undefined) out['NIM_MAX_MODEL_LEN'] = String(options.max_model_len);
  return out;
}

function command(input: CommandInput): CommandResult {
  const why = nimUnsupported(input.options);
  if (why !== null) return { unsupported: why };
  // No entrypoint override and no command: the image's own `nim-serve` starts. Raw args, when
  // given, become the command (e.g. ["nim-serve", "--max-num-seqs", "8"]).
  return { argv: [...input.extraArgs] };
}

export const nim: Engine = {
  id: 'nim',
  entrypoint: null,
  defaultPort: 8000,
  command,
  readiness: { path: '/v1/health/ready', okStatus: 200 },
  // API reference (2.x): GET /v1/version → {release, api}; GET /v1/metadata → {version, modelInfo,
  // selectedModelProfileId, …}. The vLLM backend's /version, where the front passes it through.
  versionEndpoints: [{ path: '/v1/version', field: 'release' }, { path: '/v1/metadata', field: 'version' }, { path: '/version', field: 'version' }],
  // NIM 2.x serves through vLLM and exposes its Prometheus names (no speculative decoding here).
  metrics: { ...vllm.metrics, specDrafts: null, specDraftTokens: null, specAcceptedTokens: null, specAcceptedPerPos: null },
  env,
};
