// The search of `matrix bisect` (pure): over an ordered list of refs whose first is good and last
// is bad, which ref to run next, until the first bad ref is known. Binary search over the answers:
// with C candidates strictly between good and bad, the first bad ref is one of C + 1 refs (a
// candidate, or the bad ref itself), so at most ⌈log2(C + 1)⌉ runs decide it (0 when C = 0).
import type { Verdict } from '../core/cell.ts';

/** What a probe run says about its ref: it serves (good), it does not (bad), or it cannot tell. */
export type ProbeOutcome = 'good' | 'bad' | 'undecided';

/**
 * A verdict read as good or bad. Bad = the cell did not serve (fail, xfail: a failure signature);
 * good = it served (pass, xpass). An expectation does not change what happened: bisect asks where
 * the cell stopped serving. flaky, infra and skip say nothing about the image.
 */
export function outcomeOf(verdict: Verdict): ProbeOutcome {
  if (verdict === 'pass' || verdict === 'xpass') return 'good';
  if (verdict === 'fail' || verdict === 'xfail') return 'bad';
  return 'undecided';
}

/** ⌈log2(candidates + 1)⌉, in whole numbers: the most runs a bisect of `candidates` takes. */
export function maxRuns(candidates: number): number {
  let runs = 0;
  while (2 ** runs < candidates + 1) runs++;
  return runs;
}

/**
 * The state of one search over refs[0] (good) … refs[n-1] (bad): `good` is the newest index known
 * good, `bad` the oldest known bad; the answer is found when they are neighbours.
 */
export class BisectSearch {
  private good = 0;
  private bad: number;

  constructor(readonly size: number) {
    if (size < 2) throw new Error(`a bisect needs a good and a bad ref (got ${size} refs)`);
    this.bad = size - 1;
  }

  /** The index to run next (the middle of what is left, rounded down), or null when the answer is known. */
  next(): number | null {
    if (this.bad - this.good <= 1) return null;
    return this.good + Math.floor((this.bad - this.good) / 2);
  }

  /** What the run of `index` said; an index outside what is left is a caller's mistake. */
  record(index: number, outcome: 'good' | 'bad'): void {
    if (index <= this.good || index >= this.bad) throw new Error(`ref ${index} is not between the last good (${this.good}) and the first bad (${this.bad})`);
    if (outcome === 'good') this.good = index;
    else this.bad = index;
  }

  /** The last good and first bad index, once `next()` is null. */
  result(): { lastGood: number; firstBad: number } | null {
    return this.next() === null ? { lastGood: this.good, firstBad: this.bad } : null;
  }
}
