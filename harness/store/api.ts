// The JSON API `matrix serve` answers for bots and dashboards, read-only:
//   /api/runs                    runs, newest first, with counts per verdict (?limit=N, default 100)
//   /api/runs/<run>/cells        the run's cells: verdict (or state), signature, reason, figures
//   /api/cells/<cell>/history    the cell over the runs: verdict and figures per run, oldest first
// Cell ids hold slashes: `/api/cells/img/h100/model/flags/history` and the encoded form both work.
import { schemaVersion, type Db } from './db.ts';
import { runSummaries, unfinishedState } from './report-data.ts';
import { getRun, notBisectProbe } from './queries.ts';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

const figures = 'c.startup_s AS startupS, c.ttft_ms AS ttftMs, c.itl_ms AS itlMs';
/** `--reuse`: the run a cell's verdict was reused from (null: it ran); a database before schema 9 (read-only, unmigrated) has none. */
const reusedFrom = (db: Db) => (schemaVersion(db) >= 9 ? 'c.reused_from AS reusedFrom' : 'NULL AS reusedFrom');

function runCells(db: Db, runId: string): ApiAnswer {
  const run = getRun(db, runId);
  if (!run) return { status: 404, body: { error: `no run ${runId}` } };
  const rows = db
    .prepare(`SELECT c.cell_id AS id, c.verdict, c.started_at, c.image_ref AS imageRef, c.engine, c.gpu, c.model, c.flags, c.category, c.signature, c.reason, c.attempts, c.duration_ms AS durationMs, json_extract(c.triage, '$.fixedBy') AS fixedBy, ${figures}, ${reusedFrom(db)} FROM cells c WHERE c.run_id = ? ORDER BY c.cell_id`)
    .all(runId) as Array<Record<string, unknown> & { verdict: string | null; started_at: string | null; fixedBy: string | null }>;
  const cells = rows.map(({ verdict, started_at, fixedBy, ...rest }) => ({ ...rest, verdict: verdict ?? unfinishedState(run.status, started_at), fixedBy: fixedBy ? JSON.parse(fixedBy) : null }));
  return { status: 200, body: { run: runId, cells } };
}

function cellHistory(db: Db, cellId: string): ApiAnswer {
  const rows = db
    .prepare(`SELECT c.run_id AS run, r.started_at AS startedAt, c.verdict, c.signature, ${figures}, ${reusedFrom(db)} FROM cells c JOIN runs r ON r.id = c.run_id WHERE c.cell_id = ? AND c.verdict IS NOT NULL AND ${notBisectProbe(db, 'r.id')} ORDER BY r.started_at, r.id`)
    .all(cellId);
  if (rows.length === 0) return { status: 404, body: { error: `no cell ${cellId} with a verdict` } };
  return { status: 200, body: { cell: cellId, history: rows } };
}

/** The answer to an /api/ path, or null when the path is not the API's. */
export function apiAnswer(db: Db, path: string, query: URLSearchParams = new URLSearchParams()): ApiAnswer | null {
  if (!path.startsWith('/api/')) return null;
  if (path === '/api/runs') {
    const limit = Number(query.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1) return { status: 400, body: { error: 'limit must be a positive whole number' } };
    return { status: 200, body: { runs: runSummaries(db, limit) } };
  }
  const run = /^\/api\/runs\/([^/]+)\/cells$/.exec(path);
  if (run) return runCells(db, decodeURIComponent(run[1]!));
  const cell = /^\/api\/cells\/(.+)\/history$/.exec(path);
  if (cell) return cellHistory(db, decodeURIComponent(cell[1]!));
  return { status: 404, body: { error: `no such API path: ${path}`, paths: ['/api/runs', '/api/runs/<run>/cells', '/api/cells/<cell>/history'] } };
}
