// Hostile content and secrets. One run of a cell whose server log gets HTML with scripts, ANSI
// escapes, invalid UTF-8, a 10 MB line and its own secret env values, and whose probe answers
// with HTML, escapes and the runner's secret (see support/hostile.ts). Then: the log file and the
// database keep the text intact, the report in Chromium shows it as inert text and runs no script,
// the console carries no raw ESC byte, and no secret value is in any file or output of the run.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLogTail } from '../../../harness/store/codec.ts';
import { startCli, query, workdir, writeMatrix, type CliResult } from '../support/matrix-cli.ts';
import { ANSI, HTML, LOG_LINES, LONG_CHARS, MARK_END, writeHostileProbe } from '../support/hostile.ts';
import { checkpoint, hasEscape, imagesMatrix, integrityCheck, leftovers } from '../support/reliability.ts';

const dir = workdir('hostile-');
const runId = `hostile-${process.pid}`;
const db = join(dir, 'db', 'r.sqlite');
const outDir = join(dir, 'out');
const summary = join(dir, 'step-summary.md');
const rand = Math.random().toString(36).slice(2, 10);
const SECRETS = { HF_TOKEN: `hf_RelTok${rand}Zq`, MATRIX_REL_API_KEY: `sk-rel-${rand}-key` };
const CELL = 'hostile/h100/small/default';
let r: CliResult;
let browser: Browser | null = null;

beforeAll(async () => {
  const probe = writeHostileProbe(dir, ['HF_TOKEN', 'API_KEY']);
  const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'hostile' }], probes: probe, env: '{ HF_TOKEN: "${HF_TOKEN}", API_KEY: "${MATRIX_REL_API_KEY}" }', timeouts: '{ startup: 60s, probe: 90s }' }));
  const child = startCli(['run', m, '--emulate', '--db', db, '--out', outDir, '--run-id', runId], {
    env: { MATRIX_LEASE_DIR: workdir('leases-'), GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, ...SECRETS },
  });
  r = await child.done;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  expect(await leftovers([runId])).toEqual([]);
});

function logFile(): string {
  return query<{ log_path: string }>(db, 'SELECT log_path FROM attempts WHERE cell_id = ?', CELL)[0]!.log_path;
}

describe('hostile content', () => {
  it('the run ends with the probe failure, not a crash of the harness', () => {
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).not.toContain('internal error');
    expect(query<{ verdict: string }>(db, 'SELECT verdict FROM cells WHERE cell_id = ?', CELL)[0]!.verdict).toBe('fail');
    expect(integrityCheck(db)).toBe('ok');
  });

  it('the cell log file keeps every hostile line intact, the 10 MB line whole', () => {
    const bytes = readFileSync(logFile());
    const text = bytes.toString('utf8');
    expect(text).toContain(LOG_LINES.html + '\n');
    expect(text).toContain(LOG_LINES.ansi + '\n');
    // Docker's log driver turns the invalid bytes into U+FFFD before anyone reads them; the rest of the line survives.
    expect(text).toMatch(/HOSTILE-UTF8 \uFFFD+\( end\n/);
    const long = text.split('\n').find((l) => l.startsWith(LOG_LINES.longPrefix))!;
    expect(long.length).toBe(LOG_LINES.longPrefix.length + LONG_CHARS + ' LONG-END'.length);
    expect(text).toContain(MARK_END);
  });

  it('the database keeps the hostile lines and answer as text (the long line cut, with a note)', () => {
    const a = query<{ log_tail: string }>(db, 'SELECT log_tail FROM attempts WHERE cell_id = ?', CELL)[0]!;
    const tail = decodeLogTail(a.log_tail).map((l) => l.text);
    expect(tail).toContain(LOG_LINES.html);
    expect(tail).toContain(LOG_LINES.ansi);
    const long = tail.find((l) => l.startsWith(LOG_LINES.longPrefix))!;
    expect(long).toMatch(/^HOSTILE-LONG x+ …$/);
    expect(long.length).toBeLessThan(5000);
    const p = query<{ evidence: string; outputs: string; assertions: string }>(db, "SELECT evidence, outputs, assertions FROM probes WHERE name = 'hostile'")[0]!;
    expect(JSON.parse(p.outputs).answer).toContain(`ANSWER ${HTML} ${ANSI}`);
    expect(JSON.parse(p.evidence)[0]).toContain(HTML);
  });

  it('the report shows the hostile text literally and runs none of it (Chromium)', async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`file://${join(outDir, 'report', 'index.html')}`);
    const cell = page.locator(`td[data-cell="${CELL}"]`);
    await cell.click();
    const panel = page.locator('#panel');
    await panel.locator('.log').first().waitFor();
    const logText = await panel.locator('.log').first().innerText();
    expect(logText).toContain(`HOSTILE-HTML ${HTML}`);
    expect(logText).toContain('HOSTILE-ANSI');
    expect(logText).toContain('RED');
    const panelText = await panel.innerText();
    expect(panelText).toContain(`ANSWER ${HTML}`);
    // Nothing of it became markup: no injected element, no script ran, no dialog, no page error.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.title()).not.toContain('pwned');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('the console carries no raw ESC byte, though the answer had some', () => {
    expect(hasEscape(r.stdout)).toBe(false);
    expect(hasEscape(r.stderr)).toBe(false);
    expect(r.stdout + r.stderr).toContain('ANSWER');
  });
});

describe('secrets', () => {
  const found = (text: string | Buffer) => Object.entries(SECRETS).filter(([, v]) => (typeof text === 'string' ? text : text.toString('latin1')).includes(v)).map(([k]) => k);

  function filesUnder(root: string): string[] {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  }

  it('the secrets really reached the container: its log line names them, redacted', () => {
    const line = readFileSync(logFile(), 'utf8').split('\n').find((l) => l.startsWith(LOG_LINES.secretPrefix))!;
    expect(line).toBe(`${LOG_LINES.secretPrefix}HF_TOKEN=*** API_KEY=***`);
  });

  it('no secret value in the database (WAL included), logs, report, JUnit, step summary or console', () => {
    checkpoint(db);
    const files = [...filesUnder(join(dir, 'db')), ...filesUnder(outDir), summary];
    expect(files.some((f) => f.endsWith('junit.xml'))).toBe(true);
    expect(files.some((f) => f.endsWith('index.html'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.log')).length).toBeGreaterThanOrEqual(2); // the run's log and the report's copy
    expect(existsSync(summary) && statSync(summary).size).toBeGreaterThan(0);
    const leaks = files.flatMap((f) => found(readFileSync(f)).map((k) => `${k} in ${f}`));
    leaks.push(...found(r.stdout).map((k) => `${k} in stdout`), ...found(r.stderr).map((k) => `${k} in stderr`));
    expect(leaks).toEqual([]);
    // The greps can find a secret: the probe put HF_TOKEN's value into its answer, which must read ***.
    const p = query<{ outputs: string }>(db, "SELECT outputs FROM probes WHERE name = 'hostile'")[0]!;
    expect(JSON.parse(p.outputs).answer).toContain('token=***');
  });
});
