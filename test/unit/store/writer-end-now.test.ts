// A forced end (a second signal, a crash) marks the run from outside the event stream, at once:
// the cells that finished are committed first, and the wind-down that may still follow does not
// overwrite the mark.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../harness/store/db.ts';
import { finishedCellIds } from '../../../harness/store/queries.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import { cell, info } from './fixtures.ts';

const counts = { pass: 1, fail: 0, xfail: 0, xpass: 0, flaky: 0, infra: 0, skip: 0 };

describe('SqliteWriter.endNow', () => {
  it('commits the finished cells still pending, marks the run, and a later onRunEnd keeps that mark', () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'db-')), 'r.sqlite'));
    const w = new SqliteWriter(db);
    const cells = [cell('a/h100/m/default'), cell('b/h100/m/default')];
    w.onRunBegin(info('r1'), cells);
    w.onCellEnd({ cell: cells[0]!, verdict: 'pass', category: null, signature: null, triage: null, reason: null, durationMs: 5, attempts: [] });
    w.endNow('interrupted', 130); // same turn: the cell is still pending
    expect([...finishedCellIds(db, 'r1')]).toEqual(['a/h100/m/default']);
    const row = () => db.prepare('SELECT status, exit_code, finished_at IS NOT NULL AS ended FROM runs WHERE id = ?').get('r1');
    expect(row()).toEqual({ status: 'interrupted', exit_code: 130, ended: 1 });
    w.onRunEnd(info('r1'), { status: 'interrupted', finishedAt: '2026-11-22T01:00:00Z', counts, exitCode: 3 });
    expect(row()).toEqual({ status: 'interrupted', exit_code: 130, ended: 1 });
    db.close();
  });
});
