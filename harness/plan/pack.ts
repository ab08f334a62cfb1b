// Cutting one GPU's cells into shards that each fit a time budget (GitHub stops a job at 6 h):
// longest processing time first (LPT) — cells from the longest down, each into the shard with the
// least estimated time so far — with as few shards as fit. LPT's makespan is within 4/3 of the best
// possible for a given count (Graham 1969); the count grows until every shard fits, except a cell
// longer than the budget on its own, which gets a shard of its own. Pure.

export interface PackItem {
  id: string;
  seconds: number;
}

export interface PackedShard {
  /** Cell ids, sorted. */
  ids: string[];
  seconds: number;
}

export interface Packing {
  shards: PackedShard[];
  /** Items longer than the budget alone (each in a shard of its own). */
  oversize: PackItem[];
}

/** LPT into exactly `n` shards (1 ≤ n). Ties go to the lower shard; items by length, then id. */
export function lpt(items: readonly PackItem[], n: number): PackedShard[] {
  const shards = Array.from({ length: n }, () => ({ ids: [] as string[], seconds: 0 }));
  const order = [...items].sort((a, b) => b.seconds - a.seconds || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const it of order) {
    let best = shards[0]!;
    for (const s of shards) if (s.seconds < best.seconds) best = s;
    best.ids.push(it.id);
    best.seconds += it.seconds;
  }
  for (const s of shards) s.ids.sort();
  return shards;
}

/**
 * The fewest shards (at least `minShards`, at most one per item) whose estimated times each fit
 * `budgetS`, a shard holding one cell longer than the budget excepted. `maxShards` caps the count
 * (GitHub's job limit): the shards may then exceed the budget.
 */
export function packShards(items: readonly PackItem[], opts: { budgetS: number; minShards?: number; maxShards?: number }): Packing {
  const oversize = items.filter((i) => i.seconds > opts.budgetS);
  if (items.length === 0) return { shards: [], oversize };
  // the least that can fit: a shard per oversize item, and the rest's total over the budget
  const rest = items.reduce((a, i) => a + (i.seconds > opts.budgetS ? 0 : i.seconds), 0);
  const most = Math.max(1, Math.min(items.length, opts.maxShards ?? items.length));
  let n = Math.min(most, Math.max(opts.minShards ?? 1, oversize.length + Math.ceil(rest / opts.budgetS), 1));
  for (;;) {
    const shards = lpt(items, n);
    const fits = shards.every((s) => s.seconds <= opts.budgetS || s.ids.length === 1);
    if (fits || n >= most) return { shards, oversize };
    n++;
  }
}
