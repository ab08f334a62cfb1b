import { describe, expect, it } from 'vitest';
import { reapOrphans, removeRunContainers } from '../../../harness/run/reaper.ts';
import type { ContainerListing, ContainerRuntime } from '../../../harness/runtime/runtime.ts';

function runtime(listing: ContainerListing[]) {
  const removed: string[] = [];
  const rt = {
    list: async (filter: string[]) => listing.filter((c) => filter.every((f) => (f.includes('=') ? c.labels[f.split('=')[0]!] === f.split('=')[1] : f in c.labels))),
    remove: async (id: string) => void removed.push(id),
  } as unknown as ContainerRuntime;
  return { rt, removed };
}

const c = (id: string, pid: number, host = 'h', run = 'r1'): ContainerListing => ({ id, name: `n-${id}`, state: 'running', labels: { 'matrix.run': run, 'matrix.pid': String(pid), 'matrix.host': host } });

describe('reapOrphans', () => {
  it('removes containers whose owner process on this host is gone, and only those', async () => {
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max: never a live process
    const { rt, removed } = runtime([c('live', process.pid), c('dead', deadPid), c('elsewhere', deadPid, 'other-host')]);
    const r = await reapOrphans(rt, 'h');
    expect(removed).toEqual(['dead']);
    expect(r.removed).toEqual([{ id: 'dead', name: 'n-dead', run: 'r1' }]);
  });

  it('an interrupt removes every container of its run', async () => {
    const { rt, removed } = runtime([c('a', process.pid, 'h', 'r1'), c('b', process.pid, 'h', 'r2')]);
    expect(await removeRunContainers(rt, 'r1')).toBe(1);
    expect(removed).toEqual(['a']);
  });
});
