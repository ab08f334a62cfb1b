import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../harness/engines/engine.ts';
import { expand } from '../../../harness/plan/expand.ts';
import { loadMatrixText } from '../../../harness/matrix/load.ts';

/** A small engine that echoes its input, so expansion is tested apart from the real engines. */
const testEngine: Engine = {
  id: 'vllm',
  entrypoint: null,
  defaultPort: 9000,
  command: ({ model, options, port, extraArgs }) =>
    options.attention === 'flex' ? { unsupported: 'flex attention is not available' } : { argv: [model, `--port=${port}`, `--opts=${JSON.stringify(options)}`, ...extraArgs] },
  readiness: { path: '/health', okStatus: 200 },
  metrics: { ttft: 't', itl: 'i', e2e: 'e', promptTokens: 'p', generationTokens: 'g', specDrafts: null, specDraftTokens: null, specAcceptedTokens: null, specAcceptedPerPos: null, specAcceptLength: null },
  env: (o): Record<string, string> => (o.cuda_graphs === 'off' ? { ENGINE_EAGER: '1' } : {}),
};
const engines = () => testEngine;

const BASE = `version: 1
defaults:
  retries: 1
  env: { A: defaults, B: defaults }
  options: { max_model_len: 1000, gpu_memory_utilization: 0.5, cuda_graphs: full }
images:
  - { id: img1, ref: r1, engine: vllm, env: { B: image } }
  - { id: img2, ref: r2, engine: sglang }
gpus: [h100, thor]
models:
  - { id: text-m, name: org/text, options: { max_model_len: 2000 } }
  - { id: vl-m, name: org/vl, modalities: [text, image] }
  - { id: mtp-m, name: org/mtp, mtp: true }
flags:
  - { id: default }
  - { id: eager, options: { cuda_graphs: off, max_model_len: 3000 }, args: { vllm: [--x], sglang: [--y] } }
  - { id: mtp2, requires: { mtp: true }, options: { speculative: { method: mtp, tokens: 2 } } }
  - { id: vis, requires: { modality: image }, options: { attention: flex } }
`;
const cellsOf = (extra = '') => expand(loadMatrixText(BASE + extra, 'm.yaml'), engines);
const ids = (extra = '') => cellsOf(extra).map((c) => c.id);

