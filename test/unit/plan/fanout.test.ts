import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { command as plan } from '../../../harness/cli/plan.ts';
import { parseJobBudget } from '../../../harness/cli/plan-history.ts';
import { planCells } from '../../../harness/plan/plan-files.ts';
import { UsageError } from '../../../harness/errors.ts';
import { DEFAULT_JOB_BUDGET_S, defaultLabels, fanout, fitShards, GITHUB_MATRIX_LIMIT, mergeRunners } from '../../../harness/plan/fanout.ts';
import { DEFAULT_CELL_S } from '../../../harness/plan/estimate.ts';
import { loadMatrices } from '../../../harness/matrix/load.ts';
import { selectCells } from '../../../harness/plan/select.ts';

const root = join(import.meta.dirname, '../../..');
const nightly = join(root, 'matrix/nightly.yaml');
const seeds = join(root, 'matrix/seeds.yaml');

const cell = (gpu: string, i: number) => ({ id: `img/${gpu}/m${String(i).padStart(4, '0')}/default`, gpu: { name: gpu } });
const cellsOn = (gpu: string, n: number) => Array.from({ length: n }, (_, i) => cell(gpu, i));

describe('fanout', () => {
  it('gives one job per GPU with the default labels when no runners are configured', () => {
    const f = fanout([...cellsOn('thor', 3), ...cellsOn('h100', 2)], {});
    expect(f.include).toEqual([
      { gpu: 'thor', shard: '1/1', labels: ['self-hosted', 'linux', 'gpu-thor'], cells: 3, estimate_s: 3 * DEFAULT_CELL_S, estimate: '45m', only: 'img/thor/m0000/default,img/thor/m0001/default,img/thor/m0002/default' },
      { gpu: 'h100', shard: '1/1', labels: ['self-hosted', 'linux', 'gpu-h100'], cells: 2, estimate_s: 2 * DEFAULT_CELL_S, estimate: '30m', only: 'img/h100/m0000/default,img/h100/m0001/default' },
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
    expect(() => fanout(cells, {}, { limit: 4 })).toThrow(UsageError);
    expect(() => fanout(cells, {}, { limit: 4 })).toThrow(/5 GPUs need at least 5 jobs, more than GitHub's limit of 4 jobs per matrix/);
    expect(() => fanout([], {})).toThrow(/no cells to fan out/);
  });

  it('cuts a GPU into as many shards as its estimated time needs to fit the job budget, longest cells first', () => {
    const cells = cellsOn('h100', 6);
    const hours = [3, 2, 2, 1, 1, 1]; // 10 h: two 5 h jobs at least
    const estimates = new Map(cells.map((c, i) => [c.id, hours[i]! * 3600] as const));
    const f = fanout(cells, {}, { estimates });
    expect(f.include.map((j) => [j.shard, j.estimate_s / 3600, j.cells])).toEqual([['1/2', 5, 3], ['2/2', 5, 3]]);
    // LPT: 3 h + 1 h + 1 h in one, 2 h + 2 h + 1 h in the other
    expect(f.include[0]!.only.split(',')).toEqual([cells[0]!.id, cells[3]!.id, cells[4]!.id]);
    expect(f.notes).toEqual([]);
    const tight = fanout(cells, {}, { estimates, budgetS: 3 * 3600 });
    expect(tight.include.every((j) => j.estimate_s <= 3 * 3600)).toBe(true);
    expect(tight.include).toHaveLength(4);
    expect(DEFAULT_JOB_BUDGET_S).toBe(5 * 3600);
  });

  it('gives a cell longer than the budget a shard of its own, with a warning, and never mixes GPUs', () => {
    const cells = [...cellsOn('h100', 3), ...cellsOn('thor', 2)];
    const estimates = new Map<string, number>(cells.map((c) => [c.id, 3600]));
    estimates.set(cells[1]!.id, 7 * 3600);
    const f = fanout(cells, {}, { estimates });
    expect(f.include.map((j) => `${j.gpu} ${j.shard} ${j.only.split(',').length} ${j.estimate}`)).toEqual(['h100 1/2 1 7h', 'h100 2/2 2 2h', 'thor 1/1 2 2h']);
    for (const j of f.include) expect(j.only.split(',').every((id) => id.split('/')[1] === j.gpu)).toBe(true);
    expect(f.notes).toEqual([`warning: ${cells[1]!.id} alone is estimated at 7h, over the job budget of 5h: it gets a shard of its own`]);
  });

  it('counts a skipped cell as no time', () => {
    const cells = [...cellsOn('h100', 2)].map((c, i) => ({ ...c, skip: i === 0 ? 'no backend' : null }));
    expect(fanout(cells, {}, { estimates: new Map([[cells[1]!.id, 60]]) }).include[0]!.estimate_s).toBe(60);
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
  it('selects, job by job, exactly the cells `matrix run --gpu G --only ONLY` runs, each once', () => {
    const cells = planCells([nightly]);
    const f = fanout(cells, mergeRunners(loadMatrices([nightly])));
    const seen: string[] = [];
    for (const job of f.include) {
      const picked = selectCells(cells, { gpu: [job.gpu], only: [job.only] });
      expect(picked.length).toBe(job.cells);
      seen.push(...picked.map((c) => c.id));
    }
    expect(seen.sort()).toEqual(cells.map((c) => c.id).sort());
  });
});

describe('matrix plan --github', () => {
  afterEach(() => vi.restoreAllMocks());
  const noDb = join(root, 'test/fixtures/no-such-history.sqlite');

  async function runPlan(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    const gpu = args.includes('--gpu') ? [args[args.indexOf('--gpu') + 1]!] : undefined;
    const code = await plan.run({ positionals: [seeds], values: { github: true, gpu, db: noDb } as never });
    vi.restoreAllMocks();
    return { code, out, err };
  }

  it('prints one line of JSON usable as strategy.matrix', async () => {
    const { code, out, err } = await runPlan([]);
    expect(code).toBe(0);
    expect(err).toBe(`matrix plan: no results database at ${noDb}: every cell is estimated at the default 15m (give --db the history of earlier runs)\n`);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    const doc = JSON.parse(out) as { include: Array<{ gpu: string; shard: string; labels: string[]; cells: number }> };
    expect(Object.keys(doc)).toEqual(['include']);
    expect(doc.include.map((j) => j.gpu).sort()).toEqual(['h100', 'rtx-pro-6000', 'thor']);
    expect(doc.include.reduce((n, j) => n + j.cells, 0)).toBe(planCells([seeds]).length);
  });

  it('honours --gpu (aliases too) and refuses --shard with --github', async () => {
    const { out } = await runPlan(['--gpu', 'jetson-thor']);
    const thor = planCells([seeds]).filter((c) => c.gpu.name === 'thor').map((c) => c.id).sort();
    expect(JSON.parse(out)).toEqual({ include: [{ gpu: 'thor', shard: '1/1', labels: ['self-hosted', 'linux', 'gpu-thor'], cells: 2, estimate_s: 2 * DEFAULT_CELL_S, estimate: '30m', only: thor.join(',') }] });
    await expect(plan.run({ positionals: [seeds], values: { github: true, shard: '1/2' } as never })).rejects.toThrow(/do not combine with --github/);
  });

  it('--job-budget goes with --github, and is a duration of at most 6h', async () => {
    await expect(plan.run({ positionals: [seeds], values: { 'job-budget': 3600, db: noDb } as never })).rejects.toThrow(/--job-budget goes with --github/);
    expect(parseJobBudget('4h30m', 'job-budget')).toBe(4.5 * 3600);
    expect(() => parseJobBudget('7h', 'job-budget')).toThrow(/--job-budget: 7h is out of range/);
    expect(() => parseJobBudget('five hours', 'job-budget')).toThrow(/is not a duration/);
  });
});
