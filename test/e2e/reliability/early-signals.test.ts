// A signal before any cell starts: while `matrix run` prepares the runner (GPUs discovered, orphans
// reaped, the emulator image checked) the run's ending is already watched, so the run stops as any
// interrupted run does — recorded, reported, with a resume command. (Earlier, while it plans: a
// message and exit 130, test/unit/cli/unowned-signals.test.ts.)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emulatedMatrix, pathWithFakeNvidiaSmi, query, startCli, waitFor, workdir, writeMatrix } from '../support/matrix-cli.ts';
import { leftovers } from '../support/reliability.ts';

const runIds: string[] = [];

afterAll(async () => {
  expect(await leftovers(runIds)).toEqual([]);
});

/** The fake nvidia-smi, marking when it was asked and answering after `seconds` (a slow driver). */
function slowNvidiaSmi(dir: string, seconds: number): { path: string; asked: string } {
  const asked = join(dir, 'asked');
  return { path: pathWithFakeNvidiaSmi(dir, `touch ${asked}\nsleep ${seconds}\n`), asked };
}

describe('a signal before a run is under way', () => {
  it('SIGINT while the runner is prepared: the run stops interrupted, every cell "not run", recorded and reported', async () => {
    const dir = workdir();
    const runId = `early-sigint-${process.pid}`;
    runIds.push(runId);
    const smi = slowNvidiaSmi(dir, 2);
    const m = writeMatrix(dir, emulatedMatrix());
    const child = startCli(['run', m, '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--run-id', runId, '--pull', 'never', '--model-download', 'never'], { env: { PATH: smi.path } });
    await waitFor(() => (existsSync(smi.asked) ? true : null), 30_000, 'the runner to ask nvidia-smi for its GPUs');
    child.kill('SIGINT');
    const r = await child.done;
    expect(r.stderr).toContain('SIGINT: stopping');
    expect(r.stdout).toMatch(/interrupted: 1 not run/);
    expect(r.stdout).toContain(`--resume ${runId}`);
    expect(r.code, r.stderr).toBe(3);
    expect(query<{ status: string }>(join(dir, 'r.sqlite'), 'SELECT status FROM runs WHERE id = ?', runId)[0]?.status).toBe('interrupted');
    expect(existsSync(join(dir, 'out', 'report', 'index.html'))).toBe(true);
  });
});
