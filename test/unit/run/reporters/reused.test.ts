// A reused verdict (`--reuse`) on every output: the console's line, summary and table, JUnit and
// --json name the run it came from; a cell that was not reused says why.
import { describe, expect, it } from 'vitest';
import { ConsoleReporter, inert } from '../../../../harness/run/reporters/console.ts';
import { stepSummary } from '../../../../harness/run/reporters/github.ts';
import { junitXml } from '../../../../harness/run/reporters/junit.ts';
import { signatureHints } from '../../../../harness/run/reporters/signature-hints.ts';
import { verdictTable } from '../../../../harness/run/reporters/verdict-table.ts';
import { runJson } from '../../../../harness/cli/finish.ts';
import type { CellResult } from '../../../../harness/core/events.ts';
import { info } from '../../store/fixtures.ts';
import { result } from './results.ts';

const reused: CellResult = { ...result('img/h100/m/a', 'xfail', { signature: 'ptx-toolchain-attention' }), durationMs: 0, reusedFrom: { runId: 'night-1', finishedAt: '2026-12-01T00:00:00Z' } };
const ran: CellResult = { ...result('img/h100/m/b', 'pass'), notReused: 'image digest changed sha256:ab… → sha256:cd…' };

describe('reused verdicts on the outputs', () => {
  it('the console names the run on the cell line and counts reused cells in the summary', () => {
    let text = '';
    const c = new ConsoleReporter({ out: { write: (s: string) => ((text += s), true) }, live: false, verbose: true });
    c.onRunBegin(info('night-2'), [reused.cell, ran.cell]);
    c.onCellEnd(reused);
    c.onCellEnd(ran);
    c.onRunEnd(info('night-2'), { status: 'finished', finishedAt: '', counts: { pass: 1, fail: 0, xfail: 1, xpass: 0, flaky: 0, infra: 0, skip: 0 }, exitCode: 0 });
    expect(text).toMatch(/○ xfail \[1\/2\] img\/h100\/m\/a  +ptx-toolchain-attention {2}reused from run night-1\n/);
    expect(text).toMatch(/✓ pass {2}\[2\/2\] img\/h100\/m\/b {2}1\.5s {2}\(not reused: image digest changed sha256:ab… → sha256:cd…\)\n/);
    expect(text).toContain('1 pass, 1 xfail, 1 reused (no container) in');
  });

  it('the table shows "reused" for its time and the run under the row', () => {
    const t = verdictTable([reused, ran], { verbose: true, width: 120, hints: signatureHints([reused, ran]), inert });
    expect(t).toMatch(/xfail +img\/h100\/m\/a +ptx-toolchain-attention +- +reused\n +reused from run night-1: no container ran/);
    expect(t).toMatch(/not reused: image digest changed/);
  });

  it('JUnit carries a reused_from property; --json gives reusedFrom and notReused', () => {
    const xml = junitXml(info('night-2'), [reused, ran]);
    expect(xml).toMatch(/name="img\/h100\/m\/a"[^>]*><properties><property name="reused_from" value="night-1"\/><\/properties><skipped[^>]*\/><system-out>reused from run night-1: no container ran<\/system-out>/);
    const json = runJson(info('night-2'), null, [reused, ran]);
    expect(json.cells.map((c) => [c.id, c.reusedFrom, c.notReused])).toEqual([['img/h100/m/a', 'night-1', null], ['img/h100/m/b', null, 'image digest changed sha256:ab… → sha256:cd…']]);
  });

  it('the GitHub step summary counts reused cells and names the run on a reused failure', () => {
    const md = stepSummary(info('night-2'), [reused, ran], { status: 'finished', finishedAt: '', counts: { pass: 1, fail: 0, xfail: 1, xpass: 0, flaky: 0, infra: 0, skip: 0 }, exitCode: 0 }, null);
    expect(md).toContain('1 pass · 1 xfail · 1 reused (no container)');
    expect(md).toContain('| xfail (reused from night-1) | img/h100/m/a |');
  });
});
