import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { command as plan } from '../../../harness/cli/plan.ts';
import { planCells } from '../../../harness/plan/plan-files.ts';
import { UsageError } from '../../../harness/errors.ts';
import { defaultLabels, fanout, fitShards, GITHUB_MATRIX_LIMIT, mergeRunners } from '../../../harness/plan/fanout.ts';
import { loadMatrices } from '../../../harness/matrix/load.ts';
import { parseShard, selectCells } from '../../../harness/plan/select.ts';

const root = join(import.meta.dirname, '../../..');
const nightly = join(root, 'matrix/nightly.yaml');
const seeds = join(root, 'matrix/seeds.yaml');

const cell = (gpu: string, i: number) => ({ id: `img/${gpu}/m${String(i).padStart(4, '0')}/default`, gpu: { name: gpu } });
const cellsOn = (gpu: string, n: number) => Array.from({ length: n }, (_, i) => cell(gpu, i));

describe('fanout', () => {
  it('gives one job per GPU with the default labels when no runners are configured', () => {
    const f = fanout([...cellsOn('thor', 3), ...cellsOn('h100', 2)], {});
    expect(f.include).toEqual([
      { gpu: 'thor', shard: '1/1', labels: ['self-hosted', 'linux', 'gpu-thor'], cells: 3 },
      { gpu: 'h100', shard: '1/1', labels: ['self-hosted', 'linux', 'gpu-h100'], cells: 2 },
    ]);
    expect(f.notes).toEqual([]);
    expect(defaultLabels('rtx-pro-6000')).toEqual(['self-hosted', 'linux', 'gpu-rtx-pro-6000']);
  });

  it('takes labels and shard counts per GPU from runners:, and an empty label list means the default', () => {
    const f = fanout([...cellsOn('thor', 5), ...cellsOn('h100', 4)], { thor: { labels: ['self-hosted', 'jetson'], shards: 2 }, h100: { labels: [], shards: 3 } });
    expect(f.include.map((j) => [j.gpu, j.shard, j.labels.join(','), j.cells])).toEqual([
      ['thor', '1/2', 'self-hosted,jetson', 3],
      ['thor', '2/2', 'self-hosted,jetson', 2],
      ['h100', '1/3', 'self-hosted,linux,gpu-h100', 2],
      ['h100', '2/3', 'self-hosted,linux,gpu-h100', 1],
      ['h100', '3/3', 'self-hosted,linux,gpu-h100', 1],
    ]);
  });

  it('never makes more shards than a GPU has cells, and leaves out GPUs without cells', () => {
    const f = fanout(cellsOn('thor', 2), { thor: { labels: [], shards: 8 }, h100: { labels: [], shards: 2 } });
    expect(f.include.map((j) => `${j.gpu} ${j.shard} ${j.cells}`)).toEqual(['thor 1/2 1', 'thor 2/2 1']);
  });

  it('reduces shards proportionally to stay within the 256-job limit, and says so', () => {
    const cells = [...cellsOn('thor', 1000), ...cellsOn('h100', 1000), ...cellsOn('b200', 3)];
    const f = fanout(cells, { thor: { labels: [], shards: 300 }, h100: { labels: [], shards: 100 }, b200: { labels: [], shards: 1 } });
    expect(f.include).toHaveLength(GITHUB_MATRIX_LIMIT - 1);
    const per = (gpu: string) => f.include.filter((j) => j.gpu === gpu).length;
    expect([per('thor'), per('h100'), per('b200')]).toEqual([191, 63, 1]);
    expect(f.notes).toHaveLength(1);
    expect(f.notes[0]).toMatch(/needs 401 jobs, more than GitHub's limit of 256 per matrix: shards reduced \(thor 300→191, h100 100→63\), 255 jobs/);
    // every cell still runs exactly once
    expect(f.include.reduce((n, j) => n + j.cells, 0)).toBe(cells.length);
  });

  it('fitShards keeps one shard per GPU and takes from the largest when rounding is not enough', () => {
    expect(fitShards(new Map([['a', 300], ['b', 1], ['c', 1]]), 4)).toEqual(new Map([['a', 2], ['b', 1], ['c', 1]]));
    expect(fitShards(new Map([['a', 2], ['b', 2]]), 10)).toEqual(new Map([['a', 2], ['b', 2]]));
  });

  it('refuses when even one job per GPU exceeds the limit, and an empty fan-out', () => {
    const cells = Array.from({ length: 5 }, (_, i) => cell(`gpu${i}`, 0));
    expect(() => fanout(cells, {}, 4)).toThrow(UsageError);
    expect(() => fanout(cells, {}, 4)).toThrow(/5 GPUs need at least 5 jobs, more than GitHub's limit of 4 jobs per matrix/);
    expect(() => fanout([], {})).toThrow(/no cells to fan out/);
  });

  it('mergeRunners: first labels set win, the largest shard count wins', () => {
    const merged = mergeRunners([
      { runners: { thor: { labels: [], shards: 2 } } },
      { runners: { thor: { labels: ['a'], shards: 1 }, h100: { labels: ['b'], shards: 3 } } },
      { runners: { thor: { labels: ['c'], shards: 1 } } },
    ]);
    expect(merged).toEqual({ thor: { labels: ['a'], shards: 2 }, h100: { labels: ['b'], shards: 3 } });
  });
});

describe('the fan-out of the committed nightly matrix', () => {
  it('selects, job by job, exactly the cells `matrix run --gpu G --shard I/N` runs, each once', () => {
    const cells = planCells([nightly]);
    const f = fanout(cells, mergeRunners(loadMatrices([nightly])));
    const seen: string[] = [];
    for (const job of f.include) {
      const picked = selectCells(cells, { gpu: [job.gpu], shard: parseShard(job.shard) });
      expect(picked.length).toBe(job.cells);
      seen.push(...picked.map((c) => c.id));
    }
    expect(seen.sort()).toEqual(cells.map((c) => c.id).sort());
  });
});

describe('matrix plan --github', () => {
  afterEach(() => vi.restoreAllMocks());

  async function runPlan(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    const gpu = args.includes('--gpu') ? [args[args.indexOf('--gpu') + 1]!] : undefined;
    const code = await plan.run({ positionals: [seeds], values: { github: true, gpu } as never });
    vi.restoreAllMocks();
    return { code, out, err };
  }

  it('prints one line of JSON usable as strategy.matrix', async () => {
    const { code, out, err } = await runPlan([]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    const doc = JSON.parse(out) as { include: Array<{ gpu: string; shard: string; labels: string[]; cells: number }> };
    expect(Object.keys(doc)).toEqual(['include']);
    expect(doc.include.map((j) => j.gpu).sort()).toEqual(['h100', 'rtx-pro-6000', 'thor']);
    expect(doc.include.reduce((n, j) => n + j.cells, 0)).toBe(planCells([seeds]).length);
  });

  it('honours --gpu (aliases too) and refuses --shard with --github', async () => {
    const { out } = await runPlan(['--gpu', 'jetson-thor']);
    expect(JSON.parse(out)).toEqual({ include: [{ gpu: 'thor', shard: '1/1', labels: ['self-hosted', 'linux', 'gpu-thor'], cells: 2 }] });
    await expect(plan.run({ positionals: [seeds], values: { github: true, shard: '1/2' } as never })).rejects.toThrow(/do not combine with --github/);
  });
});
