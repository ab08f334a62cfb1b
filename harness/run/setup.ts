// Preparing the runner before any cell starts: the Docker engine answers, orphans of dead runs
// are reaped, and the GPU slots are known — discovered with nvidia-smi on a real runner, or
// simulated under --emulate (where the emulator image is built from local files if needed).
import { InfraError, UsageError } from '../errors.ts';
import { discoverGpus } from '../gpu/discover.ts';
import { EmulatorTraits, ensureEmulatorImage, ensureStyledImage } from '../emulator/host.ts';
import type { ImageSpec } from '../core/cell.ts';
import { onGpus } from '../plan/select.ts';
import type { ContainerRuntime } from '../runtime/runtime.ts';
import { reapOrphans } from './reaper.ts';
import type { EmulatedImages, RunnerPool } from './runner.ts';

export interface RunnerSetup {
  pools: RunnerPool[];
  /** The Docker engine's platform, e.g. linux/amd64. */
  platform: string;
  emulate: EmulatedImages | null;
  reaped: number;
  notes: string[];
  /** The runner's GPUs in words ("h100 ×2, thor ×1"); null under --emulate, where any GPU is simulated. */
  has: string | null;
}

export async function prepareRunner(runtime: ContainerRuntime, opts: { emulate: boolean; emulateGpus: number; host: string; wantGpus: string[] }): Promise<RunnerSetup> {
  const engine = await runtime.ping();
  const platform = `${engine.os}/${engine.arch}`;
  const reaped = await reapOrphans(runtime, opts.host);
  const notes: string[] = [];
  if (reaped.removed.length) notes.push(`reaped ${reaped.removed.length} container(s) left by dead runs: ${reaped.removed.map((r) => r.name).join(', ')}`);

  if (opts.emulate) {
    const img = await ensureEmulatorImage(runtime);
    if (img.built) notes.push(`built emulator image ${img.tag}`);
    const ids = Array.from({ length: opts.emulateGpus }, (_, i) => String(i));
    // An image whose traits give it labels or an environment runs as a styled emulator image.
    const imageFor = (image: ImageSpec) => ensureStyledImage(runtime, img.tag, EmulatorTraits.parse(image.emulate ?? {}));
    return { pools: [{ gpus: null, slots: { ids, namespace: 'emulated', facts: { driverVersion: null, cudaVersion: null, torchVersion: null } } }], emulate: { imageTag: img.tag, imageFor }, platform, reaped: reaped.removed.length, notes, has: null };
  }

  const gpus = await discoverGpus();
  const byName = new Map<string, typeof gpus>();
  for (const g of gpus) {
    if (!g.catalogName) continue;
    byName.set(g.catalogName, [...(byName.get(g.catalogName) ?? []), g]);
  }
  const have = [...byName.entries()].map(([n, gs]) => `${n} ×${gs.length}`).join(', ') || 'no GPU the catalog knows';
  const missing = opts.wantGpus.filter((w) => !byName.has(w));
  if (missing.length) {
    throw new InfraError('gpu-unavailable', `--gpu ${missing.join(',')}: this runner has no such GPU (it has: ${have})`, 'run on a runner with that GPU, or pick one it has (`matrix gpus` lists them)');
  }
  const pools: RunnerPool[] = [...byName.entries()]
    .filter(([name]) => opts.wantGpus.length === 0 || opts.wantGpus.includes(name))
    .map(([name, gs]) => ({
      gpus: [name],
      slots: {
        ids: gs.map((g) => g.uuid || String(g.index)),
        namespace: 'gpu',
        facts: { driverVersion: gs[0]!.driverVersion ?? null, cudaVersion: gs[0]!.cudaVersion ?? null, torchVersion: null },
      },
    }));
  return { pools, emulate: null, platform, reaped: reaped.removed.length, notes, has: have };
}

/**
 * Without --gpu, a real runner runs the cells of the GPUs it has: the others are left out (they
 * would only be infra here), and the note says which and why. --gpu forces its GPUs (prepareRunner
 * refuses one the runner lacks); --emulate simulates every GPU.
 */
export function fitToRunner<T extends { gpu: { name: string } }>(cells: readonly T[], setup: RunnerSetup, forced: boolean): { cells: T[]; note: string | null } {
  if (forced || setup.has === null) return { cells: [...cells], note: null };
  const { kept, leftOut } = onGpus(cells, setup.pools.flatMap((p) => p.gpus ?? []));
  if (!leftOut.size) return { cells: kept, note: null };
  const which = [...leftOut].map(([gpu, n]) => `${gpu} (${n} cell${n === 1 ? '' : 's'})`).join(', ');
  if (!kept.length && cells.length) {
    throw new UsageError(`no selected cell is on a GPU this runner has: the cells are on ${which}; this runner has ${setup.has}`, 'run on a runner with one of those GPUs, emulate them with --emulate, or force one with --gpu NAME');
  }
  return { cells: kept, note: `left out the cells of GPUs this runner does not have: ${which} (it has ${setup.has}); --gpu NAME runs them anyway` };
}
