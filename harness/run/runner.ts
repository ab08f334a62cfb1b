// The dispatcher: given planned cells and a prepared runner, run every cell through the
// scheduler, emit the event stream to every reporter, and sum up. Planning happened before
// (pure); this is where effects are orchestrated.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { engineAt } from '../engines/index.ts';
import { imageEngineVersion } from '../engines/version.ts';
import type { Cell, Verdict } from '../matrix/types.ts';
import type { Probe, ProbeResult } from '../probes/probe.ts';
import type { ContainerRuntime, ImageInfo, PullPolicy } from '../runtime/runtime.ts';
import { cellsWithoutVerdict, cutShort, verdictOfError } from './lost-verdicts.ts';
import { removeRunContainers } from './reaper.ts';
import { runAttempt, slug } from './cell-job.ts';
import { runCell } from './cell-runner.ts';
import { containerSpec, emulatorConfig } from './container-spec.ts';
import type { CellResult, PhaseName, Reporter, RunInfo, RunSummary } from './events.ts';
import { LeaseDirectory } from './leases.ts';
import { schedule } from './scheduler.ts';
import { predictEmulated, summarise } from './predict.ts';
import type { PreflightResult } from '../gpu/preflight.ts';
import { VERDICTS } from '../matrix/types.ts';
import { InfraError } from '../errors.ts';
import { missingCredentialHint, resolveRegistryAuth } from '../runtime/registry-auth.ts';
import { defaultCacheDir, hfHomeDir, isHubModel } from '../models/cache-layout.ts';
import { completeSnapshot } from '../models/complete.ts';
import { checkModel } from './model-check.ts';
import { ModelImageCheck } from './model-image.ts';
import type { ImageSoftware } from '../preflight/image-software.ts';

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
}

export interface RunOutcome {
  results: CellResult[];
  interrupted: string[];
  summary: RunSummary;
  /** The first error a reporter threw, if any: the caller reports it (results may be missing from that reporter's output). */
  reporterFailure: unknown;
}

/** Where a run's full logs go: `<out>/logs/<run id>/`, apart from any other run's that shared --out. */
export function runLogDir(run: Pick<RunInfo, 'outDir' | 'id'>): string {
  return join(run.outDir, 'logs', slug(run.id));
}

/** linux/arm64 = linux/arm64/v8; amd64 = x86_64. */
export function samePlatform(a: string, b: string): boolean {
  const norm = (p: string) => p.toLowerCase().replace('x86_64', 'amd64').replace('aarch64', 'arm64').split('/').slice(0, 2).join('/');
  return norm(a) === norm(b);
}

