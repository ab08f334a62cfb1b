import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expand } from '../../../harness/plan/expand.ts';
import { loadMatrix } from '../../../harness/matrix/load.ts';
import { predictEmulated } from '../../../harness/run/predict.ts';

const cells = expand(loadMatrix(join(import.meta.dirname, '../../../matrix/seeds.yaml'), { env: {} }));
const predict = (id: string) => predictEmulated(cells.find((c) => c.id === id)!);

describe('predictEmulated (--preflight under --emulate)', () => {
  it('predicts the seed crashes from the image kernels, before running', () => {
    const thor = predict('vllm-0.19-thor/thor/qwen3.5-35b-a3b/triton')!;
    expect(thor.verdict).toBe('fail');
    expect(thor.detail).toMatch(/^_vllm_fa2_C: the provided PTX was compiled with an unsupported toolchain\. \(only PTX compute_80 fits sm_110/);
    expect(predict('vllm-0.11/rtx-pro-6000/qwen3-vl-8b/default')!.verdict).toBe('fail');
  });

  it('counts only the libraries the cell loads: Triton and SDPA cells load no prebuilt attention kernels', () => {
    expect(predict('vllm-0.19-thor/thor/qwen3.5-35b-a3b/triton-sdpa')!.verdict).toBe('jit');
    expect(predict('vllm-0.11/rtx-pro-6000/qwen3-vl-8b/triton')!.verdict).toBe('jit');
  });

  it('says native where the SASS matches', () => {
    expect(predict('vllm-0.11/h100/qwen3-vl-8b/default')).toEqual({ verdict: 'native', detail: '1 CUDA libraries run natively on h100 (sm 9.0, driver CUDA 12.8)' });
  });
});
