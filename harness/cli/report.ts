// `matrix report`: the HTML report (one self-contained page plus the full logs) from the database.
import { writeReport } from '../../reports/write.ts';
import { defineCommand } from './command.ts';
import { loadForReport } from './report-load.ts';
import { DB, historyRuns } from './options.ts';

export const command = defineCommand({
  name: 'report',
  summary: 'write the HTML report: one self-contained page plus the full logs beside it',
  usage: '[--db PATH] [--out DIR] [--runs N] [--run ID]',
  options: {
    db: DB,
    out: { type: 'string', arg: 'DIR', default: '.matrix/report', description: 'directory for index.html and logs/' },
    runs: historyRuns(30),
    run: { type: 'string', arg: 'ID', description: 'the run to show (default: the newest)' },
  },
  examples: ['matrix report', 'matrix report --runs 365 --out public/', 'matrix report --db nightly.sqlite --run 20261122-0200'],
  async run({ values }) {
    const { db: dbPath, out } = values;
    const started = performance.now();
    const { data, logSources } = loadForReport(dbPath, { runs: values.runs, reportUrl: process.env.MATRIX_REPORT_URL ?? null, ...(values.run ? { runId: values.run } : {}) });
    const written = writeReport(data, out, { logSources });
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    const run = data.runs[0]?.id ?? 'no runs yet';
    if (written.missingLogs.length) process.stderr.write(missingLogsText(written.missingLogs));
    process.stdout.write(`report: ${written.index}\n  run ${run} · ${data.cells.length} cells · ${data.runs.length} runs of history · ${written.logs} log${written.logs === 1 ? '' : 's'} · ${(written.bytes / 1e6).toFixed(1)} MB · ${secs} s\n`);
    return 0;
  },
});

/** Which full logs the report could not include, and where they were expected. */
export function missingLogsText(missing: ReadonlyArray<{ cell: string; path: string }>, shown = 10): string {
  const lines = [`${missing.length} full log${missing.length === 1 ? ' is' : 's are'} missing; the report shows ${missing.length === 1 ? 'its excerpt' : 'their excerpts'} only:`];
  for (const m of missing.slice(0, shown)) lines.push(`  ${m.cell}: ${m.path}`);
  if (missing.length > shown) lines.push(`  … and ${missing.length - shown} more`);
  lines.push('  (logs live under the --out directory of the run that wrote them; keep it beside the database)');
  return lines.join('\n') + '\n';
}
