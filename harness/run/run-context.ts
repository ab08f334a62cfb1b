// What the parts of one run (runner.ts) share: the request, the event stream to the reporters,
// and what the run has learned so far (results, images, baselines), with the small helpers that
// give a cell its verdict.
import { join } from 'node:path';
import type { Cell } from '../core/cell.ts';
import type { CellResult, Reporter, RunInfo } from '../core/events.ts';
import type { ImageInfo } from '../runtime/runtime.ts';
import { defaultCacheDir } from '../models/cache-layout.ts';
import { slug } from './cell-job.ts';
import { ModelImageCheck } from './model-image.ts';
import type { RunRequest } from './runner.ts';
import { Baselines } from './baselines.ts';

/** Where a run's full logs go: `<out>/logs/<run id>/`, apart from any other run's that shared --out. */
export function runLogDir(run: Pick<RunInfo, 'outDir' | 'id'>): string {
  return join(run.outDir, 'logs', slug(run.id));
}

export class Emitter {
  /** The first error a reporter threw (a full disk under the database): the other reporters still get every event. */
  failure: unknown = null;
  constructor(private readonly reporters: Reporter[]) {}
  async emit<K extends keyof Reporter>(event: K, ...args: Parameters<NonNullable<Reporter[K]>>): Promise<void> {
    for (const r of this.reporters) {
      const fn = r[event] as ((...a: unknown[]) => unknown) | undefined;
      try {
        if (fn) await fn.apply(r, args);
      } catch (e) {
        this.failure ??= e;
      }
    }
  }
}

/** A cell to dispatch, with what the scheduler orders and groups it by. */
export interface Job {
  id: string;
  gpus: number;
  imageKey: string;
  modelKey: string | null;
  rank: number;
  /** Cells this one compares with (probes/baseline.ts): the scheduler starts it once they have ended. */
  after: readonly string[];
  cell: Cell;
}

/** What the parts of one run share: the request, the event stream, and what the run has learned so far. */
export interface RunContext {
  req: RunRequest;
  events: Emitter;
  /** Each run's logs and emulator state are its own, so two runs sharing --out never write one file. */
  logDir: string;
  stateRoot: string;
  cacheDir: string;
  results: CellResult[];
  /** Cells cut short by an interrupt or left by an early stop: they keep no verdict, so `--resume` runs them again. */
  interrupted: string[];
  /** Why an early stop left a cell unstarted, by cell id. */
  notRunReasons: Record<string, string>;
  images: Map<string, ImageInfo>;
  /** Seconds each image took to prepare (pull, or inspect when present): the cells' `image` step. */
  imageSeconds: Map<string, number>;
  /** What finished cells leave for the cells that compare with them (run/baselines.ts). */
  baselines: Baselines;
  /**
   * Image pulls and model downloads end with the run's signal, or when every cell has ended: one whose
   * cells all ended otherwise (the image failed, the model could not be downloaded) must not keep
   * the process alive after the run.
   */
  preparing: AbortController;
  jobs: Job[];
  /** `--reuse`: why a cell's earlier verdict was not reused, by cell id (its result says it). */
  notReused: Map<string, string>;
  /** `--preflight`: each cell's model judged against its image's software (null: not asked). */
  modelImage: ModelImageCheck | null;
}


export const revisionOf = (c: Cell) => c.model.revision ?? 'main';

export const imageKey = (ctx: RunContext, c: Cell) => (ctx.req.emulate ? `${ctx.req.emulate.imageTag}#${c.image.id}` : c.image.ref);

export const poolOf = (req: RunRequest, c: Cell) => req.pools.find((p) => p.gpus === null || p.gpus.includes(c.gpu.name));

/** A pool's name for the early stop (run/early-stop.ts): its index on this runner. */
export const poolKey = (req: RunRequest, pool: RunRequest['pools'][number]) => `pool ${req.pools.indexOf(pool)}`;

export async function finish(ctx: RunContext, result: CellResult): Promise<void> {
  const notReused = result.reusedFrom ? undefined : ctx.notReused.get(result.cell.id);
  const r = notReused ? { ...result, notReused } : result;
  ctx.results.push(r);
  const pool = poolOf(ctx.req, r.cell);
  // A reused verdict cost nothing and says nothing about tonight: it counts toward no early stop.
  if (pool && !r.reusedFrom) ctx.req.earlyStop?.record(poolKey(ctx.req, pool), r);
  await ctx.events.emit('onCellEnd', r);
}

/** A cell that ends before it starts: one onCellBegin, then its verdict. */
export async function endUnstarted(ctx: RunContext, cell: Cell, verdict: 'infra' | 'skip', kind: string | null, reason: string): Promise<void> {
  await ctx.events.emit('onCellBegin', cell, 1);
  await finish(ctx, { cell, verdict, category: kind, signature: kind, attempts: [], triage: null, reason, durationMs: 0 });
}

export function newRunContext(req: RunRequest): RunContext {
  const cacheDir = req.cacheDir ?? defaultCacheDir();
  return {
    req,
    events: new Emitter(req.reporters),
    logDir: runLogDir(req.run),
    stateRoot: join(req.run.outDir, 'emulator-state', slug(req.run.id)),
    cacheDir,
    results: [],
    interrupted: [],
    notRunReasons: {},
    images: new Map(),
    imageSeconds: new Map(),
    baselines: new Baselines(),
    preparing: new AbortController(),
    jobs: [],
    notReused: new Map(),
    modelImage: req.modelPreflight ? new ModelImageCheck(req.modelPreflight, cacheDir) : null,
  };
}
