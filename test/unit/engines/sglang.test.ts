import { describe, expect, it } from 'vitest';
import { engineAt, getEngine } from '../../../harness/engines/index.ts';
import { SGLANG_FACTS } from '../../../harness/engines/sglang-facts.ts';
import { renderSglangMetrics, ServerMetrics } from '../../../harness/emulator/serve/metrics.ts';
import type { SemanticOptions } from '../../../harness/core/cell.ts';

const sglang = getEngine('sglang');
const MODEL = 'Qwen/Qwen3.5-0.8B';
// --enable-metrics: SGLang mounts /metrics only with it (facts/sglang/defaults.ts, metrics-endpoint).
const HEAD = ['python3', '-m', 'sglang.launch_server', '--model-path', MODEL, '--host', '0.0.0.0', '--port', '30000', '--enable-metrics'];

function argv(options: SemanticOptions, extraArgs: string[] = [], version: string | null = null): string[] {
  const r = sglang.command({ model: MODEL, options, port: 30000, extraArgs, version });
  if (!('argv' in r)) throw new Error(`unexpected unsupported: ${r.unsupported}`);
  return r.argv;
}

describe('sglang engine', () => {
  it('has no image entrypoint, listens on 30000 and is ready at /health', () => {
    expect(sglang.entrypoint).toBeNull();
    expect(sglang.defaultPort).toBe(30000);
    expect(sglang.readiness).toEqual({ path: '/health', okStatus: 200 });
  });

  const rows: Array<[string, SemanticOptions, string[]]> = [
    ['nothing', {}, []],
    ['attention auto', { attention: 'auto' }, []],
    ['attention flash', { attention: 'flash' }, ['--attention-backend', 'fa3']],
    ['attention flashinfer', { attention: 'flashinfer' }, ['--attention-backend', 'flashinfer']],
    ['attention triton', { attention: 'triton' }, ['--attention-backend', 'triton']],
    ['attention flex', { attention: 'flex' }, ['--attention-backend', 'flex_attention']],
    ['attention sdpa', { attention: 'sdpa' }, ['--attention-backend', 'torch_native']],
    ['mm_attention sdpa', { mm_attention: 'sdpa' }, ['--mm-attention-backend', 'sdpa']],
    ['mm_attention flash', { mm_attention: 'flash' }, ['--mm-attention-backend', 'fa3']],
    ['mm_attention triton', { mm_attention: 'triton' }, ['--mm-attention-backend', 'triton_attn']],
    [
      'speculative mtp',
      { speculative: { method: 'mtp', tokens: 2 } },
      ['--speculative-algorithm', 'NEXTN', '--speculative-num-steps', '2', '--speculative-eagle-topk', '1', '--speculative-num-draft-tokens', '3'],
    ],
    [
      'speculative ngram',
      { speculative: { method: 'ngram', tokens: 4 } },
      ['--speculative-algorithm', 'NGRAM', '--speculative-num-draft-tokens', '5'],
    ],
    ['cuda_graphs full (the default decode graph)', { cuda_graphs: 'full' }, []],
    ['cuda_graphs piecewise', { cuda_graphs: 'piecewise' }, ['--enable-piecewise-cuda-graph']],
    ['cuda_graphs off', { cuda_graphs: 'off' }, ['--disable-cuda-graph']],
    ['tensor_parallel', { tensor_parallel: 4 }, ['--tp-size', '4']],
    ['max_model_len', { max_model_len: 32768 }, ['--context-length', '32768']],
    ['gpu_memory_utilization', { gpu_memory_utilization: 0.8 }, ['--mem-fraction-static', '0.8']],
    ['trust_remote_code', { trust_remote_code: true }, ['--trust-remote-code']],
    ['limit_mm_per_prompt', { limit_mm_per_prompt: { image: 2 } }, ['--limit-mm-data-per-request', '{"image":2}']],
    ['language_model_only false', { language_model_only: false }, []],
  ];

  it.each(rows)('%s', (_name, options, flags) => {
    expect(argv(options)).toEqual([...HEAD, ...flags]);
  });

  it('appends raw args last', () => {
    expect(argv({ attention: 'triton' }, ['--cuda-graph-max-bs', '4'])).toEqual([
      ...HEAD, '--attention-backend', 'triton', '--cuda-graph-max-bs', '4',
    ]);
  });

  it.each<[string, SemanticOptions, RegExp]>([
    ['flashinfer vision encoder', { mm_attention: 'flashinfer' }, /^sglang has no flashinfer .*--mm-attention-backend/],
    ['flex vision encoder', { mm_attention: 'flex' }, /^sglang has no flex .*--mm-attention-backend/],
    ['language_model_only', { language_model_only: true }, /^sglang has no language-model-only/],
    ['eagle without a draft model', { speculative: { method: 'eagle', tokens: 3 } }, /--speculative-draft-model-path/],
  ])('answers unsupported: %s', (_name, options, why) => {
    const r = sglang.command({ model: MODEL, options, port: 30000, extraArgs: [] });
    expect(r).toEqual({ unsupported: expect.stringMatching(why) });
  });

  it('runs eagle when the raw args name the draft model', () => {
    const raw = ['--speculative-draft-model-path', 'lmsys/sglang-EAGLE-LLaMA3-Instruct-8B'];
    expect(argv({ speculative: { method: 'eagle', tokens: 3 } }, raw)).toEqual([
      ...HEAD,
      '--speculative-algorithm', 'EAGLE', '--speculative-num-steps', '3', '--speculative-eagle-topk', '1',
      '--speculative-num-draft-tokens', '4',
      ...raw,
    ]);
  });

  it('names the real Prometheus metrics', () => {
    expect(sglang.metrics).toMatchObject({
      ttft: 'sglang:time_to_first_token_seconds',
      itl: 'sglang:inter_token_latency_seconds',
      e2e: 'sglang:e2e_request_latency_seconds',
      promptTokens: 'sglang:prompt_tokens_total',
      generationTokens: 'sglang:generation_tokens_total',
      specAcceptLength: 'sglang:spec_accept_length',
      specDrafts: null,
    });
  });

  it('names each release\'s own metrics (facts/sglang/metrics.ts), the ones the emulator serves at that release', () => {
    expect(sglang.metricsAt?.('0.4.0')).toMatchObject({ itl: 'sglang:time_per_output_token_seconds', specAcceptLength: null });
    expect(sglang.metricsAt?.('0.5.5')).toMatchObject({ itl: 'sglang:inter_token_latency_seconds', specAcceptLength: 'sglang:spec_accept_length' });
    expect(engineAt('sglang', '0.4.0').metrics.itl).toBe('sglang:time_per_output_token_seconds');
    for (const { version } of SGLANG_FACTS.releases) {
      const served = renderSglangMetrics(new ServerMetrics(2, 2), 'm', true, version);
      for (const name of Object.values(sglang.metricsAt!(version)).filter((n): n is string => n !== null)) {
        expect([version, served.includes(`# TYPE ${name} `)]).toEqual([version, true]);
      }
    }
  });

  it('does not pass --enable-metrics twice when the raw args carry it', () => {
    expect(argv({}, ['--enable-metrics']).filter((a) => a === '--enable-metrics')).toHaveLength(1);
  });
});

