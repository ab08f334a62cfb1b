import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeaseDirectory } from '../../../harness/run/leases.ts';
import { orderCells, schedule, type SchedulableCell } from '../../../harness/run/scheduler.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const leases = () => new LeaseDirectory(mkdtempSync(join(tmpdir(), 'leases-')), 'test');

interface Job extends SchedulableCell {
  ms: number;
}

async function simulate(jobs: Job[], slots: number) {
  let busy = 0;
  let maxBusy = 0;
  const held = new Set<string>();
  const log: Array<{ id: string; slots: string[] }> = [];
  /** `start:<id>` and `end:<id>`, in the order they happened. */
  const events: string[] = [];
  const prepared: string[] = [];
  await schedule(jobs, {
    slots: Array.from({ length: slots }, (_, i) => String(i)),
    leases: leases(),
    owner: { pid: process.pid, run: 'r' },
    prepareImage: async (k) => {
      prepared.push(k);
      await sleep(5);
    },
    unschedulable: () => {},
    crashed: (_job, e) => {
      throw e;
    },
    run: async (job, s) => {
      for (const x of s) {
        expect(held.has(x)).toBe(false);
        held.add(x);
      }
      busy += s.length;
      maxBusy = Math.max(maxBusy, busy);
      events.push(`start:${job.id}`);
      await sleep(job.ms);
      busy -= s.length;
      for (const x of s) held.delete(x);
      events.push(`end:${job.id}`);
      log.push({ id: job.id, slots: s });
    },
  });
  return { log, events, maxBusy, prepared };
}

describe('schedule', () => {
  it('never gives one slot to two cells and never exceeds the slots', async () => {
    const jobs: Job[] = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, gpus: [1, 2, 4][i % 3]!, imageKey: `img${i % 2}`, ms: 20 + (i % 4) * 10 }));
    const { log, maxBusy } = await simulate(jobs, 4);
    expect(log).toHaveLength(12);
    expect(maxBusy).toBeLessThanOrEqual(4);
    for (const l of log) expect(l.slots.length).toBe(jobs.find((j) => j.id === l.id)!.gpus);
  });

  it('prepares every image exactly once, in order of first use', async () => {
    const jobs: Job[] = ['a', 'b', 'a', 'c', 'b'].map((img, i) => ({ id: `c${i}`, gpus: 1, imageKey: img, ms: 5 }));
    const { prepared } = await simulate(jobs, 2);
    expect(prepared).toEqual(['a', 'b', 'c']);
  });

  it('keeps slots busy: every cell that ends on a full runner lets exactly one waiting cell start', async () => {
    // The cells end when the test says so, one at a time: no clock involved (how close a real run
    // comes to the ideal makespan is benchmark B3's).
    const running = new Map<string, () => void>();
    const started: string[] = [];
    let onStart = () => {};
    const done = schedule(Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, gpus: 1, imageKey: 'x' })), {
      slots: ['0', '1', '2', '3'],
      leases: leases(),
      owner: { pid: process.pid, run: 'r' },
      prepareImage: async () => {},
      unschedulable: () => {},
      crashed: (_job, e) => {
        throw e;
      },
      run: (job) =>
        new Promise<void>((end) => {
          running.set(job.id, () => (running.delete(job.id), end()));
          started.push(job.id);
          onStart();
        }),
    });
    const startsReach = (n: number) => new Promise<void>((r) => (started.length >= n ? r() : (onStart = () => started.length >= n && r())));
    await startsReach(4);
    expect(running.size).toBe(4);
    for (let ended = 1; ended <= 4; ended++) {
      running.values().next().value!();
      await startsReach(4 + ended);
      expect(running.size).toBe(4); // the freed slot went to the next cell
    }
    expect(started).toHaveLength(8);
    while (running.size > 0) running.values().next().value!();
    await done;
    expect(started).toHaveLength(8);
  });

  it('reports a cell that needs more GPUs than the runner has', async () => {
    const reasons: string[] = [];
    await schedule([{ id: 'big', gpus: 8, imageKey: 'x' }], {
      slots: ['0', '1'],
      leases: leases(),
      owner: { pid: process.pid, run: 'r' },
      prepareImage: async () => {},
      run: async () => {
        throw new Error('must not run');
      },
      unschedulable: (c, reason) => void reasons.push(`${c.id}: ${reason}`),
      crashed: () => {},
    });
    expect(reasons).toEqual(['big: needs 8 GPUs; this runner has 2']);
  });

  it('does not run the cells of an image that failed to prepare', async () => {
    const out: string[] = [];
    await schedule([{ id: 'a1', gpus: 1, imageKey: 'bad' }, { id: 'b1', gpus: 1, imageKey: 'good' }], {
      slots: ['0'],
      leases: leases(),
      owner: { pid: process.pid, run: 'r' },
      prepareImage: async (k) => {
        if (k === 'bad') throw new Error('pull denied');
      },
      run: async (c) => void out.push(`ran ${c.id}`),
      unschedulable: (c, reason, err) => void out.push(`${c.id}: ${reason} (${(err as Error).message})`),
      crashed: () => {},
    });
    expect(out.sort()).toEqual(['a1: image bad could not be prepared (pull denied)', 'ran b1']);
  });

  it('hands a cell whose run throws to `crashed` with the error, frees its slot and runs the rest', async () => {
    const out: string[] = [];
    const jobs = ['a', 'b', 'c'].map((id) => ({ id, gpus: 1, imageKey: 'x' }));
    await schedule(jobs, {
      slots: ['0'],
      leases: leases(),
      owner: { pid: process.pid, run: 'r' },
      prepareImage: async () => {},
      unschedulable: () => {},
      run: async (c) => {
        if (c.id === 'b') throw new Error('probe module vanished');
        out.push(`ran ${c.id}`);
      },
      crashed: (c, e) => void out.push(`${c.id} crashed: ${(e as Error).message}`),
    });
    expect(out).toEqual(['ran a', 'b crashed: probe module vanished', 'ran c']);
  });

  it('throws an error of its own callbacks only after every other cell has ended', async () => {
    const ran: string[] = [];
    const jobs = [{ id: 'huge', gpus: 9, imageKey: 'x' }, { id: 'a', gpus: 1, imageKey: 'x' }, { id: 'b', gpus: 1, imageKey: 'x' }];
    const done = schedule(jobs, {
      slots: ['0'],
      leases: leases(),
      owner: { pid: process.pid, run: 'r' },
      prepareImage: async () => {},
      unschedulable: () => {
        throw new Error('reporter broke');
      },
      run: async (c) => {
        await sleep(5);
        if (c.id === 'b') throw new Error('b failed');
        ran.push(c.id);
      },
      crashed: () => {
        throw new Error('crashed broke too');
      },
    });
    await expect(done).rejects.toThrow('reporter broke');
    expect(ran).toEqual(['a']);
  });

  it('orders by image group, baselines (rank 0) first, bigger cells first', () => {
    const order = orderCells([
      { id: 'x/mtp', gpus: 1, imageKey: 'A', rank: 1 },
      { id: 'y', gpus: 1, imageKey: 'B' },
      { id: 'x/base', gpus: 1, imageKey: 'A', rank: 0 },
      { id: 'x/tp4', gpus: 4, imageKey: 'A', rank: 0 },
    ]).map((c) => c.id);
    expect(order).toEqual(['x/tp4', 'x/base', 'x/mtp', 'y']);
  });

  it('starts a cell only once the cells it compares with have ended, though slots are free', async () => {
    const { log, events, maxBusy } = await simulate([
      { id: 'full', gpus: 1, imageKey: 'A', ms: 10, after: ['eager'] },
      { id: 'eager', gpus: 1, imageKey: 'A', ms: 40 },
      { id: 'other', gpus: 1, imageKey: 'A', ms: 10, after: ['not-in-this-run'] },
    ], 4);
    const at = (event: string) => events.indexOf(event);
    expect(at('start:full')).toBeGreaterThan(at('end:eager'));
    expect(at('start:other')).toBeLessThan(at('end:eager'));
    expect(log).toHaveLength(3);
    expect(maxBusy).toBe(2);
  });
});

