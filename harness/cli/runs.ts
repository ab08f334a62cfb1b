// `matrix runs [--db PATH] [--limit N] [--json]`: the runs in a results database, newest first —
// id, start, status, cells per verdict, commit and host.
import { openDb } from '../store/db.ts';
import { columns } from '../run/reporters/columns.ts';
import { runSummaries } from '../store/report-data.ts';
import type { ReportRun } from '../../reports/data.ts';
import { defineCommand } from './command.ts';
import { DB, wholeNumber } from './options.ts';

const SHOWN = ['pass', 'fail', 'xfail', 'xpass', 'flaky', 'infra', 'skip', 'not-run', 'running', 'pending'] as const;

export function runsTable(runs: ReportRun[]): string {
  if (runs.length === 0) return 'no runs yet\n';
  const rows = runs.map((r) => [
    r.id,
    r.startedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''),
    r.status,
    (SHOWN.filter((v) => r.counts[v]).map((v) => `${r.counts[v]} ${v}`).join(', ') || '0 cells') + (r.reused ? ` (${r.reused} reused)` : ''),
    r.gitCommit?.slice(0, 10) ?? '-',
    r.host,
  ]);
  return columns([['run', 'started (UTC)', 'status', 'cells', 'commit', 'host'], ...rows]).join('\n') + '\n';
}

export const command = defineCommand({
  name: 'runs',
  summary: 'list the runs in a results database: id, start, status, counts, commit, host',
  usage: '[--db PATH] [--limit N] [--json]',
  options: {
    db: { ...DB, description: 'results database (opened read-only)' },
    limit: { type: 'string', arg: 'N', default: '30', description: 'newest N runs', parse: wholeNumber(1) },
    json: { type: 'boolean', description: 'the runs as JSON' },
  },
  examples: ['matrix runs', 'matrix runs --db history.sqlite --limit 5', 'matrix runs --json'],
  async run({ values }) {
    const db = openDb(values.db, { readonly: true });
    try {
      const runs = runSummaries(db, values.limit);
      process.stdout.write(values.json ? `${JSON.stringify({ runs }, null, 2)}\n` : runsTable(runs));
      return 0;
    } finally {
      db.close();
    }
  },
});
