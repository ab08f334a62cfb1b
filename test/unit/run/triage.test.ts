// Chained triage: a remedy that fails with a new signature has that signature's remedies tried on
// top of it, depth-first, bounded by depth and starts; the path to the fix is kept.
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../../harness/engines/index.ts';
import { withOptions } from '../../../harness/run/cell-runner.ts';
import { describePath, pathToFix, triageChain, type TriageLimits } from '../../../harness/run/triage.ts';
import { describeRemedy } from '../../../harness/diagnose/remedies.ts';
import type { AttemptResult } from '../../../harness/core/events.ts';
import type { Cell } from '../../../harness/core/cell.ts';
import type { Diagnosis } from '../../../harness/core/diagnosis.ts';
import { cell as baseCell } from '../store/fixtures.ts';

const engine = getEngine('vllm');
const cell: Cell = { ...baseCell('img/h100/m/mtp2'), options: { speculative: { method: 'mtp', tokens: 2 }, cuda_graphs: 'full' } };

const diag = (signature: string, remedies: Diagnosis['remedies']): Diagnosis => ({ category: 'x', signature, title: signature, explanation: '', phase: null, evidence: [], remedies, links: [] });
const PTX = diag('ptx-toolchain-attention', [{ attention: 'triton' }, { attention: 'flex' }]);
const CAPTURE = diag('graph-capture-mtp-triton', [{ cuda_graphs: 'piecewise' }, { cuda_graphs: 'off' }]);

/** The emulated engine: flash fails on PTX; any other backend with FULL graphs hits the capture bug. */
function engineOf(c: Cell): Diagnosis | null {
  if (!c.options.attention || c.options.attention === 'flash') return PTX;
  if (c.options.cuda_graphs === 'full') return CAPTURE;
  return null;
}

async function triage(limits?: TriageLimits, outcome: (c: Cell) => Diagnosis | null = engineOf) {
  const attempts: AttemptResult[] = [];
  const ran: Cell['options'][] = [];
  let n = 1;
  const attempt = async (c: Cell, k: number, kind: AttemptResult['kind']): Promise<AttemptResult> => {
    ran.push(c.options);
    const d = outcome(c);
    return { attempt: k, kind, options: c.options, command: c.command, outcome: d ? 'fail' : 'pass', exitCode: d ? 1 : null, diagnosis: d, steps: {}, probes: [], timeline: [], logPath: null, logTail: [], fingerprint: null, containerId: null, dockerRun: null, error: null };
  };
  const first = await attempt(cell, 1, 'first');
  const result = await triageChain(cell, first, { engine, attempt, aborted: () => false, withOptions, limits }, () => ++n, attempts);
  return { result, ran, attempts };
}

describe('triageChain', () => {
  it('follows a new signature: its remedies go on top of the remedy that reached it, and the path is kept', async () => {
    const { result, ran } = await triage();
    expect(result.fixedBy).toEqual({ attention: 'triton', cuda_graphs: 'piecewise' });
    expect(result.tried).toEqual([
      { options: { attention: 'triton' }, outcome: 'fail', signature: 'graph-capture-mtp-triton' },
      { options: { attention: 'triton', cuda_graphs: 'piecewise' }, outcome: 'pass', signature: null, after: 0 },
    ]);
    expect(ran.slice(1).map((o) => [o.attention, o.cuda_graphs])).toEqual([['triton', 'full'], ['triton', 'piecewise']]);
    expect(pathToFix(result)).toHaveLength(2);
    expect(describePath('ptx-toolchain-attention', result, describeRemedy)).toBe('ptx-toolchain-attention → attention: triton → graph-capture-mtp-triton → attention: triton, cuda_graphs: piecewise → pass');
    expect(result.stopped).toBeUndefined();
  });

  it('depth 1 tries only the first failure\'s remedies, and says where the chain was cut', async () => {
    const { result } = await triage({ depth: 1, starts: 8 });
    expect(result.fixedBy).toBeNull();
    expect(result.tried.map((t) => t.options)).toEqual([{ attention: 'triton' }, { attention: 'flex' }]);
    expect(result.stopped).toBe('the chain reached its depth (1 signatures) at graph-capture-mtp-triton');
  });

  it('stops when the budget of starts is spent', async () => {
    const { result, attempts } = await triage({ depth: 3, starts: 1 });
    expect(attempts).toHaveLength(1);
    expect(result.fixedBy).toBeNull();
    expect(result.stopped).toBe('the triage budget (1 starts) was spent');
  });

  it('never starts the cell\'s own options again, nor a variant already run', async () => {
    // Every start fails with the capture signature, whose remedies would undo each other.
    const loop = diag('loop', [{ cuda_graphs: 'full' }, { cuda_graphs: 'piecewise' }]);
    const { ran } = await triage({ depth: 5, starts: 20 }, () => loop);
    const keys = ran.map((o) => JSON.stringify(o));
    expect(new Set(keys).size).toBe(keys.length);
    expect(ran).toHaveLength(2); // the cell itself, then piecewise (full is the cell's own)
  });
});
