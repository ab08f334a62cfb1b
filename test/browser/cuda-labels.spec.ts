// The report says whose CUDA it shows: the image's (or that the image does not state one) and the
// runner driver's, in the summary and in a cell's Environment section.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { writeReport } from '../../reports/write.ts';
import { SEED_IDS, seedsReportData } from '../fixtures/report/generate.ts';

test('image CUDA and driver CUDA are told apart, and an image that states none says so', async ({ page }) => {
  const data = seedsReportData();
  const cells = data.cells.map((c) => (c.id === SEED_IDS.regression && c.fingerprint ? { ...c, fingerprint: { ...c.fingerprint, cudaVersion: null, driverCuda: '12.8' } } : c));
  const { index } = writeReport({ ...data, cells }, mkdtempSync(join(tmpdir(), 'cuda-labels-')));
  await page.goto(`${pathToFileURL(index).href}#cell=${encodeURIComponent(SEED_IDS.regression)}`);
  await page.waitForSelector('html[data-ready]');
  const env = page.locator('.summary .env');
  await expect(env.locator('.kv', { hasText: 'driver CUDA' })).toContainText('12.8');
  await expect(env.locator('.kv', { hasText: 'image CUDA' })).toContainText('not stated');
  const fp = page.locator('#panel dl.fp');
  await expect(fp.locator('dt', { hasText: /^image CUDA$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText('not stated by the image');
  await expect(fp.locator('dt', { hasText: /^driver CUDA$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText('12.8');
});
