// `matrix merge`: joins shard and history databases into one with SQLite's own means. Each input
// is opened read-only and snapshotted (VACUUM INTO) beside the target, where it is checked and
// migrated to this harness's schema; the target is built in a temporary copy (ATTACH, one
// INSERT … SELECT per table, one transaction per input) and renamed over the old file at the end,
// so a failure at any point leaves the old target as it was.
//
// Rows are keyed as in the schema: a key already present is left alone, so merging the same input
// twice changes nothing. Shards of one run (same run id) become one run: earliest start, latest
// finish, the worst status, the union of matrix files and runner labels. A cell comes whole (with its
// attempts, probes, requests, …) from the first database that has it; a cell that finished in an
// input replaces the same cell left unfinished (no verdict) in the target.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InfraError, UsageError } from '../errors.ts';
import { openDb, schemaVersion, type Db } from './db.ts';
import { MIGRATIONS } from './migrations.ts';

export interface MergeResult {
  into: string;
  /** Inputs merged (an input that is the target itself is skipped). */
  inputs: string[];
  /** Rows added per table, summed over the inputs. */
  added: Record<string, number>;
  /** Runs of the result, oldest first. */
  runs: string[];
}

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));
// A shard that is still `running` has not said how it ended, so any other status wins over it.
const STATUS_RANK: Record<string, number> = { running: 0, finished: 1, interrupted: 2, failed: 3 };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A database the user named cannot be merged (not one, damaged, too new): a user error, exit 2. */
function inputError(path: string, what: string, hint: string): UsageError {
  return new UsageError(`matrix merge: ${path}: ${what}`, hint);
}

/** Opens an input read-only and copies it (consistently, WAL included) to `copy`. */
function snapshot(path: string, copy: string): void {
  if (!existsSync(path)) throw new UsageError(`matrix merge: ${path}: no such file`, 'give the paths of results databases written by `matrix run` or `matrix merge`');
  let src: Db | undefined;
  try {
    src = new Database(path, { readonly: true, fileMustExist: true });
    src.pragma('busy_timeout = 10000');
    src.prepare('VACUUM INTO ?').run(copy);
  } catch (e) {
    throw inputError(path, `cannot read it as a results database (${(e as Error).message})`, 'the file is damaged or not an SQLite database: download the artifact again or leave it out');
  } finally {
    src?.close();
  }
}

