import { describe, expect, it } from 'vitest';
import { factsAt, VLLM_FACTS } from '../../../harness/engines/facts/index.ts';
import { engineAt, getEngine } from '../../../harness/engines/index.ts';
import type { SemanticOptions } from '../../../harness/core/cell.ts';

const vllm = getEngine('vllm');
const MODEL = 'Qwen/Qwen3-VL-8B-Instruct';
const HEAD = [MODEL, '--host', '0.0.0.0', '--port', '8000'];

function argv(options: SemanticOptions, extraArgs: string[] = []): string[] {
  const r = vllm.command({ model: MODEL, options, port: 8000, extraArgs });
  if (!('argv' in r)) throw new Error(`unexpected unsupported: ${r.unsupported}`);
  return r.argv;
}

describe('vllm engine', () => {
  it('runs behind the image entrypoint `vllm serve` on port 8000, ready at /health', () => {
    expect(vllm.entrypoint).toEqual(['vllm', 'serve']);
    expect(vllm.defaultPort).toBe(8000);
    expect(vllm.readiness).toEqual({ path: '/health', okStatus: 200 });
  });

  it('puts the model first, then host and port', () => {
    expect(argv({})).toEqual(HEAD);
  });

  const rows: Array<[string, SemanticOptions, string[]]> = [
    ['attention auto', { attention: 'auto' }, []],
    ['attention flash', { attention: 'flash' }, ['--attention-backend', 'FLASH_ATTN']],
    ['attention flashinfer', { attention: 'flashinfer' }, ['--attention-backend', 'FLASHINFER']],
    ['attention triton', { attention: 'triton' }, ['--attention-backend', 'TRITON_ATTN']],
    ['attention flex', { attention: 'flex' }, ['--attention-backend', 'FLEX_ATTENTION']],
    ['mm_attention auto', { mm_attention: 'auto' }, []],
    ['mm_attention sdpa', { mm_attention: 'sdpa' }, ['--mm-encoder-attn-backend', 'TORCH_SDPA']],
    ['mm_attention flash', { mm_attention: 'flash' }, ['--mm-encoder-attn-backend', 'FLASH_ATTN']],
    ['mm_attention triton', { mm_attention: 'triton' }, ['--mm-encoder-attn-backend', 'TRITON_ATTN']],
    ['mm_attention flashinfer', { mm_attention: 'flashinfer' }, ['--mm-encoder-attn-backend', 'FLASHINFER']],
    [
      'speculative mtp',
      { speculative: { method: 'mtp', tokens: 2 } },
      ['--speculative-config', '{"method":"mtp","num_speculative_tokens":2}'],
    ],
    [
      'speculative ngram',
      { speculative: { method: 'ngram', tokens: 3 } },
      ['--speculative-config', '{"method":"ngram","num_speculative_tokens":3,"prompt_lookup_max":4,"prompt_lookup_min":2}'],
    ],
    ['cuda_graphs full', { cuda_graphs: 'full' }, ['--compilation-config', '{"cudagraph_mode":"FULL"}']],
    ['cuda_graphs piecewise', { cuda_graphs: 'piecewise' }, ['--compilation-config', '{"cudagraph_mode":"PIECEWISE"}']],
    ['cuda_graphs off', { cuda_graphs: 'off' }, ['--enforce-eager']],
    ['tensor_parallel', { tensor_parallel: 2 }, ['--tensor-parallel-size', '2']],
    ['max_model_len', { max_model_len: 8192 }, ['--max-model-len', '8192']],
    ['gpu_memory_utilization', { gpu_memory_utilization: 0.85 }, ['--gpu-memory-utilization', '0.85']],
    ['language_model_only', { language_model_only: true }, ['--language-model-only']],
    ['language_model_only false', { language_model_only: false }, []],
    ['trust_remote_code', { trust_remote_code: true }, ['--trust-remote-code']],
    ['limit_mm_per_prompt', { limit_mm_per_prompt: { image: 4 } }, ['--limit-mm-per-prompt', '{"image":4}']],
  ];

  it.each(rows)('%s', (_name, options, flags) => {
    expect(argv(options)).toEqual([...HEAD, ...flags]);
  });

  it('orders several options stably and appends raw args last', () => {
    expect(
      argv(
        { attention: 'triton', mm_attention: 'sdpa', tensor_parallel: 2, max_model_len: 4096, trust_remote_code: true },
        ['--max-num-seqs', '8'],
      ),
    ).toEqual([
      ...HEAD,
      '--tensor-parallel-size', '2',
      '--max-model-len', '4096',
      '--attention-backend', 'TRITON_ATTN',
      '--mm-encoder-attn-backend', 'TORCH_SDPA',
      '--trust-remote-code',
      '--max-num-seqs', '8',
    ]);
  });

  it.each<[string, SemanticOptions, RegExp]>([
    ['sdpa for the decoder', { attention: 'sdpa' }, /no sdpa attention backend for the language model \(TORCH_SDPA is only used for the vision encoder\)/],
    ['flex for the vision encoder', { mm_attention: 'flex' }, /vision encoder has no flex.*--mm-encoder-attn-backend/],
    ['eagle without a draft model', { speculative: { method: 'eagle', tokens: 2 } }, /draft model/],
  ])('answers unsupported: %s', (_name, options, why) => {
    const r = vllm.command({ model: MODEL, options, port: 8000, extraArgs: [] });
    expect(r).toEqual({ unsupported: expect.stringMatching(why) });
  });

  it('lets a raw --speculative-config carry eagle (with its draft model)', () => {
    const raw = ['--speculative-config', '{"method":"eagle","model":"yuhuili/EAGLE-LLaMA3-Instruct-8B","num_speculative_tokens":2}'];
    expect(argv({ speculative: { method: 'eagle', tokens: 2 } }, raw)).toEqual([...HEAD, ...raw]);
  });

  it('refuses cuda_graphs together with a raw --compilation-config', () => {
    const r = vllm.command({ model: MODEL, options: { cuda_graphs: 'full' }, port: 8000, extraArgs: ['--compilation-config={"level":3}'] });
    expect(r).toEqual({ unsupported: expect.stringMatching(/compilation config/) });
  });

  it('names the real Prometheus metrics', () => {
    expect(vllm.metrics).toEqual({
      ttft: 'vllm:time_to_first_token_seconds',
      itl: 'vllm:inter_token_latency_seconds',
      e2e: 'vllm:e2e_request_latency_seconds',
      promptTokens: 'vllm:prompt_tokens_total',
      generationTokens: 'vllm:generation_tokens_total',
      specDrafts: 'vllm:spec_decode_num_drafts_total',
      specDraftTokens: 'vllm:spec_decode_num_draft_tokens_total',
      specAcceptedTokens: 'vllm:spec_decode_num_accepted_tokens_total',
      specAcceptedPerPos: 'vllm:spec_decode_num_accepted_tokens_per_pos_total',
      specAcceptLength: null,
    });
  });

  it('names each release\'s own metrics: a name the release declares (facts/vllm/metrics.ts), for every release read', () => {
    for (const { version } of VLLM_FACTS.releases) {
      const exposed = new Set(factsAt(VLLM_FACTS, VLLM_FACTS.metrics, version).map((f) => f.exposed));
      const names = Object.values(vllm.metricsAt!(version)).filter((n): n is string => n !== null);
      expect(names.filter((n) => !exposed.has(n)), version).toEqual([]);
      expect(engineAt('vllm', version).metrics).toEqual(vllm.metricsAt!(version));
    }
    expect(vllm.metricsAt!(null)).toEqual(vllm.metrics);
  });
});
