// Cells without a verdict are pending, running or not run in the report data — never infra — and
// a resumed run reads its earlier verdicts back whole.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CellResult } from '../../../harness/core/events.ts';
import { openDb } from '../../../harness/store/db.ts';
import { earlierResults } from '../../../harness/store/earlier-results.ts';
import { loadReport } from '../../../harness/store/report-data.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import { cell, info } from './fixtures.ts';

function failed(id: string): CellResult {
  const c = cell(id);
  return {
    cell: c,
    verdict: 'fail',
    category: 'oom',
    signature: 'oom-kv-cache',
    triage: null,
    reason: 'out of memory',
    durationMs: 1500,
    attempts: [
      {
        attempt: 1,
        kind: 'first',
        options: {},
        command: c.command,
        outcome: 'fail',
        exitCode: 1,
        diagnosis: { category: 'oom', signature: 'oom-kv-cache', title: 'KV cache OOM', explanation: '', phase: 'kv-cache', evidence: [{ line: 7, text: 'CUDA out of memory' }], remedies: [], links: [] },
        steps: { ready: 2 },
        probes: [{ name: 'stream', verdict: 'fail', assertions: [{ name: 'answers', ok: false, message: 'no answer' }], metrics: { seq_ttft_p50_ms: 9 }, requests: [], evidence: ['e'], error: null }],
        timeline: [],
        logPath: '/logs/run/a.log',
        logTail: [{ line: 7, text: 'CUDA out of memory' }],
        fingerprint: null,
        containerId: 'c1',
        dockerRun: 'docker run x',
        error: null,
      },
    ],
  };
}

const states = (db: ReturnType<typeof openDb>) => Object.fromEntries(loadReport(db).data.cells.map((c) => [c.id, c.verdict]));

describe('cells without a verdict', () => {
  it('are pending or running while the run runs, not run once it ended — never infra', () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'unfinished-')), 'r.sqlite'));
    const w = new SqliteWriter(db);
    const run = info('r1');
    w.onRunBegin(run, [cell('a/h100/m/x'), cell('b/h100/m/x'), cell('c/h100/m/x')]);
    w.onCellEnd(failed('a/h100/m/x'));
    w.flush();
    w.onCellBegin(cell('b/h100/m/x'));
    expect(states(db)).toEqual({ 'a/h100/m/x': 'fail', 'b/h100/m/x': 'running', 'c/h100/m/x': 'pending' });
    expect(loadReport(db).data.runs[0]!.counts).toMatchObject({ fail: 1, running: 1, pending: 1, infra: 0, 'not-run': 0 });

    w.onRunEnd(run, { status: 'interrupted', finishedAt: new Date().toISOString(), counts: { pass: 0, fail: 1, xfail: 0, xpass: 0, flaky: 0, infra: 0, skip: 0 }, exitCode: 3 });
    expect(states(db)).toEqual({ 'a/h100/m/x': 'fail', 'b/h100/m/x': 'not-run', 'c/h100/m/x': 'not-run' });
    const report = loadReport(db).data;
    expect(report.runs[0]!.counts).toMatchObject({ fail: 1, 'not-run': 2, infra: 0, running: 0, pending: 0 });
    expect(report.cells.find((c) => c.id === 'c/h100/m/x')!.reason).toMatch(/^not run: .*--resume/);
    db.close();
  });

  it('a resumed run reads its earlier verdicts back with their attempts, diagnosis and probes', () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'earlier-')), 'r.sqlite'));
    const w = new SqliteWriter(db);
    const run = info('r2');
    w.onRunBegin(run, [cell('a/h100/m/x'), cell('b/h100/m/x')]);
    w.onCellEnd(failed('a/h100/m/x'));
    w.close();
    const back = earlierResults(db, 'r2');
    expect(back).toHaveLength(1); // b has no verdict: --resume runs it
    const want = failed('a/h100/m/x');
    expect(back[0]).toMatchObject({ verdict: 'fail', category: 'oom', signature: 'oom-kv-cache', reason: 'out of memory', durationMs: 1500, triage: null });
    expect(back[0]!.cell).toEqual(want.cell);
    const a = back[0]!.attempts[0]!;
    expect(a.diagnosis).toEqual(want.attempts[0]!.diagnosis);
    expect(a.probes.map((p) => [p.name, p.verdict, p.assertions[0]!.message])).toEqual([['stream', 'fail', 'no answer']]);
    expect(a.logTail).toEqual([{ line: 7, text: 'CUDA out of memory' }]);
    expect([a.exitCode, a.logPath, a.dockerRun]).toEqual([1, '/logs/run/a.log', 'docker run x']);
    db.close();
  });
});
