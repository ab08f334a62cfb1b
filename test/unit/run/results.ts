// CellResults of every verdict, for the reporters' tests (JUnit, GitHub): one cell per verdict on
// one GPU, the failing ones with a signature and an evidence line, each with one probe.
import type { Verdict } from '../../../harness/core/cell.ts';
import type { ProbeResult } from '../../../harness/core/probe-result.ts';
import type { CellResult } from '../../../harness/core/events.ts';
import { cell } from '../store/fixtures.ts';

function probe(verdict: ProbeResult['verdict'], error: string | null = null): ProbeResult {
  return { name: 'text', verdict, assertions: [{ name: 'answer', ok: verdict !== 'fail', message: 'the answer was 6, not 5' }], metrics: {}, requests: [], evidence: [], error };
}

export function result(verdict: Verdict, over: Partial<CellResult> = {}): CellResult {
  const failing = verdict === 'fail' || verdict === 'xfail' || verdict === 'infra';
  const c = cell(`img/h100/m/${verdict}`);
  return {
    cell: c,
    verdict,
    category: failing ? 'ptx-toolchain' : null,
    signature: failing ? 'ptx-toolchain-attention' : null,
    triage: null,
    reason: verdict === 'skip' ? 'no MTP head' : verdict === 'xpass' ? 'expected ptx-toolchain, but it passed' : null,
    durationMs: 1500,
    attempts:
      verdict === 'skip'
        ? []
        : [
            {
              attempt: 1, kind: 'first', options: {}, command: c.command, outcome: failing ? (verdict === 'infra' ? 'infra' : 'fail') : 'pass', exitCode: failing ? 1 : null,
              diagnosis: failing ? { category: 'ptx-toolchain', signature: 'ptx-toolchain-attention', title: 't', explanation: 'e', phase: 'profile', evidence: [{ line: 42, text: 'CUDA error: the provided PTX was compiled with an unsupported toolchain.' }], remedies: [], links: [] } : null,
              steps: {}, probes: verdict === 'pass' || verdict === 'xpass' || verdict === 'flaky' ? [probe('pass')] : [], timeline: [], logPath: null, logTail: [], fingerprint: null, containerId: null, dockerRun: null, error: null,
            },
          ],
    ...over,
  };
}

export { probe };
