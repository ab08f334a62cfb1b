// B7's split of the writer's time into its two halves, measured apart on the same cells:
// - serialization: SqliteWriter over a database stand-in whose statements only record their
//   values (JSON, codec, redaction, historyFigures: everything the writer does in JavaScript);
// - SQLite: the recorded statements run again on a real database, in the same transactions, with
//   every value ready (binding, inserts, updates, commits, the checkpoint thread poked after each).
// If SQLite alone is slower than the goal, no change to the JavaScript side can meet it.
// Each half is also measured in CPU time over all the process's threads (V8's GC helpers, the
// checkpoint thread copying that half's WAL into the database): what threading could share out
// over the machine's cores, and so what bounds the rate however the work is threaded.
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Cell } from '../../../harness/core/cell.ts';
import type { CellResult } from '../../../harness/core/events.ts';
import { runInfo } from '../../../harness/run/run-info.ts';
import { startCheckpointer, type Checkpointer } from '../../../harness/store/checkpointer.ts';
import { openDb, type Db } from '../../../harness/store/db.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import { benchDir } from './emulated.ts';
import { median } from './stats.ts';

type Call = { sql: string; args: unknown[] } | 'begin' | 'commit';

/** A Db that records the statements run through it (the writer needs prepare and transaction only). */
function recordingDb(calls: Call[]): Db {
  const stand = {
    memory: true, readonly: false, open: true, name: ':recording:',
    prepare: (sql: string) => ({ run: (...args: unknown[]) => void calls.push({ sql, args }) }),
    transaction: (fn: () => void) => () => {
      calls.push('begin');
      fn();
      calls.push('commit');
    },
    pragma: () => undefined,
  };
  return stand as unknown as Db;
}

export interface StoreSplit {
  /** µs per cell of the writer's JavaScript, statements recorded instead of run. */
  serializeUs: number;
  /** µs per cell of SQLite running the recorded statements. */
  sqliteUs: number;
  /** CPU µs per cell over all threads: the JavaScript half; SQLite's half with the checkpoints of its WAL. */
  serializeCpuUs: number;
  sqliteCpuUs: number;
}

/**
 * `runs` runs of the cells: each one's statements recorded, then replayed into one database (runs
 * back to back, as B7's main figure). Figures: medians over the runs after the first.
 */
export function storeSplit(cells: Cell[], file: string, runs: number, make: (cell: Cell, k: number) => CellResult): StoreSplit {
  const dir = benchDir('matrix-bench-split-');
  const dbPath = join(dir, 'r.sqlite');
  const db = openDb(dbPath);
  const ckpt = startCheckpointer(db); // as the writer runs it
  const stmts = new Map<string, Database.Statement<unknown[]>>();
  const prepared = (sql: string) => stmts.get(sql) ?? stmts.set(sql, db.prepare(sql)).get(sql)!;
  const serialize: number[] = [];
  const sqlite: number[] = [];
  const serializeCpu: number[] = [];
  const sqliteCpu: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const run = runInfo({ id: `split-${Date.now()}-${i}`, files: [file], emulate: false, argv: [], dbPath, outDir: dir, resumedFrom: null });
      // The run's and cells' rows: recorded and written untimed, as B7 does with onRunBegin.
      const calls: Call[] = [];
      const writer = new SqliteWriter(recordingDb(calls), []);
      writer.onRunBegin(run, cells);
      replay(db, calls, prepared);
      calls.length = 0;
      checkpointed(ckpt); // the last run's WAL: not this run's CPU
      const results = cells.map(make);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (const r of results) writer.onCellEnd(r);
      writer.flush();
      const t1 = performance.now();
      const cpu1 = process.cpuUsage();
      replay(db, calls, prepared, () => ckpt?.poke());
      const t2 = performance.now();
      checkpointed(ckpt);
      const cpu2 = process.cpuUsage();
      const n = results.length;
      serialize.push(((t1 - t0) * 1000) / n);
      sqlite.push(((t2 - t1) * 1000) / n);
      serializeCpu.push(cpuUs(cpu0, cpu1) / n);
      sqliteCpu.push(cpuUs(cpu1, cpu2) / n);
    }
  } finally {
    ckpt?.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { serializeUs: median(serialize.slice(1)), sqliteUs: median(sqlite.slice(1)), serializeCpuUs: median(serializeCpu.slice(1)), sqliteCpuUs: median(sqliteCpu.slice(1)) };
}

const cpuUs = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) => to.user - from.user + (to.system - from.system);

/** Waits (≤ 10 s) until the checkpoint thread has copied the whole WAL into the database. */
function checkpointed(ckpt: Checkpointer | null): void {
  if (!ckpt) return;
  const tick = new Int32Array(new SharedArrayBuffer(4));
  for (const end = Date.now() + 10_000; Date.now() < end; ) {
    const before = ckpt.stats.checkpoints;
    ckpt.poke();
    while (ckpt.stats.checkpoints === before && Date.now() < end) Atomics.wait(tick, 0, 0, 1);
    const s = ckpt.stats;
    if (s.error || s.log === s.frames) return;
  }
}

function replay(db: Db, calls: Call[], prepared: (sql: string) => Database.Statement<unknown[]>, afterCommit?: () => void): void {
  for (const c of calls) {
    if (c === 'begin') db.exec('BEGIN');
    else if (c === 'commit') {
      db.exec('COMMIT');
      afterCommit?.();
    } else prepared(c.sql).run(...c.args);
  }
}
