// `matrix report` when the full logs the database names are gone (a database copied without its
// run directory): it says which cells' logs are missing and where they were expected.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, emulatedMatrix, parseRun, query, workdir, writeMatrix } from './support/matrix-cli.ts';

const runIds: string[] = [];

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

describe('matrix report without the logs', () => {
  it('names each cell whose full log is missing, with the path it looked at', async () => {
    const dir = workdir();
    const db = join(dir, 'r.sqlite');
    const m = writeMatrix(dir, emulatedMatrix());
    const run = await cli(['run', m, '--emulate', '--db', db, '--out', join(dir, 'out'), '--json'], { env: { MATRIX_LEASE_DIR: workdir('leases-') } });
    runIds.push(parseRun(run).run);
    const logPath = query<{ log_path: string }>(db, 'SELECT log_path FROM attempts')[0]!.log_path;
    rmSync(join(dir, 'out', 'logs'), { recursive: true });
    const r = await cli(['report', '--db', db, '--out', join(dir, 'report')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`1 full log is missing; the report shows its excerpt only:\n  img/h100/small/default: ${logPath}`);
    expect(r.stdout).toContain('· 0 logs ·');
  });
});
