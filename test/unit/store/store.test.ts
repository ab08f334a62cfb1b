import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openDb, schemaVersion } from '../../../harness/store/db.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import { cellVerdicts, finishedCellIds, regressions } from '../../../harness/store/queries.ts';
import { loadReport } from '../../../harness/store/report-data.ts';
import type { CellResult, RunInfo } from '../../../harness/core/events.ts';
import type { Cell, Verdict } from '../../../harness/core/cell.ts';
import { MIGRATIONS } from '../../../harness/store/migrations.ts';
import { makeCell } from '../../support/cell.ts';

const SECRET = 'hf_abcdefSECRET123';

const cell = (id: string): Cell =>
  makeCell(id, { matrix: 'seeds', gpu: { arch: 'sm_110', computeCapability: '11.0', memoryGiB: 128 }, model: { id: 'm' }, flags: { id: 'default' }, env: { HF_TOKEN: { value: SECRET, secret: true, from: ['HF_TOKEN'] } } });

function run(id: string, startedAt: string): RunInfo {
  return { id, startedAt, host: 'h', runnerLabels: [], gitCommit: null, matrixFiles: [], emulate: true, argv: ['run', `--token=${SECRET}`], dbPath: '', outDir: '', resumedFrom: null };
}

function result(c: Cell, verdict: Verdict, ttft: number): CellResult {
  return {
    cell: c,
    verdict,
    category: verdict === 'fail' ? 'ptx-toolchain' : null,
    signature: verdict === 'fail' ? 'ptx-toolchain-attention' : null,
    triage: null,
    reason: null,
    durationMs: 1234,
    attempts: [
      {
        attempt: 1,
        kind: 'first',
        options: {},
        command: c.command,
        outcome: verdict === 'fail' ? 'fail' : 'pass',
        exitCode: verdict === 'fail' ? 1 : null,
        diagnosis: null,
        steps: { create: 0.1, ready: 2.5 },
        probes: [
          {
            name: 'stream',
            verdict: 'pass',
            assertions: [],
            metrics: { seq_ttft_p50_ms: ttft, seq_itl_p50_ms: 5 },
            requests: [{ label: 'seq-0', startMs: 1, chunks: [{ atMs: 2, kind: 'role' }, { atMs: 3, kind: 'content', text: 'hi' }], endMs: 4, promptTokens: 3, completionTokens: 1, status: 200, error: null }],
            evidence: [],
            error: null,
          },
        ],
        timeline: [{ name: 'model-load', startS: 0, durationS: 1.5, detail: { gib: 1.76 } }],
        logPath: null,
        logTail: [{ line: 1, text: `echo ${SECRET}` }],
        fingerprint: null,
        containerId: 'abc',
        dockerRun: 'docker run -e HF_TOKEN img',
        error: null,
      },
    ],
  };
}

describe('store', () => {
  it('migrates once and records the version', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'db-')), 'r.sqlite');
    const db = openDb(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
    const again = openDb(path);
    expect(schemaVersion(again)).toBe(MIGRATIONS.at(-1)!.version);
    again.close();
  });

  it('writes runs as events arrive (a finished cell without waiting for the run to end); unfinished cells have no verdict; secrets never reach the file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'db-')), 'r.sqlite');
    const db = openDb(path);
    const w = new SqliteWriter(db, [SECRET]);
    const cells = [cell('a/thor/m/default'), cell('b/thor/m/default')];
    w.onRunBegin(run('r1', '2026-11-20T00:00:00Z'), cells);
    w.onCellEnd(result(cells[0]!, 'pass', 30));
    await vi.waitFor(() => expect([...finishedCellIds(db, 'r1')]).toEqual(['a/thor/m/default']), { timeout: 10_000 });
    expect(cellVerdicts(db, 'r1').map((c) => c.verdict)).toEqual(['pass', null]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(readFileSync(path).includes(Buffer.from(SECRET))).toBe(false);
  });

  it('finds regressions and fixes against the previous run, and builds the report data with history', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'db-')), 'r.sqlite');
    const db = openDb(path);
    const cells = [cell('a/thor/m/default'), cell('b/thor/m/default')];
    const w1 = new SqliteWriter(db);
    w1.onRunBegin(run('night1', '2026-11-20T00:00:00Z'), cells);
    w1.onCellEnd(result(cells[0]!, 'pass', 30));
    w1.onCellEnd(result(cells[1]!, 'fail', 0));
    w1.onRunEnd(run('night1', ''), { status: 'finished', finishedAt: '2026-11-20T01:00:00Z', counts: { pass: 1, fail: 1, xfail: 0, xpass: 0, flaky: 0, infra: 0, skip: 0 }, exitCode: 1 });
    const w2 = new SqliteWriter(db);
    w2.onRunBegin(run('night2', '2026-11-21T00:00:00Z'), cells);
    w2.onCellEnd(result(cells[0]!, 'fail', 0));
    w2.onCellEnd(result(cells[1]!, 'pass', 40));
    w2.flush();
    expect(regressions(db, 'night2')).toEqual({ regressed: ['a/thor/m/default'], fixed: ['b/thor/m/default'], flaky: [], newlyFlaky: [] });
    const { data } = loadReport(db, { runs: 10 });
    expect(data.runs.map((r) => r.id)).toEqual(['night2', 'night1']);
    expect(data.cells.map((c) => [c.id, c.verdict])).toEqual([['a/thor/m/default', 'fail'], ['b/thor/m/default', 'pass']]);
    expect(data.history['b/thor/m/default']!.map((h) => [h.run, h.verdict, h.ttftMs])).toEqual([['night1', 'fail', 0], ['night2', 'pass', 40]]);
    expect(data.cells[1]!.probes[0]!.metrics.seq_ttft_p50_ms).toBe(40);
    expect(data.cells[1]!.timeline[0]).toEqual({ name: 'model-load', startS: 0, durationS: 1.5, detail: { gib: 1.76 } });
    expect(data.regressions).toEqual(['a/thor/m/default']);
    db.close();
  });
});
