// The reuse decision (pure): an unchanged, certain, recent and stable verdict stands; everything
// else runs again, and says why.
import { describe, expect, it } from 'vitest';
import { reuseKeyOf } from '../../../harness/core/reuse.ts';
import { decideReuse, DEFAULT_MAX_AGE_MS, keepBaselinesTogether, reusedResult, UNSTABLE_RUNS, type ReuseCandidate } from '../../../harness/run/reuse.ts';
import { makeCell } from '../../support/cell.ts';
import { inputs } from '../../support/reuse-inputs.ts';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const rules = { now: NOW, maxAgeMs: DEFAULT_MAX_AGE_MS, triage: false };

function candidate(over: Partial<ReuseCandidate> = {}): ReuseCandidate {
  return {
    runId: 'run-1',
    origin: { runId: 'run-1', finishedAt: '2026-12-01T12:00:00Z' },
    verdict: 'pass',
    category: null,
    signature: null,
    reason: null,
    triage: null,
    key: reuseKeyOf(inputs()),
    inputs: inputs(),
    recent: ['pass'],
    ...over,
  };
}

describe('decideReuse', () => {
  it('reuses a pass whose inputs are unchanged', () => {
    expect(decideReuse(candidate(), inputs(), rules)).toMatchObject({ reuse: true, from: { runId: 'run-1' } });
  });

  it('reuses an expected failure (xfail) and an unexpected one (fail) alike: both are certain', () => {
    expect(decideReuse(candidate({ verdict: 'xfail', recent: ['xfail', 'xfail'] }), inputs(), rules).reuse).toBe(true);
    expect(decideReuse(candidate({ verdict: 'fail', recent: ['fail'] }), inputs(), rules).reuse).toBe(true);
  });

  it('says what changed on a miss', () => {
    const d = decideReuse(candidate(), inputs({ imageDigest: 'sha256:cdcdcdcdcdcdcdcdcdcdcdcdcdcd' }), rules);
    expect(d).toEqual({ reuse: false, why: 'image digest changed sha256:aaaa1111bbbb2222… → sha256:cdcdcdcdcdcdcdcd…' });
  });

  it.each(['flaky', 'infra', 'skip'] as const)('never reuses a %s verdict', (verdict) => {
    expect(decideReuse(candidate({ verdict, recent: [verdict] }), inputs(), rules)).toEqual({ reuse: false, why: `run run-1's verdict is ${verdict}: a ${verdict} verdict is always run again` });
  });

  it('never reuses beyond the max age, counted from the run that produced the verdict', () => {
    const reusedOfOld = candidate({ runId: 'run-9', origin: { runId: 'run-1', finishedAt: '2026-11-20T12:00:00Z' } });
    expect(decideReuse(reusedOfOld, inputs(), rules)).toEqual({ reuse: false, why: 'the verdict of run run-1 is 12.0d old (max age 7.0d)' });
    expect(decideReuse(candidate(), inputs(), { ...rules, maxAgeMs: 3_600_000 }).reuse).toBe(false);
    expect(decideReuse(candidate({ origin: null }), inputs(), rules).reuse).toBe(false);
  });

  it(`never reuses a cell whose verdict changed within its last ${UNSTABLE_RUNS} runs`, () => {
    expect(decideReuse(candidate({ recent: ['pass', 'fail', 'pass'] }), inputs(), rules)).toEqual({ reuse: false, why: "the cell's verdict changed within its last 3 runs (pass, fail, pass): unstable history runs again" });
  });

  it('runs a failure again under --triage when the earlier run did not triage it', () => {
    const fail = candidate({ verdict: 'fail', recent: ['fail'] });
    expect(decideReuse(fail, inputs(), { ...rules, triage: true })).toEqual({ reuse: false, why: '--triage: run run-1 did not triage its failure' });
    expect(decideReuse({ ...fail, triage: { tried: [], fixedBy: null } }, inputs(), { ...rules, triage: true }).reuse).toBe(true);
  });

  it('has nothing to say without an earlier verdict, and runs one stored without a key', () => {
    expect(decideReuse(null, inputs(), rules)).toEqual({ reuse: false, why: null });
    expect(decideReuse(candidate({ key: null, inputs: null }), inputs(), rules)).toEqual({ reuse: false, why: 'run run-1 stored no reuse key (an older harness)' });
  });
});

describe('keepBaselinesTogether', () => {
  it('runs a cell whose baseline runs, and a baseline a running cell compares with', () => {
    const after = new Map<string, string[]>([['base', []], ['spec', ['base']], ['base2', []], ['spec2', ['base2']], ['alone', []]]);
    const reused = new Set(['spec', 'base2', 'alone']);
    const dropped = keepBaselinesTogether(reused, after);
    expect([...reused]).toEqual(['alone']);
    expect(Object.fromEntries(dropped)).toEqual({ spec: 'its baseline cell base runs', base2: 'cell spec2 compares with it and runs' });
  });
});

describe('reusedResult', () => {
  it('is the earlier verdict with no attempt, naming the run that produced it', () => {
    const c = candidate({ verdict: 'xfail', signature: 'ptx-toolchain', category: 'ptx-toolchain', reason: 'x', recent: ['xfail'] });
    const d = decideReuse(c, inputs(), rules);
    if (!d.reuse) throw new Error('expected reuse');
    const r = reusedResult(makeCell(), d.from, inputs());
    expect(r).toMatchObject({ verdict: 'xfail', signature: 'ptx-toolchain', attempts: [], durationMs: 0, reusedFrom: { runId: 'run-1' }, reuse: { key: reuseKeyOf(inputs()) } });
  });
});
