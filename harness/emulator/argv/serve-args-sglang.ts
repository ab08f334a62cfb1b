// SGLang's command line as `python3 -m sglang.launch_server` parses it (python/sglang/srt/
// server_args.py, ServerArgs.add_cli_args: plain argparse, dashes only), per release: a flag the
// release does not define is an unrecognized argument, and the choices of --attention-backend,
// --mm-attention-backend and --speculative-algorithm are that release's (engines/facts/sglang).
import type { AttentionBackend } from '../../core/cell.ts';
import { SGLANG_ATTENTION, SGLANG_MM_ATTENTION } from '../../engines/sglang.ts';
import { sglangFlag, sglangRelease, sglangValues, SGLANG_FACTS } from '../../engines/sglang-facts.ts';
import type { ValueSetId } from '../../engines/facts/types.ts';
import type { ArgSpec, ArgValues, ParserSpec } from './serve-argparse.ts';
import type { ServeArgs } from './serve-args.ts';

const str = (dest: string, ...flags: string[]): ArgSpec => ({ flags, dest, type: 'str' });
const int = (dest: string, ...flags: string[]): ArgSpec => ({ flags, dest, type: 'int' });
const float = (dest: string, ...flags: string[]): ArgSpec => ({ flags, dest, type: 'float' });
const flag = (dest: string, ...flags: string[]): ArgSpec => ({ flags, dest, type: 'flag' });

const ARGS: ArgSpec[] = [
  // Mapped to ServeArgs.
  str('model_path', '--model-path', '--model'),
  str('served_model_name', '--served-model-name'),
  str('host', '--host'),
  int('port', '--port'),
  str('attention_backend', '--attention-backend'),
  str('mm_attention_backend', '--mm-attention-backend'),
  str('speculative_algorithm', '--speculative-algorithm'),
  int('speculative_num_steps', '--speculative-num-steps'),
  int('speculative_eagle_topk', '--speculative-eagle-topk'),
  int('speculative_num_draft_tokens', '--speculative-num-draft-tokens'),
  str('speculative_draft_model_path', '--speculative-draft-model-path', '--speculative-draft-model'),
  flag('disable_cuda_graph', '--disable-cuda-graph'),
  flag('enable_piecewise_cuda_graph', '--enable-piecewise-cuda-graph'),
  { flags: ['--limit-mm-data-per-request'], dest: 'limit_mm_data_per_request', type: 'json' },
  int('tp_size', '--tensor-parallel-size', '--tp-size'),
  int('context_length', '--context-length'),
  float('mem_fraction_static', '--mem-fraction-static'),
  flag('trust_remote_code', '--trust-remote-code'),
  // Real, harmless: accepted and not modelled.
  { flags: ['--dtype'], dest: 'dtype', type: 'str', choices: ['auto', 'half', 'float16', 'bfloat16', 'float', 'float32'] },
  str('kv_cache_dtype', '--kv-cache-dtype'),
  str('tokenizer_path', '--tokenizer-path'),
  str('revision', '--revision'),
  str('download_dir', '--download-dir'),
  str('quantization', '--quantization'),
  str('load_format', '--load-format'),
  str('chat_template', '--chat-template'),
  str('reasoning_parser', '--reasoning-parser'),
  str('tool_call_parser', '--tool-call-parser'),
  str('api_key', '--api-key'),
  str('log_level', '--log-level'),
  str('sampling_backend', '--sampling-backend'),
  str('prefill_attention_backend', '--prefill-attention-backend'),
  str('decode_attention_backend', '--decode-attention-backend'),
  int('random_seed', '--random-seed'),
  int('max_running_requests', '--max-running-requests'),
  int('max_total_tokens', '--max-total-tokens'),
  int('max_prefill_tokens', '--max-prefill-tokens'),
  int('chunked_prefill_size', '--chunked-prefill-size'),
  int('cuda_graph_max_bs', '--cuda-graph-max-bs'),
  int('page_size', '--page-size'),
  int('dp_size', '--data-parallel-size', '--dp-size', '--dp'),
  int('ep_size', '--expert-parallel-size', '--ep-size', '--ep'),
  flag('enable_metrics', '--enable-metrics'),
  int('decode_log_interval', '--decode-log-interval'),
  flag('enable_multimodal', '--enable-multimodal'),
  flag('disable_radix_cache', '--disable-radix-cache'),
  flag('enable_torch_compile', '--enable-torch-compile'),
  flag('skip_server_warmup', '--skip-server-warmup'),
  flag('enable_dp_attention', '--enable-dp-attention'),
];

/** The flags that take a value from a named set of the release. */
const CHOICES: Readonly<Record<string, ValueSetId>> = {
  '--attention-backend': 'attention-backend',
  '--mm-attention-backend': 'mm-encoder-attention-backend',
  '--speculative-algorithm': 'speculative-method',
};