/** Checks a snapshot and brings it to this harness's schema; refuses one from a newer harness. */
function checkAndMigrate(copy: string, origin: string): void {
  const raw = new Database(copy, { fileMustExist: true });
  try {
    const check = raw.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw inputError(origin, `the database is damaged (${String(check)})`, 'download the artifact again or leave it out');
    const hasRuns = raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'runs'").get();
    const version = schemaVersion(raw);
    if (!hasRuns || version === 0) throw inputError(origin, 'not a results database (no runs table or schema version)', 'give databases written by `matrix run` or `matrix merge`');
    if (version > LATEST) {
      throw inputError(origin, `written by a newer harness (schema version ${version}; this one knows up to ${LATEST})`, 'update the harness that merges (git pull && npm ci), or merge with the newer one');
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw inputError(origin, `cannot read it as a results database (${(e as Error).message})`, 'the file is damaged: download the artifact again or leave it out');
  } finally {
    raw.close();
  }
  openDb(copy).close(); // applies the missing migrations
}

/** Tables of the schema, parents before children (foreign keys), without the bookkeeping ones. */
function tablesInOrder(db: Db): string[] {
  const names = (db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_migrations' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
  const parents = new Map(names.map((n) => [n, (db.prepare(`SELECT "table" AS parent FROM pragma_foreign_key_list(?)`).all(n) as Array<{ parent: string }>).map((r) => r.parent)]));
  const out: string[] = [];
  const visit = (n: string, path: Set<string>) => {
    if (out.includes(n) || path.has(n)) return;
    path.add(n);
    for (const p of parents.get(n) ?? []) if (names.includes(p)) visit(p, path);
    out.push(n);
  };
  for (const n of names) visit(n, new Set());
  return out;
}

function columns(db: Db, schema: 'main' | 'src', table: string): string[] {
  return (db.prepare(`SELECT name FROM ${schema}.pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((r) => r.name);
}

interface RunRow {
  id: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  runner_labels: string;
  matrix_files: string;
  emulate: number;
  exit_code: number | null;
}

const rank = (status: string) => STATUS_RANK[status] ?? 0;
const worstExit = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** Union of two JSON arrays, sorted, so the order of the inputs does not matter. */
function unionJson(a: string, b: string): string {
  const all = new Set([...(JSON.parse(a) as unknown[]), ...(JSON.parse(b) as unknown[])].map((v) => JSON.stringify(v)));
  return `[${[...all].sort().join(',')}]`;
}

/** Two rows of one run (two shards, or a shard and the history) as one. */
export function combineRuns(a: RunRow, b: RunRow): RunRow {
  const finished = [a.finished_at, b.finished_at].filter((v): v is string => v !== null).sort();
  return {
    ...a,
    started_at: [a.started_at, b.started_at].sort()[0]!,
    finished_at: finished.at(-1) ?? null,
    status: rank(b.status) > rank(a.status) ? b.status : a.status,
    runner_labels: unionJson(a.runner_labels, b.runner_labels),
    matrix_files: unionJson(a.matrix_files, b.matrix_files),
    emulate: Math.max(a.emulate, b.emulate),
    exit_code: worstExit(a.exit_code, b.exit_code),
  };
}

function mergeRuns(db: Db): number {
  const cols = columns(db, 'main', 'runs').filter((c) => columns(db, 'src', 'runs').includes(c));
  const list = cols.map(q).join(', ');
  let added = 0;
  for (const s of db.prepare('SELECT * FROM src.runs ORDER BY id').all() as RunRow[]) {
    const t = db.prepare('SELECT * FROM main.runs WHERE id = ?').get(s.id) as RunRow | undefined;
    if (!t) {
      added += db.prepare(`INSERT INTO main.runs (${list}) SELECT ${list} FROM src.runs WHERE id = ?`).run(s.id).changes;
      continue;
    }
    const m = combineRuns(t, s);
    db.prepare('UPDATE main.runs SET started_at = ?, finished_at = ?, status = ?, runner_labels = ?, matrix_files = ?, emulate = ?, exit_code = ? WHERE id = ?').run(
      m.started_at,
      m.finished_at,
      m.status,
      m.runner_labels,
      m.matrix_files,
      m.emulate,
      m.exit_code,
      s.id,
    );
  }
  return added;
}

/** Merges the attached `src` into `main`, in one transaction. */
function mergeAttached(db: Db, tables: string[], added: Record<string, number>): void {
  db.transaction(() => {
    added.runs = (added.runs ?? 0) + mergeRuns(db);
    // a cell that finished in the input replaces the same cell left unfinished here (cascades to its attempts)
    db.prepare(
      `DELETE FROM main.cells WHERE verdict IS NULL AND EXISTS
         (SELECT 1 FROM src.cells s WHERE s.run_id = main.cells.run_id AND s.cell_id = main.cells.cell_id AND s.verdict IS NOT NULL)`,
    ).run();
    // a cell comes whole from one database: the attempts, probes, … of a cell already here are not mixed in
    db.exec('DROP TABLE IF EXISTS temp.kept_cells');
    db.exec('CREATE TEMP TABLE kept_cells AS SELECT c.run_id, c.cell_id FROM main.cells c JOIN src.cells s USING (run_id, cell_id)');
    for (const t of tables) {
      if (t === 'runs') continue;
      const theirs = columns(db, 'src', t);
      if (theirs.length === 0) continue;
      const shared = columns(db, 'main', t).filter((c) => theirs.includes(c));
      const cols = shared.map(q).join(', ');
      const perCell = t !== 'cells' && shared.includes('run_id') && shared.includes('cell_id');
      const where = perCell ? ' WHERE NOT EXISTS (SELECT 1 FROM temp.kept_cells k WHERE k.run_id = x.run_id AND k.cell_id = x.cell_id)' : '';
      // keys already present win: merging an input twice adds nothing
      added[t] = (added[t] ?? 0) + db.prepare(`INSERT OR IGNORE INTO main.${q(t)} (${cols}) SELECT ${cols} FROM src.${q(t)} AS x${where}`).run().changes;
    }
    db.exec('DROP TABLE temp.kept_cells');
    // a run whose shards all said `finished` while some cells never got a verdict (a shard died) did not finish
    db.prepare(
      `UPDATE main.runs SET status = 'interrupted' WHERE status = 'finished' AND id IN (SELECT id FROM src.runs)
         AND EXISTS (SELECT 1 FROM main.cells c WHERE c.run_id = main.runs.id AND c.verdict IS NULL)`,
    ).run();
  })();
}

/** A target left in WAL mode with a -wal file: fold the log into the file, so nothing of the old file outlives the rename. */
function settleWal(target: string): void {
  if (!existsSync(`${target}-wal`)) return;
  const db = new Database(target, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (e) {
    throw inputError(target, `cannot read it as a results database (${(e as Error).message})`, 'the target is damaged: move it away and merge again');
  } finally {
    db.close();
  }
  if (existsSync(`${target}-wal`)) throw new InfraError('store', `matrix merge: ${target}: another process has the database open`, 'stop `matrix run` or `matrix serve` on this file, then merge again', 'store');
}

/**
 * Points the merged attempts of the attached input at their logs' new place: a shard's logs are
 * uploaded and downloaded elsewhere than where the run wrote them. Only files that exist there:
 * in the run's own folder under it (`logs/RUN_ID/…`, where `matrix run` writes them), or at its top
 * (logs written before runs had their own folder).
 */
function relocateLogs(db: Db, logDir: string): number {
  const rows = db.prepare('SELECT run_id, cell_id, attempt, log_path FROM src.attempts WHERE log_path IS NOT NULL').all() as Array<{ run_id: string; cell_id: string; attempt: number; log_path: string }>;
  const set = db.prepare('UPDATE main.attempts SET log_path = ? WHERE run_id = ? AND cell_id = ? AND attempt = ?');
  let moved = 0;
  for (const r of rows) {
    const there = [join(logDir, basename(dirname(r.log_path)), basename(r.log_path)), join(logDir, basename(r.log_path))].find((p) => existsSync(p));
    if (there) moved += set.run(there, r.run_id, r.cell_id, r.attempt).changes;
  }
  return moved;
}

const samePath = (a: string, b: string) => existsSync(a) && existsSync(b) && realpathSync(a) === realpathSync(b);

export interface MergeOptions {
  /** Where the full logs of the inputs lie now (attempts' log paths are pointed there). */
  logDir?: string;
}

/** Merges `inputs` into the database at `into` (created when missing). Atomic: all or nothing. */
export function mergeDatabases(inputs: string[], into: string, opts: MergeOptions = {}): MergeResult {
  const target = resolve(into);
  mkdirSync(dirname(target), { recursive: true });
  const work = mkdtempSync(join(dirname(target), `.${basename(target)}.merge-`));
  try {
    const sources = inputs.map((p) => resolve(p)).filter((p) => !samePath(p, target));
    // every input is read and checked before the target is looked at
    const copies = sources.map((p, i) => {
      const copy = join(work, `input-${i}.sqlite`);
      snapshot(p, copy);
      checkAndMigrate(copy, p);
      return copy;
    });
    const next = join(work, 'result.sqlite');
    if (existsSync(target)) {
      settleWal(target);
      snapshot(target, next);
      checkAndMigrate(next, target);
    }
    const db = openDb(next);
    const added: Record<string, number> = {};
    let runs: string[];
    try {
      const tables = tablesInOrder(db);
      for (const copy of copies) {
        db.prepare('ATTACH DATABASE ? AS src').run(copy);
        try {
          mergeAttached(db, tables, added);
          if (opts.logDir) relocateLogs(db, resolve(opts.logDir));
        } finally {
          db.prepare('DETACH DATABASE src').run();
        }
      }
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new InfraError('store', `matrix merge: the merged database has ${broken.length} rows without their parent`, 'report this as a bug, with the input databases', 'store');
      runs = (db.prepare('SELECT id FROM runs ORDER BY started_at, id').all() as Array<{ id: string }>).map((r) => r.id);
      db.pragma('journal_mode = DELETE'); // one self-contained file, fit for publishing
    } finally {
      db.close();
    }
    renameSync(next, target);
    return { into: target, inputs: sources, added, runs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
