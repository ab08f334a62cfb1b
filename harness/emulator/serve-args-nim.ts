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

/** ServeArgs of a NIM container: passthrough vLLM flags win over NIM_* variables, as NIM documents. */
export function nimServeArgs(env: Record<string, string>, passthrough: ServeArgs | null): ServeArgs {
  const model = env['NIM_MODEL_PATH'] ?? NIM_DEFAULT_MODEL;
  const served = env['NIM_SERVED_MODEL_NAME'] ?? model;
  const base: ServeArgs = {
    engine: 'nim',
    model,
    servedModelName: served,
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
  if (passthrough === null) return base;
  const { engine: _engine, model: _model, servedModelName: _served, host: _host, port: _port, ...flags } = passthrough;
  return {
    ...base,
    ...flags,
    maxModelLen: flags.maxModelLen ?? base.maxModelLen,
  };
}
