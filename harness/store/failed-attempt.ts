// A flaky cell's failed attempt for the report: the verdict's own fields describe the retry that
// passed, so the failure that made the cell flaky (its signature, evidence and log tail) is read
// from the last failed attempt that was not a triage trial.
import type { FailedAttempt } from '../../reports/data.ts';
import type { Diagnosis } from '../core/diagnosis.ts';
import { decodeLogTail } from './codec.ts';
import type { Db } from './db.ts';

export function failedAttemptReader(db: Db): (runId: string, cellId: string) => FailedAttempt | null {
  const row = db.prepare(
    "SELECT attempt, diagnosis, log_tail FROM attempts WHERE run_id = ? AND cell_id = ? AND kind != 'triage' AND outcome = 'fail' ORDER BY attempt DESC LIMIT 1",
  );
  return (runId, cellId) => {
    const a = row.get(runId, cellId) as { attempt: number; diagnosis: string | null; log_tail: string | null } | undefined;
    if (!a) return null;
    const d = a.diagnosis ? (JSON.parse(a.diagnosis) as Diagnosis) : null;
    return { attempt: a.attempt, signature: d?.signature ?? null, title: d?.title ?? null, evidence: d?.evidence ?? [], logExcerpt: decodeLogTail(a.log_tail) };
  };
}