/** What the simulated runner reports about its driver and the image under --emulate. */
function emulatedFacts(cell: Cell): RunnerSlots['facts'] {
  const cfg = emulatorConfig(cell);
  return { driverVersion: 'emulated', cudaVersion: cfg.gpu.driverCuda, torchVersion: cfg.traits.torch_version };
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

export async function executeRun(req: RunRequest): Promise<RunOutcome> {
  const events = new Emitter(req.reporters);
  // Each run's logs and emulator state are its own, so two runs sharing --out never write one file.
  const logDir = runLogDir(req.run);
  const stateRoot = join(req.run.outDir, 'emulator-state', slug(req.run.id));
  mkdirSync(logDir, { recursive: true });
  const results: CellResult[] = [];
  /** Cells cut short by an interrupt: they keep no verdict, so `--resume` runs them again. */
  const interrupted: string[] = [];
  const images = new Map<string, ImageInfo>();
  /** Seconds each image took to prepare (pull, or inspect when present): the cells' `image` phase. */
  const imageSeconds = new Map<string, number>();
  const baselines = new Map<string, Record<string, string>>();
  const baselineKey = (c: Cell) => `${c.image.id}/${c.gpu.name}/${c.model.id}`;

  await events.emit('onRunBegin', req.run, req.cells);
  for (const r of req.earlier ?? []) await events.emit('onEarlierResult', r);

  const onAbort = () => {
    // Interrupt: remove what is in flight now; the jobs see the signal and wind down.
    void removeRunContainers(req.runtime, req.run.id).catch(() => {});
  };
  req.signal.addEventListener('abort', onAbort, { once: true });

  const imageKey = (c: Cell) => (req.emulate ? `${req.emulate.imageTag}#${c.image.id}` : c.image.ref);
  const cacheDir = req.cacheDir ?? defaultCacheDir();
  // Created here, not by Docker: a bind-mount source Docker creates belongs to root.
  mkdirSync(hfHomeDir(cacheDir), { recursive: true });
  // Image pulls and model downloads end with the run's signal, or when every cell has ended: one whose
  // cells all ended otherwise (the image failed, the model could not be downloaded) must not keep
  // the process alive after the run.
  const preparing = new AbortController();
  const stopPreparing = () => preparing.abort();
  req.signal.addEventListener('abort', stopPreparing, { once: true });
  const revisionOf = (c: Cell) => c.model.revision ?? 'main';
  const modelKey = (c: Cell) => (req.models && isHubModel(c.model.name) ? `${c.model.name}@${revisionOf(c)}` : null);
  const warmModel = async (key: string) => {
    const at = key.lastIndexOf('@');
    await req.models!.warm(key.slice(0, at), key.slice(at + 1), preparing.signal);
  };
  const finish = async (r: CellResult) => {
    results.push(r);
    await events.emit('onCellEnd', r);
  };
  const modelImage = req.modelPreflight ? new ModelImageCheck(req.modelPreflight, cacheDir) : null;
  const skip = async (cell: Cell, reason: string) => {
    await events.emit('onCellBegin', cell, 1);
    await finish({ cell, verdict: 'skip', category: null, signature: null, attempts: [], triage: null, reason, durationMs: 0 });
  };

  const jobs = req.cells
    .filter((c) => !c.skip)
    .map((cell) => ({ id: cell.id, gpus: cell.gpus, imageKey: imageKey(cell), modelKey: modelKey(cell), rank: cell.options.speculative ? 1 : 0, cell }));
  const predictImage = async (ref: string, cells: Cell[]) => {
    for (const gpu of new Set(cells.map((c) => c.gpu.name))) {
      const pool = req.pools.find((p) => p.gpus === null || p.gpus.includes(gpu));
      try {
        const p = summarise(await req.preflight!(ref, gpu, pool?.slots.facts.cudaVersion ?? null));
        for (const c of cells.filter((x) => x.gpu.name === gpu)) await events.emit('onPrediction', c, p);
      } catch (e) {
        for (const c of cells.filter((x) => x.gpu.name === gpu)) await events.emit('onPrediction', c, { verdict: 'fail', detail: `preflight could not read the image: ${(e as Error).message}` });
      }
    }
  };
  if (req.preflight && req.emulate) {
    for (const { cell } of jobs) {
      let p: ReturnType<typeof predictEmulated>;
      try {
        p = predictEmulated(cell);
      } catch (e) {
        p = { verdict: 'fail', detail: `preflight could not predict the cell: ${(e as Error).message}` };
      }
      if (p) await events.emit('onPrediction', cell, p);
    }
  }
  const poolOf = (c: Cell) => req.pools.find((p) => p.gpus === null || p.gpus.includes(c.gpu.name));
  const homeless = jobs.filter((j) => !poolOf(j.cell));
  const present = [...new Set(req.pools.flatMap((p) => p.gpus ?? []))].join(', ') || 'none';
  for (const { cell } of homeless) {
    await events.emit('onCellBegin', cell, 1);
    await finish({ cell, verdict: 'infra', category: 'gpu-unavailable', signature: 'gpu-unavailable', attempts: [], triage: null, reason: `this runner has no ${cell.gpu.name} GPU (it has: ${present})`, durationMs: 0 });
  }
  // async: a pool whose dispatcher cannot even start (its lease folder) rejects here instead of
  // ending the run without onRunEnd; the guard below gives its cells their verdicts.
  const dispatched = await Promise.allSettled(req.pools.map(async (pool) => schedule(
    jobs.filter((j) => poolOf(j.cell) === pool),
    {
      slots: pool.slots.ids,
      leases: new LeaseDirectory(req.leaseDir, pool.slots.namespace),
      owner: { pid: process.pid, run: req.run.id },
      signal: req.signal,
      prepareModel: req.models ? warmModel : undefined,
      prepareImage: async (key) => {
        const spec = jobs.find((j) => j.imageKey === key)?.cell.image;
        const ref = req.emulate ? (spec && req.emulate.imageFor ? await req.emulate.imageFor(spec) : req.emulate.imageTag) : key;
        const known = [...images.values()].find((i) => i.ref === ref);
        if (known) {
          images.set(key, known);
          imageSeconds.set(key, 0);
          return;
        }
        const t0 = performance.now();
        if (!req.emulate && spec?.platform && req.runnerPlatform && !samePlatform(spec.platform, req.runnerPlatform)) {
          throw new InfraError('platform-mismatch', `image ${ref} is for ${spec.platform}, this runner is ${req.runnerPlatform}`, 'run it on a runner of that platform (Jetson images need an arm64 Jetson runner), or use a multi-arch tag and drop `platform:`', 'image');
        }
        const creds = req.emulate || !spec ? { auth: null, source: null } : await resolveRegistryAuth(ref, spec.auth ? { username: spec.auth.username.value, password: spec.auth.password.value } : null);
        const info = await req.runtime.ensureImage(ref, req.emulate ? 'never' : req.pull, {
          auth: creds.auth,
          platform: spec?.platform ?? null,
          signal: preparing.signal,
          onProgress: (p) => req.onImageProgress?.(ref, `${p.status}${p.id ? ` ${p.id}` : ''}${p.total ? ` ${Math.round(((p.current ?? 0) / p.total) * 100)}%` : ''}`),
        }).catch((e: unknown) => {
          if (e instanceof InfraError && e.kind === 'registry-auth') throw new InfraError('registry-auth', e.message, missingCredentialHint(ref, creds.source), 'image');
          throw e;
        });
        images.set(key, info);
        imageSeconds.set(key, (performance.now() - t0) / 1000);
        if (req.preflight && !req.emulate) await predictImage(ref, jobs.filter((j) => j.imageKey === key).map((j) => j.cell));
      },
      unschedulable: async ({ cell }, reason, error) => {
        if (error && req.signal.aborted) return void interrupted.push(cell.id); // a pull cut short by the interrupt
        const title = error ? `${reason}: ${(error as Error).message}` : reason;
        const kind = (error as { kind?: string })?.kind ?? 'gpu-unavailable';
        await events.emit('onCellBegin', cell, 1);
        await finish({
          cell,
          verdict: 'infra',
          category: kind,
          signature: kind,
          attempts: [],
          triage: null,
          reason: `${title}${(error as { hint?: string })?.hint ? ` — ${(error as { hint?: string }).hint}` : ''}`,
          durationMs: 0,
        });
      },
      crashed: async ({ cell }, error) => {
        // An error while the run is being interrupted is the interrupt's doing: the cell is not run.
        if (req.signal.aborted) return void interrupted.push(cell.id);
        await events.emit('onCellBegin', cell, 1);
        await finish(verdictOfError(cell, error));
      },
      run: async ({ cell }, slots) => {
        const check = checkModel(cell, cacheDir);
        for (const w of check.warnings) req.onModelWarning?.(cell, w);
        if (check.skip) return skip(cell, check.skip);
        if (modelImage) {
          const p = await modelImage.predict(cell);
          await events.emit('onModelPrediction', cell, p);
          if (p.certain) return skip(cell, `preflight: the image cannot load the model: ${p.detail}`);
          if (p.verdict === 'unsupported') req.onModelWarning?.(cell, `${cell.id}: preflight predicts ${p.detail} (not certain: the cell runs)`);
        }
        // The image's own release: metric names change between releases (SGLang 0.4.0's ITL histogram).
        const engine = engineAt(cell.image.engine, imageEngineVersion(cell.image));
        const probes = await req.probesFor(cell);
        const image = images.get(imageKey(cell))!;
        await events.emit('onCellBegin', cell, 1);
        const result = await runCell(cell, {
          engine,
          retries: req.retries ?? cell.retries,
          triage: req.triage,
          aborted: () => req.signal.aborted,
          attempt: async (variant, n, kind) => {
            if (n > 1) await events.emit('onCellBegin', variant, n);
            const stateDir = join(stateRoot, slug(cell.id));
            mkdirSync(stateDir, { recursive: true });
            const a = await runAttempt(variant, n, kind, {
              runtime: req.runtime,
              run: req.run,
              engine,
              image,
              imageRef: image.ref,
              spec: containerSpec(variant, { engine, slots, emulate: req.emulate ? { imageTag: image.ref, stateDir } : null, cacheDir, modelOffline: completeSnapshot(cacheDir, variant.model.name, revisionOf(variant)) !== null }),
              secrets: req.secrets,
              logDir,
              signal: req.signal,
              probes,
              baseline: () => (variant.options.speculative ? (baselines.get(baselineKey(variant)) ?? null) : null),
              gpuFacts: req.emulate ? emulatedFacts(variant) : pool.slots.facts,
              onPhase: (phase: PhaseName, state, seconds) => void events.emit('onPhase', variant, phase, state, seconds),
              onProbeEnd: (r: ProbeResult) => {
                if (!variant.options.speculative && r.outputs && r.verdict === 'pass') {
                  baselines.set(baselineKey(variant), { ...(baselines.get(baselineKey(variant)) ?? {}), ...r.outputs });
                }
                void events.emit('onProbeEnd', variant, r);
              },
            });
            if (n === 1) a.phases = { image: imageSeconds.get(imageKey(cell)) ?? 0, ...a.phases };
            return a;
          },
        });
        if (req.signal.aborted && cutShort(result)) {
          interrupted.push(cell.id);
          return;
        }
        await finish(result);
      },
    },
  )));
  stopPreparing();
  req.signal.removeEventListener('abort', stopPreparing);
  // The last guard: a selected cell the dispatcher ended without a verdict gets one (or, after an
  // interrupt, counts as not run), so no run can pass with a cell untested.
  const lostError = dispatched.find((d) => d.status === 'rejected')?.reason ?? new Error('the dispatcher ended without a verdict for this cell');
  for (const cell of cellsWithoutVerdict(jobs.map((j) => j.cell), results, interrupted)) {
    if (req.signal.aborted) interrupted.push(cell.id);
    else await finish(verdictOfError(cell, lostError));
  }
  for (const cell of req.cells.filter((c) => c.skip)) {
    await finish({ cell, verdict: 'skip', category: null, signature: null, attempts: [], triage: null, reason: cell.skip, durationMs: 0 });
  }
  req.signal.removeEventListener('abort', onAbort);
  await req.runtime.drain(); // containers that exited are removed in the background: none outlives the run

  const wasInterrupted = req.signal.aborted;
  const counts = countVerdicts([...(req.earlier ?? []), ...results]);
  const summary: RunSummary = {
    status: wasInterrupted ? 'interrupted' : 'finished',
    finishedAt: new Date().toISOString(),
    counts,
    notRun: req.cells.filter((c) => interrupted.includes(c.id)),
    exitCode: exitCodeOf(counts, wasInterrupted),
  };
  await events.emit('onRunEnd', req.run, summary);
  return { results, summary, interrupted, reporterFailure: events.failure };
}
