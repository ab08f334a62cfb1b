// JUnit XML as CI systems read it: each verdict becomes the element that makes a CI system show it
// right (a failure fails, infra is an error, skip and xfail are skipped, pass and flaky pass), the
// suite's counts agree with its testcases, and every text is escaped and redacted.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JunitReporter, junitXml } from '../../../../harness/run/reporters/junit.ts';
import { info } from '../../store/fixtures.ts';
import { probe, verdictResult as result } from './results.ts';

/** testcase name → its body (what is between <testcase …> and </testcase>). */
function cases(xml: string): Record<string, string> {
  return Object.fromEntries([...xml.matchAll(/<testcase classname="[^"]*" name="([^"]*)"[^>]*>(.*?)<\/testcase>/g)].map((m) => [m[1], m[2]]));
}

const ALL = [
  result('pass'),
  result('fail'),
  result('xfail'),
  result('xpass'),
  result('flaky', { reason: 'passed on attempt 2 of 2' }),
  result('infra', { signature: 'gpu-runtime-missing', reason: 'no NVIDIA runtime in Docker' }),
  result('skip'),
];

describe('junitXml', () => {
  const xml = junitXml(info('r1'), ALL);
  const body = cases(xml);

  it('maps each verdict to its JUnit element', () => {
    expect(body['img/h100/m/pass']).toBe('');
    expect(body['img/h100/m/fail']).toBe('<failure type="ptx-toolchain-attention" message="ptx-toolchain-attention">42: CUDA error: the provided PTX was compiled with an unsupported toolchain.</failure>');
    expect(body['img/h100/m/xpass']).toBe('<failure type="xpass" message="expected ptx-toolchain, but it passed"></failure>');
    expect(body['img/h100/m/infra']).toBe('<error type="gpu-runtime-missing" message="no NVIDIA runtime in Docker"/>');
    expect(body['img/h100/m/skip']).toBe('<skipped message="no MTP head"/>');
    expect(body['img/h100/m/xfail']).toBe('<skipped message="expected failure: ptx-toolchain-attention"/>');
    expect(body['img/h100/m/flaky']).toBe('<system-out>passed on attempt 2 of 2</system-out>');
  });

  it('counts tests, failures, errors and skipped per GPU suite as its testcases say', () => {
    const suite = /<testsuite name="h100" tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)">/.exec(xml);
    const n = (re: RegExp) => (xml.match(re) ?? []).length;
    expect(suite?.slice(1).map(Number)).toEqual([n(/<testcase /g), n(/<failure /g), n(/<error /g), n(/<skipped /g)]);
    expect(suite?.slice(1).map(Number)).toEqual([10, 2, 1, 2]); // 7 cells + 3 probes; fail+xpass; infra; skip+xfail
  });

  it('gives each probe its own testcase: a failed probe fails, a skipped one is skipped', () => {
    const r = result('fail', { attempts: [{ ...result('fail').attempts[0]!, probes: [probe('fail', 'HTTP 500 from /v1/chat/completions'), { ...probe('skip'), name: 'mtp' }] }] });
    const xml2 = junitXml(info('r2'), [r]);
    expect(cases(xml2)).toMatchObject({ 'probe text': '<failure message="HTTP 500 from /v1/chat/completions"/>', 'probe mtp': '<skipped/>' });
    expect(xml2).toContain('<testcase classname="matrix.h100.img/h100/m/fail" name="probe text">');
    expect(xml2).toMatch(/tests="3" failures="2" errors="0" skipped="1"/);
  });

  it('escapes markup in names and messages', () => {
    const xml2 = junitXml(info('r3'), [result('fail', { reason: 'expected <oom> & got "ptx"' })]);
    expect(xml2).toContain('message="expected &lt;oom&gt; &amp; got &quot;ptx&quot;"');
  });
});

describe('JunitReporter', () => {
  it('writes the file with secrets redacted, also those that XML escaping changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'junit-'));
    const secrets = ['tok"en<&>\\x1', 'plain-secret-1'];
    const rep = new JunitReporter(join(dir, 'out', 'junit.xml'), secrets);
    rep.onCellEnd(result('fail', { reason: `auth with tok"en<&>\\x1 and plain-secret-1 failed` }));
    rep.onRunEnd(info('r4'), { status: 'finished', finishedAt: 'x', counts: { pass: 0, fail: 1, xfail: 0, xpass: 0, flaky: 0, infra: 0, skip: 0 }, exitCode: 1 });
    const xml = readFileSync(join(dir, 'out', 'junit.xml'), 'utf8');
    expect(xml).toContain('message="auth with *** and *** failed"');
    expect(xml).not.toContain('tok');
    expect(xml).not.toContain('plain-secret-1');
  });
});
