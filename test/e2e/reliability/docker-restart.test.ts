// The Docker engine restarted in the middle of a run. The test stops and restarts a private
// dockerd of its own (support/private-dockerd.ts: own socket, data root and bridge, started the way
// scripts/setup.sh starts the machine's), so it disturbs no other test and runs in the normal suite.
// It needs root, dockerd and ip; without them it is skipped.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, parseRun, query, startCli, waitFor, workdir, writeMatrix, type CliResult } from '../support/matrix-cli.ts';
import { canRunPrivateDockerd, PrivateDockerd } from '../support/private-dockerd.ts';
import { expectNoStackTrace, imagesMatrix, integrityCheck } from '../support/reliability.ts';

const enabled = canRunPrivateDockerd();
const SLOW = 'startup: { weights_s: 0.1, compile_s: 0.05, graphs_s: 0.05 }\nfaults: { slow_start_s: 120 }';
let engine: PrivateDockerd | null = null;

async function containersOfRun(runId: string): Promise<string[]> {
  const list = await engine!.docker.listContainers({ all: true, filters: { label: [`matrix.run=${runId}`] } });
  return list.map((c) => c.Id);
}

beforeAll(async () => {
  if (!enabled) return;
  engine = new PrivateDockerd();
  await engine.start();
}, 120_000);

afterAll(async () => {
  if (!engine) return;
  try {
    // Whatever happened in the test, the engine answers again, and no container of a run is left in it.
    await engine.start().catch(() => {});
    const left = await engine.docker.listContainers({ all: true, filters: { label: ['matrix.run'] } });
    expect(left.map((c) => `${c.Names[0]} (${c.Labels['matrix.run']})`)).toEqual([]);
  } finally {
    await engine.dispose();
  }
}, 120_000);

describe.skipIf(!enabled)('the Docker engine restarted mid-run (a private dockerd: needs root, dockerd and ip)', () => {
  it('in-flight cells become infra with a clear reason, the finished cell stays, the CLI ends, the database is whole, nothing is left', async () => {
    const dir = workdir();
    const runId = `dockerd-${process.pid}`;
    const env = { MATRIX_LEASE_DIR: workdir('leases-'), DOCKER_HOST: engine!.host };
    const db = join(dir, 'r.sqlite');
    const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'fast' }, { id: 'slow1', traits: SLOW }, { id: 'slow2', traits: SLOW }], timeouts: '{ startup: 5m, probe: 20s }' }));
    const child = startCli(['run', m, '--emulate', '--emulate-gpus', '3', '--db', db, '--out', join(dir, 'out'), '--run-id', runId, '--json'], { env });
    let r: CliResult | null = null;
    try {
      await waitFor(() => query<{ verdict: string }>(db, "SELECT verdict FROM cells WHERE cell_id = 'fast/h100/small/default' AND verdict IS NOT NULL")[0], 60_000, 'the fast cell to finish');
      await waitFor(async () => ((await containersOfRun(runId)).length >= 2 ? true : null), 30_000, 'two slow containers');

      await engine!.stop();
      await new Promise((res) => setTimeout(res, 2000));
      await engine!.start();

      // The CLI must end on its own, well before the 5 min startup timeout of the slow cells.
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      r = await child.done;
      clearTimeout(timer);
    } finally {
      if (!r) child.kill('SIGKILL');
    }
    expect(r.code, `${r.stderr}`).toBe(3);
    expectNoStackTrace(r.stderr);
    const out = parseRun(r);
    const cell = (id: string) => out.cells.find((c) => c.id === `${id}/h100/small/default`);
    expect(cell('fast')?.verdict).toBe('pass');
    for (const id of ['slow1', 'slow2']) {
      expect(cell(id)?.verdict, id).toBe('infra');
      expect(cell(id)?.reason, id).toMatch(/docker|engine/i);
    }
    expect(integrityCheck(db)).toBe('ok');
    const stored = query<{ cell_id: string; verdict: string | null }>(db, 'SELECT cell_id, verdict FROM cells ORDER BY cell_id');
    expect(stored.map((c) => c.verdict)).toEqual(['pass', 'infra', 'infra']);
    expect(query<{ status: string }>(db, 'SELECT status FROM runs')[0]!.status).toBe('finished');

    // Containers the engine stopped on its way down are removed: by the run itself, or by the
    // next run's reaper (their owner is gone).
    if ((await containersOfRun(runId)).length > 0) {
      const next = workdir();
      const again = await cli(['run', writeMatrix(next, imagesMatrix({ images: [{ id: 'after' }] })), '--emulate', '--db', join(next, 'r.sqlite'), '--out', join(next, 'out')], { env });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/reaped \d+ container/);
    }
    expect(await containersOfRun(runId)).toEqual([]);
  }, 300_000);
});
