import { describe, expect, it } from 'vitest';
import { getEngine } from '../../../harness/engines/index.ts';
import { runCell, type CellRunnerDeps } from '../../../harness/run/cell-runner.ts';
import type { AttemptResult } from '../../../harness/core/events.ts';
import type { Cell } from '../../../harness/core/cell.ts';
import type { Diagnosis } from '../../../harness/core/diagnosis.ts';
import { makeCell, type CellOverrides } from '../../support/cell.ts';

const engine = getEngine('vllm');

/** A Thor cell of a vision model on Triton attention, retried once. */
function cell(over: CellOverrides = {}): Cell {
  return makeCell('img/thor/m/triton', {
    model: { name: 'Qwen/Qwen3.5-35B-A3B', modalities: ['text', 'image'] },
    options: { attention: 'triton' },
    retries: 1,
    probes: ['text'],
    command: ['Qwen/Qwen3.5-35B-A3B', '--attention-backend', 'TRITON_ATTN'],
    ...over,
  });
}

const ptx: Diagnosis = {
  category: 'ptx-toolchain',
  signature: 'ptx-toolchain-vision-encoder',
  title: 'vision encoder: PTX from a newer toolkit',
  explanation: '',
  phase: 'profile',
  evidence: [],
  remedies: [{ mm_attention: 'sdpa' }, { attention: 'triton', mm_attention: 'sdpa' }],
  links: [],
};

function attempt(n: number, kind: AttemptResult['kind'], outcome: AttemptResult['outcome'], c: Cell, diagnosis: Diagnosis | null = null): AttemptResult {
  return { attempt: n, kind, options: c.options, command: c.command, outcome, exitCode: outcome === 'fail' ? 1 : null, diagnosis, steps: {}, probes: [], timeline: [], logPath: null, logTail: [], fingerprint: null, containerId: null, dockerRun: null, error: null };
}

/** No retries, triage on: `attempt` decides each attempt. */
function triageDeps(attemptFn: CellRunnerDeps['attempt']): CellRunnerDeps {
  return { engine, retries: 0, triage: true, aborted: () => false, attempt: attemptFn };
}

describe('runCell', () => {
  it('skips without running', async () => {
    const r = await runCell(cell({ skip: 'no such flag' }), { engine, retries: 1, triage: false, aborted: () => false, attempt: async () => { throw new Error('ran'); } });
    expect(r.verdict).toBe('skip');
    expect(r.reason).toBe('no such flag');
  });

  it('fail then pass on a fresh attempt is flaky', async () => {
    const outcomes: AttemptResult['outcome'][] = ['fail', 'pass'];
    const r = await runCell(cell(), { engine, retries: 2, triage: false, aborted: () => false, attempt: async (c, n, k) => attempt(n, k, outcomes[n - 1]!, c, n === 1 ? ptx : null) });
    expect(r.verdict).toBe('flaky');
    expect(r.attempts.map((a) => a.kind)).toEqual(['first', 'retry']);
  });

  it('an expected failure is xfail, without retries', async () => {
    const c = cell({ expect: { fail: 'ptx-toolchain', issue: null, reason: null } });
    const r = await runCell(c, { engine, retries: 3, triage: false, aborted: () => false, attempt: async (v, n, k) => attempt(n, k, 'fail', v, ptx) });
    expect(r.verdict).toBe('xfail');
    expect(r.attempts).toHaveLength(1);
  });

  it('a pass against an expectation is xpass', async () => {
    const c = cell({ expect: { fail: 'ptx-toolchain', issue: null, reason: null } });
    const r = await runCell(c, { engine, retries: 0, triage: false, aborted: () => false, attempt: async (v, n, k) => attempt(n, k, 'pass', v) });
    expect(r.verdict).toBe('xpass');
  });

  it('triage tries the remedies in order, with recomputed commands, and names the first that passes', async () => {
    const seen: string[][] = [];
    const r = await runCell(cell({ retries: 0 }), triageDeps(async (v, n, k) => {
      seen.push(v.command);
      return attempt(n, k, v.options.mm_attention === 'sdpa' ? 'pass' : 'fail', v, v.options.mm_attention === 'sdpa' ? null : ptx);
    }));
    expect(r.verdict).toBe('fail');
    expect(r.triage?.fixedBy).toEqual({ mm_attention: 'sdpa' });
    expect(r.triage?.tried).toHaveLength(1);
    expect(seen[1]).toContain('--mm-encoder-attn-backend');
    expect(r.attempts.map((a) => a.kind)).toEqual(['first', 'triage']);
  });

  it('a triage trial that throws keeps the failure as the verdict and says triage failed', async () => {
    const r = await runCell(cell({ retries: 0 }), triageDeps(async (v, n, k) => {
      if (k === 'triage') throw new Error('container name in use');
      return attempt(n, k, 'fail', v, ptx);
    }));
    expect(r.verdict).toBe('fail');
    expect(r.signature).toBe('ptx-toolchain-vision-encoder');
    expect(r.triage).toEqual({ tried: [{ options: {}, outcome: 'infra', signature: 'triage failed: container name in use' }], fixedBy: null });
  });

  it('an infra attempt is infra, not a failure', async () => {
    const r = await runCell(cell(), { engine, retries: 2, triage: true, aborted: () => false, attempt: async (v, n, k) => ({ ...attempt(n, k, 'infra', v), error: 'could not select device driver' }) });
    expect(r.verdict).toBe('infra');
    expect(r.attempts).toHaveLength(1);
  });
});
