// Opens the results database (better-sqlite3, WAL) and applies versioned migrations.
// Raw facts are stored (timestamps, chunk times, token counts); derived figures are computed in
// harness/probes/latency.ts and stored beside them only as a cache for the report.
import Database from 'better-sqlite3';
import { accessSync, constants, mkdirSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InfraError } from '../errors.ts';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

const PAGE_SIZE = 4096;

/** Where results go unless --db says otherwise. */
export const DEFAULT_DB_PATH = '.matrix/results.sqlite';

export function openDb(path: string, opts: { readonly?: boolean } = {}): Db {
  const full = resolve(path);
  let db: Db;
  try {
    if (!opts.readonly) mkdirSync(dirname(full), { recursive: true });
    db = new Database(full, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly });
  } catch (e) {
    throw storeError(e, full, opts.readonly ? undefined : dirname(full));
  }
  try {
    db.pragma('busy_timeout = 10000');
    if (!opts.readonly) {
      // 4 KiB pages for a new database. A commit writes each page it changed whole into the WAL:
      // a cell that ends on its own (the usual case) changes ~10 pages, 40 KiB at 4 KiB but 640 KiB
      // at 64 KiB. Bigger pages looked faster for bursts only because a fresh database's bursts
      // never reached a checkpoint (B7 now writes runs back to back into one database; with the
      // checkpoint thread, 4 KiB: 8.5k cells/s in bursts, 3.7k one commit each; 64 KiB: 9.9k
      // and 1.6k, and a WAL that outgrew its checkpoints). Only takes effect before the first
      // table exists; older databases keep theirs.
      if (schemaVersion(db) === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db);
    }
  } catch (e) {
    db.close();
    throw storeError(e, full, opts.readonly ? undefined : dirname(full));
  }
  return db;
}

export function storeError(e: unknown, path: string, dir?: string): InfraError {
  let msg = (e as Error).message ?? String(e);
  // SQLite says only "unable to open database file"; a read-only directory is the usual cause.
  const dirProblem = dir && /unable to open|SQLITE_CANTOPEN/i.test(msg) ? notWritable(dir) : null;
  if (dirProblem) msg = `${msg} (its directory is not writable: ${dirProblem})`;
  // A full filesystem under a WAL database often surfaces as "disk I/O error".
  if (dir && /disk I\/O error|SQLITE_IOERR/i.test(msg) && noSpaceLeft(dir)) msg = `${msg} (no space left on the device)`;
  const hint = /readonly|read-only|EACCES|EROFS|permission/i.test(msg)
    ? 'the database path is not writable: choose another with --db'
    : /full|ENOSPC|no space left/i.test(msg)
      ? 'the disk holding the database is full: free space or choose another --db'
      : /does not exist|SQLITE_CANTOPEN|unable to open/i.test(msg)
        ? 'check the path given with --db (run `matrix run` first to create a database)'
        : 'check the database file and its directory';
  return new InfraError('store', `results database ${path}: ${msg}`, hint, 'store');
}

function noSpaceLeft(dir: string): boolean {
  try {
    return statfsSync(dir).bavail === 0;
  } catch {
    return false;
  }
}

function notWritable(dir: string): string | null {
  try {
    accessSync(dir, constants.W_OK);
    return null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}

export function schemaVersion(db: Db): number {
  const row = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='schema_migrations'").get();
  if (!row) return 0;
  return (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
}

export function migrate(db: Db): void {
  if (MIGRATIONS.every((m) => m.version <= schemaVersion(db))) return;
  // Under the write lock (BEGIN IMMEDIATE), and with the version read again: two processes opening
  // one new database at once must not both create its tables.
  db.transaction(() => {
    const current = schemaVersion(db);
    const todo = MIGRATIONS.filter((m) => m.version > current);
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of todo) {
      db.exec(m.sql);
      m.run?.(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }
  }).immediate();
}
