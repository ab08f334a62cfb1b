// GPU leases that hold across processes on one machine: a lease is a file created with O_EXCL
// in a shared directory, holding the owner's pid. Two `matrix run` processes can never hold the
// same device; a lease whose owner died (SIGKILL) is reclaimed by the next taker.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LeaseOwner {
  pid: number;
  run: string;
  cell: string;
}

export function defaultLeaseDir(): string {
  return process.env.MATRIX_LEASE_DIR ?? join(tmpdir(), 'matrix-gpu-leases');
}

export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class LeaseDirectory {
  constructor(
    readonly dir: string = defaultLeaseDir(),
    /** Namespace of the slots: real GPUs by uuid/index, emulated slots apart. */
    readonly namespace = 'gpu',
  ) {
    mkdirSync(dir, { recursive: true });
  }

  private path(slot: string): string {
    return join(this.dir, `${this.namespace}-${slot.replace(/[^\w.-]/g, '_')}.lease`);
  }

  /** Try to take one slot; false when another live process holds it. */
  tryAcquire(slot: string, owner: LeaseOwner): boolean {
    const p = this.path(slot);
    for (let i = 0; i < 2; i++) {
      try {
        const fd = openSync(p, 'wx');
        writeSync(fd, JSON.stringify({ ...owner, at: new Date().toISOString() }));
        closeSync(fd);
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const holder = this.holder(slot);
        if (holder && pidAlive(holder.pid)) return false;
        // Stale lease (owner gone, or an unreadable half-written file): reclaim it once.
        rmSync(p, { force: true });
      }
    }
    return false;
  }

  /** Take all slots or none. */
  tryAcquireAll(slots: string[], owner: LeaseOwner): boolean {
    const taken: string[] = [];
    for (const s of slots) {
      if (!this.tryAcquire(s, owner)) {
        for (const t of taken) this.release(t, owner.pid);
        return false;
      }
      taken.push(s);
    }
    return true;
  }

  holder(slot: string): LeaseOwner | null {
    try {
      return JSON.parse(readFileSync(this.path(slot), 'utf8')) as LeaseOwner;
    } catch {
      return null;
    }
  }

  /** Release a slot held by `pid` (never someone else's). */
  release(slot: string, pid = process.pid): void {
    const h = this.holder(slot);
    if (h && h.pid !== pid) return;
    rmSync(this.path(slot), { force: true });
  }
}
