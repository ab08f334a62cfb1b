// GitHub Actions output: one `::error` annotation per unexpected outcome (fail, xpass, infra) and
// none for the others, in the workflow-command syntax the runner parses (property and message
// escaping), and a step summary; secrets redacted in both, also where escaping changes them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../../harness/core/cell.ts';
import { GithubReporter } from '../../../../harness/run/reporters/github.ts';
import type { CellResult } from '../../../../harness/core/events.ts';
import { info } from '../../store/fixtures.ts';
import { verdictResult as result } from './results.ts';

const COUNTS = { pass: 0, fail: 0, xfail: 0, xpass: 0, flaky: 0, infra: 0, skip: 0 };

function annotations(results: CellResult[], secrets: string[] = []): string {
  let out = '';
  const rep = new GithubReporter(undefined, secrets, { write: (s: string) => (out += s) });
  for (const r of results) rep.onCellEnd(r);
  return out;
}

describe('::error annotations', () => {
  it('annotates fail, xpass and infra, nothing else', () => {
    const verdicts: Verdict[] = ['pass', 'fail', 'xfail', 'xpass', 'flaky', 'infra', 'skip'];
    const out = annotations(verdicts.map((v) => result(v)));
    expect(out.split('\n').filter(Boolean)).toEqual([
      '::error title=fail%3A img/h100/m/fail::ptx-toolchain-attention',
      '::error title=xpass%3A img/h100/m/xpass::expected ptx-toolchain, but it passed',
      '::error title=infra%3A img/h100/m/infra::ptx-toolchain-attention',
    ]);
  });

  it('escapes the title as a property (%, :, ,) and the message as data (%, newlines; control characters dropped)', () => {
    const r = result('fail', { reason: '100% broken\nsecond line\x1b[31m' });
    r.cell = { ...r.cell, id: 'img/h100/m/a,b' };
    expect(annotations([r])).toBe('::error title=fail%3A img/h100/m/a%2Cb::100%25 broken%0Asecond line\n');
  });

  it('redacts secrets, also one with characters that escaping changes', () => {
    const out = annotations([result('fail', { reason: 'token 50%"off\\x and\nhf_plainSECRET' })], ['50%"off\\x', 'hf_plainSECRET']);
    expect(out).toBe('::error title=fail%3A img/h100/m/fail::token *** and%0A***\n');
  });
});

describe('the step summary', () => {
  it('lists the notable cells in a table, the report path, and redacts secrets the Markdown escaping changes', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gh-')), 'summary.md');
    const rep = new GithubReporter(path, ['a<b|c`d"e\\f'], { write: () => true }, () => '/out/report/index.html');
    for (const r of [result('pass'), result('xpass', { reason: 'saw a<b|c`d"e\\f in the log' }), result('skip')]) rep.onCellEnd(r);
    rep.onRunEnd(info('r1'), { status: 'finished', finishedAt: 'x', counts: { ...COUNTS, pass: 1, xpass: 1, skip: 1 }, exitCode: 1 });
    const md = readFileSync(path, 'utf8');
    expect(md).toContain('## Compatibility matrix — run r1');
    expect(md).toContain('1 pass · 1 xpass · 1 skip');
    expect(md).toContain('| xpass | img/h100/m/xpass | saw *** in the log |  |');
    expect(md).not.toContain('img/h100/m/pass');
    expect(md).toContain('Report: `/out/report/index.html`');
    expect(md).not.toMatch(/a\\?<b/);
  });
});
