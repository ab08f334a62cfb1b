// vLLM's command line as `vllm serve` (and the older `python -m vllm.entrypoints.openai.api_server`)
// parses it. Flag names, aliases and value formats follow vllm/engine/arg_utils.py,
// vllm/entrypoints/openai/cli_args.py and vllm/utils FlexibleArgumentParser (underscores accepted
// for dashes, dotted json keys such as `-O.cudagraph_mode=PIECEWISE`, `-O3`).
import { vllmSemanticBackend } from './backend-names.ts';
import { argsAt, envBackendAt } from './serve-args-vllm-release.ts';
import type { ArgSpec, ArgValues, ParserSpec } from './serve-argparse.ts';
import type { ServeArgs } from './serve-args.ts';

/** vllm/v1/attention/backends/registry.py AttentionBackendEnum member names. */
export const VLLM_BACKEND_NAMES = [
  'FLASH_ATTN', 'FLASH_ATTN_DIFFKV', 'TRITON_ATTN', 'ROCM_ATTN', 'ROCM_AITER_MLA', 'ROCM_AITER_TRITON_MLA',
  'ROCM_AITER_FA', 'ROCM_AITER_MLA_SPARSE', 'TORCH_SDPA', 'FLASHINFER', 'FLASHINFER_MLA', 'TRITON_MLA',
  'CUTLASS_MLA', 'FLASHMLA', 'FLASHMLA_SPARSE', 'FLASH_ATTN_MLA', 'NO_ATTENTION', 'FLEX_ATTENTION',
  'TREE_ATTN', 'ROCM_AITER_UNIFIED_ATTN', 'CPU_ATTN', 'TRITON_FLASH_ATTN',
] as const;

/** vllm/config/compilation.py CUDAGraphMode member names. */
export const VLLM_CUDAGRAPH_MODES = ['NONE', 'PIECEWISE', 'FULL', 'FULL_DECODE_ONLY', 'FULL_AND_PIECEWISE'] as const;

export const VLLM_DEFAULT_MODEL = 'Qwen/Qwen3-0.6B';

/** Older vLLM took `--limit-mm-per-prompt image=4,video=1`; newer takes JSON. */
function keyValueInts(text: string): { value: unknown } | { error: string } {
  const out: Record<string, number> = {};
  for (const item of text.split(',')) {
    const [k, v, ...rest] = item.split('=').map((s) => s.trim());
    if (!k || v === undefined || rest.length > 0 || !/^\d+$/.test(v)) {
      return { error: `argument --limit-mm-per-prompt: invalid loads value: '${text}'` };
    }
    out[k.toLowerCase()] = Number.parseInt(v, 10);
  }
  return { value: out };
}

const str = (dest: string, ...flags: string[]): ArgSpec => ({ flags, dest, type: 'str' });
const int = (dest: string, ...flags: string[]): ArgSpec => ({ flags, dest, type: 'int' });
const flag = (dest: string, ...flags: string[]): ArgSpec => ({ flags, dest, type: 'flag', negatable: true });

