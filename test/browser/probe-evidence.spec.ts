// What the cell panel says about a failure: a probe's evidence is labelled with the probe and
// highlights no line of the server's log; a triage with nothing to try says there is no remedy.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { writeReport } from '../../reports/write.ts';
import { SEED_IDS, seedsReportData } from '../fixtures/report/generate.ts';

test('probe evidence is labelled with its probe and highlights no log line', async ({ page }) => {
  const data = seedsReportData();
  const said = 'text-1: HTTP 500 from POST /v1/chat/completions: EngineCore encountered an issue';
  const cells = data.cells.map((c) => (c.id === SEED_IDS.regression
    ? { ...c, category: 'probe', signature: 'probe-text', title: `probe text failed: ${said}`, evidence: [{ line: 1, text: said, source: 'probe text' }] }
    : c));
  const { index } = writeReport({ ...data, cells }, mkdtempSync(join(tmpdir(), 'probe-evidence-')));
  await page.goto(`${pathToFileURL(index).href}#cell=${encodeURIComponent(SEED_IDS.regression)}`);
  await page.waitForSelector('html[data-ready]');
  const panel = page.locator('#panel');
  await expect(panel.locator('code.sig')).toHaveText('probe-text');
  const shown = panel.locator('.evidence-list .ln.evidence');
  await expect(shown).toHaveCount(1);
  await expect(shown.locator('.no')).toHaveText('probe text');
  await expect(shown.locator('.text')).toHaveText(said);
  await expect(panel.locator('.log .ln').first()).toBeVisible();
  await expect(panel.locator('.log .ln.evidence')).toHaveCount(0);
});

test('triage of a signature without remedies says "no known remedy", not "no remedy passed"', async ({ page }) => {
  const data = seedsReportData();
  const cells = data.cells.map((c) => (c.id === SEED_IDS.regression ? { ...c, remedies: [], triage: { tried: [], fixedBy: null } } : c));
  const { index } = writeReport({ ...data, cells }, mkdtempSync(join(tmpdir(), 'no-remedy-')));
  await page.goto(`${pathToFileURL(index).href}#cell=${encodeURIComponent(SEED_IDS.regression)}`);
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('#panel .triage .no-fix')).toHaveText('no known remedy');
});
