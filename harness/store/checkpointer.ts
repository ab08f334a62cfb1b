// The WAL checkpointer: a worker thread with its own connection that copies committed WAL frames
// back into the database file (PRAGMA wal_checkpoint(PASSIVE)) while the writer goes on.
//
// Why: with SQLite's automatic checkpoint the connection that commits also copies the whole WAL
// into the database and fsyncs both, every 1,000 pages, on the event loop that times the probes.
// Measured on the bench machine (B7, runs written back to back into one database): half the
// bursts ran at half speed, and a cell committed on its own cost ~0.4 ms more. A PASSIVE
// checkpoint never blocks the writer (nor readers: `matrix serve`, another run), so it can run
// beside it; the writer only pokes it after each commit. The writer keeps an automatic
// checkpoint as a safety net at a higher threshold (SAFETY_NET_BYTES), for when this thread falls
// behind or could not start.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './db.ts';

/** The writer's own automatic checkpoint while a checkpointer runs, in WAL bytes (pages: safetyNetPages). */
export const SAFETY_NET_BYTES = 64 * 1024 * 1024;

/** SAFETY_NET_BYTES in pages of `pageSize` (SQLite counts WAL frames, one per page). */
export function safetyNetPages(pageSize: number): number {
  return Math.ceil(SAFETY_NET_BYTES / pageSize);
}

/** Slots of the shared state: the worker writes them, the owner reads them at any time (no event-loop turn needed). */
const CLOSED = 0, CHECKPOINTS = 1, LOG = 2, FRAMES = 3;

/** The worker's code (CommonJS, evaluated: nothing to build or resolve at run time but the driver). */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const state = new Int32Array(workerData.state);
let db = null;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.path, { fileMustExist: true });
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e) });
}
let timer = null;
let last = 0;
function run() {
  timer = null;
  if (!db) return;
  last = Date.now();
  try {
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
    Atomics.add(state, ${CHECKPOINTS}, 1);
    Atomics.store(state, ${LOG}, r.log);
    Atomics.store(state, ${FRAMES}, r.checkpointed);
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e) });
  }
}
function stop() {
  if (timer) clearTimeout(timer);
  timer = null;
  try { if (db) db.close(); } catch {}
  db = null;
  Atomics.store(state, ${CLOSED}, 1);
  Atomics.notify(state, ${CLOSED});
  parentPort.close();
}
parentPort.on('message', (m) => {
  if (m === 'stop') return stop();
  if (!timer && db) timer = setTimeout(run, Math.max(0, last + workerData.spacingMs - Date.now()));
});
`;

export interface CheckpointerStats {
  /** Checkpoints the thread ran. */
  checkpoints: number;
  /** WAL frames in the log, and those in the database file, after the last one. */
  log: number;
  frames: number;
  /** Why the thread stopped checkpointing, if it did (the safety net then does the work). */
  error: string | null;
}

export class Checkpointer {
  private worker: Worker | null;
  private readonly state = new Int32Array(new SharedArrayBuffer(4 * 4));
  private error: string | null = null;

  /** `spacingMs`: at most one checkpoint per this many milliseconds (commits in between share it). */
  constructor(path: string, opts: { spacingMs?: number } = {}) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(SOURCE, { eval: true, workerData: { path, driver, spacingMs: opts.spacingMs ?? 25, state: this.state.buffer } });
    this.worker.on('message', (m: { error: string }) => (this.error = m.error));
    this.worker.on('error', (e) => {
      this.error = e.message;
      this.worker = null;
    });
    // Never what keeps a process alive (a writer nobody closed). After the listeners: adding a
    // 'message' listener refs the worker again.
    this.worker.unref();
  }

  /** As of now, also in the middle of a synchronous burst (read from memory the thread shares). */
  get stats(): CheckpointerStats {
    return { checkpoints: Atomics.load(this.state, CHECKPOINTS), log: Atomics.load(this.state, LOG), frames: Atomics.load(this.state, FRAMES), error: this.error };
  }

  /** A commit happened: checkpoint soon. */
  poke(): void {
    this.worker?.postMessage(1);
  }

  /**
   * Stops the thread and waits (at most `timeoutMs`, the end of a checkpoint under way) until its
   * connection is closed, so a caller that closes the database next is its last connection: the
   * one that checkpoints what is left and removes the WAL.
   */
  stop(timeoutMs = 10_000): void {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    w.postMessage('stop');
    Atomics.wait(this.state, CLOSED, 0, timeoutMs);
  }
}

/**
 * A checkpoint thread for a database file in WAL mode, with the connection's own automatic
 * checkpoint moved up to the safety net; null where none runs (in memory, read-only, not WAL, or
 * no thread can start here), and SQLite's own checkpoints then do the work.
 */
export function startCheckpointer(db: Db): Checkpointer | null {
  if (db.memory || db.readonly || String(db.pragma('journal_mode', { simple: true })) !== 'wal') return null;
  let c: Checkpointer | null = null;
  try {
    c = new Checkpointer(db.name);
    db.pragma(`wal_autocheckpoint = ${safetyNetPages(db.pragma('page_size', { simple: true }) as number)}`);
    return c;
  } catch {
    c?.stop();
    return null;
  }
}