const ARGS: ArgSpec[] = [
  // Mapped to ServeArgs.
  str('model', '--model'),
  { flags: ['--served-model-name'], dest: 'served_model_name', type: 'str', many: true },
  str('host', '--host'),
  int('port', '--port'),
  { flags: ['--attention-backend'], dest: 'attention_backend', type: 'str', choices: VLLM_BACKEND_NAMES },
  // docs design/attention_backends: `--attention-config '{"backend":"FLASH_ATTN"}'`, `-ac.backend X`.
  { flags: ['--attention-config', '-ac'], dest: 'attention_config', type: 'json' },
  { flags: ['--mm-encoder-attn-backend'], dest: 'mm_encoder_attn_backend', type: 'str', choices: VLLM_BACKEND_NAMES },
  { flags: ['--speculative-config'], dest: 'speculative_config', type: 'json' },
  { flags: ['--compilation-config', '-O'], dest: 'compilation_config', type: 'json' },
  flag('enforce_eager', '--enforce-eager'),
  { flags: ['--limit-mm-per-prompt'], dest: 'limit_mm_per_prompt', type: 'json', fallback: keyValueInts },
  flag('language_model_only', '--language-model-only'),
  int('tensor_parallel_size', '--tensor-parallel-size', '-tp'),
  { flags: ['--max-model-len'], dest: 'max_model_len', type: 'human-int' },
  { flags: ['--gpu-memory-utilization'], dest: 'gpu_memory_utilization', type: 'float' },
  flag('trust_remote_code', '--trust-remote-code'),
  // Real, harmless: accepted and not modelled.
  { flags: ['--dtype'], dest: 'dtype', type: 'str', choices: ['auto', 'half', 'float16', 'bfloat16', 'float', 'float32'] },
  { flags: ['--kv-cache-dtype'], dest: 'kv_cache_dtype', type: 'str', choices: ['auto', 'bfloat16', 'fp8', 'fp8_e4m3', 'fp8_e5m2', 'fp8_inc', 'fp8_ds_mla'] },
  int('seed', '--seed'),
  int('max_num_seqs', '--max-num-seqs'),
  int('max_num_batched_tokens', '--max-num-batched-tokens'),
  int('pipeline_parallel_size', '--pipeline-parallel-size', '-pp'),
  int('data_parallel_size', '--data-parallel-size', '-dp'),
  int('max_logprobs', '--max-logprobs'),
  int('block_size', '--block-size'),
  { flags: ['--swap-space'], dest: 'swap_space', type: 'float' },
  str('download_dir', '--download-dir'),
  str('tokenizer', '--tokenizer'),
  str('revision', '--revision'),
  str('tokenizer_mode', '--tokenizer-mode'),
  str('quantization', '--quantization', '-q'),
  str('load_format', '--load-format'),
  str('api_key', '--api-key'),
  str('chat_template', '--chat-template'),
  str('reasoning_parser', '--reasoning-parser'),
  str('tool_call_parser', '--tool-call-parser'),
  str('generation_config', '--generation-config'),
  str('distributed_executor_backend', '--distributed-executor-backend'),
  { flags: ['--uvicorn-log-level'], dest: 'uvicorn_log_level', type: 'str', choices: ['critical', 'error', 'warning', 'info', 'debug', 'trace'] },
  { flags: ['--hf-overrides'], dest: 'hf_overrides', type: 'json' },
  { flags: ['--mm-processor-kwargs'], dest: 'mm_processor_kwargs', type: 'json' },
  flag('enable_prefix_caching', '--enable-prefix-caching'),
  flag('enable_chunked_prefill', '--enable-chunked-prefill'),
  flag('enable_log_requests', '--enable-log-requests'),
  flag('disable_log_requests', '--disable-log-requests'),
  flag('disable_log_stats', '--disable-log-stats'),
  flag('enable_auto_tool_choice', '--enable-auto-tool-choice'),
  flag('enable_expert_parallel', '--enable-expert-parallel'),
  flag('async_scheduling', '--async-scheduling'),
  flag('skip_mm_profiling', '--skip-mm-profiling'),
];

/** `nim-serve` forwards vLLM flags and adds its own --dry-run (docs: reference/cli-reference). */
const NIM_ARGS: ArgSpec[] = [...ARGS, { flags: ['--dry-run'], dest: 'dry_run', type: 'flag' }];

/** The parser of `prog` for the emulated release (`version`; null accepts every flag). */
export function vllmParserSpec(prog: string, usage: string, version: string | null = null): ParserSpec {
  const args = prog === 'nim-serve' ? NIM_ARGS : argsAt(ARGS, version);
  return { prog, usage, args, positional: 'model_tag', underscoresAsDashes: true, dottedJson: true };
}

