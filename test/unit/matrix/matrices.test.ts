// The committed matrices: seeds.yaml holds exactly the three seed scenarios, nightly.yaml loads.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmulatorTraits } from '../../../harness/core/emulator-traits.ts';
import { expand } from '../../../harness/plan/expand.ts';
import { loadMatrix } from '../../../harness/matrix/load.ts';
import { selectCells } from '../../../harness/plan/select.ts';
import { mountTarget } from '../../../harness/matrix/mount-target.ts';
import { getEngine } from '../../../harness/engines/index.ts';
import { containerSpec } from '../../../harness/run/container-spec.ts';

const root = join(import.meta.dirname, '../../..');

describe('matrix/seeds.yaml', () => {
  const cells = expand(loadMatrix(join(root, 'matrix/seeds.yaml'), { env: {} }));
  const byId = new Map(cells.map((c) => [c.id, c]));

  it('has only the cells of the three seed scenarios', () => {
    expect(cells.map((c) => c.id).sort()).toEqual([
      'vllm-0.11/h100/qwen3-vl-8b/default',
      'vllm-0.11/h100/qwen3-vl-8b/triton',
      'vllm-0.11/rtx-pro-6000/qwen3-vl-8b/default',
      'vllm-0.11/rtx-pro-6000/qwen3-vl-8b/triton',
      'vllm-0.17/h100/qwen3.5-0.8b/default',
      'vllm-0.17/h100/qwen3.5-0.8b/mtp2',
      'vllm-0.17/h100/qwen3.5-0.8b/mtp2-eager',
      'vllm-0.17/h100/qwen3.5-0.8b/mtp2-piecewise',
      'vllm-0.19-thor/thor/qwen3.5-35b-a3b/triton',
      'vllm-0.19-thor/thor/qwen3.5-35b-a3b/triton-sdpa',
    ]);
    expect(cells.every((c) => c.skip === null)).toBe(true);
  });

  it('expects the seed failures and nothing else', () => {
    const expected = cells.filter((c) => c.expect).map((c) => `${c.id} ${c.expect!.fail}`);
    expect(expected.sort()).toEqual([
      'vllm-0.11/h100/qwen3-vl-8b/triton backend-unsupported',
      'vllm-0.11/rtx-pro-6000/qwen3-vl-8b/default ptx-toolchain',
      'vllm-0.11/rtx-pro-6000/qwen3-vl-8b/triton backend-unsupported',
      'vllm-0.17/h100/qwen3.5-0.8b/mtp2 graph-capture',
      'vllm-0.19-thor/thor/qwen3.5-35b-a3b/triton ptx-toolchain',
    ]);
    expect(byId.get('vllm-0.19-thor/thor/qwen3.5-35b-a3b/triton')!.expect!.issue).toBe('https://github.com/vllm-project/vllm/issues/38411');
  });

  it('starts the 0.11 image\'s api_server with --model and Triton through VLLM_ATTENTION_BACKEND', () => {
    const triton = byId.get('vllm-0.11/rtx-pro-6000/qwen3-vl-8b/triton')!;
    expect(triton.command.slice(0, 2)).toEqual(['--model', 'Qwen/Qwen3-VL-8B-Instruct']);
    expect(triton.command).not.toContain('--attention-backend');
    expect(triton.env['VLLM_ATTENTION_BACKEND']?.value).toBe('TRITON_ATTN');
  });

  it('gives the thor cells vLLM flags for the workaround', () => {
    const thor = selectCells(cells, { gpu: ['jetson-thor'] });
    expect(thor).toHaveLength(2);
    const sdpa = byId.get('vllm-0.19-thor/thor/qwen3.5-35b-a3b/triton-sdpa')!;
    expect(sdpa.gpu.arch).toBe('sm_110');
    expect(sdpa.command).toEqual(expect.arrayContaining(['--attention-backend', 'TRITON_ATTN', '--mm-encoder-attn-backend', 'TORCH_SDPA', '--trust-remote-code']));
    expect(sdpa.command[0]).toBe('Qwen/Qwen3.5-35B-A3B');
  });

  it('carries emulator traits that the emulator accepts, and models that fit their GPUs', () => {
    for (const c of cells) {
      expect(EmulatorTraits.safeParse(c.image.emulate).success).toBe(true);
      expect(c.model.sizeGiB!).toBeLessThan(c.gpu.memoryGiB);
    }
    expect(byId.get('vllm-0.17/h100/qwen3.5-0.8b/mtp2')!.probes).toContain('mtp');
    expect(byId.get('vllm-0.17/h100/qwen3.5-0.8b/default')!.probes).not.toContain('mtp');
  });
});

describe('matrix/nightly.yaml', () => {
  const m = loadMatrix(join(root, 'matrix/nightly.yaml'), { env: {} });
  const cells = expand(m);

  it('covers the three runner kinds with vLLM and SGLang and declares their runners', () => {
    expect(new Set(cells.map((c) => c.gpu.name))).toEqual(new Set(['thor', 'rtx-pro-6000', 'h100']));
    expect(new Set(cells.map((c) => c.image.engine))).toEqual(new Set(['vllm', 'sglang']));
    expect(Object.keys(m.runners).sort()).toEqual(['h100', 'rtx-pro-6000', 'thor']);
    expect(cells.filter((c) => c.gpu.name === 'thor').every((c) => c.image.id === 'vllm-0.19-thor')).toBe(true);
  });

  it('gives Docker one bind per container path in every cell, on a runner and under --emulate', () => {
    for (const c of cells.filter((x) => !x.skip)) {
      for (const emulate of [null, { imageTag: 'matrix-emulator:x', stateDir: '/state-dir' }]) {
        const targets = containerSpec(c, { engine: getEngine(c.image.engine), slots: ['0'], emulate, cacheDir: '/cache' }).mounts.map(mountTarget);
        expect(targets, c.id).toEqual([...new Set(targets)]);
      }
    }
  });

  it('reads HF_TOKEN as a secret that may be empty', () => {
    expect(m.defaults.env.HF_TOKEN).toEqual({ value: '', secret: true, from: ['HF_TOKEN'] });
  });
});
