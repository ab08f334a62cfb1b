import { describe, expect, it } from 'vitest';
import { formatAccuracy, scoreCorpus, withNearCopies } from '../../../harness/diagnose/accuracy.ts';
import { nearCopies } from '../../../harness/diagnose/near-copies.ts';

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

  it('count the held-out logs a tuning log nearly copies, and score the part without them', () => {
    const run = (tail: string): string =>
      ['INFO 05-05 01:45:19 [__init__.py:239] Automatically detected platform cuda.', 'INFO 05-05 01:45:29 [api_server.py:1043] vLLM API server version 0.8.5', 'INFO 05-05 01:45:40 [loader.py:458] Loading weights took 12.31 seconds', tail].join('\n');
    const tuning = [{ label: 'oom', name: 't.log', text: run('torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.') }];
    const heldOut = [
      // the same run, its last line cut short: three of its four long lines are the tuning log's
      { label: 'oom', name: 'copy.log', text: run('torch.OutOfMemoryError: CUDA out of mem') },
      // another run: one line in common of four
      { label: 'nccl', name: 'other.log', text: ['INFO 05-05 01:45:19 [__init__.py:239] Automatically detected platform cuda.', 'NCCL WARN Bootstrap : no socket interface found', 'RuntimeError: NCCL error in: ../torch/csrc/distributed/c10d/NCCLUtils.hpp:275, unhandled system error', 'ncclSystemError: System call (e.g. socket, malloc) or external library call failed'].join('\n') },
    ];
    const near = nearCopies(heldOut, tuning);
    expect([...near]).toEqual(['oom/copy.log']);
    const report = withNearCopies(scoreCorpus(heldOut), heldOut, tuning, 'held-out', 'tuning');
    expect(report.nearCopies).toEqual({ part: 'held-out', other: 'tuning', share: 0.75, count: 1, correct: 1, without: { correct: 1, total: 1 } });
    expect(formatAccuracy(report).split('\n')[2]).toBe('held-out logs that are near-copies of tuning logs (≥ 75 % of their lines in one): 1 (1 right); without them: 1/1 = 100.0%');
    // short lines (blank, a bracket) say nothing of a run
    expect(nearCopies([{ label: 'x', name: 'y', text: ')\n\n]' }], [{ label: 'x', name: 'z', text: ')\n\n]' }]).size).toBe(0);
  });
});
