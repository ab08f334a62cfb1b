// The gate's last word (scripts/test-summary.mjs) on the JSON reports vitest 3 and Playwright 1.65
// wrote (test/fixtures/runner-reports/, captured from real runs): green only when every runner tested
// something and nothing failed; skipped tests named, with Playwright's reason; the last line counts.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test/fixtures/runner-reports');

/** A results directory holding vitest's report from `vitest` and Playwright's from `playwright` (a fixture name, or none). */
function results(vitest: string | null, playwright: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'test-results-'));
  if (vitest) copyFileSync(join(FIXTURES, vitest, 'vitest.json'), join(dir, 'vitest.json'));
  if (playwright) copyFileSync(join(FIXTURES, playwright, 'playwright.json'), join(dir, 'playwright.json'));
  return dir;
}

async function summary(dir: string): Promise<{ code: number; lines: string[] }> {
  const r = await promisify(execFile)(process.execPath, ['scripts/test-summary.mjs', dir], { cwd: ROOT }).then(
    (o) => ({ code: 0, stdout: o.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
  return { code: r.code, lines: r.stdout.trimEnd().split('\n') };
}

describe('scripts/test-summary.mjs', () => {
  it('passes when both runners ran tests and none failed', async () => {
    expect(await summary(results('passing', 'passing'))).toEqual({ code: 0, lines: ['tests: 15 passed, 0 failed, 0 skipped'] });
  });

  it('fails when every test was skipped, naming each skipped test and why the gate fails', async () => {
    expect(await summary(results('all-skipped', 'all-skipped'))).toEqual({
      code: 1,
      lines: [
        'skipped (3):',
        '  - test/unit/root-only.test.ts › needs root › mounts a tmpfs',
        '  - test/unit/root-only.test.ts › skipped alone',
        '  - test/browser/root-only.spec.ts › group › needs root (not root here)',
        'gate: vitest ran no test (2 skipped): a suite that tests nothing does not pass',
        'gate: playwright ran no test (1 skipped): a suite that tests nothing does not pass',
        'tests: 0 passed, 2 failed, 3 skipped',
      ],
    });
  });

  it('fails when one runner tested nothing though the other passed', async () => {
    const { code, lines } = await summary(results('passing', 'all-skipped'));
    expect(code).toBe(1);
    expect(lines).toContain('gate: playwright ran no test (1 skipped): a suite that tests nothing does not pass');
    expect(lines.at(-1)).toBe('tests: 12 passed, 1 failed, 1 skipped');
  });

  it('fails when a runner wrote no results, and when the CLI bundle did not build', async () => {
    const dir = results('passing', null);
    writeFileSync(join(dir, 'build-failed'), 'the CLI bundle does not build: no test may run the previous dist/\n');
    const { code, lines } = await summary(dir);
    expect(code).toBe(1);
    expect(lines).toEqual([
      `gate: playwright wrote no results (${join(dir, 'playwright.json')}): it did not run, or crashed`,
      'gate: the CLI bundle does not build: no test may run the previous dist/',
      'tests: 12 passed, 2 failed, 0 skipped',
    ]);
  });
});
