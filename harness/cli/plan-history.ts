// `matrix plan`'s estimates: the duration history read from the results database (the effect),
// handed to the pure estimator (plan/estimate.ts). A database that does not exist yet is no
// history: every cell gets the default, and the caller may say so.
import { existsSync } from 'node:fs';
import type { Cell } from '../core/cell.ts';
import { UsageError } from '../errors.ts';
import { parseDuration, DURATION_HINT } from '../matrix/duration.ts';
import { estimateCells, formatSeconds, DEFAULT_CELL_S, HISTORY_RUNS, type Estimate } from '../plan/estimate.ts';
import { MAX_JOB_BUDGET_S } from '../plan/fanout.ts';
import { openDb } from '../store/db.ts';
import { durationSamples } from '../store/duration-history.ts';

export function historyEstimates(cells: readonly Cell[], dbPath: string): { estimates: Map<string, Estimate>; note: string | null } {
  if (!existsSync(dbPath)) {
    return { estimates: estimateCells(cells, []), note: `no results database at ${dbPath}: every cell is estimated at the default ${formatSeconds(DEFAULT_CELL_S)} (give --db the history of earlier runs)` };
  }
  const db = openDb(dbPath, { readonly: true });
  try {
    return { estimates: estimateCells(cells, durationSamples(db, cells.map((c) => c.model.id), HISTORY_RUNS)), note: null };
  } finally {
    db.close();
  }
}

/** `--job-budget 5h` → seconds; more than 6 h (the run job's limit) or nothing is a usage error. */
export function parseJobBudget(text: string, flag: string): number {
  const ms = parseDuration(text);
  if (ms === null) throw new UsageError(`--${flag}: "${text}" is not a duration`, DURATION_HINT);
  if (ms <= 0 || ms > MAX_JOB_BUDGET_S * 1000) {
    throw new UsageError(`matrix plan: --${flag}: ${text} is out of range`, `a job may take at most ${formatSeconds(MAX_JOB_BUDGET_S)} (GitHub's job limit): give a budget from 1m to 6h, e.g. --${flag} 5h`);
  }
  return ms / 1000;
}
