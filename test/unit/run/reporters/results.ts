// CellResults for the reporters' tests: a verdict, a signature and what its last attempt diagnosed;
// and one of each verdict, with its probe.
import type { Diagnosis } from '../../../../harness/core/diagnosis.ts';
import type { AttemptResult, CellResult, TriageResult } from '../../../../harness/core/events.ts';
import type { Verdict } from '../../../../harness/core/cell.ts';
import type { ProbeResult } from '../../../../harness/probes/probe.ts';
import { cell } from '../../store/fixtures.ts';

export function attempt(diagnosis: Diagnosis | null): AttemptResult {
  return {
    attempt: 1, kind: 'first', options: {}, command: [], outcome: diagnosis ? 'fail' : 'pass', exitCode: null, diagnosis, steps: {}, probes: [],
    timeline: [], logPath: null, logTail: [], fingerprint: null, containerId: null, dockerRun: null, error: null,
  };
}

export function diagnosis(signature: string, title: string, explanation = ''): Diagnosis {
  return { category: 'other', signature, title, explanation, phase: null, evidence: [], remedies: [], links: [] };
}

export function result(id: string, verdict: Verdict, o: { signature?: string; reason?: string; diagnosis?: Diagnosis; triage?: TriageResult } = {}): CellResult {
  return {
    cell: cell(id), verdict, category: null, signature: o.signature ?? o.diagnosis?.signature ?? null,
    attempts: o.diagnosis ? [attempt(o.diagnosis)] : [], triage: o.triage ?? null, reason: o.reason ?? o.diagnosis?.title ?? null, durationMs: 1500,
  };
}

export function probe(verdict: ProbeResult['verdict'], error: string | null = null): ProbeResult {
  return { name: 'text', verdict, assertions: [{ name: 'answer', ok: verdict !== 'fail', message: 'the answer was 6, not 5' }], metrics: {}, requests: [], evidence: [], error };
}

/** One cell per verdict on one GPU, the failing ones with a signature and an evidence line, each with one probe (JUnit, GitHub). */
export function verdictResult(verdict: Verdict, over: Partial<CellResult> = {}): CellResult {
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

