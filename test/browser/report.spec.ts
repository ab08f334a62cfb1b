import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { writeReport } from '../../reports/write.ts';
import { SEED_IDS } from '../fixtures/report/generate.ts';
import { cellSel, openReport, seedsReport } from './seeds-report.ts';

test('the grid shows the expected verdict per cell', async ({ page }, info) => {
  await openReport(page);
  const { data } = seedsReport();
  await expect(page.locator('td[data-cell]')).toHaveCount(data.cells.length);
  const expected: Record<string, string> = {
    [SEED_IDS.thorVision]: 'xfail', [SEED_IDS.rtxPtx]: 'fail', [SEED_IDS.mtpCapture]: 'fail', [SEED_IDS.regression]: 'fail',
    [SEED_IDS.infra]: 'infra', [SEED_IDS.flaky]: 'flaky', [SEED_IDS.xpass]: 'xpass',
    'vllm-0.19/h100/qwen3-8b/default': 'pass', 'vllm-0.19/h100/qwen3-8b/mtp': 'skip',
  };
  for (const [id, verdict] of Object.entries(expected)) {
    await expect(page.locator(cellSel(id)), id).toHaveAttribute('data-verdict', verdict);
  }
  for (const c of data.cells) expect(await page.getAttribute(cellSel(c.id), 'data-verdict')).toBe(c.verdict);
  await expect(page.locator(cellSel(SEED_IDS.rtxPtx))).toHaveText('PTX');
  await expect(page.locator(cellSel(SEED_IDS.rtxPtx))).toHaveClass(/has-fix/);
  await expect(page.locator(cellSel(SEED_IDS.rtxPtx))).toHaveClass(/predicted-fail/);
  await expect(page.locator(cellSel(SEED_IDS.mtpCapture))).toHaveAttribute('title', /fixed by cuda_graphs: piecewise/);
  await expect(page.locator(cellSel('vllm-0.19/h100/qwen3-8b/mtp'))).toHaveAttribute('title', /has no MTP head/);
  await expect(page.locator('.list.regressions li')).toHaveText([new RegExp(SEED_IDS.regression)]);
  await expect(page.locator(cellSel(SEED_IDS.regression))).toHaveAttribute('data-before', 'pass');
  await expect(page.locator(cellSel(SEED_IDS.xpass))).toHaveAttribute('data-before', 'xfail');
  await expect(page.locator(cellSel(SEED_IDS.thorVision))).not.toHaveAttribute('data-before', /./);
  await expect(page.locator('.count.v-fail b')).toHaveText('3');
  await page.screenshot({ path: info.outputPath('grid-light.png'), fullPage: true });
});

test('clicking the Thor vision cell shows the PTX signature, its evidence line and the triage fix', async ({ page }, info) => {
  await openReport(page);
  await page.click(cellSel(SEED_IDS.thorVision));
  const panel = page.locator('#panel');
  await expect(panel).toBeVisible();
  await expect(panel.locator('h2')).toHaveText(SEED_IDS.thorVision);
  await expect(panel.locator('.f-title')).toContainText('FlashAttention-2 PTX');
  await expect(panel.locator('code.sig')).toHaveText('vllm-mm-encoder-fa2-ptx');
  const evidence = panel.locator('.log .ln.evidence');
  await expect(evidence.filter({ hasText: 'the provided PTX was compiled with an unsupported toolchain' })).toHaveCount(1);
  await expect(evidence.first()).toHaveAttribute('data-line', /220[78]/);
  await expect(panel.locator('.fixed-by')).toContainText('fixed by mm_attention: sdpa');
  await expect(panel.locator('.full-log')).toHaveAttribute('href', /^logs\/.+\.log$/);
  await expect(panel.locator('pre.cmd')).toContainText('docker run');
  await expect(panel.locator('.tl-row')).toHaveCount(3);
  await expect(panel.locator('canvas.strip')).toBeVisible();
  expect(page.url()).toContain(`cell=${encodeURIComponent(SEED_IDS.thorVision)}`);
  await page.screenshot({ path: info.outputPath('thor-panel.png') });
  // The link leads to the cell's full log beside the page (a file:// page: read where it points).
  const href = await panel.locator('.full-log').getAttribute('href');
  const target = fileURLToPath(new URL(href!, page.url()));
  expect(existsSync(target), `the full-log link points at ${target}, which does not exist`).toBe(true);
  expect(readFileSync(target, 'utf8')).toContain('the provided PTX was compiled with an unsupported toolchain');
});

