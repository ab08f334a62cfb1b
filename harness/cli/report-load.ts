// What `matrix report` and `matrix serve` share: the report's data from the database, with an
// unknown --run as a usage error.
import { UsageError } from '../errors.ts';
import { loadReportData, type LoadedReport, type ReportQuery } from '../store/report-data.ts';

/** Loads the report's data; an unknown run id is a usage error, a missing database an infra error. */
export function loadForReport(dbPath: string, q: ReportQuery): LoadedReport {
  try {
    return loadReportData(dbPath, q);
  } catch (e) {
    if (q.runId && /^no run /.test((e as Error).message)) throw new UsageError(`--run ${q.runId}: no such run in ${dbPath}`, 'omit --run for the newest run');
    throw e;
  }
}
