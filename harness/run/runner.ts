// The dispatcher: given planned cells and a prepared runner, run every cell through the
// scheduler, emit the event stream to every reporter, and sum up. Planning happened before
// (pure); this is where effects are orchestrated.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { engineAt, type Engine } from '../engines/index.ts';
import { imageEngineVersion } from '../engines/version.ts';
import type { Cell, Verdict } from '../core/cell.ts';
import { VERDICTS } from '../core/cell.ts';
import type { AttemptResult, CellResult, StepName, Reporter, RunInfo, RunSummary } from '../core/events.ts';
import type { ProbeResult } from '../core/probe-result.ts';
import type { Probe } from '../probes/probe.ts';
import type { PreflightResult } from '../gpu/preflight.ts';
import type { ContainerRuntime, ImageInfo, PullPolicy } from '../runtime/runtime.ts';
import { hfHomeDir, isHubModel } from '../models/cache-layout.ts';
import { completeSnapshot } from '../models/complete.ts';
import { cellsWithoutVerdict, cutShort, verdictOfError } from './lost-verdicts.ts';
import { removeRunContainers } from './reaper.ts';
import { runAttempt, slug } from './cell-job.ts';
import { runCell } from './cell-runner.ts';
import { containerSpec, emulatedFacts } from './container-spec.ts';
import { LeaseDirectory } from './leases.ts';
import { schedule, type ScheduleOptions } from './scheduler.ts';
import { predictEmulated } from './predict.ts';
import { checkModel } from './model-check.ts';
import { prepareImage } from './image-prep.ts';
import { endUnstarted, finish, imageKey, newRunContext, poolKey, poolOf, revisionOf, type Job, type RunContext } from './run-context.ts';
import type { ImageSoftware } from '../preflight/image-software.ts';
import { baselineCellsOf } from '../probes/baseline.ts';
import type { EarlyStop } from './early-stop.ts';
import type { TriageLimits } from './triage.ts';
import { reuseUnchanged, withReuseKey, type ReuseSource } from './reuse-step.ts';

export interface RunnerSlots {
  /** Device ids (real) or emulated slot ids. */
  ids: string[];
  namespace: string;
  facts: { driverVersion: string | null; cudaVersion: string | null; torchVersion: string | null };
}

/** Under --emulate: the emulator image, and the tag an image runs as (a styled one carries the image's labels and env). */
export interface EmulatedImages {
  imageTag: string;
  imageFor?(image: Cell['image']): Promise<string>;
}

/** A pool of interchangeable GPU slots: one per GPU type on a real runner, one for all under --emulate. */
export interface RunnerPool {
  /** Catalog GPU names this pool serves, or null for any. */
  gpus: string[] | null;
  slots: RunnerSlots;
}

export interface RunRequest {
  run: RunInfo;
  cells: Cell[];
  runtime: ContainerRuntime;
  reporters: Reporter[];
  pools: RunnerPool[];
  emulate: EmulatedImages | null;
  pull: PullPolicy;
  /** Overrides each cell's retries when set. */
  retries: number | null;
  triage: boolean;
  signal: AbortSignal;
  secrets: string[];
  probesFor(cell: Cell): Promise<Probe[]>;
  /** `--resume`: the verdicts this run already has; the summary and the exit code cover them too. */
  earlier?: CellResult[];
  leaseDir?: string;
  /** The Docker engine's platform, e.g. linux/amd64: images for another platform are refused before pulling. */
  runnerPlatform?: string | null;
  /** `--preflight`: read each image's CUDA code and predict each cell before it runs. */
  preflight?: ((ref: string, gpuName: string, driverCuda: string | null) => Promise<PreflightResult>) | null;
  /** `--preflight`: read an image's Python software (engine, registry, transformers) to judge each cell's model against it. */
  modelPreflight?: ((ref: string) => Promise<ImageSoftware>) | null;
  /** Host directory of the managed caches (Hugging Face, compile), mounted into every container, emulated too. */
  cacheDir?: string;
  /** Downloads a model revision into the managed cache (once per model); null or absent: no downloads. */
  models?: { warm(name: string, revision: string, signal?: AbortSignal): Promise<unknown> } | null;
  /** A warning about a cell's model (the checkpoint contradicts the matrix, a tight fit). */
  onModelWarning?(cell: Cell, text: string): void;
  onImageProgress?(ref: string, status: string): void;
  /** `--max-failures`, and a runner whose first cells all end with one infra signature: start no more cells. */
  earlyStop?: EarlyStop | null;
  /** How deep triage follows new signatures and how many starts of a cell it may spend (default: triage.ts). */
  triageLimits?: TriageLimits;
  /** `--reuse`: the cells' earlier verdicts and how old one may be (run/reuse-step.ts); null or absent: every cell runs. */
  reuse?: ReuseSource | null;
  /** The harness in reuse keys: its package version and a hash of its build. */
  harnessVersion?: string;
}

