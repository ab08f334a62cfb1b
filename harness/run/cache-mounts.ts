// The directories the harness mounts into every container (the managed Hugging Face cache at the
// engine's HF_HOME, and the engine's compile cache: both paths are engine facts, engines/model-cache.ts),
// and how they meet the matrix's own `mounts:`. A matrix mount on a container path the harness also
// manages replaces the harness's mount there: the matrix is the more specific statement (a shared,
// pre-filled weights directory, perhaps read-only), and the harness keeps managing the caches the
// matrix leaves alone. Two binds on one container path are refused by Docker ("Duplicate mount
// point"), so exactly one of them may reach it.
import { join } from 'node:path';
import type { EngineId } from '../core/cell.ts';
import { mountTarget } from '../matrix/mount-target.ts';
import { MODEL_CACHE } from '../engines/model-cache.ts';
import { hfHomeDir } from '../models/cache-layout.ts';

export interface HarnessMount {
  host: string;
  container: string;
}

/** The caches of one engine under the harness's cache directory. */
export function harnessCacheMounts(cacheDir: string, engine: EngineId): HarnessMount[] {
  return [
    { host: hfHomeDir(cacheDir), container: MODEL_CACHE[engine].hfHome },
    { host: join(cacheDir, `${engine}-cache`), container: MODEL_CACHE[engine].compileCache },
  ];
}

/** The matrix's binds, then the harness's binds on the container paths the matrix does not take. */
export function mergeMounts(matrixMounts: readonly string[], harness: readonly HarnessMount[]): { binds: string[]; replaced: HarnessMount[] } {
  const taken = new Set(matrixMounts.map(mountTarget));
  const replaced = harness.filter((m) => taken.has(m.container));
  const kept = harness.filter((m) => !taken.has(m.container)).map((m) => `${m.host}:${m.container}`);
  return { binds: [...matrixMounts, ...kept], replaced };
}
