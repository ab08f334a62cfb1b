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
  const d = new Dispatch(opts);
  await d.refuseOversized(cells);
  d.prepareAll();
  await d.loop();
  d.stop();
  if (d.lost) throw d.lost.error;
}

/** A wake-up that is never lost: an event that fires while the loop is busy is remembered. */
class Wakeup {
  private resolver: (() => void) | null = null;
  private missed = false;

  wake(): void {
    if (this.resolver) {
      const r = this.resolver;
      this.resolver = null;
      r();
    } else this.missed = true;
  }

  woken(): Promise<void> {
    if (this.missed) {
      this.missed = false;
      return Promise.resolve();
    }
    return new Promise<void>((r) => (this.resolver = r));
  }
}

/** One schedule() call: the cells still waiting, the free slots, and image and model preparation. */
class Dispatch<T extends SchedulableCell> {
  /** The first error a callback threw: thrown at the end, after every other cell has ended. */
  lost: { error: unknown } | null = null;
  private readonly pending: T[] = [];
  private readonly free: Set<string>;
  private readonly running = new Set<Promise<void>>();
  /** Cells that have not ended yet: a cell whose `after` names one of them waits. */
  private readonly unended = new Set<string>();
  // Image and model preparation: each one at a time, in order of first use, side by side.
  private readonly pulls = new PQueue({ concurrency: 1 });
  private readonly downloads = new PQueue({ concurrency: 1 });
  private readonly imageState = new Map<string, PrepState>();
  private readonly modelState = new Map<string, PrepState>();
  private readonly wakeup = new Wakeup();

  constructor(private readonly opts: ScheduleOptions<T>) {
    this.free = new Set(opts.slots);
  }

  private async guarded(fn: () => Promise<void> | void): Promise<void> {
    try {
      await fn();
    } catch (error) {
      this.lost ??= { error };
    }
  }

  async refuseOversized(cells: T[]): Promise<void> {
    for (const c of orderCells(cells)) {
      if (c.gpus > this.opts.slots.length) {
        await this.guarded(() => this.opts.unschedulable(c, `needs ${c.gpus} GPUs; this runner has ${this.opts.slots.length}`));
      } else {
        this.pending.push(c);
        this.unended.add(c.id);
      }
    }
  }

  prepareAll(): void {
    const { opts, pending } = this;
    this.prepare(this.pulls, this.imageState, pending.map((c) => c.imageKey), (k) => opts.prepareImage(k));
    const prepareModel = opts.prepareModel;
    if (prepareModel) this.prepare(this.downloads, this.modelState, pending.flatMap((c) => (c.modelKey ? [c.modelKey] : [])), (k) => prepareModel(k));
  }

  private prepare(queue: PQueue, state: Map<string, PrepState>, keys: Iterable<string>, fn: (key: string) => Promise<void>): void {
    for (const key of new Set(keys)) {
      state.set(key, 'pending');
      void queue.add(async () => {
        if (this.opts.signal?.aborted) return;
        try {
          await fn(key);
          state.set(key, 'ready');
        } catch (error) {
          state.set(key, { error });
        }
        this.wakeup.wake();
      });
    }
  }

  async loop(): Promise<void> {
    const { pending, running } = this;
    while (pending.length > 0 || running.size > 0) {
      if (this.opts.signal?.aborted) {
        pending.length = 0;
        if (running.size === 0) break;
      }
      const blockedByOthers = await this.dispatchReady();
      if (pending.length === 0 && running.size === 0) break;
      if (blockedByOthers || (running.size === 0 && pending.length > 0)) await settle(this.wakeup.woken(), this.opts.pollMs ?? 200);
      else await this.wakeup.woken();
    }
  }

  /** Start every pending cell whose image and model are ready and whose slots are free; true when another process holds them. */
  private async dispatchReady(): Promise<boolean> {
    const { pending, opts } = this;
    let blockedByOthers = false;
    for (let i = 0; i < pending.length; i++) {
      const cell = pending[i]!;
      const state = this.imageState.get(cell.imageKey);
      const model = cell.modelKey && opts.prepareModel ? this.modelState.get(cell.modelKey) : 'ready';
      const failed = typeof state === 'object' ? `image ${cell.imageKey} could not be prepared` : typeof model === 'object' ? 'the model could not be downloaded' : null;
      if (failed) {
        pending.splice(i--, 1);
        this.unended.delete(cell.id);
        await this.guarded(() => opts.unschedulable(cell, failed, (typeof state === 'object' ? state : (model as { error: unknown })).error));
        continue;
      }
      if (state !== 'ready' || model !== 'ready' || cell.gpus > this.free.size) continue;
      if (cell.after?.some((id) => this.unended.has(id))) continue;
      const slots = [...this.free].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).slice(0, cell.gpus);
      if (!opts.leases.tryAcquireAll(slots, { ...opts.owner, cell: cell.id })) {
        blockedByOthers = true;
        continue;
      }
      pending.splice(i--, 1);
      this.launch(cell, slots);
    }
    return blockedByOthers;
  }

  private launch(cell: T, slots: string[]): void {
    const { opts } = this;
    for (const s of slots) this.free.delete(s);
    const p: Promise<void> = this.guarded(() => opts.run(cell, slots).catch((error: unknown) => opts.crashed(cell, error)))
      .finally(() => {
        for (const s of slots) {
          opts.leases.release(s, opts.owner.pid);
          this.free.add(s);
        }
        this.running.delete(p);
        this.unended.delete(cell.id);
        this.wakeup.wake();
      });
    this.running.add(p);
  }

  stop(): void {
    this.pulls.clear();
    this.downloads.clear();
  }
}