export interface RunOutcome {
  results: CellResult[];
  interrupted: string[];
  summary: RunSummary;
  /** The first error a reporter threw, if any: the caller reports it (results may be missing from that reporter's output). */
  reporterFailure: unknown;
}

/** 3 when testing was cut short (interrupt) or prevented (infra), else 1 for an unexpected outcome, else 0. */
export function exitCodeOf(counts: Record<Verdict, number>, interrupted: boolean): number {
  if (interrupted) return 3;
  if (counts.fail > 0 || counts.xpass > 0) return 1;
  if (counts.infra > 0) return 3;
  return 0;
}

export function countVerdicts(results: CellResult[]): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of results) counts[r.verdict]++;
  return counts;
}

export async function executeRun(req: RunRequest): Promise<RunOutcome> {
  const ctx = newRunContext(req);
  mkdirSync(ctx.logDir, { recursive: true });
  await ctx.events.emit('onRunBegin', req.run, req.cells);
  for (const r of req.earlier ?? []) await ctx.events.emit('onEarlierResult', r);
  // Interrupt: remove what is in flight now; the jobs see the signal and wind down.
  const onAbort = () => void removeRunContainers(req.runtime, req.run.id).catch(() => {});
  req.signal.addEventListener('abort', onAbort, { once: true });
  // Created here, not by Docker: a bind-mount source Docker creates belongs to root.
  mkdirSync(hfHomeDir(ctx.cacheDir), { recursive: true });
  const stopPreparing = () => ctx.preparing.abort();
  req.signal.addEventListener('abort', stopPreparing, { once: true });
  ctx.jobs = req.cells.filter((c) => !c.skip).map((cell) => jobOf(ctx, cell));
  if (req.preflight && req.emulate) await predictEmulatedCells(ctx);
  await endHomeless(ctx);
  const reused = await reuseUnchanged(ctx); // before any GPU is leased: a reused cell is never scheduled
  if (reused.size) ctx.jobs = ctx.jobs.filter((j) => !reused.has(j.id));
  // async: a pool whose dispatcher cannot even start (its lease folder) rejects here instead of
  // ending the run without onRunEnd; the guard below gives its cells their verdicts.
  const dispatched = await Promise.allSettled(req.pools.map(async (pool) => schedule(ctx.jobs.filter((j) => poolOf(req, j.cell) === pool), poolHandlers(ctx, pool))));
  stopPreparing();
  req.signal.removeEventListener('abort', stopPreparing);
  await giveLostVerdicts(ctx, dispatched);
  for (const cell of req.cells.filter((c) => c.skip)) {
    await finish(ctx, { cell, verdict: 'skip', category: null, signature: null, attempts: [], triage: null, reason: cell.skip, durationMs: 0 });
  }
  req.signal.removeEventListener('abort', onAbort);
  await req.runtime.drain(); // containers that exited are removed in the background: none outlives the run
  return endRun(ctx);
}

function jobOf(ctx: RunContext, cell: Cell): Job {
  const modelKey = ctx.req.models && isHubModel(cell.model.name) ? `${cell.model.name}@${revisionOf(cell)}` : null;
  return { id: cell.id, gpus: cell.gpus, imageKey: imageKey(ctx, cell), modelKey, rank: cell.options.speculative ? 1 : 0, after: baselineCellsOf(cell, ctx.req.cells), cell };
}

