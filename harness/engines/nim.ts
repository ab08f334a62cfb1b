// NVIDIA NIM for LLMs: the model is baked into the image and the container starts serving by
// itself; it is configured by environment, not by a command line.
//
// What NIM does is read from the facts (facts/nim/, each with the documentation page and its words):
// the cache directory, the secret it needs (NGC_API_KEY), the variable that carries max_model_len,
// readiness. NIM's own backend is vLLM; it serves vLLM's Prometheus names (the docs read name none).
import type { SemanticOptions } from '../core/cell.ts';
import type { CommandInput, CommandResult, Engine } from './engine.ts';
import { NIM_FACTS as F } from './facts/nim/index.ts';
import { factsAt } from './facts/query.ts';
import { vllm } from './vllm.ts';

function envName(name: string): string {
  if (!F.env.some((e) => e.name === name)) throw new Error(`nim facts document no ${name}`);
  return name;
}

function defaultValue(id: string): string {
  const d = factsAt(F, F.defaults, null).find((x) => x.id === id);
  if (d === undefined) throw new Error(`nim facts have no default ${id}`);
  return d.value;
}

export const NIM_CACHE_PATH = defaultValue('cache-dir');
/** Secrets a NIM container needs from the runner (the matrix passes them as `${VAR}`). */
export const NIM_SECRET_ENV = [envName('NGC_API_KEY')] as const;
const MAX_MODEL_LEN = envName('NIM_MAX_MODEL_LEN');
function readinessRule(): { path: string; okStatus: number } {
  const r = factsAt(F, F.readiness, null)[0];
  if (r === undefined) throw new Error('nim facts name no readiness endpoint');
  return { path: r.path, okStatus: r.okStatus };
}

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
  if (options.max_model_len !== undefined) out[MAX_MODEL_LEN] = String(options.max_model_len);
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
  readiness: readinessRule(),
  // API reference (2.x): GET /v1/version → {release, api}; GET /v1/metadata → {version, modelInfo,
  // selectedModelProfileId, …}. The vLLM backend's /version, where the front passes it through.
  versionEndpoints: [{ path: '/v1/version', field: 'release' }, { path: '/v1/metadata', field: 'version' }, { path: '/version', field: 'version' }],
  // NIM 2.x serves through vLLM and exposes its Prometheus names (no speculative decoding here).
  metrics: { ...vllm.metrics, specDrafts: null, specDraftTokens: null, specAcceptedTokens: null, specAcceptedPerPos: null },
  env,
};
