// Resource faults: a database on a read-only or full filesystem, an unwritable --out, out-of-range
// ports. Each gives a clear error (exit 2 or 3), never a stack trace, and loses nothing that was
// already stored. Root ignores file modes, so read-only and full disks are real tmpfs mounts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, parseRun, query, startCli, waitFor, workdir, writeMatrix } from '../support/matrix-cli.ts';
import { containersOfPids, expectNoStackTrace, imagesMatrix, integrityCheck, leftovers } from '../support/reliability.ts';

const isRoot = process.getuid?.() === 0;
const env = { MATRIX_LEASE_DIR: workdir('leases-') };
const runIds: string[] = [];
const mounts: string[] = [];

function mountTmpfs(dir: string, options: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounts.push(dir);
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir]);
  } catch {
    execFileSync('umount', ['-l', dir]);
  }
  mounts.splice(mounts.indexOf(dir), 1);
}

afterAll(async () => {
  for (const m of [...mounts]) unmount(m);
  expect(await leftovers(runIds)).toEqual([]);
});

function runArgs(dir: string, matrix: string, db: string, out: string, runId: string): string[] {
  runIds.push(runId);
  return ['run', matrix, '--emulate', '--db', db, '--out', out, '--run-id', runId];
}

describe.skipIf(!isRoot)('a database on a read-only or full filesystem (tmpfs mounts, needs root)', () => {
  it('a new database on a read-only filesystem: exit 3, says the path is not writable, starts nothing', async () => {
    const dir = workdir();
    const ro = join(dir, 'ro');
    mountTmpfs(ro, 'size=64k,ro');
    try {
      const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'a' }] }));
      const child = startCli(runArgs(dir, m, join(ro, 'r.sqlite'), join(dir, 'out'), `ro-new-${process.pid}`), { env });
      const r = await child.done;
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`results database ${join(ro, 'r.sqlite')}: unable to open database file (its directory is not writable: EROFS)`);
      expect(r.stderr).toContain('hint: the database path is not writable: choose another with --db');
      expectNoStackTrace(r.stderr);
      expect(await containersOfPids([child.pid!])).toEqual([]);
    } finally {
      unmount(ro);
    }
  });

  it('an existing database whose filesystem turned read-only: exit 3, earlier runs intact', async () => {
    const dir = workdir();
    const fs = join(dir, 'fs');
    mountTmpfs(fs, 'size=4m');
    try {
      const db = join(fs, 'r.sqlite');
      const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'a' }] }));
      const first = await cli([...runArgs(dir, m, db, join(dir, 'out1'), `ro-first-${process.pid}`), '--json'], { env });
      expect(first.code, first.stderr).toBe(0);
      execFileSync('mount', ['-o', 'remount,ro', fs]);
      const r = await cli(runArgs(dir, m, db, join(dir, 'out2'), `ro-second-${process.pid}`), { env });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/results database .*r\.sqlite: .*(readonly|read-only|not writable: EROFS)/);
      expect(r.stderr).toContain('hint: the database path is not writable');
      expectNoStackTrace(r.stderr);
      execFileSync('mount', ['-o', 'remount,rw', fs]);
      expect(integrityCheck(db)).toBe('ok');
      expect(query<{ id: string; status: string }>(db, 'SELECT id, status FROM runs')).toEqual([{ id: `ro-first-${process.pid}`, status: 'finished' }]);
      expect(query<{ verdict: string }>(db, 'SELECT verdict FROM cells')).toEqual([{ verdict: 'pass' }]);
    } finally {
      unmount(fs);
    }
  });

  it('the disk under the database fills before the run ends: verdicts still printed, exit 3 with a clear message, earlier runs intact', async () => {
    const dir = workdir();
    const fs = join(dir, 'fs');
    mountTmpfs(fs, 'size=16m'); // room for the first run (its database and WAL); dd fills the rest below
    try {
      const db = join(fs, 'r.sqlite');
      const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'a' }], flags: '  - { id: f1 }\n  - { id: f2 }', probes: 'text, stream' }));
      const first = await cli(runArgs(dir, m, db, join(dir, 'out1'), `full-first-${process.pid}`), { env });
      expect(first.code, first.stderr).toBe(0);
      const second = `full-second-${process.pid}`;
      const child = startCli([...runArgs(dir, m, db, join(dir, 'out2'), second), '--json'], { env });
      // Once the second run is under way, fill what is left of the filesystem.
      await waitFor(() => query<{ id: string }>(db, "SELECT id FROM runs WHERE id = ? AND status = 'running'", second)[0], 30_000, 'the second run to begin');
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${join(fs, 'filler')}`, 'bs=64k'], { stdio: 'ignore' });
      } catch {
        // dd stops with "No space left on device": that is the point
      }
      const r = await child.done;
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/results database .*r\.sqlite: (database or disk is full|.*no space left on the device)/);
      expect(r.stderr).toContain('hint: the disk holding the database is full');
      expectNoStackTrace(r.stderr);
      // Nothing lost that the runner can still show: every verdict is in the JSON, JUnit was written.
      expect(parseRun(r).cells.map((c) => c.verdict)).toEqual(['pass', 'pass']);
      expect(existsSync(join(dir, 'out2', 'junit.xml'))).toBe(true);
      execFileSync('rm', ['-f', join(fs, 'filler')]);
      expect(integrityCheck(db)).toBe('ok');
      const cells = query<{ run_id: string; verdict: string | null }>(db, 'SELECT run_id, verdict FROM cells WHERE run_id = ?', `full-first-${process.pid}`);
      expect(cells.map((c) => c.verdict)).toEqual(['pass', 'pass']);
    } finally {
      unmount(fs);
    }
  });

  it('an unwritable --out: exit 2 before anything starts, no database created', async () => {
    const dir = workdir();
    const ro = join(dir, 'ro');
    mountTmpfs(ro, 'size=64k,ro');
    try {
      const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'a' }] }));
      const db = join(dir, 'r.sqlite');
      const r = await cli(runArgs(dir, m, db, join(ro, 'out'), `ro-out-${process.pid}`), { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--out ${join(ro, 'out')}: cannot write there`);
      expect(r.stderr).toContain('hint: choose a writable directory with --out');
      expectNoStackTrace(r.stderr);
      expect(existsSync(db)).toBe(false);
    } finally {
      unmount(ro);
    }
  });
});

describe('out-of-range ports', () => {
  it.each(['70000', '-1', '80.5', 'http'])('matrix serve --port=%s: usage error, exit 2, nothing served', async (port) => {
    const dir = workdir();
    const db = join(dir, 'r.sqlite');
    const r = await cli(['serve', '--db', db, `--port=${port}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--port must be 0..65535 (got "${port}")`);
    expectNoStackTrace(r.stderr);
    expect(r.stdout).not.toContain('http://');
  });
});
