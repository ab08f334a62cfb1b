// NVIDIA NIM for LLMs reads its configuration from the environment (docs.nvidia.com/nim/
// large-language-models: reference/environment-variables.html, reference/advanced-configuration.html):
// NIM_SERVED_MODEL_NAME, NIM_MODEL_PATH, NIM_SERVER_PORT (8000), NIM_MAX_MODEL_LEN, and
// NIM_PASSTHROUGH_ARGS (vLLM CLI-style arguments, below CLI arguments and above NIM_* variables).
import type { ServeArgs } from './serve-args.ts';

export const NIM_PASSTHROUGH_ENV = 'NIM_PASSTHROUGH_ARGS';
/** What a NIM serves when nothing names the model: the image's own baked-in model. */
export const NIM_DEFAULT_MODEL = 'nim-model';

function int(text: string | undefined): number | null {
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number.parseInt(text, 10) : null;
}

/** ServeArgs of a NIM container from its NIM_* variables alone. */
export function nimServeArgs(env: Record<string, string>): ServeArgs {
  const model = env['NIM_MODEL_PATH'] ?? NIM_DEFAULT_MODEL;
  return {
    engine: 'nim',
    model,
    servedModelName: env['NIM_SERVED_MODEL_NAME'] ?? model,
    host: '0.0.0.0',
    port: int(env['NIM_SERVER_PORT']) ?? 8000,
    attention: null,
    mmAttention: null,
    speculative: null,
    cudagraphMode: null,
    enforceEager: false,
    limitMmPerPrompt: null,
    languageModelOnly: false,
    tensorParallelSize: 1,
    maxModelLen: int(env['NIM_MAX_MODEL_LEN']),
    gpuMemoryUtilization: null,
    trustRemoteCode: false,
    attentionName: null,
    mmAttentionName: null,
  };
}

/**
 * Lays flags parsed from a higher-priority source over `base`: a field counts as given when it
 * differs from what parsing nothing yields (`unset`). NIM documents the priority: CLI arguments,
 * then NIM_PASSTHROUGH_ARGS, then NIM_* variables.
 */
export function overlayNim(base: ServeArgs, flags: ServeArgs, unset: ServeArgs): ServeArgs {
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(flags) as Array<keyof ServeArgs>) {
    if (key === 'engine') continue;
    if (JSON.stringify(flags[key]) !== JSON.stringify(unset[key])) out[key] = flags[key];
  }
  if (flags.model !== unset.model && flags.servedModelName === flags.model && base.servedModelName === base.model) {
    out['servedModelName'] = flags.model;
  }
  return out as unknown as ServeArgs;
}