/** `--preflight --emulate`: the emulated image's traits predict each cell before it runs. */
async function predictEmulatedCells(ctx: RunContext): Promise<void> {
  for (const { cell } of ctx.jobs) {
    let p: ReturnType<typeof predictEmulated>;
    try {
      p = predictEmulated(cell);
    } catch (e) {
      p = { verdict: 'fail', detail: `preflight could not predict the cell: ${(e as Error).message}` };
    }
    if (p) await ctx.events.emit('onPrediction', cell, p);
  }
}

/** Cells of a GPU no pool of this runner serves: infra, named. */
async function endHomeless(ctx: RunContext): Promise<void> {
  const present = [...new Set(ctx.req.pools.flatMap((p) => p.gpus ?? []))].join(', ') || 'none';
  for (const { cell } of ctx.jobs.filter((j) => !poolOf(ctx.req, j.cell))) {
    await endUnstarted(ctx, cell, 'infra', 'gpu-unavailable', `this runner has no ${cell.gpu.name} GPU (it has: ${present})`);
  }
}

function poolHandlers(ctx: RunContext, pool: RunnerPool): ScheduleOptions<Job> {
  const { req } = ctx;
  return {
    slots: pool.slots.ids,
    leases: new LeaseDirectory(req.leaseDir, pool.slots.namespace),
    owner: { pid: process.pid, run: req.run.id },
    signal: req.signal,
    stop: req.earlyStop?.signalOf(poolKey(req, pool)),
    prepareModel: req.models ? (key) => warmModel(ctx, key) : undefined,
    prepareImage: (key) => prepareImage(ctx, key),
    unschedulable: async ({ cell }, reason, error) => {
      if (error && req.signal.aborted) return void ctx.interrupted.push(cell.id); // a pull cut short by the interrupt
      const title = error ? `${reason}: ${(error as Error).message}` : reason;
      const kind = (error as { kind?: string })?.kind ?? 'gpu-unavailable';
      const hint = (error as { hint?: string })?.hint;
      await endUnstarted(ctx, cell, 'infra', kind, `${title}${hint ? ` — ${hint}` : ''}`);
    },
    crashed: async ({ cell }, error) => {
      // An error while the run is being interrupted is the interrupt's doing: the cell is not run.
      if (req.signal.aborted) return void ctx.interrupted.push(cell.id);
      await ctx.events.emit('onCellBegin', cell, 1);
      await finish(ctx, verdictOfError(cell, error));
    },
    run: ({ cell }, slots) => runJob(ctx, pool, cell, slots),
  };
}

async function warmModel(ctx: RunContext, key: string): Promise<void> {
  const at = key.lastIndexOf('@');
  await ctx.req.models!.warm(key.slice(0, at), key.slice(at + 1), ctx.preparing.signal);
}

/** One cell on its leased slots: the model check, then attempts, retries and triage until a verdict. */
async function runJob(ctx: RunContext, pool: RunnerPool, cell: Cell, slots: string[]): Promise<void> {
  const { req } = ctx;
  const check = checkModel(cell, ctx.cacheDir);
  for (const w of check.warnings) req.onModelWarning?.(cell, w);
  if (check.skip) return endUnstarted(ctx, cell, 'skip', null, check.skip);
  if (ctx.modelImage) {
    const p = await ctx.modelImage.predict(cell);
    await ctx.events.emit('onModelPrediction', cell, p);
    if (p.certain) return endUnstarted(ctx, cell, 'skip', null, `preflight: the image cannot load the model: ${p.detail}`);
    if (p.verdict === 'unsupported') req.onModelWarning?.(cell, `${cell.id}: preflight predicts ${p.detail} (not certain: the cell runs)`);
  }
  // The image's own release: metric names change between releases (SGLang 0.4.0's ITL histogram).
  const job: JobRun = { cell, pool, slots, engine: engineAt(cell.image.engine, imageEngineVersion(cell.image)), probes: await req.probesFor(cell), image: ctx.images.get(imageKey(ctx, cell))! };
  await ctx.events.emit('onCellBegin', cell, 1);
  const result = await runCell(cell, {
    engine: job.engine,
    retries: req.retries ?? cell.retries,
    triage: req.triage,
    triageLimits: req.triageLimits,
    aborted: () => req.signal.aborted,
    attempt: (variant, n, kind) => runVariant(ctx, job, variant, n, kind),
  });
  if (req.signal.aborted && cutShort(result)) {
    ctx.interrupted.push(cell.id);
    return;
  }
  await finish(ctx, withReuseKey(ctx, result, pool, job.image));
}

