// Cells without a verdict on the report page: their own states (running, pending, not run), their
// own counts, outlined in the grid — never shown or counted as infra.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import type { CellState } from '../../harness/core/cell.ts';
import { writeReport } from '../../reports/write.ts';
import { seedsReportData } from '../fixtures/report/generate.ts';
import { cellSel } from './seeds-report.ts';

test('running, pending and not-run cells have their own states and counts, and infra counts only infra', async ({ page }) => {
  const data = seedsReportData();
  const passed = data.cells.filter((c) => c.verdict === 'pass').slice(0, 3);
  const states: CellState[] = ['running', 'pending', 'not-run'];
  passed.forEach((c, i) => Object.assign(c, { verdict: states[i], reason: `${states[i]} for the test`, probes: [], phases: {} }));
  const infra = data.cells.filter((c) => c.verdict === 'infra').length;
  const { index } = writeReport(data, join(mkdtempSync(join(tmpdir(), 'unfinished-report-')), 'report'));
  await page.goto(pathToFileURL(index).href);
  await page.waitForSelector('html[data-ready]');

  for (const [i, c] of passed.entries()) await expect(page.locator(cellSel(c.id))).toHaveAttribute('data-verdict', states[i]!);
  await expect(page.locator(cellSel(passed[2]!.id))).toHaveText('not run');
  await expect(page.locator(cellSel(passed[2]!.id))).not.toHaveAttribute('data-before', /./);
  for (const s of states) await expect(page.locator(`.count.v-${s} b`)).toHaveText('1');
  await expect(page.locator('.count.v-infra b')).toHaveText(String(infra));
  await page.click('.count[data-verdict=not-run]');
  await expect(page.locator('td[data-cell]')).toHaveCount(1);
  await expect(page.locator('td[data-cell]')).toHaveAttribute('data-verdict', 'not-run');
});
