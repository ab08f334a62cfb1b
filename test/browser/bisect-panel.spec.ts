// A cell with a bisect: its panel names the first bad and last good images with their digests, the
// signature that appears, and each probe run — linked when the report holds that run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { writeReport } from '../../reports/write.ts';
import type { ReportBisect } from '../../reports/data.ts';
import { SEED_IDS, seedsReportData } from '../fixtures/report/generate.ts';

test('the Bisect part shows the answer and the probe runs', async ({ page }) => {
  const data = seedsReportData();
  const held = data.runs[0]!.id;
  const bisect: ReportBisect = {
    id: 'bisect-1', startedAt: '2026-12-02T14:48:46.681Z', status: 'found', bound: 3, error: null, signature: 'ptx-toolchain-attention',
    refs: ['r:nightly-01', 'r:nightly-02', 'r:nightly-03', 'r:nightly-04', 'r:nightly-05', 'r:nightly-06'],
    lastGood: { ref: 'r:nightly-03', digest: `sha256:${'b'.repeat(64)}` },
    firstBad: { ref: 'r:nightly-04', digest: `sha256:${'4'.repeat(64)}` },
    runs: [
      { run: 'probe-elsewhere', ref: 'r:nightly-03', verdict: 'pass', signature: null, outcome: 'good', purpose: 'search' },
      { run: held, ref: 'r:nightly-04', verdict: 'fail', signature: 'ptx-toolchain-attention', outcome: 'bad', purpose: 'search' },
    ],
  };
  const cells = data.cells.map((c) => (c.id === SEED_IDS.regression ? { ...c, bisect } : c));
  const { index } = writeReport({ ...data, cells }, mkdtempSync(join(tmpdir(), 'bisect-panel-')));
  await page.goto(`${pathToFileURL(index).href}#cell=${encodeURIComponent(SEED_IDS.regression)}`);
  await page.waitForSelector('html[data-ready]');
  const part = page.locator('#panel .bisect');
  await expect(part.locator('h3')).toHaveText('Bisect over 6 images');
  await expect(part.locator('.bisect-answer')).toHaveText('first bad: r:nightly-04 (sha256:444444444444…), last good: r:nightly-03 (sha256:bbbbbbbbbbbb…); 2 runs (≤ 3 to search)');
  await expect(part.locator('.sig')).toHaveText('ptx-toolchain-attention');
  const runs = part.locator('.bisect-runs li');
  await expect(runs.nth(0)).toHaveText('run 1 (probe-elsewhere): r:nightly-03 → pass');
  await expect(runs.nth(0).locator('a')).toHaveCount(0);
  await expect(runs.nth(1)).toHaveText('run 2: r:nightly-04 → fail (ptx-toolchain-attention)');
  await expect(runs.nth(1).locator('a')).toHaveAttribute('href', `#cell=${encodeURIComponent(SEED_IDS.regression)}`);
});