describe('expand', () => {
  it('keeps the product order image × gpu × model × flags and drops flags whose requires fail', () => {
    const all = ids();
    // 2 images × 2 gpus × (text: 2 flags, vl: 3, mtp: 3)
    expect(all).toHaveLength(2 * 2 * 8);
    expect(all.slice(0, 8)).toEqual([
      'img1/h100/text-m/default', 'img1/h100/text-m/eager',
      'img1/h100/vl-m/default', 'img1/h100/vl-m/eager', 'img1/h100/vl-m/vis',
      'img1/h100/mtp-m/default', 'img1/h100/mtp-m/eager', 'img1/h100/mtp-m/mtp2',
    ]);
    expect(all.filter((id) => id.endsWith('/mtp2')).every((id) => id.includes('/mtp-m/'))).toBe(true);
  });

  it('removes cells matching any exclude entry (partial match, lists match any value)', () => {
    const out = ids('exclude:\n  - { image: img2, gpu: thor }\n  - { flags: [eager, vis], model: vl-m }\n');
    expect(out.some((id) => id.startsWith('img2/thor/'))).toBe(false);
    expect(out.some((id) => id.includes('/vl-m/eager') || id.includes('/vl-m/vis'))).toBe(false);
    expect(out).toContain('img2/h100/vl-m/default');
    expect(out).toHaveLength(32 - 8 - 6);
  });

  it('lets include re-add excluded cells, expanding the axes it leaves out, never past requires', () => {
    const out = ids('exclude:\n  - { gpu: thor }\ninclude:\n  - { image: img1, gpu: thor, model: mtp-m }\n');
    expect(out.filter((id) => id.includes('/thor/'))).toEqual(['img1/thor/mtp-m/default', 'img1/thor/mtp-m/eager', 'img1/thor/mtp-m/mtp2']);
    const textOnly = ids('exclude:\n  - { gpu: thor }\ninclude:\n  - { gpu: thor, model: text-m }\n');
    expect(textOnly.filter((id) => id.includes('/thor/')).sort()).toEqual(['img1/thor/text-m/default', 'img1/thor/text-m/eager', 'img2/thor/text-m/default', 'img2/thor/text-m/eager']);
  });

  it('merges options defaults → model → flags → include entry', () => {
    const cells = cellsOf('include:\n  - { image: img1, gpu: h100, model: text-m, flags: eager, options: { max_model_len: 4000 } }\n');
    const get = (id: string) => cells.find((c) => c.id === id)!;
    expect(get('img1/h100/vl-m/default').options).toEqual({ max_model_len: 1000, gpu_memory_utilization: 0.5, cuda_graphs: 'full' });
    expect(get('img1/h100/text-m/default').options.max_model_len).toBe(2000);
    expect(get('img1/thor/text-m/eager').options).toEqual({ max_model_len: 3000, gpu_memory_utilization: 0.5, cuda_graphs: 'off' });
    expect(get('img1/h100/text-m/eager').options.max_model_len).toBe(4000);
  });

  it('applies include overrides of retries, timeouts and env only to the cells it names', () => {
    const cells = cellsOf('include:\n  - { image: img1, model: vl-m, flags: default, retries: 4, timeouts: { probe: 5s }, env: { A: include } }\n');
    const hit = cells.find((c) => c.id === 'img1/thor/vl-m/default')!;
    const miss = cells.find((c) => c.id === 'img2/thor/vl-m/default')!;
    expect(hit.retries).toBe(4);
    expect(hit.timeouts.probeMs).toBe(5000);
    expect(hit.timeouts.startupMs).toBe(20 * 60_000);
    expect(hit.env.A).toEqual({ value: 'include', secret: false });
    expect(hit.env.B).toEqual({ value: 'image', secret: false });
    expect(miss.retries).toBe(1);
    expect(miss.env.A!.value).toBe('defaults');
    expect(miss.env.B!.value).toBe('defaults');
  });

  it("refines the defaults' perf settings per include entry, and refuses unknown metrics", () => {
    const text = BASE.replace('defaults:\n', 'defaults:\n  perf: { window: 5, thresholds: { ttft_p50_ms: { relative: 0.5 }, phase: { absolute: 20 } } }\n');
    const cells = expand(loadMatrixText(`${text}include:\n  - { image: img1, model: vl-m, flags: default, perf: { min_runs: 3, thresholds: { ttft_p50_ms: { absolute: 50 } } } }\n`, 'm.yaml'), engines);
    const hit = cells.find((c) => c.id === 'img1/thor/vl-m/default')!;
    const miss = cells.find((c) => c.id === 'img2/thor/vl-m/default')!;
    expect(miss.perf).toEqual({ window: 5, thresholds: { ttft_p50_ms: { relative: 0.5 }, phase: { absolute: 20 } } });
    expect(hit.perf).toEqual({ window: 5, minRuns: 3, thresholds: { ttft_p50_ms: { absolute: 50 }, phase: { absolute: 20 } } });
    expect(cellsOf()[0]!.perf).toBeUndefined();
    expect(() => loadMatrixText(BASE.replace('defaults:\n', 'defaults:\n  perf: { thresholds: { ttft_ms: { relative: 1 } } }\n'), 'm.yaml')).toThrow(/defaults.perf.thresholds.ttft_ms: unknown metric "ttft_ms": a metric is one of startup_s, ttft_p50_ms/);
  });

  it('builds the command from the engine, with raw args for that engine and the engine env', () => {
    const cells = cellsOf();
    const c = cells.find((x) => x.id === 'img2/thor/text-m/eager')!;
    expect(c.command[0]).toBe('org/text');
    expect(c.command[1]).toBe('--port=9000');
    expect(c.command.at(-1)).toBe('--y');
    expect(c.args).toEqual(['--y']);
    expect(c.env.ENGINE_EAGER).toEqual({ value: '1', secret: false });
    expect(c.gpu).toEqual({ name: 'thor', arch: 'sm_110', computeCapability: '11.0', memoryGiB: 128 });
    expect(c.matrix).toBe('m');
  });

  it('skips a cell whose options the engine cannot express, with the reason and no command', () => {
    const c = cellsOf().find((x) => x.id === 'img1/h100/vl-m/vis')!;
    expect(c.skip).toBe('flex attention is not available');
    expect(c.command).toEqual([]);
  });

  it('lists only the probes that apply and leases tensor_parallel GPUs', () => {
    const cells = cellsOf('probes: [text, image, stream, mtp]\ninclude:\n  - { model: mtp-m, flags: mtp2, options: { tensor_parallel: 2 } }\n');
    expect(cells.find((c) => c.id === 'img1/h100/text-m/default')!.probes).toEqual(['text', 'stream']);
    expect(cells.find((c) => c.id === 'img1/h100/vl-m/default')!.probes).toEqual(['text', 'image', 'stream']);
    const mtp = cells.find((c) => c.id === 'img1/h100/mtp-m/mtp2')!;
    expect(mtp.probes).toEqual(['text', 'stream', 'mtp']);
    expect(mtp.gpus).toBe(2);
    expect(cells.find((c) => c.id === 'img1/h100/mtp-m/default')!.gpus).toBe(1);
  });

  it('attaches the first matching expectation', () => {
    const cells = cellsOf('expect:\n  - { where: { gpu: thor, model: vl-m }, fail: ptx-toolchain, issue: "https://x.test/1" }\n  - { where: { gpu: thor }, fail: oom }\n');
    expect(cells.find((c) => c.id === 'img1/thor/vl-m/default')!.expect).toEqual({ fail: 'ptx-toolchain', issue: 'https://x.test/1', reason: null });
    expect(cells.find((c) => c.id === 'img1/thor/text-m/default')!.expect!.fail).toBe('oom');
    expect(cells.find((c) => c.id === 'img1/h100/text-m/default')!.expect).toBeNull();
  });
});