function record(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** vLLM spelling of a speculative method → the semantic one ("qwen3_next_mtp" → "mtp", "eagle3" → "eagle"). */
export function semanticSpecMethod(method: string): string {
  if (/mtp$/i.test(method)) return 'mtp';
  if (/^eagle/i.test(method)) return 'eagle';
  return method.toLowerCase();
}

type Fail = (msg: string) => { error: string };
type Checked<T> = { value: T } | { error: string };

/** The CUDA graph mode --compilation-config asks for (cudagraph_mode, or the older full_cuda_graph). */
function cudagraphModeOf(comp: unknown, fail: Fail): Checked<ServeArgs['cudagraphMode']> {
  const compObj = record(comp);
  if (compObj && compObj['cudagraph_mode'] !== undefined) {
    const raw = String(compObj['cudagraph_mode']).toUpperCase();
    if (!(VLLM_CUDAGRAPH_MODES as readonly string[]).includes(raw)) {
      return fail(`argument --compilation-config/-O: invalid cudagraph_mode '${String(compObj['cudagraph_mode'])}' (choose from ${VLLM_CUDAGRAPH_MODES.map((m) => `'${m}'`).join(', ')})`);
    }
    // FULL_DECODE_ONLY captures full graphs (for decode): FULL for the emulator's purposes.
    return { value: raw === 'FULL_DECODE_ONLY' ? 'FULL' : (raw as ServeArgs['cudagraphMode']) };
  }
  if (compObj && compObj['full_cuda_graph'] === true) return { value: 'FULL' }; // the pre-cudagraph_mode spelling of full graphs
  if (comp !== undefined && compObj === null && typeof comp !== 'number') return fail(`argument --compilation-config/-O: invalid loads value: '${JSON.stringify(comp)}'`);
  return { value: null };
}

function speculativeOf(raw: unknown, fail: Fail): Checked<ServeArgs['speculative']> {
  if (raw === undefined) return { value: null };
  const spec = record(raw);
  if (spec === null) return fail(`argument --speculative-config: invalid loads value: '${JSON.stringify(raw)}'`);
  const method = typeof spec['method'] === 'string' ? spec['method'] : typeof spec['model'] === 'string' ? 'draft_model' : 'unknown';
  const n = spec['num_speculative_tokens'];
  return { value: { method: semanticSpecMethod(method), numSpeculativeTokens: typeof n === 'number' ? n : 1 } };
}

function limitsOf(raw: unknown, fail: Fail): Checked<Record<string, number> | null> {
  if (raw === undefined) return { value: null };
  const lim = record(raw);
  if (lim === null) return fail(`argument --limit-mm-per-prompt: invalid loads value: '${JSON.stringify(raw)}'`);
  return { value: Object.fromEntries(Object.entries(lim).map(([k, n]) => [k, typeof n === 'number' ? n : Number(record(n)?.['count'] ?? 0)])) };
}

/** The decoder backend's name from --attention-backend or --attention-config.backend (not both). */
function attentionNameOf(v: ArgValues, fail: Fail): Checked<string | undefined> {
  const acBackend = record(v['attention_config'])?.['backend'];
  if (acBackend !== undefined && v['attention_backend'] !== undefined) return fail('--attention-backend and --attention-config.backend are mutually exclusive');
  if (acBackend !== undefined && !(VLLM_BACKEND_NAMES as readonly string[]).includes(String(acBackend))) {
    return fail(`argument --attention-config/-ac: Unknown attention backend: '${String(acBackend)}'. Valid options are: ${VLLM_BACKEND_NAMES.join(', ')}`);
  }
  return { value: (v['attention_backend'] as string | undefined) ?? (acBackend === undefined ? undefined : String(acBackend)) };
}

/** Errors found after argparse succeeded (vLLM's config validation), as stderr text; or ServeArgs. */
export function vllmServeArgs(v: ArgValues, fail: Fail): { args: ServeArgs } | { error: string } {
  const model = (v['model_tag'] as string | undefined) ?? (v['model'] as string | undefined) ?? VLLM_DEFAULT_MODEL;
  const graphs = cudagraphModeOf(v['compilation_config'], fail);
  if ('error' in graphs) return graphs;
  const speculative = speculativeOf(v['speculative_config'], fail);
  if ('error' in speculative) return speculative;
  const limits = limitsOf(v['limit_mm_per_prompt'], fail);
  if ('error' in limits) return limits;
  const attn = attentionNameOf(v, fail);
  if ('error' in attn) return attn;
  const attnName = attn.value;
  const mmName = v['mm_encoder_attn_backend'] as string | undefined;
  return {
    args: {
      engine: 'vllm',
      model,
      servedModelName: (v['served_model_name'] as string | undefined) ?? model,
      host: (v['host'] as string | undefined) ?? '0.0.0.0',
      port: (v['port'] as number | undefined) ?? 8000,
      attention: attnName === undefined ? null : vllmSemanticBackend(attnName),
      mmAttention: mmName === undefined ? null : vllmSemanticBackend(mmName),
      speculative: speculative.value,
      cudagraphMode: graphs.value,
      enforceEager: v['enforce_eager'] === true,
      limitMmPerPrompt: limits.value,
      languageModelOnly: v['language_model_only'] === true,
      tensorParallelSize: (v['tensor_parallel_size'] as number | undefined) ?? 1,
      maxModelLen: (v['max_model_len'] as number | undefined) ?? null,
      gpuMemoryUtilization: (v['gpu_memory_utilization'] as number | undefined) ?? null,
      trustRemoteCode: v['trust_remote_code'] === true,
      attentionName: attnName ?? null,
      mmAttentionName: mmName ?? null,
    },
  };
}

/**
 * VLLM_ATTENTION_BACKEND (vllm/envs.py) picks the decoder backend when no flag does, in the releases
 * that still read it (up to 0.14); an unknown name fails at engine start-up (exit 1), not in argparse.
 */
export function vllmAttentionFromEnv(
  args: ServeArgs,
  env: Record<string, string>,
  version: string | null = null,
): { ok: true; args: ServeArgs } | { ok: false; exitCode: number; stderr: string } {
  const name = env['VLLM_ATTENTION_BACKEND'];
  if (name === undefined || name === '' || args.attentionName) return { ok: true, args };
  const read = envBackendAt(name, version);
  if ('use' in read && !read.use) return { ok: true, args };
  const known = vllmSemanticBackend(name) !== null || (VLLM_BACKEND_NAMES as readonly string[]).includes(name);
  if ('invalid' in read || !known) {
    return { ok: false, exitCode: 1, stderr: `ValueError: Invalid attention backend: '${name}'. Valid backends are: ${VLLM_BACKEND_NAMES.join(', ')}\n` };
  }
  return { ok: true, args: { ...args, attention: vllmSemanticBackend(name), attentionName: name, attentionFromEnv: true } };
}
