// The samples `matrix plan` estimates cell durations from (plan/estimate.ts): for every cell of the
// given models, its newest runs that reached an outcome, each with the seconds of all its attempts'
// lifecycle steps (the `phases` of the attempts: image, create, start, ready — the engine's startup
// phases —, probes, teardown). Works on every schema: `phases` is a table at schema 1-2 and a view
// over attempts.phases from schema 3 on. A cell row whose steps were never stored counts its
// duration_ms instead.
import type { DurationSample } from '../plan/estimate.ts';
import type { Db } from './db.ts';

const SQL = (models: number) => `
WITH ranked AS (
  SELECT c.run_id, c.cell_id, c.image_id, c.gpu, c.model, c.duration_ms, r.started_at,
         ROW_NUMBER() OVER (PARTITION BY c.cell_id ORDER BY r.started_at DESC, r.id DESC) AS n
  FROM cells c JOIN runs r ON r.id = c.run_id
  WHERE c.verdict IN ('pass', 'fail', 'xfail', 'xpass', 'flaky') AND c.attempts > 0
    AND c.model IN (${Array(models).fill('?').join(', ')})
)
SELECT cell_id, image_id, gpu, model, started_at, duration_ms,
       (SELECT SUM(p.seconds) FROM phases p WHERE p.run_id = ranked.run_id AND p.cell_id = ranked.cell_id) AS steps_s
FROM ranked WHERE n <= ?`;

interface Row {
  cell_id: string;
  image_id: string;
  gpu: string;
  model: string;
  started_at: string;
  duration_ms: number | null;
  steps_s: number | null;
}

/** The newest `perCell` samples of every cell of these models (model ids, as the matrix names them). */
export function durationSamples(db: Db, models: readonly string[], perCell: number): DurationSample[] {
  const wanted = [...new Set(models)];
  if (wanted.length === 0) return [];
  const rows = db.prepare(SQL(wanted.length)).all(...wanted, perCell) as Row[];
  const out: DurationSample[] = [];
  for (const r of rows) {
    const seconds = r.steps_s !== null && r.steps_s > 0 ? r.steps_s : r.duration_ms !== null ? r.duration_ms / 1000 : null;
    if (seconds === null) continue;
    out.push({ cellId: r.cell_id, image: r.image_id, gpu: r.gpu, model: r.model, startedAt: r.started_at, seconds });
  }
  return out;
}
