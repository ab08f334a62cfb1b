// The writer's checkpoint thread, on real SQLite files: it copies committed WAL frames into the
// database file while the writer goes on, the writer's own automatic checkpoint waits behind a
// safety net meanwhile, close() leaves the writer's caller as the last connection (its close
// removes the WAL), and a writer nobody closed never keeps a process alive.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safetyNetPages } from '../../../harness/store/checkpointer.ts';
import { migrate, openDb } from '../../../harness/store/db.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import { cell, info } from './fixtures.ts';
import type { Cell } from '../../../harness/core/cell.ts';
import type { CellResult } from '../../../harness/core/events.ts';

const tmp = () => join(mkdtempSync(join(tmpdir(), 'ckpt-')), 'r.sqlite');

/** A failed cell with a long log excerpt: ~10 KiB, a few pages of WAL each. */
function result(c: Cell): CellResult {
  return {
    cell: c, verdict: 'fail', category: 'oom', signature: 'oom-kv-cache', triage: null, reason: 'out of memory', durationMs: 900,
    attempts: [{
      attempt: 1, kind: 'first', options: {}, command: c.command, outcome: 'fail', exitCode: 1, diagnosis: null, steps: { create: 0.05, ready: 2.5 },
      probes: [], timeline: [], logPath: null, fingerprint: null, containerId: null, dockerRun: null, error: null,
      logTail: Array.from({ length: 80 }, (_, i) => ({ line: i + 1, text: `(EngineCore_DP0 pid=312) INFO line ${i} of a long startup log, torch.OutOfMemoryError: CUDA out of memory` })),
    }],
  };
}

async function until(ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('checkpoint thread', () => {
  it('copies committed frames into the database file while the writer holds its own checkpoint back', async () => {
    const path = tmp();
    const db = openDb(path);
    const w = new SqliteWriter(db);
    const cells = Array.from({ length: 300 }, (_, i) => cell(`img/h100/m${i}/default`));
    w.onRunBegin(info('r1'), cells);
    expect(w.checkpointer).not.toBeNull();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(safetyNetPages(4096)); // 64 MiB of 4 KiB pages
    const before = statSync(path).size;
    for (const c of cells) w.onCellEnd(result(c));
    w.flush();
    // The frames reach the database file without this connection checkpointing (its threshold is
    // far above the ~3 MiB written here).
    await until(() => statSync(path).size > before + 1_000_000 && w.checkpointer!.stats.frames > 0);
    expect(w.checkpointer!.stats.error).toBeNull();
    expect(w.checkpointer!.stats.checkpoints).toBeGreaterThan(0);
    w.close();
    expect(w.checkpointer).toBeNull();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // The thread's connection is closed: this close is the last, so it removes the WAL.
    db.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const again = openDb(path, { readonly: true });
    expect(again.prepare("SELECT count(*) AS n FROM cells WHERE verdict = 'fail'").get()).toEqual({ n: 300 });
    again.close();
  });

  it('onRunEnd stops it, and the writer goes on without it', () => {
    const path = tmp();
    const db = openDb(path);
    const w = new SqliteWriter(db);
    const c = cell('img/h100/m/default');
    w.onRunBegin(info('r1'), [c]);
    w.onCellEnd(result(c));
    w.onRunEnd(info('r1'), { status: 'finished', finishedAt: '2026-11-22T00:01:00Z', counts: { pass: 0, fail: 1, skip: 0, infra: 0, xfail: 0 } as never, exitCode: 1 });
    expect(w.checkpointer).toBeNull();
    expect(db.prepare('SELECT status, exit_code AS code FROM runs').get()).toEqual({ status: 'finished', code: 1 });
    w.onCellEnd(result(c));
    w.flush();
    expect(w.checkpointer).toBeNull();
    db.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('close() after the database was closed still stops the thread', () => {
    const db = openDb(tmp());
    const w = new SqliteWriter(db);
    w.onRunBegin(info('r1'), [cell('a')]);
    db.close();
    expect(() => w.close()).not.toThrow();
    expect(w.checkpointer).toBeNull();
  });

  it('does not run for an in-memory database', () => {
    const db = new Database(':memory:');
    migrate(db);
    const w = new SqliteWriter(db);
    w.onRunBegin(info('r1'), [cell('a')]);
    expect(w.checkpointer).toBeNull();
    w.close();
    db.close();
  });

  it('never keeps a process alive: a writer nobody closed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ckpt-exit-'));
    const script = join(dir, 'unclosed.ts');
    const root = resolve(import.meta.dirname, '../../..');
    writeFileSync(script, `
import { openDb } from ${JSON.stringify(join(root, 'harness/store/db.ts'))};
import { SqliteWriter } from ${JSON.stringify(join(root, 'harness/store/writer.ts'))};
const w = new SqliteWriter(openDb(${JSON.stringify(join(dir, 'r.sqlite'))}));
w.onRunBegin({ id: 'r', startedAt: 'now', host: 'h', runnerLabels: [], gitCommit: null, matrixFiles: [], emulate: true, argv: [], dbPath: '', outDir: '', resumedFrom: null }, []);
console.log(w.checkpointer ? 'thread started' : 'no thread');
`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(r.error).toBeUndefined(); // not killed by the timeout
    expect(r.stdout.trim()).toBe('thread started');
    expect(r.status).toBe(0);
  });
});
