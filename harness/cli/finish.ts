// The end of a run: the report beside the run's logs, and the --json summary.
import { join } from 'node:path';
import { writeReport } from '../../reports/write.ts';
import type { Db } from '../store/db.ts';
import { loadReport } from '../store/report-data.ts';
import type { CellResult, RunInfo } from '../core/events.ts';

/** Writes <outDir>/report/index.html for the run; returns its path, or null when it could not be written. */
export async function writeRunReport(db: Db, run: RunInfo, _results: CellResult[]): Promise<string | null> {
  try {
    const { data, logSources } = loadReport(db, { runId: run.id, runs: 30, reportUrl: process.env.MATRIX_REPORT_URL ?? null });
    return writeReport(data, join(run.outDir, 'report'), { logSources }).index;
  } catch (e) {
    process.stderr.write(`matrix: the report could not be written: ${(e as Error).message}\n`);
    return null;
  }
}

/**
 * The machine-readable run: `matrix run --json`. Later versions add fields, never remove them.
 * After `--resume` it covers the whole run: cells with a verdict from before say `earlier: true`.
 */
export function runJson(run: RunInfo, reportPath: string | null, results: CellResult[], earlier: CellResult[] = []) {
  const before = new Set(earlier.map((r) => r.cell.id));
  return {
    run: run.id,
    db: run.dbPath,
    report: reportPath,
    cells: [...earlier, ...results]
      .sort((a, b) => a.cell.id.localeCompare(b.cell.id))
      .map((r) => {
        const deciding = [...r.attempts].reverse().find((a) => a.kind !== 'triage') ?? null;
        return {
          id: r.cell.id,
          verdict: r.verdict,
          category: r.category,
          signature: r.signature,
          reason: r.reason,
          attempts: r.attempts.length,
          notRetried: r.notRetried ?? null,
          // `--reuse`: the run whose verdict this is (no container ran now), or why an earlier verdict was not reused
          reusedFrom: r.reusedFrom?.runId ?? null,
          notReused: r.notReused ?? null,
          // the lifecycle steps, under the key `--json` readers have always had (as the attempts.phases column)
          phases: deciding?.steps ?? {},
          probes: (deciding?.probes ?? []).map((p) => ({
            name: p.name,
            verdict: p.verdict,
            metrics: p.metrics,
            // A probe that completed but whose check failed names the failed check.
            error: p.error ?? (p.verdict === 'fail' ? (p.assertions.find((a) => !a.ok)?.message ?? 'failed') : null),
          })),
          evidence: deciding?.diagnosis?.evidence ?? [],
          triage: r.triage,
          earlier: before.has(r.cell.id),
        };
      }),
  };
}
