// `--last-failed` reads the newest run's non-pass cells; a run started with it is resumed within its cells.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../harness/store/db.ts';
import { lastFailedCells, lastFailedRunCells } from '../../../harness/store/last-failed.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import type { Verdict } from '../../../harness/core/cell.ts';
import { verdictResult as result } from '../run/reporters/results.ts';
import { cell, info } from './fixtures.ts';

function record(db: ReturnType<typeof openDb>, id: string, startedAt: string, argv: string[], verdicts: Array<Verdict | null>) {
  const w = new SqliteWriter(db);
  const cells = verdicts.map((_, i) => cell(`img/h100/m/c${i}`));
  const run = { ...info(id), startedAt, argv };
  w.onRunBegin(run, cells);
  verdicts.forEach((v, i) => v && w.onCellEnd({ ...result(v), cell: cells[i]! }));
  w.onRunEnd(run, { status: 'finished', finishedAt: startedAt, counts: {} as never, notRun: [], notRunReasons: { 'img/h100/m/c6': 'not run: --max-failures 1 reached (1 unexpected failures)' }, exitCode: 1 });
}

describe('lastFailedCells', () => {
  it('takes the newest run: fail, xpass, flaky, infra and not-run cells; never pass, xfail or skip', () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'lf-')), 'r.sqlite'));
    expect(lastFailedCells(db)).toBeNull();
    record(db, 'old', '2026-11-01T00:00:00Z', ['run'], ['fail', 'fail']);
    record(db, 'new', '2026-11-02T00:00:00Z', ['run'], ['pass', 'fail', 'xfail', 'xpass', 'flaky', 'infra', null, 'skip']);
    const last = lastFailedCells(db)!;
    expect(last.runId).toBe('new');
    expect([...last.cellIds].sort()).toEqual(['img/h100/m/c1', 'img/h100/m/c3', 'img/h100/m/c4', 'img/h100/m/c5', 'img/h100/m/c6']);
    // The cell an early stop left carries why.
    expect(db.prepare("SELECT reason FROM cells WHERE run_id = 'new' AND cell_id = 'img/h100/m/c6'").get()).toEqual({ reason: 'not run: --max-failures 1 reached (1 unexpected failures)' });
  });

  it('a --last-failed run is resumed within its own cells; any other run is not restricted', () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'lf-')), 'r.sqlite'));
    record(db, 'lf', '2026-11-02T00:00:00Z', ['run', 'm.yaml', '--last-failed'], ['fail', null]);
    record(db, 'plain', '2026-11-03T00:00:00Z', ['run', 'm.yaml'], ['fail']);
    expect([...lastFailedRunCells(db, 'lf')!].sort()).toEqual(['img/h100/m/c0', 'img/h100/m/c1']);
    expect(lastFailedRunCells(db, 'plain')).toBeNull();
  });
});
