// The accuracy probe's pure parts: the generated questions, answer checking, the judgement per
// concurrency against a floor and a baseline, the user's dataset, and which cell is the baseline.
import { describe, expect, it } from 'vitest';
import { CONVERSIONS, generateQuestions } from '../../../harness/probes/accuracy-questions.ts';
import { parseDataset } from '../../../harness/probes/accuracy-dataset.ts';
import { DROP_BATCHED, isRightAnswer, judgeAccuracy } from '../../../harness/probes/accuracy-score.ts';
import { baselineCellsOf, pickBaseline, type BaselineRun } from '../../../harness/probes/baseline.ts';
import type { Cell, SemanticOptions } from '../../../harness/core/cell.ts';
import { cell } from './context.ts';

/** Recompute a generated question's answer from its text alone. */
function recompute(prompt: string): number {
  const letter = /letter "(.)" appear in "([^"]+)"/.exec(prompt);
  if (letter) return [...letter[2]!].filter((c) => c === letter[1]).length;
  const list = /in this list: ([^?]+)\?/.exec(prompt);
  if (list) return list[1]!.split(', ').length;
  const conv = /^Convert (\d+) (\w+) to (\w+)\./.exec(prompt);
  if (conv) return Number(conv[1]) * CONVERSIONS.find(([f, t]) => f === conv[2] && t === conv[3])![2];
  const start = /has (\d+) \w+ with (\d+) \w+ in each/.exec(prompt)!;
  let total = Number(start[1]) * Number(start[2]);
  for (const m of prompt.matchAll(/(gives away|sells|loses|buys|finds|receives) (\d+)/g)) total += (/buys|finds|receives/.test(m[1]!) ? 1 : -1) * Number(m[2]);
  return total;
}

describe('generated questions', () => {
  it('gives 200 distinct questions, the same for the same seed and others for another', () => {
    const a = generateQuestions(200, 1);
    expect(a).toHaveLength(200);
    expect(new Set(a.map((q) => q.prompt)).size).toBe(200);
    expect(generateQuestions(200, 1)).toEqual(a);
    const b = generateQuestions(200, 2);
    expect(b.filter((q, i) => q.prompt === a[i]!.prompt).length).toBeLessThan(10);
  });

  it('answers every question with the number its text implies, all four families present', () => {
    const qs = generateQuestions(400, 7);
    for (const q of qs) expect(Number(q.answer), q.prompt).toBe(recompute(q.prompt));
    expect(qs.some((q) => q.prompt.includes('Later'))).toBe(true); // three-step word problems
    for (const family of ['has ', 'letter', 'list:', 'Convert']) expect(qs.filter((q) => q.prompt.includes(family)).length).toBeGreaterThan(80);
    expect(qs.every((q) => Number(q.answer) >= 0)).toBe(true);
  });
});

describe('isRightAnswer', () => {
  it('checks numbers as whole numbers after a think block, words as words', () => {
    expect(isRightAnswer('<think>7 or 8?</think> The answer is 42.', '42')).toBe(true);
    expect(isRightAnswer('420', '42')).toBe(false);
    expect(isRightAnswer('It is Paris.', 'paris')).toBe(true);
    expect(isRightAnswer('Parisian', 'Paris')).toBe(false);
    expect(isRightAnswer('the New York Times', 'new york')).toBe(true);
  });
});

describe('judgeAccuracy', () => {
  const scores = (...xs: Array<[number, number]>) => xs.map(([concurrency, correct]) => ({ concurrency, correct, total: 100 }));
  const eager = { flags: 'eager', cudaGraphs: 'off' as const, scores: new Map([[1, 0.95], [8, 0.95], [32, 0.94]]) };

  it('passes when every concurrency is above the floor and near the baseline', () => {
    const j = judgeAccuracy(scores([1, 95], [8, 93], [32, 94]), { floor: 0.8, tolerance: 0.05, graphs: 'full', baseline: eager });
    expect(j.assertions.every((a) => a.ok)).toBe(true);
    expect(j.signature).toBeNull();
  });

  it('names a drop that appears only when batched, and where it begins', () => {
    const j = judgeAccuracy(scores([1, 95], [8, 94], [32, 3]), { floor: 0.8, tolerance: 0.05, graphs: 'full', baseline: eager });
    expect(j.signature).toBe(DROP_BATCHED);
    expect(j.dropped).toEqual([32]);
    expect(j.assertions.find((a) => a.name === 'batched')!.message).toMatch(/^wrong at batch 32 with FULL graphs, right in eager \(eager: 94\.0 %\)/);
  });

  it('a drop against the baseline alone counts, though above the floor', () => {
    const j = judgeAccuracy(scores([1, 95], [8, 85], [32, 95]), { floor: 0.8, tolerance: 0.05, graphs: 'piecewise', baseline: eager });
    expect(j.dropped).toEqual([8]);
    expect(j.signature).toBe(DROP_BATCHED);
  });

  it('wrong at every concurrency is no batching problem: the probe keeps its own signature', () => {
    const j = judgeAccuracy(scores([1, 10], [8, 10]), { floor: 0.8, tolerance: 0.05, graphs: null, baseline: null });
    expect(j.signature).toBeNull();
    expect(j.assertions.filter((a) => !a.ok).map((a) => a.name)).toEqual(['floor-c1', 'floor-c8']);
  });
});

