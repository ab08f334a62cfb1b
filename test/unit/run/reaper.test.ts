import { describe, expect, it } from 'vitest';
import { reapOrphans, removeRunContainers } from '../../../harness/run/reaper.ts';
import { MemoryRuntime } from '../../support/memory-runtime.ts';

/** A runtime holding one running container per entry, labelled as a run labels its containers. */
async function runtime(containers: Array<{ pid: number; host?: string; run?: string }>): Promise<MemoryRuntime> {
  const rt = new MemoryRuntime({ script: () => ({}) }); // containers that run until removed
  for (const [i, c] of containers.entries()) {
    const labels = { 'matrix.run': c.run ?? 'r1', 'matrix.pid': String(c.pid), 'matrix.host': c.host ?? 'h' };
    await rt.create({ name: `n-${i + 1}`, image: 'img', cmd: [], env: {}, labels, port: 8000, gpuDeviceIds: null, mounts: [] });
  }
  return rt;
}

describe('reapOrphans', () => {
  it('removes containers whose owner process on this host is gone, and only those', async () => {
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max: never a live process
    const rt = await runtime([{ pid: process.pid }, { pid: deadPid }, { pid: deadPid, host: 'other-host' }]);
    const r = await reapOrphans(rt, 'h');
    expect(r.removed).toEqual([{ id: 'mem-2', name: 'n-2', run: 'r1' }]);
    expect((await rt.list([])).map((c) => c.id)).toEqual(['mem-1', 'mem-3']);
  });

  it('an interrupt removes every container of its run', async () => {
    const rt = await runtime([{ pid: process.pid, run: 'r1' }, { pid: process.pid, run: 'r2' }]);
    expect(await removeRunContainers(rt, 'r1')).toBe(1);
    expect((await rt.list([])).map((c) => c.labels['matrix.run'])).toEqual(['r2']);
  });
});