/** What every attempt of one cell shares. */
interface JobRun {
  cell: Cell;
  pool: RunnerPool;
  slots: string[];
  engine: Engine;
  probes: Probe[];
  image: ImageInfo;
}

/** One attempt of (a variant of) the cell: its container, probes and diagnosis. */
async function runVariant(ctx: RunContext, job: JobRun, variant: Cell, n: number, kind: AttemptResult['kind']): Promise<AttemptResult> {
  const { req } = ctx;
  const { cell, engine, image } = job;
  if (n > 1) await ctx.events.emit('onCellBegin', variant, n);
  const stateDir = join(ctx.stateRoot, slug(cell.id));
  mkdirSync(stateDir, { recursive: true });
  const modelOffline = completeSnapshot(ctx.cacheDir, variant.model.name, revisionOf(variant)) !== null;
  const a = await runAttempt(variant, n, kind, {
    runtime: req.runtime,
    run: req.run,
    engine,
    image,
    imageRef: image.ref,
    spec: containerSpec(variant, { engine, slots: job.slots, emulate: req.emulate ? { imageTag: image.ref, stateDir } : null, cacheDir: ctx.cacheDir, modelOffline }),
    secrets: req.secrets,
    logDir: ctx.logDir,
    signal: req.signal,
    probes: job.probes,
    baseline: () => ctx.baselines.outputsFor(variant),
    baselineRun: (probe, options) => ctx.baselines.runFor(variant, probe, options),
    gpuFacts: req.emulate ? emulatedFacts(variant) : job.pool.slots.facts,
    onStep: (step: StepName, state, seconds) => void ctx.events.emit('onStep', variant, step, state, seconds),
    onProbeEnd: (r: ProbeResult) => {
      if (kind !== 'triage') ctx.baselines.record(variant, r); // a remedy's variant stands for no flag set
      void ctx.events.emit('onProbeEnd', variant, r);
    },
  });
  if (n === 1) a.steps = { image: ctx.imageSeconds.get(imageKey(ctx, cell)) ?? 0, ...a.steps };
  return a;
}

/**
 * The last guard: a selected cell the dispatcher ended without a verdict gets one (or, after an
 * interrupt, counts as not run), so no run can pass with a cell untested.
 */
async function giveLostVerdicts(ctx: RunContext, dispatched: PromiseSettledResult<void>[]): Promise<void> {
  const lostError = dispatched.find((d) => d.status === 'rejected')?.reason ?? new Error('the dispatcher ended without a verdict for this cell');
  for (const cell of cellsWithoutVerdict(ctx.jobs.map((j) => j.cell), ctx.results, ctx.interrupted)) {
    // An early stop (--max-failures, a broken runner) left it unstarted: not run, with why.
    const pool = poolOf(ctx.req, cell);
    const stopped = pool ? (ctx.req.earlyStop?.reasonOf(poolKey(ctx.req, pool)) ?? null) : null;
    if (stopped) ctx.notRunReasons[cell.id] = stopped;
    if (ctx.req.signal.aborted || stopped) ctx.interrupted.push(cell.id);
    else await finish(ctx, verdictOfError(cell, lostError));
  }
}

async function endRun(ctx: RunContext): Promise<RunOutcome> {
  const { req, results, interrupted } = ctx;
  const wasInterrupted = req.signal.aborted;
  const counts = countVerdicts([...(req.earlier ?? []), ...results]);
  const summary: RunSummary = {
    status: wasInterrupted ? 'interrupted' : 'finished',
    finishedAt: new Date().toISOString(),
    counts,
    notRun: req.cells.filter((c) => interrupted.includes(c.id)),
    ...(Object.keys(ctx.notRunReasons).length ? { notRunReasons: ctx.notRunReasons } : {}),
    exitCode: exitCodeOf(counts, wasInterrupted),
  };
  await ctx.events.emit('onRunEnd', req.run, summary);
  return { results, summary, interrupted, reporterFailure: ctx.events.failure };
}
