// The figures a cell's history shows (startup, TTFT, ITL), derived in SQL from the raw tables.
// Migration 2 backfills the cells' cache columns with these; the report uses them directly on a
// database that is still at schema 1 and opened read-only. One definition for both.
const latestStreamMetric = (key: string) =>
  `(SELECT json_extract(q.metrics, '$.${key}') FROM probes q WHERE q.run_id = cells.run_id AND q.cell_id = cells.cell_id AND q.name = 'stream' ORDER BY q.attempt DESC LIMIT 1)`;

export const HISTORY_FIGURES_SQL = {
  startup_s: `(SELECT p.seconds FROM phases p WHERE p.run_id = cells.run_id AND p.cell_id = cells.cell_id AND p.phase = 'ready' ORDER BY p.attempt DESC LIMIT 1)`,
  ttft_ms: latestStreamMetric('seq_ttft_p50_ms'),
  itl_ms: latestStreamMetric('seq_itl_p50_ms'),
} as const;
