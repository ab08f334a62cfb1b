// The samples `matrix plan` estimates from: a cell's newest runs that reached an outcome, each the
// seconds of every lifecycle step of every attempt it made; infra, skips and cells without attempts
// (a reused verdict) are no samples.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../harness/core/cell.ts';
import type { CellResult } from '../../../harness/core/events.ts';
import { openDb } from '../../../harness/store/db.ts';
import { durationSamples } from '../../../harness/store/duration-history.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import { verdictResult } from '../run/reporters/results.ts';
import { cell, info } from './fixtures.ts';

type Db = ReturnType<typeof openDb>;

/** One run of one cell: `steps` per attempt (seconds), or no attempt at all (a reused verdict). */
function record(db: Db, runId: string, day: number, cellId: string, verdict: Verdict, steps: number[][] | null) {
  const w = new SqliteWriter(db);
  const c = cell(cellId);
  const run = { ...info(runId), startedAt: `2026-11-${String(day).padStart(2, '0')}T00:00:00Z` };
  w.onRunBegin(run, [c]);
  const base = verdictResult(verdict);
  const attempts = steps === null ? [] : steps.map((s, i) => ({ ...base.attempts[0]!, attempt: i + 1, steps: { create: s[0], start: s[1], ready: s[2], probes: s[3], teardown: s[4] } }));
  w.onCellEnd({ ...base, cell: c, attempts, durationMs: 99_000 } satisfies CellResult);
  w.onRunEnd(run, { status: 'finished', finishedAt: run.startedAt, counts: {} as never, exitCode: 0 });
}

describe('durationSamples', () => {
  it('sums the steps of every attempt, keeps the newest runs per cell, and skips what says nothing about a duration', () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'dh-')), 'r.sqlite'));
    const id = 'img/h100/m/default';
    for (let d = 1; d <= 7; d++) record(db, `r${d}`, d, id, 'pass', [[1, 2, 3 + d, 4, 0]]);
    record(db, 'retried', 8, id, 'flaky', [[1, 1, 1, 1, 1], [1, 1, 1, 1, 1]]);
    record(db, 'infra', 9, id, 'infra', [[1, 1, 1, 1, 1]]);
    record(db, 'reused', 10, id, 'pass', null);
    record(db, 'sibling', 10, 'img/a100/m/default', 'pass', [[1, 1, 1, 1, 1]]);

    const samples = durationSamples(db, ['m'], 3).filter((s) => s.cellId === id);
    expect(samples.map((s) => [s.startedAt.slice(8, 10), s.seconds]).sort()).toEqual([
      ['06', 16],
      ['07', 17],
      ['08', 10], // both attempts
    ]);
    expect(samples[0]).toMatchObject({ cellId: id, image: 'img', gpu: 'h100', model: 'm' });
    // each cell keeps its own newest runs; a model not asked for is not read
    expect(durationSamples(db, ['m'], 3).filter((s) => s.cellId !== id)).toMatchObject([{ cellId: 'img/a100/m/default', gpu: 'a100', seconds: 5 }]);
    expect(durationSamples(db, ['other'], 3)).toEqual([]);
    expect(durationSamples(db, [], 3)).toEqual([]);
  });

  it("counts a cell's duration when its attempts stored no steps", () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'dh-')), 'r.sqlite'));
    const w = new SqliteWriter(db);
    const c = cell('img/h100/m/default');
    w.onRunBegin(info('old'), [c]);
    w.onCellEnd({ ...verdictResult('fail'), cell: c, durationMs: 42_000 });
    w.onRunEnd(info('old'), { status: 'finished', finishedAt: '2026-11-22T00:00:00Z', counts: {} as never, exitCode: 1 });
    expect(durationSamples(db, ['m'], 5).map((s) => s.seconds)).toEqual([42]);
  });
});
