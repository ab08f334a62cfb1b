// A custom probe module named by an absolute path: `matrix plan` accepts it and `matrix run` runs it.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, emulatedMatrix, parseRun, ROOT, workdir, writeMatrix } from './support/matrix-cli.ts';

const runIds: string[] = [];

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

describe('a probe module by absolute path', () => {
  const probe = join(ROOT, 'test/fixtures/probes/echo.mjs');

  it('plans and runs, from any working directory', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, emulatedMatrix({ probes: `text, ${probe}` }));
    const plan = await cli(['plan', m, '--json'], { cwd: dir });
    expect(plan.code, plan.stderr).toBe(0);
    const r = await cli(['run', m, '--emulate', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json'], { cwd: dir, env: { MATRIX_LEASE_DIR: workdir('leases-') } });
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code, r.stderr).toBe(0);
    expect(out.cells[0]!.probes.map((p) => [p.name, p.verdict])).toEqual([['text', 'pass'], ['echo', 'pass']]);
  });
});
