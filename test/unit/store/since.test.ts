import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../harness/store/db.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import { sinceBlock } from '../../../harness/store/since.ts';
import { sinceMarkdown, sinceText } from '../../../reports/since/block.ts';
import type { CellResult } from '../../../harness/core/events.ts';
import type { Cell, Verdict } from '../../../harness/core/cell.ts';
import { cell, info } from './fixtures.ts';

function result(c: Cell, verdict: Verdict, ttft: number, attempts = 1): CellResult {
  const attempt = (n: number) => ({
    attempt: n, kind: n === 1 ? ('first' as const) : ('retry' as const), options: {}, command: c.command, outcome: 'pass' as const, exitCode: null, diagnosis: null,
    steps: { ready: 30 },
    probes: [{ name: 'stream', verdict: 'pass' as const, assertions: [], metrics: { seq_ttft_p50_ms: n === attempts ? ttft : 9999, seq_itl_p50_ms: 5 }, requests: [], evidence: [], error: null }],
    timeline: [{ name: 'compile', startS: 1, durationS: 10, detail: {} }],
    logPath: null, logTail: [], fingerprint: null, containerId: 'x', dockerRun: null, error: null,
  });
  return { cell: c, verdict, category: null, signature: verdict === 'fail' ? 'x' : null, triage: null, reason: null, durationMs: 1, attempts: Array.from({ length: attempts }, (_, i) => attempt(i + 1)) };
}

function night(db: Db, id: string, day: number, cells: Cell[], outcome: (c: Cell) => CellResult): void {
  const w = new SqliteWriter(db);
  w.onRunBegin({ ...info(id), startedAt: `2026-11-${day}T02:00:00Z` }, cells);
  for (const c of cells) w.onCellEnd(outcome(c));
  w.onRunEnd({ ...info(id), startedAt: `2026-11-${day}T02:00:00Z` }, { status: 'finished', finishedAt: `2026-11-${day}T03:00:00Z`, counts: { pass: 0, fail: 0, xfail: 0, xpass: 0, flaky: 0, infra: 0, skip: 0 }, exitCode: 0 });
}

