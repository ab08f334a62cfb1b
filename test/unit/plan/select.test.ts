import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../harness/errors.ts';
import { globToRegExp, onGpus, parseShard, resolveGpus, selectCells, shardOf } from '../../../harness/plan/select.ts';

const cell = (id: string) => ({ id, gpu: { name: id.split('/')[1]! } });
const cells = ['vllm/thor/qwen/default', 'vllm/h100/qwen/mtp2', 'sglang/thor/qwen/triton', 'vllm/rtx-pro-6000/vl/default', 'sglang/h100/vl/default'].map(cell);

describe('--gpu', () => {
  it('accepts names and aliases, comma-separated or repeated', () => {
    expect(resolveGpus(['jetson-thor,H100-SXM', 'sm_120'])).toEqual(['thor', 'h100', 'rtx-pro-6000']);
    expect(selectCells(cells, { gpu: ['agx-thor'] }).map((c) => c.id)).toEqual(['vllm/thor/qwen/default', 'sglang/thor/qwen/triton']);
  });

  it('rejects an unknown GPU with the closest names', () => {
    expect(() => resolveGpus(['thorr'])).toThrow(UsageError);
    const err = (() => {
      try {
        resolveGpus(['h10']);
      } catch (e) {
        return e as UsageError;
      }
    })();
    expect(err).toBeInstanceOf(UsageError);
    expect(err!.message).toBe('--gpu: unknown GPU "h10"');
    expect(err!.hint).toMatch(/did you mean .*"h100"/);
  });
});

describe('--only', () => {
  it('matches * and ? within one segment and ** across segments', () => {
    expect(globToRegExp('vllm/*/qwen/*').test('vllm/thor/qwen/default')).toBe(true);
    expect(globToRegExp('vllm/*').test('vllm/thor/qwen/default')).toBe(false);
    expect(globToRegExp('vllm/**').test('vllm/thor/qwen/default')).toBe(true);
    expect(globToRegExp('**/mtp2').test('vllm/h100/qwen/mtp2')).toBe(true);
    expect(globToRegExp('**/mtp2').test('vllm/h100/qwen/xmtp2')).toBe(false);
    expect(globToRegExp('*/h10?/**').test('vllm/h100/qwen/mtp2')).toBe(true);
    expect(globToRegExp('vllm-0.1?/**').test('vllm-0x1/a')).toBe(false);
  });

  it('keeps cells matching any of several globs', () => {
    expect(selectCells(cells, { only: ['sglang/**,**/mtp2'] }).map((c) => c.id)).toEqual(['vllm/h100/qwen/mtp2', 'sglang/thor/qwen/triton', 'sglang/h100/vl/default']);
    expect(selectCells(cells, { only: ['*/thor/**'], gpu: ['h100'] })).toEqual([]);
  });
});

describe('--shard', () => {
  it('parses I/N and rejects what is out of range', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, total: 5 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '2', '-1/2']) expect(() => parseShard(bad)).toThrow(UsageError);
  });

  it('partitions any selection into N deterministic parts whose sizes differ by at most one', () => {
    for (const count of [0, 1, 2, 5, 7, 10, 23, 64]) {
      // ids in a scrambled order, so the sort inside shardOf matters
      const pool = Array.from({ length: count }, (_, i) => cell(`img${(i * 7919) % 101}/h100/m${i}/f`));
      for (let n = 1; n <= 7; n++) {
        const parts = Array.from({ length: n }, (_, i) => shardOf(pool, { index: i + 1, total: n }).map((c) => c.id));
        const union = parts.flat();
        expect(new Set(union).size).toBe(union.length); // disjoint
        expect([...union].sort()).toEqual(pool.map((c) => c.id).sort()); // exactly the selection
        const sizes = parts.map((p) => p.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        const again = Array.from({ length: n }, (_, i) => shardOf([...pool].reverse(), { index: i + 1, total: n }).map((c) => c.id));
        expect(again).toEqual(parts); // deterministic, whatever the input order
      }
    }
  });

  it('applies after --gpu and --only', () => {
    const thor = selectCells(cells, { gpu: ['thor'], shard: { index: 2, total: 2 } });
    expect(thor.map((c) => c.id)).toEqual(['vllm/thor/qwen/default']);
  });
});

describe('onGpus (a runner without --gpu)', () => {
  it('keeps the cells of the given GPUs and counts the left-out ones per GPU', () => {
    const { kept, leftOut } = onGpus(cells, ['h100']);
    expect(kept.map((c) => c.id)).toEqual(['vllm/h100/qwen/mtp2', 'sglang/h100/vl/default']);
    expect([...leftOut]).toEqual([['thor', 2], ['rtx-pro-6000', 1]]);
  });
});
