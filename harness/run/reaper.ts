// Nothing leaks (ARCHITECTURE.md rule 7): every run starts by removing containers left by runs
// on this host whose owner process is gone (a SIGKILLed run), and an interrupted run removes
// what it started.
import type { ContainerRuntime } from '../runtime/runtime.ts';
import { pidAlive } from './leases.ts';

export interface ReapResult {
  removed: Array<{ id: string; name: string; run: string }>;
}

export async function reapOrphans(runtime: ContainerRuntime, host: string): Promise<ReapResult> {
  const listed = await runtime.list(['matrix.run']);
  const removed: ReapResult['removed'] = [];
  for (const c of listed) {
    const owner = Number(c.labels['matrix.pid']);
    const sameHost = (c.labels['matrix.host'] ?? host) === host;
    if (!sameHost || pidAlive(owner)) continue;
    await runtime.remove(c.id).catch(() => {});
    removed.push({ id: c.id, name: c.name, run: c.labels['matrix.run'] ?? '' });
  }
  return { removed };
}

/**
 * Remove every container this process started for a run (interrupt). By label, so a container
 * whose create was still in flight is not missed; with the owner pid, so parallel shards of the
 * same run id on one machine keep theirs.
 */
export async function removeRunContainers(runtime: ContainerRuntime, runId: string, pid = process.pid): Promise<number> {
  const listed = await runtime.list(runLabels(runId, pid));
  await Promise.all(listed.map((c) => runtime.remove(c.id).catch(() => {})));
  return listed.length;
}

/** The label filter of the containers this process started for a run. */
export function runLabels(runId: string, pid = process.pid): string[] {
  return [`matrix.run=${runId}`, `matrix.pid=${pid}`];
}
