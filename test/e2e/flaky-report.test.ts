// A flaky cell through the real CLI: the first container crashes, the retry passes, and the report
// written at the end of the run carries the failed attempt for the cell's panel.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, emulatedMatrix, parseRun, workdir, writeMatrix } from './support/matrix-cli.ts';

const runIds: string[] = [];

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

describe('the report of a flaky cell', () => {
  it("keeps the failed attempt's signature, evidence and log tail beside the passing retry", async () => {
    const dir = workdir();
    const m = writeMatrix(dir, emulatedMatrix({ traits: 'faults: { fail_first_starts: 1 }', retries: 1 }));
    const r = await cli(['run', m, '--emulate', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json'], { env: { MATRIX_LEASE_DIR: workdir('leases-') } });
    const out = parseRun(r);
    runIds.push(out.run);
    expect(out.cells[0]!.verdict).toBe('flaky');
    const html = readFileSync(out.report!, 'utf8');
    const json = /<script type="application\/json" id="report-data">([^]*?)<\/script>/.exec(html)![1]!;
    const cell = (JSON.parse(json) as { cells: Array<{ id: string; failedAttempt?: { attempt: number; signature: string | null; evidence: unknown[]; logExcerpt: unknown[] } }> }).cells[0]!;
    expect(cell.failedAttempt).toMatchObject({ attempt: 1, signature: out.cells[0]!.signature });
    expect(cell.failedAttempt!.evidence.length).toBeGreaterThan(0);
    expect(cell.failedAttempt!.logExcerpt.length).toBeGreaterThan(0);
  });
});
