// The accuracy probe against the in-process emulator: the emulator answers the generated questions
// right, and faults.corrupt_batched makes its answers wrong only in a batch and only under the
// CUDA graph mode it names — which the probe reports as accuracy-drop-batched against its eager
// baseline. The same runs against the emulator image in test/e2e/accuracy.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../harness/emulator/server.ts';
import { EmulatorTraits } from '../../../harness/core/emulator-traits.ts';
import { accuracyProbe } from '../../../harness/probes/accuracy.ts';
import { imageProbe } from '../../../harness/probes/image.ts';
import type { ProbeResult } from '../../../harness/probes/probe.ts';
import { cell, context } from './context.ts';

const MODEL = 'Qwen/Qwen3.5-0.8B';
const FAULT = { corrupt_batched: { min_batch: 2, graphs: 'full' } };
// TTFT 40 ms: the requests sent together are all in flight when decoding begins, also on a busy machine
const OPTIONS = { questions: 24, concurrency: [1, 8] };

const running: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
});

async function emulator(args: string[], modalities: Array<'text' | 'image'> = ['text']): Promise<string> {
  const traits = EmulatorTraits.parse({ startup: { weights_s: 0, compile_s: 0, graphs_s: 0 }, ttft_ms: 40, itl_ms: 1, faults: FAULT });
  const h = await startEmulator({ argv: ['vllm', 'serve', MODEL, '--port', '0', ...args], config: { engine: 'vllm', traits, gpu: { name: 'h100', computeCapability: '9.0', memoryGiB: 80, driverCuda: '13.0', count: 1 }, model: { architecture: null, sizeGiB: 2, modalities, mtp: false } }, port: 0, host: '127.0.0.1' });
  running.push(h);
  expect(await h.ready).toBe(true);
  return h.url;
}

describe('accuracy probe against the emulator', () => {
  it('eager: every answer right at every concurrency, each request stored with its answer', async () => {
    const url = await emulator(['--enforce-eager']);
    const r = await accuracyProbe.run(context(url, { model: MODEL, options: OPTIONS, cellOptions: { cuda_graphs: 'off' } }));
    expect(r.verdict, JSON.stringify(r.assertions)).toBe('pass');
    expect(r.metrics).toMatchObject({ score_c1: 1, score_c8: 1, questions: 24, requests: 48 });
    expect(r.requests.every((q) => q.completionTokens === 1 && q.error === null)).toBe(true);
    expect(Object.keys(r.outputs ?? {})).toHaveLength(48);
  });

  it('FULL graphs: right alone, wrong in a batch — accuracy-drop-batched against the eager baseline', async () => {
    const eager = await accuracyProbe.run(context(await emulator(['--enforce-eager']), { model: MODEL, options: OPTIONS, cellOptions: { cuda_graphs: 'off' } }));
    const url = await emulator(['--compilation-config', '{"cudagraph_mode":"FULL"}']);
    const full = cell({ options: { cuda_graphs: 'full' } });
    const r: ProbeResult = await accuracyProbe.run(context(url, { cell: full, model: MODEL, options: OPTIONS, baselineRun: () => ({ flags: 'eager', cudaGraphs: 'off', result: eager }) }));
    expect(r.verdict).toBe('fail');
    expect(r.signature).toBe('accuracy-drop-batched');
    expect(r.metrics.score_c1).toBe(1);
    expect(r.metrics.score_c8).toBeLessThan(0.5);
    expect(r.metrics.baseline_score_c8).toBe(1);
    expect(r.assertions[0]!.message).toMatch(/^wrong at batch 8 with FULL graphs, right in eager \(eager: 100\.0 %\)/);
  });

  it('a fault for another graph mode leaves answers right', async () => {
    const url = await emulator(['--compilation-config', '{"cudagraph_mode":"PIECEWISE"}']);
    const r = await accuracyProbe.run(context(url, { model: MODEL, options: OPTIONS, cellOptions: { cuda_graphs: 'piecewise' } }));
    expect(r.verdict, JSON.stringify(r.assertions)).toBe('pass');
  });

  it('the image probe at concurrency: colours right alone, wrong in a batch under FULL graphs', async () => {
    const image = { concurrency: [1, 4] };
    const eagerUrl = await emulator(['--enforce-eager'], ['text', 'image']);
    const eager = await imageProbe.run(context(eagerUrl, { model: MODEL, modalities: ['text', 'image'], options: image, cellOptions: { cuda_graphs: 'off' } }));
    expect(eager.verdict, JSON.stringify(eager.assertions)).toBe('pass');
    expect(eager.metrics).toMatchObject({ score_c1: 1, score_c4: 1, requests: 4 + 8 });
    const url = await emulator(['--compilation-config', '{"cudagraph_mode":"FULL"}'], ['text', 'image']);
    const full = { ...cell({ options: { cuda_graphs: 'full' }, modalities: ['text', 'image'] }) };
    const r = await imageProbe.run(context(url, { cell: full, model: MODEL, options: image, baselineRun: () => ({ flags: 'eager', cudaGraphs: 'off', result: eager }) }));
    expect(r.signature).toBe('accuracy-drop-batched');
    expect(r.assertions.filter((a) => a.name.startsWith('png-')).every((a) => a.ok)).toBe(true); // alone: right
    expect(r.metrics.score_c4).toBeLessThan(0.5);
    expect(r.assertions.find((a) => a.name === 'batched')!.message).toMatch(/^wrong at batch 4 with FULL graphs, right in eager/);
  });
});