test('a healthy cell shows its probe figures and a latency trend', async ({ page }, info) => {
  await openReport(page, `#cell=${encodeURIComponent('vllm-0.19/h100/qwen3.5-0.8b/default')}`);
  const panel = page.locator('#panel');
  const rows = panel.locator('table.probes tbody tr:not(.other)');
  await expect(rows).toHaveCount(4); // text, stream seq, stream conc, mtp
  await expect(rows.nth(1)).toContainText('stream seq');
  await expect(rows.nth(2)).toContainText('conc');
  await expect(rows.nth(3).locator('td').last()).toHaveText(/^\d+\.\d %$/);
  await expect(panel.locator('table.probes thead')).toContainText('TTFT ms');
  await expect(panel.locator('table.probes tr.other').first()).toContainText('requests');
  await expect(panel.locator('.uplot')).toHaveCount(1);
  await page.screenshot({ path: info.outputPath('healthy-panel.png') });
  const history = panel.locator('.p-sec').last();
  await expect(history.locator('h3')).toHaveText(/History — 8 runs/);
  await history.scrollIntoViewIfNeeded();
  await history.screenshot({ path: info.outputPath('history.png') });
});

test('filters hide and show cells, and live in the URL', async ({ page }) => {
  await openReport(page);
  const cells = page.locator('td[data-cell]');
  const total = seedsReport().data.cells.length;
  await page.selectOption('select[name=gpu]', 'thor');
  await expect(cells).toHaveCount(total / 3);
  expect(await page.locator('td[data-cell]:not([data-cell*="/thor/"])').count()).toBe(0);
  expect(page.url()).toContain('gpu=thor');
  await page.click('.count[data-verdict=xfail]');
  await expect(cells).toHaveCount(1);
  await expect(cells.first()).toHaveAttribute('data-cell', SEED_IDS.thorVision);
  await page.reload();
  await page.waitForSelector('html[data-ready]');
  await expect(cells).toHaveCount(1);
  await page.click('button.link:text("clear")');
  await expect(cells).toHaveCount(total);
  // search reads the failing log text too: the capture failure's log says "operation not permitted"
  await page.fill('input[name=q]', 'operation not permitted capture');
  await expect(cells).toHaveCount(1);
  await expect(cells.first()).toHaveAttribute('data-cell', SEED_IDS.mtpCapture);
  await page.fill('input[name=q]', 'operation not permitted capture h200');
  await expect(cells).toHaveCount(0);
  await page.fill('input[name=q]', 'graph-capture');
  await expect(cells).toHaveCount(1);
  await page.fill('input[name=q]', '');
  await page.selectOption('select[name=sig]', 'vllm-fa2-ptx-unsupported');
  await expect(cells).toHaveCount(2);
  await page.check('input[name=pivot]');
  await expect(page.locator('th.corner')).toHaveText('image × GPU');
  await expect(cells).toHaveCount(2);
});

test('a deep link opens a cell', async ({ page }) => {
  await openReport(page, `#cell=${encodeURIComponent(SEED_IDS.mtpCapture)}`);
  await expect(page.locator('#panel h2')).toHaveText(SEED_IDS.mtpCapture);
  await expect(page.locator('#panel .fixed-by')).toContainText('cuda_graphs: piecewise');
  await page.keyboard.press('j');
  await expect(page.locator('#panel h2')).not.toHaveText(SEED_IDS.mtpCapture);
  await page.keyboard.press('k');
  await expect(page.locator('#panel h2')).toHaveText(SEED_IDS.mtpCapture);
  await page.keyboard.press('Escape');
  await expect(page.locator('#panel')).toBeHidden();
  expect(page.url()).not.toContain('cell=');
  await page.goBack();
  await expect(page.locator('#panel h2')).toHaveText(SEED_IDS.mtpCapture);
});

