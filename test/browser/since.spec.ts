// The report after three nights: the since block names the TTFT regression and the new failure,
// the metric switch colours each cell by its change against its history, and the run picker shows
// an earlier night from the embedded history.
import { expect, test, type Page } from '@playwright/test';
import { NIGHT_IDS, nightsReport } from './since-nights.ts';

let url: string | null = null;
const cellSel = (id: string) => `td[data-cell="${id}"]`;

async function open(page: Page, hash = ''): Promise<void> {
  url ??= nightsReport();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url + hash);
  await page.waitForSelector('html[data-ready]');
  expect(errors).toEqual([]);
}

test('the summary says what changed since the night before: the new failure and the TTFT regression', async ({ page }, info) => {
  await open(page);
  await expect(page.locator('.since-title')).toContainText('since night-2');
  await expect(page.locator('.since-title a.report-url')).toHaveAttribute('href', 'https://example.org/matrix/');
  await expect(page.locator('.since .list.regressions li')).toHaveText([new RegExp(NIGHT_IDS.broken)]);
  const perf = page.locator('.since .list.perf li');
  await expect(perf).toHaveCount(1);
  await expect(perf).toContainText(NIGHT_IDS.slow);
  await expect(perf).toContainText('TTFT p50 21.5 → 91.0 ms (+323%)');
  await expect(perf).toHaveAttribute('title', 'median of 2 runs (night-1, night-2) → night-3');
  await expect(page.locator('.since .list.fixed p')).toHaveText('nothing newly fixed');
  await page.locator('.summary').screenshot({ path: info.outputPath('since-block.png') });
  await perf.locator('a').click();
  await expect(page.locator('#panel')).toBeVisible();
});

test('the metric switch shows TTFT p50 in every cell, coloured by its change against the history', async ({ page }, info) => {
  await open(page);
  await page.click('.metric-switch button[data-show="ttftMs"]');
  await expect(page).toHaveURL(/#show=ttftMs$/);
  await expect(page.locator('.metric-switch button.on')).toHaveText('TTFT p50');
  await expect(page.locator(cellSel(NIGHT_IDS.slow))).toHaveAttribute('data-change', 'worse');
  await expect(page.locator(cellSel(NIGHT_IDS.slow))).toHaveText('91 +323%');
  await expect(page.locator(cellSel(NIGHT_IDS.steady))).toHaveAttribute('data-change', 'same');
  await expect(page.locator(cellSel(NIGHT_IDS.broken))).toHaveAttribute('data-change', 'none');
  await expect(page.locator(cellSel(NIGHT_IDS.slow))).toHaveCSS('background-color', 'rgb(242, 184, 180)');
  await page.locator('.grid-wrap').screenshot({ path: info.outputPath('metric-ttft.png') });
  // every figure of the switch draws; those no cell measured say so
  for (const show of ['startupS', 'itlMs', 'tokS', 'accept', 'accuracy']) {
    await page.click(`.metric-switch button[data-show="${show}"]`);
    await expect(page.locator('.metric-switch button.on')).toHaveAttribute('data-show', show);
  }
  await expect(page.locator(cellSel(NIGHT_IDS.slow))).toHaveAttribute('data-change', 'none');
  await page.click('.metric-switch button[data-show="verdict"]');
  await expect(page.locator(cellSel(NIGHT_IDS.broken))).toHaveAttribute('data-verdict', 'fail');
});

test('the run picker shows the three nights and an earlier one from the embedded history', async ({ page }, info) => {
  await open(page);
  const picker = page.locator('select.run-picker');
  await expect(picker.locator('option')).toHaveText([/^night-3 · .* · 1 failing \(newest\)$/, /^night-2 · /, /^night-1 · /]);
  await picker.selectOption('night-2');
  await expect(page).toHaveURL(/#run=night-2$/);
  await expect(page.locator('.past-banner')).toContainText('Showing run night-2 from the history');
  await expect(page.locator(cellSel(NIGHT_IDS.broken))).toHaveAttribute('data-verdict', 'pass');
  await expect(page.locator('.count.v-fail b')).toHaveText('0');
  await expect(page.locator('.count.v-pass b')).toHaveText('3');
  await expect(page.locator('.since-title')).toContainText('since night-1');
  await expect(page.locator('.since .list.perf li')).toHaveCount(0);
  // the metric switch follows the picked run: night 2's TTFT against night 1 alone is too little history
  await page.click('.metric-switch button[data-show="ttftMs"]');
  await expect(page.locator(cellSel(NIGHT_IDS.slow))).toHaveText('22');
  await expect(page.locator(cellSel(NIGHT_IDS.slow))).toHaveAttribute('data-change', 'new');
  await page.screenshot({ path: info.outputPath('run-picker-night-2.png'), fullPage: true });
  await page.click('.past-banner a');
  await expect(page.locator(cellSel(NIGHT_IDS.slow))).toHaveText('91 +323%');
  await expect(page.locator('.past-banner')).toHaveCount(0);
});
