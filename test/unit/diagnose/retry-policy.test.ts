import { describe, expect, it } from 'vitest';
import { retryDecision } from '../../../harness/diagnose/retry-policy.ts';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { SIGNATURES } from '../../../harness/diagnose/knowledge-base.ts';
import type { Diagnosis } from '../../../harness/core/diagnosis.ts';

const d = (signature: string | null, category: string): Diagnosis => ({ category, signature, title: '', explanation: '', phase: null, evidence: [], remedies: [], links: [] });

describe('retryDecision', () => {
  it('reads the signature: PTX toolchain and unsupported models are deterministic, NCCL timeouts and OOM transient', () => {
    expect(retryDecision(d('ptx-toolchain-attention', 'ptx-toolchain')).retry).toBe(false);
    expect(retryDecision(d('unsupported-architecture', 'unsupported-model')).retry).toBe(false);
    expect(retryDecision(d('attention-backend-invalid', 'backend-unsupported')).retry).toBe(false);
    expect(retryDecision(d('nccl-error', 'nccl')).retry).toBe(true);
    expect(retryDecision(d('oom-cuda', 'oom')).retry).toBe(true);
    expect(retryDecision(d('oom-gpu-busy-at-start', 'oom')).retry).toBe(true);
  });

  it('an infra signature is transient', () => {
    expect(retryDecision(d('image-pull', 'infra'))).toEqual({ retry: true, why: 'image-pull is an infrastructure failure (transient)' });
  });

  it('without a known signature the category decides; nothing known may be transient', () => {
    expect(retryDecision(d(null, 'no-kernel-image')).retry).toBe(false);
    expect(retryDecision(d('startup-timeout', 'other')).retry).toBe(true);
    expect(retryDecision(null).retry).toBe(true);
  });

  it('a classified log carries the decision: the seeds\' PTX failure is not retried', () => {
    const log = ['Traceback (most recent call last):', '  File "vllm/attention/backends/flash_attn.py", line 1, in forward', '    flash_attn_varlen_func(q, k, v)', 'RuntimeError: CUDA error: the provided PTX was compiled with an unsupported toolchain.'].join('\n');
    const diag = classifyLog(log, { engine: 'vllm' });
    expect(diag.category).toBe('ptx-toolchain');
    expect(retryDecision(diag)).toMatchObject({ retry: false, why: expect.stringMatching(/deterministic/) });
  });

  it('every transient signature is of a category that can change between starts', () => {
    for (const s of SIGNATURES.filter((x) => x.retry === 'transient')) expect(['oom', 'nccl', 'other']).toContain(s.category);
  });
});