describe('schedule: models', () => {
  const base = {
    leases: leases(),
    owner: { pid: process.pid, run: 'r' },
    prepareImage: async () => {},
    crashed: (_job: unknown, e: unknown) => {
      throw e;
    },
  };

  it('downloads each model once, and starts no cell of a model before its download ends', async () => {
    const jobs = ['m1', 'm2', 'm1', 'm1', 'm2', null].map((m, i) => ({ id: `c${i}`, gpus: 1, imageKey: 'img', modelKey: m, ms: 1 }));
    const downloaded: string[] = [];
    const ready = new Set<string>();
    const started: Array<{ id: string; modelReady: boolean }> = [];
    await schedule(jobs, {
      ...base,
      slots: ['0', '1', '2'],
      prepareModel: async (k) => {
        downloaded.push(k);
        await sleep(30);
        ready.add(k);
      },
      unschedulable: () => {},
      run: async (job) => {
        started.push({ id: job.id, modelReady: job.modelKey ? ready.has(job.modelKey) : true });
      },
    });
    expect(downloaded).toEqual(['m1', 'm2']);
    expect(started).toHaveLength(6);
    expect(started.every((s) => s.modelReady)).toBe(true);
    // A cell that needs no model does not wait for the downloads.
    expect(started[0]!.id).toBe('c5');
  });

  it('a failed download makes its cells unschedulable with the error; other models still run', async () => {
    const jobs = ['bad', 'good', 'bad'].map((m, i) => ({ id: `c${i}`, gpus: 1, imageKey: 'img', modelKey: m, ms: 1 }));
    const refused: Array<[string, string, unknown]> = [];
    const ran: string[] = [];
    const boom = new Error('401');
    await schedule(jobs, {
      ...base,
      slots: ['0'],
      prepareModel: async (k) => {
        if (k === 'bad') throw boom;
      },
      unschedulable: (c, reason, error) => void refused.push([c.id, reason, error]),
      run: async (job) => void ran.push(job.id),
    });
    expect(ran).toEqual(['c1']);
    expect(refused).toEqual([
      ['c0', 'the model could not be downloaded', boom],
      ['c2', 'the model could not be downloaded', boom],
    ]);
  });
});
