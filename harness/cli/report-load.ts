// What `matrix report` and `matrix serve` share: the report's data from the database, with the
// user's mistakes (an unknown --run, a --runs that is not a positive number) as usage errors.
import { UsageError } from '../errors.ts';
import { loadReportData, type LoadedReport, type ReportQuery } from '../store/report-data.ts';

export function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} must be a positive whole number (got "${value}")`);
  return n;
}

/** Loads the report's data; an unknown run id is a usage error, a missing database an infra error. */
export function loadForReport(dbPath: string, q: ReportQuery): LoadedReport {
  try {
    return loadReportData(dbPath, q);
  } catch (e) {
    if (q.runId && /^no run /.test((e as Error).message)) throw new UsageError(`--run ${q.runId}: no such run in ${dbPath}`, 'omit --run for the newest run');
    throw e;
  }
}
