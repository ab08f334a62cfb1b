// CellResults for the reporters' tests: a verdict, a signature and what its last attempt diagnosed.
import type { Diagnosis } from '../../../../harness/core/diagnosis.ts';
import type { AttemptResult, CellResult, TriageResult } from '../../../../harness/core/events.ts';
import type { Verdict } from '../../../../harness/core/cell.ts';
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
