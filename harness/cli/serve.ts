// `matrix serve`: the report from the live database, rebuilt when the database changes; read-only, local.
import { statSync } from 'node:fs';
import { UsageError } from '../errors.ts';
import type { LoadedReport } from '../store/report-data.ts';
import { createReportServer } from '../../reports/server.ts';
import { openDb } from '../store/db.ts';
import { apiAnswer } from '../store/api.ts';
import { defineCommand } from './command.ts';
import { loadForReport } from './report-load.ts';
import { DB, historyRuns, wholeNumber } from './options.ts';

/** Database files' sizes and times: when none changed, the last load still holds. */
function stamp(dbPath: string): string {
  return ['', '-wal'].map((ext) => {
    try {
      const s = statSync(dbPath + ext);
      return `${s.size}:${s.mtimeMs}`;
    } catch {
      return '-';
    }
  }).join('|');
}

function loadWhenChanged(load: () => LoadedReport, dbPath: string): () => LoadedReport {
  let last: { stamp: string; loaded: LoadedReport } | null = null;
  return () => {
    const now = stamp(dbPath);
    if (last?.stamp !== now) last = { stamp: now, loaded: load() };
    return last.loaded;
  };
}

export const command = defineCommand({
  name: 'serve',
  summary: 'serve the report and a JSON API (/api/runs, /api/runs/<id>/cells, /api/cells/<id>/history) from the live database (read-only, bound to localhost)',
  usage: '[--db PATH] [--port N] [--host ADDR] [--runs N]',
  options: {
    db: { ...DB, description: 'results database (opened read-only)' },
    port: { type: 'string', arg: 'N', default: '8080', description: 'TCP port (0 picks a free one)', parse: wholeNumber(0, 65535, '0..65535') },
    host: { type: 'string', arg: 'ADDR', default: '127.0.0.1', description: 'address to bind; anything but localhost exposes the results' },
    runs: historyRuns(90),
  },
  examples: ['matrix serve', 'matrix serve --port 0 --db nightly.sqlite'],
  async run({ values }) {
    const { db: dbPath, runs, port, host } = values;
    const load = loadWhenChanged(() => loadForReport(dbPath, { runs }), dbPath);
    load(); // fail fast on a missing or unreadable database
    // the API reads the database afresh on every request, read-only
    const server = createReportServer(load, (path, query) => {
      if (!path.startsWith('/api/')) return null;
      const db = openDb(dbPath, { readonly: true });
      try {
        return apiAnswer(db, path, query);
      } finally {
        db.close();
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) =>
        reject(e.code === 'EADDRINUSE' ? new UsageError(`port ${port} on ${host} is in use`, 'choose another with --port, or --port 0 for a free one') : e));
      server.listen(port, host, () => resolve());
    });
    const addr = server.address();
    const bound = typeof addr === 'object' && addr ? addr.port : port;
    const shown = host.includes(':') ? `[${host}]` : host;
    process.stdout.write(`matrix serve: http://${shown}:${bound}/  (database ${dbPath}, read-only; Ctrl-C to stop)\n`);
    if (!['127.0.0.1', 'localhost', '::1'].includes(host)) process.stderr.write(`matrix serve: bound to ${host}, not localhost: anyone who can reach this address can read the results and logs\n`);
    await new Promise<void>((resolve) => {
      const stop = () => server.close(() => resolve());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
});