describe('the since block of a run', () => {
  const a = cell('a/h100/m/default');
  const b = cell('b/h100/m/default');
  const slow = cell('slow/h100/m/default');
  const lenient = { ...cell('lenient/h100/m/default'), perf: { thresholds: { ttft_p50_ms: { relative: 10 } } } };
  const cells = [a, b, slow, lenient];

  function nights(): Db {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'since-')), 'r.sqlite'));
    night(db, 'n1', 20, cells, (c) => result(c, c === b ? 'fail' : 'pass', 20));
    night(db, 'n2', 21, cells, (c) => result(c, 'pass', 22));
    night(db, 'n3', 22, cells, (c) => (c === a ? result(c, 'fail', 0) : c === b ? result(c, 'flaky', 21, 2) : result(c, 'pass', c === slow || c === lenient ? 91 : 21)));
    return db;
  }

  it('lists new failures, newly flaky and the performance regressions against each cell history', () => {
    const db = nights();
    const s = sinceBlock(db, 'n3', { reportUrl: 'https://example.org/report/' });
    expect(s.previous?.id).toBe('n2');
    expect(s.newFailures).toEqual([a.id]);
    expect(s.newlyFlaky).toEqual([b.id]);
    // b's retry passed at 21 ms (the deciding attempt's figures, not the failed one's 9999 ms); lenient's matrix allows +1000 %
    expect(s.perf.map((r) => [r.cell, r.metric, r.before, r.after, r.history])).toEqual([[slow.id, 'ttft_p50_ms', 21, 91, ['n1', 'n2']]]);
    const text = sinceText(s);
    expect(text).toContain('since n2:');
    expect(text).toContain(`${slow.id}: TTFT p50 21.0 → 91.0 ms (+333%) — median of 2 runs (n1, n2) → n3`);
    expect(text).toContain('report: https://example.org/report/');
    expect(sinceMarkdown(s)).toContain('| slow/h100/m/default | TTFT p50 | 21.0 → 91.0 ms (+333%) | median of 2 runs (n1, n2) |');
    db.close();
  });

  it('a night compared with nothing before it, and one where nothing changed', () => {
    const db = nights();
    const first = sinceBlock(db, 'n1');
    expect(first).toMatchObject({ previous: null, newFailures: [], perf: [] });
    expect(sinceText(first)).toContain('first run');
    const second = sinceBlock(db, 'n2');
    expect(second.newlyFixed).toEqual([b.id]);
    expect(second.perf).toEqual([]); // one run of history is not enough to judge
    db.close();
  });

  it("judges each cell against its own last 7 passing runs: older ones never count, failed nights are skipped over", () => {
    // 16 nights. `steady` passes every night: 20 ms for 8 nights, then 90 ms for the window's 7 and
    // the judged night (no regression against those 7; over all 15 nights the median would be 20).
    // `shaky` passes the first 8 at 20 ms, fails the 7 after them and passes the judged night at
    // 90 ms: its window reaches back over the failed nights to n2..n8, and it regressed.
    const steady = cell('steady/h100/m/default');
    const shaky = cell('shaky/h100/m/default');
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'since-')), 'r.sqlite'));
    for (let n = 1; n <= 16; n++) {
      night(db, `n${n}`, n + 10, [steady, shaky], (c) => {
        if (c === steady) return result(c, 'pass', n <= 8 ? 20 : 90);
        return n === 16 ? result(c, 'pass', 90) : n > 8 ? result(c, 'fail', 0) : result(c, 'pass', 20);
      });
    }
    const s = sinceBlock(db, 'n16');
    expect(s.perf.map((r) => [r.cell, r.metric, r.before, r.after, r.history])).toEqual([[shaky.id, 'ttft_p50_ms', 20, 90, ['n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8']]]);
    db.close();
  });

  it('a reused verdict is no perf sample: the run that measured it counts once, and a reused night judges nothing', () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'since-')), 'r.sqlite'));
    const reused = (c: Cell): CellResult => ({ ...result(c, 'pass', 0), attempts: [], reusedFrom: { runId: 'n1', finishedAt: '2026-11-20T03:00:00Z' } });
    night(db, 'n1', 20, [slow], (c) => result(c, 'pass', 20));
    night(db, 'n2', 21, [slow], reused);
    night(db, 'n3', 22, [slow], reused);
    expect(sinceBlock(db, 'n3').perf).toEqual([]);
    // Night 4 measures again: its history is n1 alone (not n1 three times), too little to judge a change.
    night(db, 'n4', 23, [slow], (c) => result(c, 'pass', 91));
    expect(sinceBlock(db, 'n4').perf).toEqual([]);
    night(db, 'n5', 24, [slow], (c) => result(c, 'pass', 91));
    night(db, 'n6', 25, [slow], (c) => result(c, 'pass', 400));
    expect(sinceBlock(db, 'n6').perf.map((r) => [r.cell, r.history])).toEqual([[slow.id, ['n1', 'n4', 'n5']]]);
    db.close();
  });

  it('reused verdicts take no place in a cell\'s window: the window reaches back to the runs that measured', () => {
    // A window of 2: were the two reused nights samples (with no figures), they would fill it and
    // the 400 ms night would be judged against nothing.
    const narrow = { ...cell('narrow/h100/m/default'), perf: { window: 2 } };
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'since-')), 'r.sqlite'));
    const reused = (c: Cell): CellResult => ({ ...result(c, 'pass', 0), attempts: [], reusedFrom: { runId: 'n2', finishedAt: '2026-11-21T03:00:00Z' } });
    night(db, 'n1', 20, [narrow], (c) => result(c, 'pass', 20));
    night(db, 'n2', 21, [narrow], (c) => result(c, 'pass', 20));
    night(db, 'n3', 22, [narrow], reused);
    night(db, 'n4', 23, [narrow], reused);
    night(db, 'n5', 24, [narrow], (c) => result(c, 'pass', 400));
    expect(sinceBlock(db, 'n5').perf.map((r) => [r.cell, r.before, r.after, r.history])).toEqual([[narrow.id, 20, 400, ['n1', 'n2']]]);
    db.close();
  });
});
