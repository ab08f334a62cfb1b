// A bisect's records (schema 8) and how its probe runs stay out of the nightly's views: the newest
// and previous run, a cell's history and regressions, --last-failed — while the report of a probe
// run still shows it, beside the probe runs of its bisect before it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../harness/core/cell.ts';
import { addBisectRun, beginBisect, endBisect, newestBisects } from '../../../harness/store/bisects.ts';
import { openDb, type Db } from '../../../harness/store/db.ts';
import { lastFailedCells } from '../../../harness/store/last-failed.ts';
import { listRuns, regressions, runsFrom } from '../../../harness/store/queries.ts';
import { loadReport } from '../../../harness/store/report-data.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import { verdictResult as result } from '../run/reporters/results.ts';
import { cell, info } from './fixtures.ts';

const CELL = 'img/h100/m/default';

function record(db: Db, id: string, startedAt: string, verdict: Verdict) {
  const w = new SqliteWriter(db);
  const c = cell(CELL);
  const run = { ...info(id), startedAt };
  w.onRunBegin(run, [c]);
  w.onCellEnd({ ...result(verdict), cell: c });
  w.onRunEnd(run, { status: 'finished', finishedAt: startedAt, counts: {} as never, notRun: [], exitCode: 0 });
}

/** A nightly that passed, one that failed, then a bisect whose last probe run passed. */
function nightsAndBisect(): Db {
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'bisect-')), 'r.sqlite'));
  record(db, 'night-1', '2026-11-01T00:00:00Z', 'pass');
  record(db, 'night-2', '2026-11-02T00:00:00Z', 'fail');
  beginBisect(db, { id: 'b1', cellId: CELL, refs: ['r:01', 'r:02', 'r:03', 'r:04'], verify: false, bound: 2, argv: ['bisect'] });
  record(db, 'probe-1', '2026-11-02T01:00:00Z', 'fail');
  addBisectRun(db, 'b1', { runId: 'probe-1', ref: 'r:02', index: 1, digest: 'sha256:02', verdict: 'fail', signature: 'ptx-toolchain-attention', outcome: 'bad', purpose: 'search' });
  record(db, 'probe-2', '2026-11-02T02:00:00Z', 'pass');
  return db;
}

describe('bisect records', () => {
  it('keep the refs, each probe run and the answer; the report reads the newest ended bisect of the cell', () => {
    const db = nightsAndBisect();
    expect(newestBisects(db, [CELL]).size).toBe(0); // still running: not shown
    endBisect(db, 'b1', { status: 'found', lastGood: { ref: 'r:01', digest: 'sha256:01' }, firstBad: { ref: 'r:02', digest: 'sha256:02' }, signature: 'ptx-toolchain-attention', category: 'ptx-toolchain' });
    const b = newestBisects(db, [CELL, 'other']).get(CELL)!;
    expect(b).toMatchObject({ id: 'b1', status: 'found', refs: ['r:01', 'r:02', 'r:03', 'r:04'], bound: 2, firstBad: { ref: 'r:02', digest: 'sha256:02' }, lastGood: { ref: 'r:01', digest: 'sha256:01' }, signature: 'ptx-toolchain-attention', error: null });
    expect(b.runs).toEqual([{ run: 'probe-1', ref: 'r:02', verdict: 'fail', signature: 'ptx-toolchain-attention', outcome: 'bad', purpose: 'search' }]);
    const cells = loadReport(db).data.cells;
    expect(cells.find((c) => c.id === CELL)!.bisect!.firstBad!.ref).toBe('r:02');
  });

  it('a bisect that stopped keeps why', () => {
    const db = nightsAndBisect();
    endBisect(db, 'b1', { status: 'failed', error: 'ref r:03 gave infra twice: cannot decide' });
    expect(newestBisects(db, [CELL]).get(CELL)).toMatchObject({ status: 'failed', firstBad: null, error: 'ref r:03 gave infra twice: cannot decide' });
  });
});

describe('probe runs and the nightly views', () => {
  it('are left out of the newest run, the previous verdict of a cell and --last-failed once linked to their bisect', () => {
    const db = nightsAndBisect();
    addBisectRun(db, 'b1', { runId: 'probe-2', ref: 'r:01', index: 0, digest: null, verdict: 'pass', signature: null, outcome: 'good', purpose: 'verify' });
    expect(listRuns(db).map((r) => r.id)).toEqual(['night-2', 'night-1']);
    expect(lastFailedCells(db)!.runId).toBe('night-2');
    // the next nightly fails again: no regression against the probe run that passed
    record(db, 'night-3', '2026-11-03T00:00:00Z', 'fail');
    expect(regressions(db, 'night-3').regressed).toEqual([]);
    expect(loadReport(db).data.runs.map((r) => r.id)).toEqual(['night-3', 'night-2', 'night-1']);
  });

  it('the report of a probe run holds its bisect\'s probe runs up to it, then the runs before them', () => {
    const db = nightsAndBisect();
    addBisectRun(db, 'b1', { runId: 'probe-2', ref: 'r:01', index: 0, digest: null, verdict: 'pass', signature: null, outcome: 'good', purpose: 'verify' });
    expect(runsFrom(db, 'probe-2')!.map((r) => r.id)).toEqual(['probe-2', 'probe-1', 'night-2', 'night-1']);
    expect(runsFrom(db, 'probe-1')!.map((r) => r.id)).toEqual(['probe-1', 'night-2', 'night-1']);
    expect(runsFrom(db, 'nope')).toBeNull();
    expect(loadReport(db, { runId: 'probe-2' }).data.runs.map((r) => r.id)).toEqual(['probe-2', 'probe-1', 'night-2', 'night-1']);
  });
});
