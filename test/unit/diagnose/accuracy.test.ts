import { describe, expect, it } from 'vitest';
import { formatAccuracy, scoreCorpus } from '../../../harness/diagnose/accuracy.ts';

describe('scoreCorpus and formatAccuracy', () => {
  it('count how each category was reached and show it with each miss', () => {
    const report = scoreCorpus([
      { label: 'oom', name: 'a.log', text: 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.' },
      { label: 'backend-unsupported', name: 'b.log', text: 'RuntimeError: The BarMLA kernels require compute capability 10.0 or newer.' },
      { label: 'nccl', name: 'c.log', text: "KeyError: 'lm_head.weight'" },
    ]);
    expect(report.results.map((r) => r.confidence)).toEqual(['signature', 'generic', 'none']);
    const text = formatAccuracy(report);
    expect(text).toContain('decided by: signature 1 (1 right) · generic 1 (1 right) · none 1 (0 right)');
    expect(text).toContain('nccl/c.log → other [none]');
  });
});
