import { describe, expect, it } from 'vitest';
import { signatureById } from '../../../../harness/diagnose/knowledge-base.ts';
import { signatureHints } from '../../../../harness/run/reporters/signature-hints.ts';
import { diagnosis, result } from './results.ts';

describe('signatureHints', () => {
  it('gives each signature once, with how many cells of which verdict carry it', () => {
    const hints = signatureHints([
      result('a', 'fail', { signature: 'ptx-toolchain-attention' }),
      result('b', 'fail', { signature: 'ptx-toolchain-attention' }),
      result('c', 'xfail', { signature: 'ptx-toolchain-attention' }),
      result('d', 'pass'),
    ]);
    expect(hints.map((h) => [h.signature, h.cells])).toEqual([['ptx-toolchain-attention', { fail: 2 }]]);
  });

  it("an infra signature: the knowledge base's fix", () => {
    const [h] = signatureHints([result('a', 'infra', { signature: 'gpu-runtime-missing' })]);
    expect(h!.todo).toMatch(/^Install the NVIDIA Container Toolkit/);
  });

  it('an engine failure: its remedies in the order triage tries them, or that none is known', () => {
    const [withRemedies, without] = signatureHints([result('a', 'fail', { signature: 'ptx-toolchain-attention' }), result('b', 'fail', { signature: 'ptx-toolchain-kernel' })]);
    expect(withRemedies!.todo).toMatch(/^try attention: triton · or attention: flex · or attention: triton, mm_attention: sdpa/);
    expect(signatureById('ptx-toolchain-kernel')).toMatchObject({ remedies: [] });
    expect(without!.todo).toMatch(/^no known remedy: /);
  });

  it("the harness's own signature: what the diagnosis says to do", () => {
    const d = diagnosis('image-missing', 'image x is not on the runner', 'image x is not on the runner\nWhat to do: pull it, or run with --pull missing');
    const timeout = diagnosis('startup-timeout', 'server not ready after 3s', 'The container kept running but never passed its readiness check.');
    const [a, b] = signatureHints([result('a', 'infra', { diagnosis: d }), result('b', 'fail', { diagnosis: timeout })]);
    expect(a!.todo).toBe('pull it, or run with --pull missing');
    expect(b!.todo).toBe(timeout.explanation);
  });

  it('a cell that never ran: the "what to do" half of its reason', () => {
    const [h] = signatureHints([result('a', 'infra', { signature: 'lease-timeout', reason: 'no GPU slot came free — stop the other run' })]);
    expect(h).toMatchObject({ title: 'no GPU slot came free', todo: 'stop the other run' });
  });
});
