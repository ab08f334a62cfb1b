import { describe, expect, it } from 'vitest';
import { getEngine } from '../../../harness/engines/index.ts';
import { remedyFlags } from '../../../harness/engines/remedy-flags.ts';
import { fixYaml, fixedFlagSetId } from '../../../reports/fix.ts';

const vllm = getEngine('vllm');
const input = (options: Record<string, unknown>) => ({ model: 'Qwen/Qwen3.5-35B-A3B', options, port: 8000, extraArgs: [], version: '0.19.0' });

describe("a remedy in the engine's own flags", () => {
  it('is what the fixed command adds, from the same function that builds the command', () => {
    const r = remedyFlags(vllm, input({ attention: 'triton' }), { mm_attention: 'sdpa' })!;
    const full = vllm.command(input({ attention: 'triton', mm_attention: 'sdpa' }));
    expect('argv' in full && full.argv.join(' ')).toContain(r.flags.join(' '));
    expect(r.flags).toEqual(['--mm-encoder-attn-backend TORCH_SDPA']);
    expect(r.removed).toEqual([]);
  });

  it('says which flags a fix takes away', () => {
    const r = remedyFlags(vllm, input({ attention: 'triton' }), { attention: 'auto' })!;
    expect(r.flags).toEqual([]);
    expect(r.removed).toEqual(['--attention-backend TRITON_ATTN']);
    // a release that takes the backend from the environment: the variable goes
    const old = remedyFlags(vllm, { ...input({ attention: 'triton' }), version: '0.11.0' }, { attention: 'auto' })!;
    expect(old.removed).toEqual(['VLLM_ATTENTION_BACKEND=TRITON_ATTN']);
  });

  it('the YAML adds the flag set and keeps the failure as an expectation', () => {
    const yaml = fixYaml({ image: 'vllm-0.19-thor', gpu: 'thor', model: 'qwen3.5-35b-a3b', flags: 'triton', flagOptions: { attention: 'triton' }, signature: 'ptx-toolchain-vision-encoder', category: 'ptx-toolchain', title: 'Vision encoder PTX' }, { mm_attention: 'sdpa' }, ['--mm-encoder-attn-backend TORCH_SDPA']);
    expect(yaml).toBe(`# triage: vllm-0.19-thor/thor/qwen3.5-35b-a3b/triton passes with --mm-encoder-attn-backend TORCH_SDPA
flags:
  - id: triton-mm-attention-sdpa
    options: { attention: triton, mm_attention: sdpa }
expect:
  - where: { image: vllm-0.19-thor, gpu: thor, model: qwen3.5-35b-a3b, flags: triton }
    fail: ptx-toolchain-vision-encoder
    reason: "Vision encoder PTX; passes with flags triton-mm-attention-sdpa"
`);
    expect(fixedFlagSetId('mtp2', { speculative: { method: 'mtp', tokens: 2 } })).toBe('mtp2-speculative-mtp-2');
  });
});
