// The vLLM adapter's command line per release, against the facts read from each release's source:
// every flag it emits is one the release defines, every value one the release has, and an option
// the release cannot express is refused with the release that brought it.
import { describe, expect, it } from 'vitest';
import { flagAt, valuesAt, VLLM_FACTS } from '../../../harness/engines/facts/index.ts';
import { getEngine } from '../../../harness/engines/index.ts';
import type { SemanticOptions } from '../../../harness/core/cell.ts';

const vllm = getEngine('vllm');
const RELEASES = VLLM_FACTS.releases.map((r) => r.version);
const run = (version: string, options: SemanticOptions) => vllm.command({ model: 'org/m', options, port: 8000, extraArgs: [], version });

const OPTIONS: SemanticOptions[] = [
  { attention: 'triton', mm_attention: 'sdpa', cuda_graphs: 'full' },
  { attention: 'flashinfer', speculative: { method: 'mtp', tokens: 2 }, cuda_graphs: 'piecewise' },
  { attention: 'flex', speculative: { method: 'ngram', tokens: 3 }, cuda_graphs: 'off', language_model_only: true },
  { tensor_parallel: 2, max_model_len: 4096, gpu_memory_utilization: 0.8, trust_remote_code: true, limit_mm_per_prompt: { image: 1 } },
];

/** A flag the release defines under this spelling (main flag or alias). */
function defined(flag: string, version: string): boolean {
  return VLLM_FACTS.flags.some((f) => (f.flag === flag || f.aliases.includes(flag)) && flagAt(VLLM_FACTS, f.flag, version) === f);
}

describe('vllm adapter against the facts of every release read', () => {
  it.each(RELEASES)('%s: emits only flags and values the release defines', (version) => {
    for (const options of OPTIONS) {
      const r = run(version, options);
      if ('unsupported' in r) continue;
      for (const token of r.argv.filter((a) => a.startsWith('-'))) expect(defined(token, version), `${token} at ${version}`).toBe(true);
      const backend = r.argv[r.argv.indexOf('--attention-backend') + 1];
      if (r.argv.includes('--attention-backend')) expect(valuesAt(VLLM_FACTS, 'attention-backend', version)).toContain(backend);
      const env = vllm.env?.(options, version) ?? {};
      if (env.VLLM_ATTENTION_BACKEND) expect(valuesAt(VLLM_FACTS, 'attention-backend', version)).toContain(env.VLLM_ATTENTION_BACKEND);
    }
  });
});

describe('vllm adapter where a flag is still missing', () => {
  it('0.10.2: model as --model, triton as TRITON_ATTN_VLLM_V1 in the environment, no mtp method', () => {
    expect(run('0.10.2', {})).toEqual({ argv: ['--model', 'org/m', '--host', '0.0.0.0', '--port', '8000'] });
    expect(vllm.env?.({ attention: 'triton' }, '0.10.2')).toEqual({ VLLM_ATTENTION_BACKEND: 'TRITON_ATTN_VLLM_V1' });
    expect(run('0.10.2', { speculative: { method: 'mtp', tokens: 2 } })).toEqual({ unsupported: 'vllm 0.10.2 has no speculative method "mtp" (SpeculativeMethod)' });
  });

  it('0.11.0: no --mm-encoder-attn-backend yet (came in 0.11.1)', () => {
    expect(run('0.11.0', { mm_attention: 'sdpa' })).toEqual({ unsupported: 'vllm 0.11.0 has no vision-encoder attention switch (--mm-encoder-attn-backend came in 0.11.1)' });
    expect(run('0.11.1', { mm_attention: 'sdpa' })).toEqual({ argv: ['org/m', '--host', '0.0.0.0', '--port', '8000', '--mm-encoder-attn-backend', 'TORCH_SDPA'] });
  });

  it('0.12.0: no --attention-backend yet, VLLM_ATTENTION_BACKEND instead; 0.13.0 the flag and no variable', () => {
    expect(run('0.12.0', { attention: 'flash' })).toEqual({ argv: ['org/m', '--host', '0.0.0.0', '--port', '8000'] });
    expect(vllm.env?.({ attention: 'flash' }, '0.12.0')).toEqual({ VLLM_ATTENTION_BACKEND: 'FLASH_ATTN' });
    expect(run('0.13.0', { attention: 'flash' })).toEqual({ argv: ['org/m', '--host', '0.0.0.0', '--port', '8000', '--attention-backend', 'FLASH_ATTN'] });
    expect(vllm.env?.({ attention: 'flash' }, '0.13.0')).toEqual({});
  });

  it('0.16.0: no --language-model-only yet (came in 0.17.0)', () => {
    expect(run('0.16.0', { language_model_only: true })).toEqual({ unsupported: 'vllm 0.16.0 has no text-only switch (--language-model-only came in 0.17.0)' });
    expect(run('0.17.0', { language_model_only: true })).toEqual({ argv: ['org/m', '--host', '0.0.0.0', '--port', '8000', '--language-model-only'] });
  });

  it('a release older than 0.10.2 is refused, saying the facts start at 0.10.2 (not run as 0.10.2)', () => {
    const r = run('0.9.2', {});
    expect(r).toEqual({ unsupported: expect.stringContaining('vLLM 0.9.2 is older than 0.10.2') });
    expect(r).toEqual({ unsupported: expect.stringContaining('facts start at 0.10.2') });
    expect(run('0.10.2', {})).toHaveProperty('argv');
  });

  it('a patch release follows the release read before it (0.11.2 as 0.11.1: vllm serve, positional model)', () => {
    expect(run('0.11.2', {})).toEqual({ argv: ['org/m', '--host', '0.0.0.0', '--port', '8000'] });
  });
});
