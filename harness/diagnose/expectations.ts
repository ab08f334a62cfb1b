// Expected failures (`expect:` in the matrix): the verdict of one attempt given what the matrix
// expects of the cell. Retries (flaky) and infra are decided by the runner, not here. Pure.
import type { Expectation, Verdict } from '../core/cell.ts';

export interface AttemptOutcome {
  outcome: 'pass' | 'fail';
  /** Signature id of the failure, when one was recognised. */
  signature: string | null;
  /** Category of the failure ("ptx-toolchain", …). */
  category: string | null;
}

/**
 * pass/fail without an expectation; with one: a failure with the expected signature or category
 * is xfail, another failure is fail (a new failure mode), a pass is xpass (time to drop the
 * expectation).
 */
export function applyExpectation(result: AttemptOutcome, expect: Expectation | null): Verdict {
  if (!expect) return result.outcome;
  if (result.outcome === 'pass') return 'xpass';
  return matchesExpectation(result, expect) ? 'xfail' : 'fail';
}

export function matchesExpectation(result: Pick<AttemptOutcome, 'signature' | 'category'>, expect: Expectation): boolean {
  return expect.fail === result.signature || expect.fail === result.category;
}
