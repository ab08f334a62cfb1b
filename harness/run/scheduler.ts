// Dispatches cells onto GPU slots. A cell holds `gpus` slots for its whole life (leases that
// hold across processes). Rules:
//  - a runnable cell never waits while enough slots are free (first fit over the ordered list);
//  - cells of one image run close together (grouped in order of first appearance, bigger cells
//    first inside a group so they are not starved by backfilling);
//  - each image is prepared (pulled) at most once, one pull at a time, in group order, so the
//    next image downloads while the current one's cells run; a cell is only dispatched once its
//    image is ready, so no GPU is held during a pull;
//  - each model is prepared (downloaded into the cache) at most once, one download at a time, in
//    order of first use, beside the image pulls; a cell waits for its image and its model;
//  - no error is swallowed: a `run` that throws hands its cell to `crashed` (the cell still gets a
//    verdict), and an error of a callback itself is thrown once every cell has ended.
import PQueue from 'p-queue';
import type { LeaseDirectory } from './leases.ts';
import { settle } from './settle.ts';

export interface SchedulableCell {
  id: string;
  gpus: number;
  imageKey: string;
  /** The model the cell needs prepared first (absent: nothing to prepare). */
  modelKey?: string | null;
  /** Lower ranks go first inside an image group (e.g. baselines before speculative cells). */
  rank?: number;
  /** Ids of cells that must end before this one starts (its baselines); ids not in the run are ignored. */
  after?: readonly string[];
}

export interface ScheduleOptions<T extends SchedulableCell> {
  slots: string[];
  leases: LeaseDirectory;
  owner: { pid: number; run: string };
  prepareImage(imageKey: string): Promise<void>;
  prepareModel?(modelKey: string): Promise<void>;
  run(cell: T, slots: string[]): Promise<void>;
  /** A cell that can never run here (needs more GPUs than the runner has, or its image failed). */
  unschedulable(cell: T, reason: string, error?: unknown): Promise<void> | void;
  /** `run` threw instead of giving the cell its verdict: give it one from the error. */
  crashed(cell: T, error: unknown): Promise<void> | void;
  signal?: AbortSignal;
  /** How often to retry when another process holds the free slots. */
  pollMs?: number;
}

type PrepState = 'pending' | 'ready' | { error: unknown };

export function orderCells<T extends SchedulableCell>(cells: T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const c of cells) {
    const g = groups.get(c.imageKey) ?? [];
    g.push(c);
    groups.set(c.imageKey, g);
  }
  return [...groups.values()].flatMap((g) => [...g].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || b.gpus - a.gpus || a.id.localeCompare(b.id)));
}

export async function schedule<T extends SchedulableCell>(cells: T[], opts: ScheduleOptions<T>): Promise<void> {
  /** The first error a callback threw: thrown at the end, after every other cell has ended. */
  let lost: { error: unknown } | null = null;
  const guarded = async (fn: () => Promise<void> | void) => {
    try {
      await fn();
    } catch (error) {
      lost ??= { error };
    }
  };
  const pending: T[] = [];
  for (const c of orderCells(cells)) {
    if (c.gpus > opts.slots.length) {
      await guarded(() => opts.unschedulable(c, `needs ${c.gpus} GPUs; this runner has ${opts.slots.length}`));
    } else pending.push(c);
  }
  const free = new Set(opts.slots);
  const running = new Set<Promise<void>>();
  /** Cells that have not ended yet: a cell whose `after` names one of them waits. */
  const unended = new Set(pending.map((c) => c.id));

  // Image and model preparation: each one at a time, in order of first use, side by side.
  const pulls = new PQueue({ concurrency: 1 });
  const downloads = new PQueue({ concurrency: 1 });
  const imageState = new Map<string, PrepState>();
  const modelState = new Map<string, PrepState>();
  // A wake-up that is never lost: an event that fires while the loop is busy is remembered.
  let resolver: (() => void) | null = null;
  let missed = false;
  const wake = () => {
    if (resolver) {
      const r = resolver;
      resolver = null;
      r();
    } else missed = true;
  };
  const woken = (): Promise<void> => {
    if (missed) {
      missed = false;
      return Promise.resolve();
    }
    return new Promise<void>((r) => (resolver = r));
  };
  const prepare = (queue: PQueue, state: Map<string, PrepState>, keys: Iterable<string>, fn: (key: string) => Promise<void>) => {
    for (const key of new Set(keys)) {
      state.set(key, 'pending');
      void queue.add(async () => {
        if (opts.signal?.aborted) return;
        try {
          await fn(key);
          state.set(key, 'ready');
        } catch (error) {
          state.set(key, { error });
        }
        wake();
      });
    }
  };
  prepare(pulls, imageState, pending.map((c) => c.imageKey), (k) => opts.prepareImage(k));
  const prepareModel = opts.prepareModel;
  if (prepareModel) prepare(downloads, modelState, pending.flatMap((c) => (c.modelKey ? [c.modelKey] : [])), (k) => prepareModel(k));

  while (pending.length > 0 || running.size > 0) {
    if (opts.signal?.aborted) {
      pending.length = 0;
      if (running.size === 0) break;
    }
    let blockedByOthers = false;
    for (let i = 0; i < pending.length; i++) {
      const cell = pending[i]!;
      const state = imageState.get(cell.imageKey);
      const model = cell.modelKey && prepareModel ? modelState.get(cell.modelKey) : 'ready';
      const failed = typeof state === 'object' ? `image ${cell.imageKey} could not be prepared` : typeof model === 'object' ? 'the model could not be downloaded' : null;
      if (failed) {
        pending.splice(i--, 1);
        unended.delete(cell.id);
        await guarded(() => opts.unschedulable(cell, failed, (typeof state === 'object' ? state : (model as { error: unknown })).error));
        continue;
      }
      if (state !== 'ready' || model !== 'ready' || cell.gpus > free.size) continue;
      if (cell.after?.some((id) => unended.has(id))) continue;
      const slots = [...free].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).slice(0, cell.gpus);
      if (!opts.leases.tryAcquireAll(slots, { ...opts.owner, cell: cell.id })) {
        blockedByOthers = true;
        continue;
      }
      pending.splice(i--, 1);
      for (const s of slots) free.delete(s);
      const p: Promise<void> = guarded(() => opts.run(cell, slots).catch((error: unknown) => opts.crashed(cell, error)))
        .finally(() => {
          for (const s of slots) {
            opts.leases.release(s, opts.owner.pid);
            free.add(s);
          }
          running.delete(p);
          unended.delete(cell.id);
          wake();
        });
      running.add(p);
    }
    if (pending.length === 0 && running.size === 0) break;
    if (blockedByOthers || (running.size === 0 && pending.length > 0)) await settle(woken(), opts.pollMs ?? 200);
    else await woken();
  }
  pulls.clear();
  downloads.clear();
  if (lost) throw (lost as { error: unknown }).error;
}
