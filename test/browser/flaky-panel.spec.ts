// A flaky cell's panel shows the attempt that failed (signature, evidence, its log tail) beside the
// retry that passed: a database written by the store's writer, read back by the report's loader.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { openDb } from '../../harness/store/db.ts';
import { loadReportData } from '../../harness/store/report-data.ts';
import { SqliteWriter } from '../../harness/store/writer.ts';
import type { AttemptResult, RunInfo } from '../../harness/core/events.ts';
import { writeReport } from '../../reports/write.ts';
import { cell } from '../unit/store/fixtures.ts';

const CRASH = 'RuntimeError: CUDA error: an illegal memory access was encountered';

function attempt(n: number, failed: boolean): AttemptResult {
  return {
    attempt: n, kind: n === 1 ? 'first' : 'retry', options: {}, command: [], outcome: failed ? 'fail' : 'pass', exitCode: failed ? 1 : null,
    diagnosis: failed ? { category: 'other', signature: 'exited', title: 'server exited with code 1', explanation: '', phase: 'startup', evidence: [{ line: 2, text: CRASH }], remedies: [], links: [] } : null,
    steps: {}, probes: [], timeline: [], logPath: null,
    logTail: failed ? [{ line: 1, text: 'INFO starting' }, { line: 2, text: CRASH }] : [{ line: 1, text: 'INFO: Application startup complete.' }],
    fingerprint: null, containerId: null, dockerRun: null, error: null,
  };
}

test('the panel of a flaky cell shows the failed attempt, its evidence and its log', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'flaky-panel-'));
  const dbPath = join(dir, 'r.sqlite');
  const c = cell('img/h100/m/default');
  const run: RunInfo = { id: 'run-1', startedAt: '2026-11-22T02:00:00.000Z', host: 'h', runnerLabels: [], gitCommit: null, matrixFiles: [], emulate: true, argv: [], dbPath, outDir: dir, resumedFrom: null };
  const db = openDb(dbPath);
  const w = new SqliteWriter(db);
  w.onRunBegin(run, [c]);
  w.onCellEnd({ cell: c, verdict: 'flaky', category: 'other', signature: 'exited', attempts: [attempt(1, true), attempt(2, false)], triage: null, reason: 'failed (exited), then passed on retry 1', durationMs: 2000 });
  w.onRunEnd(run, { status: 'finished', finishedAt: '2026-11-22T02:01:00.000Z', counts: { pass: 0, fail: 0, xfail: 0, xpass: 0, flaky: 1, infra: 0, skip: 0 }, exitCode: 0 });
  db.close();
  const { data } = loadReportData(dbPath, { runs: 30 });
  const { index } = writeReport(data, join(dir, 'report'));
  await page.goto(`${pathToFileURL(index).href}#cell=${encodeURIComponent(c.id)}`);
  await page.waitForSelector('html[data-ready]');
  const failed = page.locator('#panel .failed-attempt');
  await expect(failed.locator('h3')).toHaveText('Attempt 1 failed, then a retry passed');
  await expect(failed.locator('code.sig')).toHaveText('exited');
  await expect(failed.locator('.evidence-list .ln.evidence')).toHaveText([`2${CRASH}`]);
  await expect(failed.locator('.log .ln.evidence')).toHaveAttribute('data-line', '2');
});
