import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../harness/core/cell.ts';
import { BisectError } from '../../../harness/errors.ts';
import { BisectSearch, maxRuns, outcomeOf } from '../../../harness/run/bisect-search.ts';
import { bisectRefs, type ProbeRun } from '../../../harness/run/bisect.ts';

const refsOf = (n: number) => Array.from({ length: n }, (_, i) => `nightly-${String(i + 1).padStart(2, '0')}`);

/** A probe over refs whose first bad one is `firstBad`: fail from there on, pass before; `odd` overrides a ref's verdicts in turn. */
function prober(firstBad: number, odd: Record<number, Verdict[]> = {}) {
  const ran: number[] = [];
  let n = 0;
  const probe = async (_ref: string, index: number): Promise<ProbeRun> => {
    ran.push(index);
    const verdict = odd[index]?.shift() ?? (index >= firstBad ? 'fail' : 'pass');
    return { runId: `run-${++n}`, verdict, category: verdict === 'fail' ? 'ptx-toolchain' : null, signature: verdict === 'fail' ? 'ptx-toolchain-attention' : null, digest: `sha256:${index}` };
  };
  return { ran, probe };
}

describe('the bound ⌈log2(C + 1)⌉ for C candidates between good and bad', () => {
  it('is 0 runs with nothing between, 1 with one candidate, then grows by one at each power of two', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 15, 16].map(maxRuns)).toEqual([0, 1, 2, 2, 3, 3, 3, 3, 4, 4, 5]);
  });
});

describe('BisectSearch', () => {
  it('finds every possible first bad ref within the bound, and the bound is reached (it is tight)', async () => {
    for (let size = 2; size <= 34; size++) {
      let worst = 0;
      for (let firstBad = 1; firstBad < size; firstBad++) {
        const { ran, probe } = prober(firstBad);
        const r = await bisectRefs(refsOf(size), { verify: false }, { probe });
        expect([r.lastGood, r.firstBad]).toEqual([firstBad - 1, firstBad]);
        expect(ran.length).toBeLessThanOrEqual(maxRuns(size - 2));
        expect(new Set(ran).size).toBe(ran.length); // no ref runs twice
        expect(ran.every((i) => i > 0 && i < size - 1)).toBe(true); // good and bad are trusted
        worst = Math.max(worst, ran.length);
      }
      expect(worst).toBe(maxRuns(size - 2));
    }
  });

  it('runs the middle of what is left, rounded down: 6 nightlies, 04 first bad → 03 then 04', async () => {
    const { ran, probe } = prober(3);
    const r = await bisectRefs(refsOf(6), { verify: false }, { probe });
    expect(ran.map((i) => refsOf(6)[i])).toEqual(['nightly-03', 'nightly-04']);
    expect(r).toMatchObject({ candidates: 4, bound: 3, lastGood: 2, firstBad: 3, signature: 'ptx-toolchain-attention', category: 'ptx-toolchain' });
    expect(r.probes.map((p) => [p.ref, p.outcome, p.purpose, p.runId, p.digest])).toEqual([
      ['nightly-03', 'good', 'search', 'run-1', 'sha256:2'],
      ['nightly-04', 'bad', 'search', 'run-2', 'sha256:3'],
    ]);
  });

  it('N = 0 (good and bad only): no run, the bad ref is the first bad, no signature known', async () => {
    const { ran, probe } = prober(1);
    const r = await bisectRefs(['good', 'bad'], { verify: false }, { probe });
    expect(ran).toEqual([]);
    expect(r).toMatchObject({ candidates: 0, bound: 0, lastGood: 0, firstBad: 1, signature: null });
  });

  it('N = 1 and N = 2 (odd and even counts of answers)', async () => {
    for (const [size, firstBad, expected] of [[3, 1, [1]], [3, 2, [1]], [4, 1, [1]], [4, 2, [1, 2]], [4, 3, [1, 2]], [5, 4, [2, 3]]] as const) {
      const { ran, probe } = prober(firstBad);
      const r = await bisectRefs(refsOf(size), { verify: false }, { probe });
      expect([ran, r.firstBad]).toEqual([expected, firstBad]);
    }
  });

  it('refuses fewer than two refs and a result out of order', () => {
    expect(() => new BisectSearch(1)).toThrow(/a good and a bad ref/);
    const s = new BisectSearch(5);
    expect(s.next()).toBe(2);
    expect(() => s.record(4, 'bad')).toThrow(/not between/);
  });
});

describe('outcomes', () => {
  it('pass and xpass serve; fail and xfail do not; flaky, infra and skip cannot decide', () => {
    expect((['pass', 'xpass', 'fail', 'xfail', 'flaky', 'infra', 'skip'] as const).map(outcomeOf)).toEqual(['good', 'good', 'bad', 'bad', 'undecided', 'undecided', 'undecided']);
  });

  it('an undecided run is retried once; a decided retry continues the search', async () => {
    const { ran, probe } = prober(3, { 2: ['infra'] });
    const seen: Array<[number, number]> = [];
    const r = await bisectRefs(refsOf(6), { verify: false }, { probe, onProbe: (_p, run, planned) => seen.push([run, planned]) });
    expect(ran).toEqual([2, 2, 3]);
    expect(r.probes.map((p) => [p.verdict, p.purpose])).toEqual([['infra', 'search'], ['pass', 'retry'], ['fail', 'search']]);
    expect(seen).toEqual([[1, 4], [2, 4], [3, 4]]);
    expect(r.firstBad).toBe(3);
  });

  it('undecided twice stops with a typed error naming the ref (infra: exit 3, flaky: exit 1)', async () => {
    for (const [verdict, exit] of [['infra', 3], ['flaky', 1]] as const) {
      const { probe } = prober(3, { 2: [verdict, verdict] });
      const e = await bisectRefs(refsOf(6), { verify: false }, { probe }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(BisectError);
      expect(e).toMatchObject({ code: 'ERR_BISECT', problem: 'undecided', exitCode: exit });
      expect((e as Error).message).toMatch(new RegExp(`ref nightly-03 gave ${verdict} twice: cannot decide`));
    }
  });
});

describe('--verify', () => {
  it('runs good and bad first, then the search; the first bad ref\'s signature is known', async () => {
    const { ran, probe } = prober(5);
    const r = await bisectRefs(refsOf(6), { verify: true }, { probe });
    expect(ran).toEqual([0, 5, 2, 3, 4]);
    expect(r.probes.slice(0, 2).map((p) => p.purpose)).toEqual(['verify', 'verify']);
    expect(r).toMatchObject({ firstBad: 5, signature: 'ptx-toolchain-attention' });
  });

  it('a good ref that fails, or a bad ref that passes, stops before the search', async () => {
    const good = prober(0);
    await expect(bisectRefs(refsOf(4), { verify: true }, { probe: good.probe })).rejects.toMatchObject({ problem: 'good-fails', message: expect.stringContaining('the good ref nightly-01 gave fail (ptx-toolchain-attention)') });
    expect(good.ran).toEqual([0]);
    const bad = prober(9);
    await expect(bisectRefs(refsOf(4), { verify: true }, { probe: bad.probe })).rejects.toMatchObject({ problem: 'bad-passes' });
    expect(bad.ran).toEqual([0, 3]);
  });
});
