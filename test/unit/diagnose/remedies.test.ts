import { describe, expect, it } from 'vitest';
import { applyExpectation } from '../../../harness/diagnose/expectations.ts';
import { applyRemedy, describeRemedy, remedyIsNoop } from '../../../harness/diagnose/remedies.ts';
import type { Expectation } from '../../../harness/core/cell.ts';

describe('remedies', () => {
  it('applies a remedy on top of the options without touching the inputs', () => {
    const options = { attention: 'flash' as const, cuda_graphs: 'full' as const, speculative: { method: 'mtp' as const, tokens: 2 } };
    const out = applyRemedy(options, { attention: 'triton', mm_attention: 'sdpa' });
    expect(out).toEqual({ attention: 'triton', mm_attention: 'sdpa', cuda_graphs: 'full', speculative: { method: 'mtp', tokens: 2 } });
    expect(options.attention).toBe('flash');
    expect(out.speculative).not.toBe(options.speculative);
  });

  it('describes a remedy in words, in the order it was written', () => {
    expect(describeRemedy({ mm_attention: 'sdpa' })).toBe('mm_attention: sdpa');
    expect(describeRemedy({ attention: 'triton', mm_attention: 'sdpa' })).toBe('attention: triton, mm_attention: sdpa');
    expect(describeRemedy({ speculative: { method: 'mtp', tokens: 1 } })).toBe('speculative: {method: mtp, tokens: 1}');
  });

  it('knows when a remedy would change nothing', () => {
    expect(remedyIsNoop({ cuda_graphs: 'piecewise' }, { cuda_graphs: 'piecewise' })).toBe(true);
    expect(remedyIsNoop({ cuda_graphs: 'full' }, { cuda_graphs: 'piecewise' })).toBe(false);
  });
});

describe('applyExpectation', () => {
  const expect_ = (fail: string): Expectation => ({ fail, issue: null, reason: null });
  const failed = { outcome: 'fail' as const, signature: 'ptx-toolchain-vision-encoder', category: 'ptx-toolchain' };
  const passed = { outcome: 'pass' as const, signature: null, category: null };

  it('is pass/fail without an expectation', () => {
    expect(applyExpectation(passed, null)).toBe('pass');
    expect(applyExpectation(failed, null)).toBe('fail');
  });
  it('is xfail when the failure has the expected signature or category', () => {
    expect(applyExpectation(failed, expect_('ptx-toolchain-vision-encoder'))).toBe('xfail');
    expect(applyExpectation(failed, expect_('ptx-toolchain'))).toBe('xfail');
  });
  it('is fail for a different failure (a new failure mode)', () => {
    expect(applyExpectation(failed, expect_('graph-capture-mtp-triton'))).toBe('fail');
    expect(applyExpectation({ outcome: 'fail', signature: null, category: 'other' }, expect_('oom'))).toBe('fail');
  });
  it('is xpass when an expected failure passes', () => {
    expect(applyExpectation(passed, expect_('ptx-toolchain'))).toBe('xpass');
  });
});
