// `matrix report` and `matrix serve` end to end: the built CLI against a small database written by
// the store's own writer, the page opened in Chromium.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { SMALL_IDS, addNight, writeSmallDb } from './small-db.ts';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/matrix.js');
let dir = '';
let dbPath = '';

// The CLI was built by global-setup.ts, which fails the run when it does not build.
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'serve-spec-'));
  dbPath = writeSmallDb(dir);
});

test('matrix report writes the page and the logs from the database', async ({ page }, info) => {
  const out = join(dir, 'report');
  const stdout = execFileSync(process.execPath, [CLI, 'report', '--db', dbPath, '--out', out], { encoding: 'utf8' });
  expect(stdout).toContain(join(out, 'index.html'));
  expect(stdout).toMatch(/3 cells · 2 runs of history · 1 log ·/);
  expect(readdirSync(join(out, 'logs'))).toHaveLength(1);
  await page.goto(pathToFileURL(join(out, 'index.html')).href);
  await page.waitForSelector('html[data-ready]');
  await expect(page.locator('td[data-cell]')).toHaveCount(3);
  await expect(page.locator(`td[data-cell="${SMALL_IDS.fail}"]`)).toHaveAttribute('data-verdict', 'fail');
  await expect(page.locator('.list.regressions li')).toContainText(SMALL_IDS.fail);
  await page.screenshot({ path: info.outputPath('report-from-db.png') });
});

test('matrix report: a missing database is an infra error with a hint', () => {
  let status = 0;
  let stderr = '';
  try {
    execFileSync(process.execPath, [CLI, 'report', '--db', join(dir, 'nope.sqlite'), '--out', join(dir, 'x')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    status = (e as { status: number }).status;
    stderr = String((e as { stderr: string }).stderr);
  }
  expect(status).toBe(3);
  expect(stderr).toContain('hint:');
  expect(stderr).not.toContain('    at ');
  expect(existsSync(join(dir, 'x', 'index.html'))).toBe(false);
});

test('matrix serve serves the page on localhost, read-only', async ({ page, request }, info) => {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--db', dbPath, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout!.on('data', (d: Buffer) => {
        buf += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(buf);
        if (m) resolve(m[0]);
      });
      child.stderr!.on('data', (d: Buffer) => (buf += d.toString()));
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${buf}`)));
      setTimeout(() => reject(new Error(`no URL printed: ${buf}`)), 15_000);
    });
    await page.goto(url);
    await page.waitForSelector('html[data-ready]');
    await expect(page.locator('td[data-cell]')).toHaveCount(3);
    await page.click(`td[data-cell="${SMALL_IDS.fail}"]`);
    await expect(page.locator('#panel .log .ln.evidence')).toContainText('unsupported toolchain');
    await expect(page.locator('#panel .log').getByText('<script>window.__pwned=1</script>', { exact: false })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const href = await page.locator('#panel .full-log').getAttribute('href');
    const log = await request.get(new URL(href!, url).href);
    expect(log.status()).toBe(200);
    expect(log.headers()['content-type']).toContain('text/plain');
    expect(await log.text()).toContain('<script>window.__pwned=1</script>');
    expect((await request.post(url)).status()).toBe(405);
    expect((await request.get(new URL('/logs/..%2F..%2Fetc%2Fpasswd', url).href)).status()).toBe(404);
    await page.screenshot({ path: info.outputPath('serve.png') });
    // a new night lands in the live database: the next load shows it
    addNight(dbPath, 'run-3', '2026-11-23T02:00:00.000Z', 'pass');
    await page.goto(url);
    await page.waitForSelector('html[data-ready]');
    await expect(page.locator(`td[data-cell="${SMALL_IDS.fail}"]`)).toHaveAttribute('data-verdict', 'pass');
    await expect(page.locator('.list.fixed li')).toContainText(SMALL_IDS.fail);
  } finally {
    child.kill('SIGTERM');
  }
});
