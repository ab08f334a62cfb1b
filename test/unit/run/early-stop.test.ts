import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EarlyStop } from '../../../harness/run/early-stop.ts';
import { LeaseDirectory } from '../../../harness/run/leases.ts';
import { schedule } from '../../../harness/run/scheduler.ts';
import { verdictResult as result } from './reporters/results.ts';

const infra = (signature: string) => result('infra', { signature });

describe('EarlyStop', () => {
  it('--max-failures N stops every pool at the Nth unexpected failure, and says why once', () => {
    const said: string[] = [];
    const stop = new EarlyStop({ maxFailures: 2, infraStreak: 0, onStop: (r) => said.push(r) });
    stop.record('a', result('fail'));
    stop.record('a', result('xfail'));
    stop.record('b', result('pass'));
    expect([stop.signalOf('a').aborted, stop.signalOf('b').aborted]).toEqual([false, false]);
    stop.record('b', result('fail'));
    stop.record('a', result('fail'));
    expect([stop.signalOf('a').aborted, stop.signalOf('b').aborted, stop.signalOf('c').aborted]).toEqual([true, true, true]);
    expect(said).toEqual(['not run: --max-failures 2 reached (2 unexpected failures)']);
    expect(stop.reasonOf('c')).toBe(said[0]);
  });

  it("a pool whose first K cells are infra with one signature stops; the other pools go on", () => {
    const stop = new EarlyStop({ maxFailures: null, infraStreak: 2 });
    stop.record('broken', infra('gpu-runtime-missing'));
    expect(stop.reasonOf('broken')).toBeNull();
    stop.record('broken', infra('gpu-runtime-missing'));
    stop.record('fine', infra('gpu-runtime-missing'));
    expect(stop.reasonOf('broken')).toBe("not run: the runner's first 2 cells all ended with infra signature gpu-runtime-missing; it starts no more");
    expect(stop.reasonOf('fine')).toBeNull();
  });

  it('cells that never reached a container (an image not pulled, too many GPUs) do not count', () => {
    const stop = new EarlyStop({ maxFailures: null, infraStreak: 2 });
    for (let i = 0; i < 3; i++) stop.record('a', { ...infra('image-missing'), attempts: [] });
    expect(stop.reasonOf('a')).toBeNull();
  });

  it('no stop when the first K differ (two signatures, or a pass among them), nor after the first K', () => {
    const stop = new EarlyStop({ maxFailures: null, infraStreak: 2 });
    stop.record('a', infra('image-pull'));
    stop.record('a', infra('disk-full'));
    stop.record('b', infra('disk-full'));
    stop.record('b', result('pass'));
    stop.record('b', infra('disk-full'));
    stop.record('b', infra('disk-full'));
    expect([stop.reasonOf('a'), stop.reasonOf('b')]).toEqual([null, null]);
  });
});

describe('schedule with a stop signal', () => {
  it('starts no cell after the stop; the running one finishes; the rest get no callback at all', async () => {
    const stop = new AbortController();
    const ran: string[] = [];
    const other: string[] = [];
    await schedule(
      ['c1', 'c2', 'c3', 'c4'].map((id) => ({ id, gpus: 1, imageKey: 'img' })),
      {
        slots: ['0'],
        leases: new LeaseDirectory(mkdtempSync(join(tmpdir(), 'leases-')), 'test'),
        owner: { pid: process.pid, run: 'r' },
        stop: stop.signal,
        prepareImage: async () => {},
        unschedulable: (c) => void other.push(c.id),
        crashed: (c) => void other.push(c.id),
        run: async (c) => {
          ran.push(c.id);
          if (c.id === 'c2') stop.abort('enough');
          await new Promise((r) => setTimeout(r, 5));
        },
      },
    );
    expect(ran).toEqual(['c1', 'c2']);
    expect(other).toEqual([]);
  });
});