describe('sglang engine per release (facts/sglang)', () => {
  const refuse = (options: SemanticOptions, version: string) => sglang.command({ model: MODEL, options, port: 30000, extraArgs: [], version });

  it.each<[string, string, SemanticOptions, string[]]>([
    ['0.4.0 triton', '0.4.0', { attention: 'triton' }, ['--attention-backend', 'triton']],
    ['0.4.6 fa3 and NEXTN', '0.4.6', { attention: 'flash', speculative: { method: 'mtp', tokens: 1 } }, ['--attention-backend', 'fa3', '--speculative-algorithm', 'NEXTN', '--speculative-num-steps', '1', '--speculative-eagle-topk', '1', '--speculative-num-draft-tokens', '2']],
    ['0.5.5 (the nightly image) piecewise graphs', '0.5.5', { cuda_graphs: 'piecewise' }, ['--enable-piecewise-cuda-graph']],
    ['0.5.4.post1 maps to 0.5.4: flex_attention', '0.5.4.post1', { attention: 'flex' }, ['--attention-backend', 'flex_attention']],
  ])('emits what %s defines', (_name, version, options, flags) => {
    expect(argv(options, [], version)).toEqual([...HEAD, ...flags]);
  });

  // Every release read defines --revision (facts/sglang/flags.ts), so a pinned revision is emitted
  // right after the model for the oldest and the newest alike; 'main' is the default and not passed.
  it.each(['0.4.0', '0.5.5', '0.5.9'])('passes a pinned --revision to %s, which defines it', (version) => {
    const r = sglang.command({ model: MODEL, options: {}, port: 30000, extraArgs: [], version, revision: 'abc123' });
    expect(r).toEqual({ argv: [...HEAD.slice(0, 5), '--revision', 'abc123', ...HEAD.slice(5)] });
    expect(sglang.command({ model: MODEL, options: {}, port: 30000, extraArgs: [], version, revision: 'main' })).toEqual({ argv: HEAD });
  });

  it.each<[string, string, SemanticOptions, RegExp]>([
    ['no speculative decoding in 0.4.0', '0.4.0', { speculative: { method: 'mtp', tokens: 2 } }, /^sglang 0\.4\.0 has no --speculative-algorithm \(first in 0\.4\.6\)/],
    ['no fa3 in 0.4.0', '0.4.0', { attention: 'flash' }, /^sglang 0\.4\.0 does not accept --attention-backend fa3/],
    ['no vision backend flag in 0.4.6', '0.4.6', { mm_attention: 'sdpa' }, /^sglang 0\.4\.6 has no --mm-attention-backend \(first in 0\.4\.10\)/],
    ['no flex_attention in 0.5.2', '0.5.2', { attention: 'flex' }, /does not accept --attention-backend flex_attention/],
    ['no NGRAM in 0.5.2', '0.5.2', { speculative: { method: 'ngram', tokens: 3 } }, /does not accept --speculative-algorithm NGRAM/],
    ['no piecewise graphs in 0.5.2', '0.5.2', { cuda_graphs: 'piecewise' }, /has no --enable-piecewise-cuda-graph \(first in 0\.5\.4\)/],
    ['no multimodal limit in 0.5.5', '0.5.5', { limit_mm_per_prompt: { image: 1 } }, /^sglang 0\.5\.5 has no --limit-mm-data-per-request \(first in 0\.5\.9\)/],
    ['a release older than any read', '0.3.6', {}, /^no facts for sglang 0\.3\.6: the oldest release read is 0\.4\.0/],
  ])('refuses: %s', (_name, version, options, why) => {
    expect(refuse(options, version)).toEqual({ unsupported: expect.stringMatching(why) });
  });
});
