// `--reuse` reads each cell's newest earlier verdict: from the runs other than this one, never a
// bisect's probe run (another image of the cell), with the cell's recent verdicts and, for a
// verdict reused before, the run that produced it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../harness/core/cell.ts';
import type { CellResult } from '../../../harness/core/events.ts';
import { openDb, type Db } from '../../../harness/store/db.ts';
import { reuseCandidates, reusedCounts } from '../../../harness/store/reuse-candidates.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import { inputs } from '../../support/reuse-inputs.ts';
import { cell, info } from './fixtures.ts';

const c = cell('img/h100/m/default');

function night(db: Db, id: string, day: number, verdict: Verdict, reusedFrom?: string): void {
  const w = new SqliteWriter(db);
  const run = { ...info(id), startedAt: `2026-11-${day}T02:00:00Z` };
  w.onRunBegin(run, [c]);
  const r: CellResult = { cell: c, verdict, category: null, signature: null, attempts: [], triage: null, reason: null, durationMs: 0, reuse: { key: `sha256:${id}`, inputs: inputs() } };
  w.onCellEnd(reusedFrom ? { ...r, reusedFrom: { runId: reusedFrom, finishedAt: '' } } : r);
  w.onRunEnd(run, { status: 'finished', finishedAt: run.startedAt, counts: {} as never, exitCode: 0 });
}

describe('reuseCandidates', () => {
  it('takes the newest run but this one; a reused verdict keeps the run that produced it; a bisect probe run is no candidate', () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'reuse-c-')), 'r.sqlite'));
    night(db, 'n1', 20, 'fail');
    night(db, 'n2', 21, 'pass');
    night(db, 'n3', 22, 'pass', 'n2');
    night(db, 'probe', 23, 'fail');
    db.prepare("INSERT INTO bisects (id, cell_id, started_at, status, refs, verify, bound, argv) VALUES ('b1', ?, '2026-11-23T00:00:00Z', 'found', '[]', 0, 1, '[]')").run(c.id);
    db.prepare("INSERT INTO bisect_runs (bisect_id, seq, run_id, ref, ref_index, verdict, outcome, purpose) VALUES ('b1', 1, 'probe', 'img:x', 0, 'fail', 'bad', 'search')").run();
    night(db, 'now', 24, 'pass');
    const got = reuseCandidates(db, 'now', [c.id, 'absent/h100/m/default']);
    expect([...got.keys()]).toEqual([c.id]);
    expect(got.get(c.id)).toMatchObject({ runId: 'n3', verdict: 'pass', key: 'sha256:n3', recent: ['pass', 'pass', 'fail'] });
    expect(got.get(c.id)!.origin!.runId).toBe('n2');
    expect(got.get(c.id)!.inputs).toEqual(inputs());
    expect(reusedCounts(db, ['n2', 'n3'])).toEqual(new Map([['n3', 1]]));
    db.close();
  });
});
