// What container a cell becomes (pure): image, command, env, mounts, GPU requests — for a real
// runner, or for the emulator standing in for the image under --emulate.
import { join } from 'node:path';
import type { Cell } from '../matrix/types.ts';
import type { Engine } from '../engines/engine.ts';
import type { ContainerSpec } from '../runtime/runtime.ts';
import { EMULATOR_CONFIG_ENV, EmulatorTraits, type EmulatorConfig } from '../emulator/traits.ts';
import { findGpu } from '../gpu/catalog.ts';
import { versionFromImageRef } from '../engines/version.ts';
import { MODEL_CACHE, modelCacheEnv } from '../engines/model-cache.ts';
import { hfHomeDir } from '../models/cache-layout.ts';

export { defaultCacheDir } from '../models/cache-layout.ts';

export interface SpecContext {
  engine: Engine;
  /** Device ids leased for the cell (real runner), or emulated slot ids. */
  slots: string[];
  /** Under --emulate: the emulator image tag and where fault state lives. */
  emulate: { imageTag: string; stateDir: string } | null;
  /** Host directory of the managed caches: Hugging Face (every run) and compile caches (real runs). */
  cacheDir: string | null;
  /** The cell's model is complete in the managed cache: the engine runs with HF_HUB_OFFLINE=1. */
  modelOffline?: boolean;
}

/**
 * The managed Hugging Face cache, mounted where the engine's client looks, and the variables that
 * point it there. The matrix's own env comes after, so a cell may still set HF_HOME or HF_HUB_OFFLINE.
 */
function withModelCache(cell: Cell, ctx: SpecContext, env: Record<string, string>, mounts: string[]): Record<string, string> {
  if (!ctx.cacheDir) return env;
  mounts.push(`${hfHomeDir(ctx.cacheDir)}:${MODEL_CACHE[cell.image.engine].hfHome}`);
  return { ...modelCacheEnv(cell.image.engine, !!ctx.modelOffline), ...env };
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

/** The cell's environment as the container gets it (expand already merged defaults, image, engine, include). */
export function envValues(cell: Cell): Record<string, string> {
  return Object.fromEntries(Object.entries(cell.env).map(([k, v]) => [k, v.value]));
}

export function containerSpec(cell: Cell, ctx: SpecContext): Omit<ContainerSpec, 'labels' | 'name'> {
  const mounts: string[] = [];
  const env = withModelCache(cell, ctx, envValues(cell), mounts);
  const secretEnv = Object.entries(cell.env).filter(([, v]) => v.secret).map(([k]) => k);
  const argv = engineArgv(cell, ctx.engine);
  if (ctx.emulate) {
    env[EMULATOR_CONFIG_ENV] = JSON.stringify(emulatorConfig(cell));
    env.MATRIX_EMULATOR_STATE_DIR = '/state';
    return {
      image: ctx.emulate.imageTag,
      entrypoint: null,
      cmd: argv,
      env,
      secretEnv,
      port: ctx.engine.defaultPort,
      gpuDeviceIds: null,
      runtime: null,
      mounts: [`${ctx.emulate.stateDir}:/state`, ...mounts],
      ipcHost: false,
      shmSizeBytes: 64 * 1024 ** 2,
      platform: null,
    };
  }
  mounts.unshift(...cell.image.mounts);
  if (ctx.cacheDir) mounts.push(`${join(ctx.cacheDir, `${cell.image.engine}-cache`)}:/root/.cache/${cell.image.engine}`);
  return {
    image: cell.image.ref,
    entrypoint: cell.image.entrypoint,
    // The image's own ENTRYPOINT (or the matrix's `entrypoint:`) runs the engine; a `command:` prefix replaces it.
    cmd: cell.image.command ? argv : cell.command,
    env,
    secretEnv,
    port: ctx.engine.defaultPort,
    gpuDeviceIds: cell.image.runtime === 'nvidia' ? null : ctx.slots,
    runtime: cell.image.runtime,
    mounts,
    ipcHost: true,
    platform: cell.image.platform,
  };
}
