// Cells an interrupt left without a verdict are "not run" in the console, JUnit and the GitHub
// summary: counted as such, never as infra.
import { describe, expect, it } from 'vitest';
import type { CellResult, RunSummary } from '../../../../harness/core/events.ts';
import { summaryCounts } from '../../../../harness/run/reporters/console.ts';
import { stepSummary } from '../../../../harness/run/reporters/github.ts';
import { junitXml } from '../../../../harness/run/reporters/junit.ts';
import { cell, info } from '../../store/fixtures.ts';

const passed: CellResult = { cell: cell('img/h100/m/a'), verdict: 'pass', category: null, signature: null, attempts: [], triage: null, reason: null, durationMs: 1000 };
const summary: RunSummary = {
  status: 'interrupted',
  finishedAt: '2026-11-22T00:00:00Z',
  counts: { pass: 1, fail: 0, xfail: 0, xpass: 0, flaky: 0, infra: 0, skip: 0 },
  notRun: [cell('img/h100/m/b'), cell('img/h100/m/c')],
  exitCode: 3,
};

describe('cells not run', () => {
  it('console: counted as "not run"', () => {
    expect(summaryCounts(summary)).toEqual(['1 pass', '2 not run']);
  });

  it('JUnit: a skipped testcase that says "not run", no error', () => {
    const xml = junitXml(info('r'), [passed], summary.notRun);
    expect(xml).toContain('<testsuite name="h100" tests="3" failures="0" errors="0" skipped="2">');
    expect(xml).toMatch(/<testcase classname="matrix\.h100" name="img\/h100\/m\/b" time="0\.000"><skipped message="not run: the run was interrupted/);
    expect(xml).not.toContain('<error');
  });

  it('GitHub summary: counted and listed as not run', () => {
    const md = stepSummary(info('r'), [passed], summary, null);
    expect(md).toContain('1 pass · 2 not run — **interrupted**');
    expect(md).toMatch(/Not run \(the run ended first; `--resume r` runs them\): img\/h100\/m\/b, img\/h100\/m\/c/);
    expect(md).not.toContain('infra');
  });
});
