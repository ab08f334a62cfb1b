// A reused verdict's panel (`--reuse`): "reused from run X", linked to that run's cell, and the
// evidence of the attempt that run made (this run has none): written by the store's writer, read
// back by the report's loader.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { openDb } from '../../harness/store/db.ts';
import { loadReportData } from '../../harness/store/report-data.ts';
import { SqliteWriter } from '../../harness/store/writer.ts';
import type { AttemptResult, CellResult, RunInfo } from '../../harness/core/events.ts';
import { writeReport } from '../../reports/write.ts';
import { cell } from '../unit/store/fixtures.ts';

const PTX = 'torch.AcceleratorError: CUDA error: the provided PTX was compiled with an unsupported toolchain.';
const COUNTS = { pass: 0, fail: 0, xfail: 1, xpass: 0, flaky: 0, infra: 0, skip: 0 };

const failed: AttemptResult = {
  attempt: 1, kind: 'first', options: {}, command: [], outcome: 'fail', exitCode: 1,
  diagnosis: { category: 'ptx-toolchain', signature: 'ptx-toolchain-attention', title: 'unsupported PTX toolchain', explanation: '', phase: 'startup', evidence: [{ line: 3, text: PTX }], remedies: [], links: [] },
  steps: { ready: 4 }, probes: [], timeline: [], logPath: null, logTail: [{ line: 3, text: PTX }], fingerprint: null, containerId: null, dockerRun: null, error: null,
};

function night(dbPath: string, dir: string, id: string, startedAt: string, r: CellResult): void {
  const run: RunInfo = { id, startedAt, host: 'h', runnerLabels: [], gitCommit: null, matrixFiles: [], emulate: true, argv: [], dbPath, outDir: dir, resumedFrom: null };
  const db = openDb(dbPath);
  const w = new SqliteWriter(db);
  w.onRunBegin(run, [r.cell]);
  w.onCellEnd(r);
  w.onRunEnd(run, { status: 'finished', finishedAt: startedAt, counts: COUNTS, exitCode: 0 });
  db.close();
}

test('the panel of a reused verdict links the run that produced it and shows that run\'s evidence', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'reused-panel-'));
  const dbPath = join(dir, 'r.sqlite');
  const c = cell('img/h100/m/default');
  const base = { cell: c, verdict: 'xfail' as const, category: 'ptx-toolchain', signature: 'ptx-toolchain-attention', triage: null, reason: 'unsupported PTX toolchain' };
  night(dbPath, dir, 'night-1', '2026-12-01T02:00:00.000Z', { ...base, attempts: [failed], durationMs: 5000 });
  night(dbPath, dir, 'night-2', '2026-12-02T02:00:00.000Z', { ...base, attempts: [], durationMs: 0, reusedFrom: { runId: 'night-1', finishedAt: '2026-12-01T02:00:05.000Z' } });
  const { data } = loadReportData(dbPath, { runs: 30 });
  const { index } = writeReport(data, join(dir, 'report'));
  await page.goto(`${pathToFileURL(index).href}#cell=${encodeURIComponent(c.id)}`);
  await page.waitForSelector('html[data-ready]');
  const reused = page.locator('#panel p.reused');
  await expect(reused).toContainText('reused from run night-1');
  await expect(reused.locator('a')).toHaveAttribute('href', `#run=night-1&cell=${encodeURIComponent(c.id)}`);
  await expect(page.locator('#panel .evidence-list .ln.evidence').first()).toContainText(PTX);
  await reused.locator('a').click();
  await expect(page).toHaveURL(/#run=night-1/);
});
