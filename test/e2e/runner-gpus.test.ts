// On a runner (no --emulate) without --gpu, `matrix run` runs the cells of the GPUs the runner has
// and says which it left out; --gpu still forces. The runner here is this machine with the
// nvidia-smi of an H100 node on its PATH.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, emulatedMatrix, parseRun, pathWithFakeNvidiaSmi, workdir, writeMatrix } from './support/matrix-cli.ts';

const leaseDir = workdir('leases-');
const runIds: string[] = [];

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

function run(dir: string, gpus: string, extra: string[] = []) {
  const image = process.env.MATRIX_EMULATOR_IMAGE ?? 'matrix-emulator:latest';
  const m = writeMatrix(dir, emulatedMatrix({ image }).replace('gpus: [h100]', `gpus: [${gpus}]`));
  return cli(['run', m, '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--pull', 'never', ...extra], { env: { MATRIX_LEASE_DIR: leaseDir, PATH: pathWithFakeNvidiaSmi(dir) } });
}

describe('the GPUs of a run on a runner', () => {
  it('without --gpu: the cells of the GPUs the runner has; the others are left out, on stderr with why', async () => {
    const dir = workdir();
    const r = await run(dir, 'h100, thor, rtx-pro-6000', ['--json']);
    const out = parseRun(r);
    runIds.push(out.run);
    expect(out.cells.map((c) => c.id)).toEqual(['img/h100/small/default']);
    expect(r.stderr).toContain('left out the cells of GPUs this runner does not have: thor (1 cell), rtx-pro-6000 (1 cell) (it has h100 ×1); --gpu NAME runs them anyway');
  });

  it('a matrix of no GPU the runner has: exit 2, what the cells need and what the runner has', async () => {
    const dir = workdir();
    const r = await run(dir, 'thor');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no selected cell is on a GPU this runner has: the cells are on thor (1 cell); this runner has h100 ×1');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--gpu forces: a GPU the runner lacks is refused, exit 3', async () => {
    const dir = workdir();
    const r = await run(dir, 'h100, thor', ['--gpu', 'thor']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--gpu thor: this runner has no such GPU (it has: h100 ×1)');
  });
});
