// SGLang: semantic options → `python3 -m sglang.launch_server` flags, readiness and metric names.
//
// What SGLang defines is read from the facts (facts/sglang/, each fact with its upstream line):
// the launcher (the lmsysorg/sglang image has no entrypoint), which release defines each flag, the
// argparse choices of --attention-backend, --mm-attention-backend and --speculative-algorithm,
// readiness and metric names. This module keeps only the harness's own mapping from semantic options
// to SGLang's spellings, and refuses a flag or value the image's release does not have.
//
// --enable-metrics is always passed: SGLang mounts /metrics only with it (facts: metrics-endpoint).
import type { AttentionBackend, CudaGraphMode, SemanticOptions, SpeculativeOptions } from '../core/cell.ts';
import type { CommandInput, CommandResult, Engine, MetricNames } from './engine.ts';
import { factsAt } from './facts/query.ts';
import { collect, compactJson, flags, hasFlag, none, revisionFlag, type OptionFlags } from './flags.ts';
import type { ValueSetId } from './facts/types.ts';
import { sglangFlag, sglangFlagSince, sglangLauncher, sglangRelease, sglangValues, SGLANG_FACTS } from './sglang-facts.ts';

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

/** The flags that take a value from a named set, and the set. */
const VALUED: Readonly<Record<string, ValueSetId>> = {
  '--attention-backend': 'attention-backend',
  '--mm-attention-backend': 'mm-encoder-attention-backend',
  '--speculative-algorithm': 'speculative-method',
};

/** Why the image's release cannot take `argv` (a flag it does not define, a value not among its choices), or null. */
export function sglangReleaseRefuses(argv: readonly string[], version: string | null | undefined): string | null {
  const release = sglangRelease(version);
  if (release === null) return `no facts for sglang ${version ?? '?'}: the oldest release read is ${SGLANG_FACTS.releases[0]?.version ?? '?'}`;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (!flag.startsWith('--')) continue;
    if (sglangFlag(flag, release) === undefined) {
      const since = sglangFlagSince(flag);
      return `sglang ${release} has no ${flag} (${since === null ? 'no release read defines it' : `first in ${since}`})`;
    }
    const set = VALUED[flag];
    const value = argv[i + 1];
    if (set !== undefined && value !== undefined && !sglangValues(set, release).includes(value)) {
      return `sglang ${release} does not accept ${flag} ${value} (choices: ${sglangValues(set, release).join(', ')})`;
    }
  }
  return null;
}

function command(input: CommandInput): CommandResult {
  const mapped = sglangOptionFlags(input.options, input.extraArgs);
  if ('unsupported' in mapped) return mapped;
  const metrics = hasFlag(input.extraArgs, '--enable-metrics') ? [] : ['--enable-metrics'];
  // --revision (ServerArgs.revision) only when the matrix pins one; checked like the other flags.
  const model = ['--model-path', input.model, ...revisionFlag(input.revision)];
  const emitted = ['--host', '0.0.0.0', '--port', String(input.port), ...metrics, ...mapped.flags];
  const refused = sglangReleaseRefuses([...model, ...emitted], input.version);
  if (refused !== null) return { unsupported: refused };
  return { argv: [...sglangLauncher(input.version), ...model, ...emitted, ...input.extraArgs] };
}

/** GET /health 200 (0.5.0 on: only after the warm-up request; facts/sglang/readiness.ts). */
function readinessRule(): { path: string; okStatus: number } {
  const r = SGLANG_FACTS.readiness.filter((x) => x.path === '/health').at(-1);
  if (r === undefined) throw new Error('sglang facts name no /health readiness');
  return { path: r.path, okStatus: r.okStatus };
}

/** The first of `declared` (a metric and its older names) that the release declares, as a scrape shows it. */
function firstDeclared(version: string | null, ...declared: string[]): string | null {
  const at = factsAt(SGLANG_FACTS, SGLANG_FACTS.metrics, version);
  for (const d of declared) {
    const m = at.find((x) => x.declared === d);
    if (m !== undefined) return m.exposed;
  }
  return null;
}

/**
 * The metric names of the release that stands for `version` (facts/sglang/metrics.ts; null: the
 * newest read). SGLang has no speculative counters: spec_accept_length is a gauge over recent
 * decode batches, from 0.4.6.
 */
export function sglangMetricsAt(version: string | null): MetricNames {
  const release = sglangRelease(version) ?? SGLANG_FACTS.releases[0]!.version;
  const need = (...declared: string[]) => {
    const name = firstDeclared(release, ...declared);
    if (name === null) throw new Error(`sglang ${release} declares none of ${declared.join(', ')}`);
    return name;
  };
  return {
    ttft: need('sglang:time_to_first_token_seconds'),
    itl: need('sglang:inter_token_latency_seconds', 'sglang:time_per_output_token_seconds'),
    e2e: need('sglang:e2e_request_latency_seconds'),
    promptTokens: need('sglang:prompt_tokens_total'),
    generationTokens: need('sglang:generation_tokens_total'),
    specDrafts: null,
    specDraftTokens: null,
    specAcceptedTokens: null,
    specAcceptedPerPos: null,
    specAcceptLength: firstDeclared(release, 'sglang:spec_accept_length'),
  };
}

export const sglang: Engine = {
  id: 'sglang',
  entrypoint: null,
  defaultPort: 30000,
  command,
  readiness: readinessRule(),
  // The newest release read's names; metricsAt gives a release's own (0.4.0 has no spec_accept_length
  // and calls the ITL histogram time_per_output_token_seconds).
  metrics: sglangMetricsAt(null),
  metricsAt: sglangMetricsAt,
  // SGLang's spec_accept_length is a gauge over recent decode batches: it cannot give one run's acceptance; each request's meta_info can. Native
  // POST /generate (every release read, e.g. 0c006b8809cd:python/sglang/srt/entrypoints/http_server.py:531);
  // the fields are facts (facts/sglang/request-fields.ts): spec_verify_ct from 0.4.6,
  // spec_accept_token_num from 0.5.6.
  specPerRequest: {
    path: '/generate',
    body: (prompt, maxTokens) => ({ text: prompt, sampling_params: { temperature: 0, max_new_tokens: maxTokens } }),
    where: 'meta_info',
    verify: requestField('spec_verify_ct'),
    completion: requestField('completion_tokens'),
    accepted: requestField('spec_accept_token_num'),
  },
};

/** A meta_info field name, checked against the facts so a renamed field fails at load, not silently. */
function requestField(name: string): string {
  if (!(SGLANG_FACTS.requestFields ?? []).some((f) => f.field === name)) throw new Error(`sglang facts hold no meta_info field ${name}`);
  return name;
}
