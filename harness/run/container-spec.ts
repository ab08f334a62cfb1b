// What container a cell becomes (pure): image, command, env, mounts, GPU requests — for a real
// runner, or for the emulator standing in for the image under --emulate.
import type { Cell } from '../core/cell.ts';
import type { Engine } from '../engines/engine.ts';
import type { ContainerSpec } from '../runtime/runtime.ts';
import { EMULATOR_CONFIG_ENV, EmulatorTraits, type EmulatorConfig } from '../emulator/host.ts';
import { findGpu } from '../gpu/catalog.ts';
import { versionFromImageRef } from '../engines/version.ts';
import { modelCacheEnv } from '../engines/model-cache.ts';
import { harnessCacheMounts, mergeMounts } from './cache-mounts.ts';

export interface SpecContext {
  engine: Engine;
  /** Device ids leased for the cell (real runner), or emulated slot ids. */
  slots: string[];
  /** Under --emulate: the emulator image tag and where fault state lives. */
  emulate: { imageTag: string; stateDir: string } | null;
  /** Host directory holding the managed Hugging Face and compile caches, mounted into every container (emulated too). */
  cacheDir: string | null;
  /** The cell's model is complete in the managed cache: the engine runs with HF_HUB_OFFLINE=1. */
  modelOffline?: boolean;
}

/** The full argv the engine runs: the image's command prefix (or the engine's entrypoint) + the cell's command. */
export function engineArgv(cell: Cell, engine: Engine): string[] {
  return [...(cell.image.command ?? engine.entrypoint ?? []), ...cell.command];
}

export function emulatorConfig(cell: Cell): EmulatorConfig {
  // The emulated engine reports the version the image's tag names, unless the traits say otherwise.
  const traits = EmulatorTraits.parse({ ...(versionFromImageRef(cell.image.ref) ? { version: versionFromImageRef(cell.image.ref) } : {}), ...(cell.image.emulate ?? {}) });
  const spec = findGpu(cell.gpu.name);
  return {
    engine: cell.image.engine,
    traits,
    gpu: {
      name: cell.gpu.name,
      computeCapability: cell.gpu.computeCapability,
      memoryGiB: cell.gpu.memoryGiB,
      driverCuda: traits.driver_cuda[cell.gpu.name] ?? spec?.typicalDriverCuda ?? '12.8',
      count: cell.gpus,
    },
    model: { architecture: cell.model.architecture, sizeGiB: cell.model.sizeGiB, modalities: cell.model.modalities, mtp: cell.model.mtp, name: cell.model.name, revision: cell.model.revision ?? null },
    // What Docker would run in the real image (as in containerSpec below): an emulated image style
    // (traits.personality) starts the way that image starts.
    launch: { entrypoint: cell.image.entrypoint, cmd: cell.image.command ? [...cell.image.command, ...cell.command] : cell.command },
  };
}

/** What the simulated runner reports about its driver and the image under --emulate. */
export function emulatedFacts(cell: Cell): { driverVersion: string | null; cudaVersion: string | null; torchVersion: string | null } {
  const cfg = emulatorConfig(cell);
  return { driverVersion: 'emulated', cudaVersion: cfg.gpu.driverCuda, torchVersion: cfg.traits.torch_version };
}

/** The cell's environment as the container gets it (expand already merged defaults, image, engine, include). */
export function envValues(cell: Cell): Record<string, string> {
  return Object.fromEntries(Object.entries(cell.env).map(([k, v]) => [k, v.value]));
}

/** Where the emulator keeps its fault state in the container: a path no image or matrix mount uses. */
export const EMULATOR_STATE_PATH = '/.matrix-emulator-state';

/**
 * The container of a real run. Under --emulate the same container, with the emulator image in the
 * engine's place: the same command line, environment, mounts (the matrix's and the harness's
 * caches) and IPC mode, plus the emulator's config and state. What an emulated runner cannot give
 * is left out there: GPU device requests, the NVIDIA runtime, and a platform other than the host's
 * (the emulator image is built for the host).
 */
export function containerSpec(cell: Cell, ctx: SpecContext): Omit<ContainerSpec, 'labels' | 'name'> {
  const real = realSpec(cell, ctx);
  if (!ctx.emulate) return real;
  return {
    ...real,
    image: ctx.emulate.imageTag,
    entrypoint: null,
    cmd: engineArgv(cell, ctx.engine),
    env: { ...real.env, [EMULATOR_CONFIG_ENV]: JSON.stringify(emulatorConfig(cell)), MATRIX_EMULATOR_STATE_DIR: EMULATOR_STATE_PATH },
    mounts: [...real.mounts, `${ctx.emulate.stateDir}:${EMULATOR_STATE_PATH}`],
    gpuDeviceIds: null,
    runtime: null,
    platform: null,
  };
}

function realSpec(cell: Cell, ctx: SpecContext): Omit<ContainerSpec, 'labels' | 'name'> {
  const harnessMounts = ctx.cacheDir ? harnessCacheMounts(ctx.cacheDir, cell.image.engine) : [];
  return {
    image: cell.image.ref,
    entrypoint: cell.image.entrypoint,
    // The image's own ENTRYPOINT (or the matrix's `entrypoint:`) runs the engine; a `command:` prefix replaces it.
    cmd: cell.image.command ? engineArgv(cell, ctx.engine) : cell.command,
    // The managed cache's variables first: the matrix's own env may still set HF_HOME or HF_HUB_OFFLINE.
    env: ctx.cacheDir ? { ...modelCacheEnv(cell.image.engine, !!ctx.modelOffline), ...envValues(cell) } : envValues(cell),
    secretEnv: Object.entries(cell.env).filter(([, v]) => v.secret).map(([k]) => k),
    port: ctx.engine.defaultPort,
    gpuDeviceIds: cell.image.runtime === 'nvidia' ? null : ctx.slots,
    runtime: cell.image.runtime,
    mounts: mergeMounts(cell.image.mounts, harnessMounts).binds,
    ipcHost: true,
    platform: cell.image.platform,
  };
}
