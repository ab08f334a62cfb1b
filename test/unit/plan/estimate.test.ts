import { describe, expect, it } from 'vitest';
import { DEFAULT_CELL_S, estimateCells, formatSeconds, HISTORY_RUNS, type DurationSample } from '../../../harness/plan/estimate.ts';
import { median } from '../../../harness/core/stats.ts';

const cell = (id: string, skip: string | null = null) => {
  const [image, gpu, model] = id.split('/') as [string, string, string];
  return { id, skip, image: { id: image }, gpu: { name: gpu }, model: { id: model } };
};
let day = 0;
const sample = (cellId: string, seconds: number): DurationSample => {
  const [image, gpu, model] = cellId.split('/') as [string, string, string];
  return { cellId, image, gpu, model, seconds, startedAt: new Date(Date.UTC(2026, 0, 1 + day++)).toISOString() };
};

describe('estimateCells', () => {
  it("takes the median of the cell's newest runs", () => {
    const id = 'v19/h100/qwen/default';
    // oldest first: 900 s twice long ago, then five runs around 300 s
    const samples = [900, 900, 310, 290, 300, 280, 320].map((s) => sample(id, s));
    const e = estimateCells([cell(id)], samples).get(id)!;
    expect(e).toEqual({ seconds: 300, source: 'cell', runs: HISTORY_RUNS, basis: 'from 5 runs' });
    expect(estimateCells([cell(id)], samples.slice(0, 2)).get(id)!.basis).toBe('from 2 runs');
    expect(estimateCells([cell(id)], samples, { runs: 7 }).get(id)!.seconds).toBe(310);
  });

  it('falls back to the same image and model on other GPUs, then the same model, then the default', () => {
    const samples = [sample('v19/a100/qwen/default', 200), sample('v19/a100/qwen/tp2', 400), sample('v18/h100/llama/default', 50), sample('v18/thor/llama/default', 70)];
    const est = estimateCells([cell('v19/h100/qwen/default'), cell('v19/h100/llama/default'), cell('v19/h100/gemma/default')], samples);
    expect(est.get('v19/h100/qwen/default')).toEqual({ seconds: 300, source: 'image-model', runs: 2, basis: 'from 2 runs of v19 + qwen on other GPUs' });
    expect(est.get('v19/h100/llama/default')).toEqual({ seconds: 60, source: 'model', runs: 2, basis: 'from 2 runs of llama' });
    expect(est.get('v19/h100/gemma/default')).toEqual({ seconds: DEFAULT_CELL_S, source: 'default', runs: 0, basis: 'default: no history' });
  });

  it("does not borrow from the same GPU's other flags before the cell's own runs", () => {
    const samples = [sample('v19/h100/qwen/tp2', 900), sample('v19/h100/qwen/default', 100)];
    expect(estimateCells([cell('v19/h100/qwen/default')], samples).get('v19/h100/qwen/default')!.seconds).toBe(100);
    // a sibling on the same GPU is not "another GPU": the model fallback takes it
    expect(estimateCells([cell('v19/h100/qwen/mtp')], samples.slice(0, 1)).get('v19/h100/qwen/mtp')!.source).toBe('model');
  });

  it('gives a skipped cell no time, and takes a default of its own when asked', () => {
    const est = estimateCells([cell('a/h100/m/x', 'no backend'), cell('a/h100/m/y')], [], { defaultS: 60 });
    expect(est.get('a/h100/m/x')).toEqual({ seconds: 0, source: 'skip', runs: 0, basis: 'skipped' });
    expect(est.get('a/h100/m/y')!.seconds).toBe(60);
  });

  it('median and formatSeconds', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(formatSeconds(4530)).toBe('1h15m30s');
    expect(formatSeconds(42.4)).toBe('42s');
    expect(formatSeconds(0)).toBe('0s');
    expect(formatSeconds(7200)).toBe('2h');
  });
});
