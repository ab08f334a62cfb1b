import { describe, expect, it } from 'vitest';
import { lpt, packShards, type PackItem } from '../../../harness/plan/pack.ts';

const items = (...seconds: number[]): PackItem[] => seconds.map((s, i) => ({ id: `c${i}`, seconds: s }));
const loads = (p: { shards: Array<{ seconds: number }> }) => p.shards.map((s) => s.seconds);

describe('lpt', () => {
  it('puts the longest items first, each into the least loaded shard', () => {
    // 7, 5, 4, 3, 1 into 2: 7 | 5 → 7 | 9 → 10 | 9 → 10 | 10
    const shards = lpt(items(3, 7, 1, 5, 4), 2);
    expect(shards).toEqual([{ ids: ['c0', 'c1'], seconds: 10 }, { ids: ['c2', 'c3', 'c4'], seconds: 10 }]);
  });

  it('is deterministic when lengths tie (by id)', () => {
    expect(lpt(items(1, 1, 1), 2).map((s) => s.ids)).toEqual([['c0', 'c2'], ['c1']]);
  });
});

describe('packShards', () => {
  it('uses as few shards as fit the budget', () => {
    const p = packShards(items(4, 4, 4, 4, 4), { budgetS: 10 });
    expect(loads(p)).toEqual([8, 8, 4]);
    expect(p.oversize).toEqual([]);
  });

  it('adds shards when the total would fit but the pieces do not', () => {
    // total 18 fits two shards of 10 by sum, but 6+6+6 cannot be cut into two of ≤ 10
    const p = packShards(items(6, 6, 6), { budgetS: 10 });
    expect(loads(p)).toEqual([6, 6, 6]);
  });

  it('keeps at least minShards, never more shards than items', () => {
    expect(packShards(items(1, 1, 1, 1), { budgetS: 100, minShards: 2 }).shards).toHaveLength(2);
    expect(packShards(items(1, 1), { budgetS: 100, minShards: 8 }).shards).toHaveLength(2);
  });

  it('gives an item longer than the budget a shard of its own and reports it', () => {
    const p = packShards(items(30, 2, 2, 2), { budgetS: 10 });
    expect(p.shards).toEqual([{ ids: ['c0'], seconds: 30 }, { ids: ['c1', 'c2', 'c3'], seconds: 6 }]);
    expect(p.oversize).toEqual([{ id: 'c0', seconds: 30 }]);
  });

  it('stops at maxShards even when the budget is not met', () => {
    expect(loads(packShards(items(5, 5, 5, 5), { budgetS: 5, maxShards: 2 }))).toEqual([10, 10]);
  });

  it('packs nothing into nothing', () => {
    expect(packShards([], { budgetS: 10 })).toEqual({ shards: [], oversize: [] });
  });
});
