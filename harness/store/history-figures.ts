// The figures a cell's history shows (startup, TTFT, ITL), derived in SQL from the raw tables.
// Migration 2 backfills the cells' cache columns with these; the report uses them directly on a
// database that is still at schema 1 and opened read-only. One definition for both.
const latestStreamMetric = (key: string) =>
  `(SELECT json_extract(q.metrics, '$.${key}') FROM probes q WHERE q.run_id = cells.run_id AND q.cell_id = cells.cell_id AND q.name = 'stream' ORDER BY q.attempt DESC LIMIT 1)`;

const latestProbeMetric = (probe: string, key: string) =>
  `(SELECT json_extract(q.metrics, '$.${key}') FROM probes q WHERE q.run_id = cells.run_id AND q.cell_id = cells.cell_id AND q.name = '${probe}' ORDER BY q.attempt DESC LIMIT 1)`;

/** The grid's other figures (output tokens/s, MTP acceptance length, the worst accuracy score), read from the probes. */
export const PROBE_FIGURES_SQL = {
  tok_s: latestStreamMetric('seq_output_tokens_per_s'),
  accept: latestProbeMetric('mtp', 'mean_acceptance_length'),
  accuracy: `(SELECT MIN(j.value) FROM probes q, json_each(q.metrics) j WHERE q.run_id = cells.run_id AND q.cell_id = cells.cell_id AND q.name = 'accuracy' AND j.key GLOB 'score_c[0-9]*' AND q.attempt = (SELECT MAX(r.attempt) FROM probes r WHERE r.run_id = cells.run_id AND r.cell_id = cells.cell_id AND r.name = 'accuracy'))`,
} as const;

export const HISTORY_FIGURES_SQL = {
  startup_s: `(SELECT p.seconds FROM phases p WHERE p.run_id = cells.run_id AND p.cell_id = cells.cell_id AND p.phase = 'ready' ORDER BY p.attempt DESC LIMIT 1)`,
  ttft_ms: latestStreamMetric('seq_ttft_p50_ms'),
  itl_ms: latestStreamMetric('seq_itl_p50_ms'),
} as const;
