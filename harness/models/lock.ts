// One download per model: inside a process a shared promise per model (see pull-queue.ts), across
// processes (shards on one runner, a `matrix models pull` beside a run) a lock file created with
// O_EXCL. A lock whose owner died on this host is taken over; a live owner is waited for.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function owner(path: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() } satisfies LockOwner));
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

export interface LockWait {
  pollMs?: number;
  signal?: AbortSignal;
  /** Told once when another live process holds the lock. */
  onWait?(holder: { pid: number; host: string }): void;
}

/** Holds the lock file while `fn` runs; waits while another live process holds it. */
export async function withLockFile<T>(path: string, fn: () => Promise<T>, wait: LockWait = {}): Promise<T> {
  mkdirSync(dirname(path), { recursive: true });
  let told = false;
  while (!tryCreate(path)) {
    const o = owner(path);
    // A half-written lock (owner null) is a writer between open and write: wait for it.
    if (o && o.host === hostname() && !alive(o.pid)) {
      rmSync(path, { force: true });
      continue;
    }
    if (o && !told) {
      told = true;
      wait.onWait?.(o);
    }
    if (wait.signal?.aborted) throw wait.signal.reason;
    await new Promise((r) => setTimeout(r, wait.pollMs ?? 500));
  }
  try {
    return await fn();
  } finally {
    if (owner(path)?.pid === process.pid) rmSync(path, { force: true });
  }
}
