import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeaseDirectory, pidAlive } from '../../../harness/run/leases.ts';

const owner = (cell: string) => ({ pid: process.pid, run: 'r1', cell });

describe('LeaseDirectory', () => {
  it('gives a slot to one holder at a time and takes all-or-nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leases-'));
    const a = new LeaseDirectory(dir, 'gpu');
    expect(a.tryAcquire('0', owner('x'))).toBe(true);
    expect(a.tryAcquire('0', owner('y'))).toBe(false);
    expect(a.tryAcquireAll(['1', '0'], owner('y'))).toBe(false);
    expect(a.holder('1')).toBeNull(); // the partial take was undone
    a.release('0');
    expect(a.tryAcquireAll(['1', '0'], owner('y'))).toBe(true);
  });

  it('keeps namespaces apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leases-'));
    expect(new LeaseDirectory(dir, 'gpu').tryAcquire('0', owner('a'))).toBe(true);
    expect(new LeaseDirectory(dir, 'emulated').tryAcquire('0', owner('b'))).toBe(true);
  });

  it('holds against another live process and reclaims the lease of a dead one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leases-'));
    // A second process takes slot 0 with the same code path, then waits to be killed.
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `
      import('${join(process.cwd(), 'harness/run/leases.ts')}').then(({ LeaseDirectory }) => {
        const ok = new LeaseDirectory(${JSON.stringify(dir)}, 'gpu').tryAcquire('0', { pid: process.pid, run: 'other', cell: 'c' });
        console.log(ok ? 'held' : 'refused');
        setInterval(() => {}, 1000);
      });`], { stdio: ['ignore', 'pipe', 'inherit'] });
    const first = await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d).trim())));
    expect(first).toBe('held');
    const mine = new LeaseDirectory(dir, 'gpu');
    expect(mine.tryAcquire('0', owner('me'))).toBe(false);
    expect(mine.holder('0')?.run).toBe('other');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(pidAlive(child.pid!)).toBe(false);
    expect(mine.tryAcquire('0', owner('me'))).toBe(true);
    expect(mine.holder('0')?.run).toBe('r1');
  });

  it('never releases a lease held by someone else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leases-'));
    const l = new LeaseDirectory(dir, 'gpu');
    l.tryAcquire('0', owner('a'));
    l.release('0', process.pid + 1);
    expect(l.holder('0')?.cell).toBe('a');
  });
});
