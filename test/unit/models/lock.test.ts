import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLockFile } from '../../../harness/models/lock.ts';

const lockIn = () => join(mkdtempSync(join(tmpdir(), 'model-lock-')), 'm.lock');

describe('withLockFile', () => {
  it('takes over a lock whose owner died on this host, and removes it after', async () => {
    const path = lockIn();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    writeFileSync(path, JSON.stringify({ pid: dead, host: hostname(), since: '2026-01-01' }));
    const ran = await withLockFile(path, async () => existsSync(path));
    expect(ran).toBe(true);
    expect(existsSync(path)).toBe(false);
  });

  it('waits while a live owner holds it, and says who', async () => {
    const path = lockIn();
    const order: string[] = [];
    const waitedFor: number[] = [];
    const first = withLockFile(path, async () => {
      order.push('first in');
      await new Promise((r) => setTimeout(r, 100));
      order.push('first out');
    });
    const second = withLockFile(path, async () => void order.push('second'), { pollMs: 10, onWait: (h) => waitedFor.push(h.pid) });
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'first out', 'second']);
    expect(waitedFor).toEqual([process.pid]);
  });
});