describe('parseDataset', () => {
  it('reads {prompt, answer} lines, numbers as strings, blank lines skipped', () => {
    expect(parseDataset('{"prompt":"2+2?","answer":4}\n\n{"prompt":"Capital of France?","answer":"Paris"}\n', 'd.jsonl')).toEqual([
      { prompt: '2+2?', answer: '4' },
      { prompt: 'Capital of France?', answer: 'Paris' },
    ]);
  });
  it('names the line that is wrong', () => {
    expect(() => parseDataset('{"prompt":"a","answer":"b"}\n{"prompt":"a"}', 'd.jsonl')).toThrow(/^d\.jsonl:2: expected/);
    expect(() => parseDataset('{"prompt":', 'd.jsonl')).toThrow(/^d\.jsonl:1: not JSON/);
    expect(() => parseDataset('\n', 'd.jsonl')).toThrow(/no questions/);
  });
});

describe('baseline cells', () => {
  const at = (flags: string, options: SemanticOptions, probes = ['accuracy'], probeOptions?: Cell['probeOptions']): Cell => {
    const c = cell({ options });
    return { ...c, id: `img/h100/qwen/${flags}`, flags: { id: flags, options, args: {} }, probes, ...(probeOptions ? { probeOptions } : {}) };
  };
  const eager = at('eager', { cuda_graphs: 'off' });
  const full = at('full', { cuda_graphs: 'full' });
  const mtp = at('mtp', { speculative: { method: 'mtp', tokens: 2 } }, ['text', 'mtp']);

  it('by default the cell with CUDA graphs off; a named flag set when the options say so', () => {
    expect(baselineCellsOf(full, [eager, full, mtp])).toEqual([eager.id]);
    expect(baselineCellsOf(eager, [eager, full, mtp])).toEqual([]);
    const named = at('full', { cuda_graphs: 'full' }, ['accuracy'], { accuracy: { baseline: 'piecewise' } });
    const piecewise = at('piecewise', { cuda_graphs: 'piecewise' });
    expect(baselineCellsOf(named, [eager, named, piecewise])).toEqual([piecewise.id]);
  });

  it('a speculative cell waits for the cells without speculation, never for one that waits for it', () => {
    expect(baselineCellsOf(mtp, [eager, full, mtp]).sort()).toEqual([eager.id, full.id].sort());
    const namesMtp = at('full', { cuda_graphs: 'full' }, ['accuracy'], { accuracy: { baseline: 'mtp' } });
    const mtpWithAccuracy = { ...mtp, probes: ['accuracy'] };
    expect(baselineCellsOf(namesMtp, [namesMtp, mtpWithAccuracy])).toEqual([mtp.id]);
    expect(baselineCellsOf(mtpWithAccuracy, [namesMtp, mtpWithAccuracy])).toEqual([]);
  });

  it('picks the recorded run of the baseline flag set; a baseline itself has none', () => {
    const run = (flags: string, cudaGraphs: 'off' | 'full'): BaselineRun => ({ flags, cudaGraphs, result: { name: 'accuracy', verdict: 'pass', assertions: [], metrics: {}, requests: [], evidence: [], error: null } });
    const runs = [run('full', 'full'), run('eager', 'off')];
    expect(pickBaseline(full, undefined, runs)?.flags).toBe('eager');
    expect(pickBaseline(eager, undefined, runs)).toBeNull();
    expect(pickBaseline(eager, { baseline: 'full' }, runs)?.flags).toBe('full');
  });
});