test('hostile log text stays inert and readable', async ({ page }, info) => {
  await openReport(page, `#cell=${encodeURIComponent(SEED_IDS.flaky)}`);
  const log = page.locator('#panel .log');
  await expect(log.getByText('<script>window.__pwned=1</script>', { exact: true })).toBeVisible();
  await expect(log.getByText('<img src=x onerror="window.__pwned=1">', { exact: true })).toBeVisible();
  await expect(log.getByText('ERROR colored warning text', { exact: true })).toBeVisible();
  await expect(log.getByText('bytes: caf\uFFFD \uFFFD\uFFFD end', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('#panel img, #panel script').count()).toBe(0);
  const more = log.locator('button.more');
  await expect(more).toHaveText(/show more \(30,011 chars\)/);
  await more.click();
  await expect(more).toHaveCount(0);
  expect(await log.locator('.ln').last().locator('.text').evaluate((e) => e.firstChild?.textContent?.length)).toBe(4000);
  await expect(log.locator('.cut')).toContainText('cut at 4,000 of 30,011 chars');
  await page.screenshot({ path: info.outputPath('hostile-log.png') });
});

test('failures are grouped by signature; trends and formulas draw', async ({ page }, info) => {
  await openReport(page, '#tab=failures');
  await expect(page.locator('.fgroup')).toHaveCount(5);
  await expect(page.locator('.fgroup', { hasText: 'vllm-fa2-ptx-unsupported' }).locator('.chip')).toHaveCount(2);
  await page.screenshot({ path: info.outputPath('failures.png'), fullPage: true });
  await page.click('[data-tab=trends]');
  await expect(page.locator('.trend-chart .uplot')).toHaveCount(1);
  await page.click('.seg button:text("TTFT p50")');
  expect(page.url()).toContain('metric=ttftMs');
  await expect(page.locator('.changes-table tbody tr')).toHaveCount(10);
  await page.locator('.changes-table a').first().click();
  await expect(page.locator('#panel h2')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.screenshot({ path: info.outputPath('trends.png') });
  await page.click('[data-tab=formulas]');
  await expect(page.locator('.formulas dt')).toContainText(['TTFT', 'ITL', 'TPOT', 'e2e']);
  // what other tools call each figure: vLLM's TPOT is GuideLLM's and AIPerf's ITL
  const tpot = page.locator('.tool-names-table tr[data-metric=tpot]');
  await expect(tpot).toContainText('TPOT');
  await expect(tpot).toContainText('inter_token_latency_ms');
  await expect(tpot).toContainText('inter_token_latency (ITL)');
  await expect(page.locator('.tool-names-table tr[data-metric=itl] td').nth(2)).toHaveText('ITL');
  await expect(page.locator('.tool-names-table tr[data-metric=itl_token]')).toContainText('ITL per token');
});

test.describe('dark scheme', () => {
  test.use({ colorScheme: 'dark' });
  test('renders the grid and a panel in dark colours', async ({ page }, info) => {
    await openReport(page, `#cell=${encodeURIComponent(SEED_IDS.rtxPtx)}`);
    await expect(page.locator('#panel .prediction')).toContainText('predicted fail · outcome fail agrees');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(15, 19, 23)');
    await page.screenshot({ path: info.outputPath('dark-panel.png') });
  });
});

test('an empty report (no runs yet) renders without errors', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'empty-report-'));
  const { index } = writeReport({ generatedAt: '2026-11-22T00:00:00Z', runs: [], cells: [], history: {}, regressions: [], fixed: [], flaky: [], formulas: {} }, dir);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(index).href);
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('.empty-state')).toContainText('No cells yet');
  await page.click('[data-tab=trends]');
  await page.click('[data-tab=failures]');
  expect(errors).toEqual([]);
});
