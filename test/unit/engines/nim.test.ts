import { describe, expect, it } from 'vitest';
import { ENGINES, getEngine } from '../../../harness/engines/index.ts';
import { NIM_CACHE_PATH } from '../../../harness/engines/nim.ts';
import { ENGINE_IDS, type SemanticOptions } from '../../../harness/core/cell.ts';

const nim = getEngine('nim');

function run(options: SemanticOptions, extraArgs: string[] = []) {
  return nim.command({ model: 'meta/llama-3.1-8b-instruct', options, port: 8000, extraArgs });
}

describe('engine registry', () => {
  it('has one engine per EngineId, each under its own id', () => {
    for (const id of ENGINE_IDS) expect(getEngine(id).id).toBe(id);
    expect(Object.keys(ENGINES).sort()).toEqual([...ENGINE_IDS].sort());
  });
});

describe('nim engine', () => {
  it('starts by itself: no entrypoint, empty command, port 8000, ready at /v1/health/ready', () => {
    expect(nim.entrypoint).toBeNull();
    expect(nim.defaultPort).toBe(8000);
    expect(nim.readiness).toEqual({ path: '/v1/health/ready', okStatus: 200 });
    expect(run({})).toEqual({ argv: [] });
    expect(NIM_CACHE_PATH).toBe('/opt/nim/.cache');
  });

  it('carries max_model_len in NIM_MAX_MODEL_LEN and needs no command for it', () => {
    expect(run({ max_model_len: 8192 })).toEqual({ argv: [] });
    expect(nim.env?.({ max_model_len: 8192 })).toEqual({ NIM_MAX_MODEL_LEN: '8192' });
  });

  it('accepts options the profile already satisfies (tensor_parallel, trust_remote_code, auto backends)', () => {
    expect(run({ tensor_parallel: 2, trust_remote_code: true, attention: 'auto', mm_attention: 'auto' })).toEqual({ argv: [] });
    expect(nim.env?.({ tensor_parallel: 2 })).toEqual({});
  });

  it('passes raw args as the command (forwarded by nim-serve)', () => {
    expect(run({}, ['nim-serve', '--max-num-seqs', '8'])).toEqual({ argv: ['nim-serve', '--max-num-seqs', '8'] });
  });

  it.each<[string, SemanticOptions, RegExp]>([
    ['attention', { attention: 'triton' }, /^nim has no attention backend switch.*NIM_MODEL_PROFILE/],
    ['mm_attention', { mm_attention: 'sdpa' }, /^nim has no vision-encoder attention switch/],
    ['speculative', { speculative: { method: 'mtp', tokens: 2 } }, /^nim has no speculative decoding switch/],
    ['cuda_graphs', { cuda_graphs: 'off' }, /^nim has no CUDA graph switch/],
    ['gpu_memory_utilization', { gpu_memory_utilization: 0.9 }, /^nim has no GPU memory/],
    ['language_model_only', { language_model_only: true }, /^nim has no language-model-only/],
    ['limit_mm_per_prompt', { limit_mm_per_prompt: { image: 1 } }, /^nim has no per-prompt multimodal/],
  ])('answers unsupported: %s', (_name, options, why) => {
    expect(run(options)).toEqual({ unsupported: expect.stringMatching(why) });
  });
});
