import { describe, expect, it } from 'vitest';
import { getEngine } from '../../../harness/engines/index.ts';
import { isOlder, versionFromImageRef } from '../../../harness/engines/version.ts';

describe('versionFromImageRef', () => {
  it.each([
    ['vllm/vllm-openai:v0.11.0', '0.11.0'],
    ['dustynv/vllm:0.19.0-r39.0', '0.19.0'],
    ['lmsysorg/sglang:v0.5.4.post1-cu129', '0.5.4'],
    ['nvcr.io/nvidia/vllm:25.09-py3', null],
    ['localhost:5000/vllm-openai:v0.17.1@sha256:abc', '0.17.1'],
    ['vllm/vllm-openai:latest', null],
    ['localhost:5000/vllm-openai', null],
  ])('%s → %s', (ref, version) => {
    expect(versionFromImageRef(ref)).toBe(version);
  });
});

describe('isOlder', () => {
  it('compares major.minor.patch numerically and treats unknown as new', () => {
    expect(isOlder('0.11.0', '0.12.0')).toBe(true);
    expect(isOlder('0.9.2', '0.12.0')).toBe(true);
    expect(isOlder('0.12.0', '0.12.0')).toBe(false);
    expect(isOlder('0.19', '0.12.0')).toBe(false);
    expect(isOlder(null, '0.12.0')).toBe(false);
  });
});

describe('vllm flags by release', () => {
  const vllm = getEngine('vllm');
  const run = (version: string | null, options = {}) => vllm.command({ model: 'm', options, port: 8000, extraArgs: [], version });

  it('uses --attention-backend from 0.13.0 and VLLM_ATTENTION_BACKEND before it', () => {
    expect(run('0.19.0', { attention: 'triton' })).toEqual({ argv: ['m', '--host', '0.0.0.0', '--port', '8000', '--attention-backend', 'TRITON_ATTN'] });
    expect(vllm.env?.({ attention: 'triton' }, '0.19.0')).toEqual({});
    expect(run('0.12.0', { attention: 'triton' })).toEqual({ argv: ['m', '--host', '0.0.0.0', '--port', '8000'] });
    expect(vllm.env?.({ attention: 'triton' }, '0.12.0')).toEqual({ VLLM_ATTENTION_BACKEND: 'TRITON_ATTN' });
    // 0.11.0's image runs api_server, which takes the model only as --model.
    expect(run('0.11.0', { attention: 'triton' })).toEqual({ argv: ['--model', 'm', '--host', '0.0.0.0', '--port', '8000'] });
    expect(vllm.env?.({ attention: 'triton' }, '0.11.0')).toEqual({ VLLM_ATTENTION_BACKEND: 'TRITON_ATTN' });
    expect(vllm.env?.({ attention: 'auto' }, '0.11.0')).toEqual({});
  });

  it('has no vision-encoder backend switch before 0.11.1', () => {
    expect(run('0.11.0', { mm_attention: 'sdpa' })).toEqual({ unsupported: expect.stringMatching(/vllm 0.11.0 has no vision-encoder attention switch/) });
    expect(run('0.11.1', { mm_attention: 'sdpa' })).toEqual({ argv: ['m', '--host', '0.0.0.0', '--port', '8000', '--mm-encoder-attn-backend', 'TORCH_SDPA'] });
  });
});

describe('vllm CUDA graph flags by release', () => {
  const vllm = getEngine('vllm');
  const flagsFor = (version: string, cuda_graphs: 'full' | 'piecewise' | 'off') => {
    const r = vllm.command({ model: 'm', options: { cuda_graphs }, port: 8000, extraArgs: [], version });
    return 'argv' in r ? r.argv.slice(r.argv.indexOf('--port') + 2) : r;
  };

  it('spells cudagraph_mode in every release read (0.10.2 has it), and eager mode as --enforce-eager', () => {
    expect(flagsFor('0.10.2', 'full')).toEqual(['--compilation-config', '{"cudagraph_mode":"FULL"}']);
    expect(flagsFor('0.10.2', 'piecewise')).toEqual(['--compilation-config', '{"cudagraph_mode":"PIECEWISE"}']);
    expect(flagsFor('0.10.2', 'off')).toEqual(['--enforce-eager']);
    expect(flagsFor('0.17.0', 'full')).toEqual(['--compilation-config', '{"cudagraph_mode":"FULL"}']);
  });
});