/** Whether the facts speak about `flag` at all (the emulator keeps flags they do not list, as harmless extras). */
function inFacts(flag: string): boolean {
  return SGLANG_FACTS.flags.some((f) => f.flag === flag || f.aliases.includes(flag));
}

/** One argument as `release` defines it: its option strings that release has, its choices; null when it has none. */
function atRelease(spec: ArgSpec, release: string): ArgSpec | null {
  const known = spec.flags.filter((f) => !inFacts(f) || sglangFlag(f, release) !== undefined);
  if (known.length === 0) return null;
  const set = CHOICES[spec.flags[0]!];
  return { ...spec, flags: known, ...(set ? { choices: sglangValues(set, release) } : {}) };
}

/** The parser of the release that stands for `version` (null: the newest release read). */
export function sglangParserSpec(prog: string, usage: string, version: string | null = null): ParserSpec {
  const release = sglangRelease(version) ?? SGLANG_FACTS.releases[0]!.version;
  const args = ARGS.map((a) => atRelease(a, release)).filter((a): a is ArgSpec => a !== null);
  return { prog, usage, args, underscoresAsDashes: false, dottedJson: false, required: ['model_path'], allowAbbrev: true };
}

function inverse(map: Readonly<Record<string, string | null>>, name: string): AttentionBackend | null {
  if (name === 'fa4') return 'flash';
  const hit = Object.entries(map).find(([, v]) => v === name);
  return hit ? (hit[0] as AttentionBackend) : null;
}

function speculative(v: ArgValues): ServeArgs['speculative'] {
  const algo = v['speculative_algorithm'] as string | undefined;
  if (algo === undefined) return null;
  const steps = v['speculative_num_steps'] as number | undefined;
  const draft = v['speculative_num_draft_tokens'] as number | undefined;
  if (algo === 'NGRAM' || algo === 'LOOKAHEAD') {
    // num_draft_tokens counts the verified root token as well.
    return { method: 'ngram', numSpeculativeTokens: draft !== undefined ? Math.max(1, draft - 1) : 1 };
  }
  const method = algo === 'NEXTN' ? 'mtp' : algo === 'STANDALONE' ? 'standalone' : 'eagle';
  // Unset, SGLang picks its own defaults for the model (3 steps, topk 1, 4 draft tokens typically).
  const n = steps ?? (draft !== undefined ? Math.max(1, draft - 1) : 3);
  return { method, numSpeculativeTokens: n };
}

export function sglangServeArgs(v: ArgValues, fail: (msg: string) => { error: string }): { args: ServeArgs } | { error: string } {
  const model = v['model_path'] as string;
  let limitMmPerPrompt: Record<string, number> | null = null;
  const lim = v['limit_mm_data_per_request'];
  if (lim !== undefined) {
    if (typeof lim !== 'object' || lim === null || Array.isArray(lim)) {
      return fail(`argument --limit-mm-data-per-request: invalid loads value: '${JSON.stringify(lim)}'`);
    }
    limitMmPerPrompt = Object.fromEntries(Object.entries(lim).map(([k, n]) => [k, Number(n)]));
  }
  const disabled = v['disable_cuda_graph'] === true;
  const piecewise = v['enable_piecewise_cuda_graph'] === true;
  const attnName = v['attention_backend'] as string | undefined;
  const mmName = v['mm_attention_backend'] as string | undefined;
  return {
    args: {
      engine: 'sglang',
      model,
      servedModelName: (v['served_model_name'] as string | undefined) ?? model,
      host: (v['host'] as string | undefined) ?? '127.0.0.1',
      port: (v['port'] as number | undefined) ?? 30000,
      attention: attnName === undefined ? null : inverse(SGLANG_ATTENTION, attnName),
      mmAttention: mmName === undefined ? null : inverse(SGLANG_MM_ATTENTION, mmName),
      speculative: speculative(v),
      // SGLang's decode graph is a full graph; piecewise adds graphs for prefill/extend.
      cudagraphMode: disabled ? 'NONE' : piecewise ? 'FULL_AND_PIECEWISE' : null,
      enforceEager: disabled,
      limitMmPerPrompt,
      languageModelOnly: false,
      tensorParallelSize: (v['tp_size'] as number | undefined) ?? 1,
      maxModelLen: (v['context_length'] as number | undefined) ?? null,
      gpuMemoryUtilization: (v['mem_fraction_static'] as number | undefined) ?? null,
      trustRemoteCode: v['trust_remote_code'] === true,
      attentionName: attnName ?? null,
      mmAttentionName: mmName ?? null,
      metricsEnabled: v['enable_metrics'] === true,
      decodeLogInterval: (v['decode_log_interval'] as number | undefined) ?? null,
    },
  };
}
