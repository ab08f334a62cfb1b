import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardRunEnding, type ForcedStatus } from '../../../harness/run/run-ending.ts';
import type { ContainerListing, ContainerRuntime } from '../../../harness/runtime/runtime.ts';

/**
 * A runtime holding containers of two runs of this process; remove() takes them out of the
 * listing. It knows it created `a`; `b`'s create was still in flight: only its label finds it.
 */
function runtime(opts: { hang?: boolean } = {}) {
  const label = (run: string) => ({ 'matrix.run': run, 'matrix.pid': String(process.pid) });
  const handedOver: string[][] = [];
  let listing: ContainerListing[] = [
    { id: 'a', name: 'a', state: 'running', labels: label('r1') },
    { id: 'b', name: 'b', state: 'running', labels: label('r1') },
    { id: 'other', name: 'other', state: 'running', labels: label('r2') },
  ];
  const rt = {
    list: async (filter: string[]) => (opts.hang ? new Promise(() => {}) : listing.filter((c) => filter.every((f) => c.labels[f.split('=')[0]!] === f.split('=')[1]))),
    remove: async (id: string) => void (listing = listing.filter((c) => c.id !== id)),
    removeCreated: async () => void (listing = listing.filter((c) => c.id !== 'a')),
    removeInBackground: (labels: string[]) => void handedOver.push(labels),
  } as unknown as ContainerRuntime;
  return { rt, left: () => listing.map((c) => c.id), handedOver };
}

function guard(opts: { hang?: boolean; forcedExitMs?: number } = {}) {
  const proc = new EventEmitter();
  const { rt, left, handedOver } = runtime(opts);
  const seen = { aborted: 0, marks: [] as Array<[ForcedStatus, number]>, exits: [] as number[], text: '' };
  let exited!: () => void;
  const exit = new Promise<void>((r) => (exited = r));
  const ending = guardRunEnding({
    runtime: rt,
    runId: 'r1',
    abort: () => void seen.aborted++,
    mark: (status, code) => void seen.marks.push([status, code]),
    describeError: (e) => ({ text: `boom: ${(e as Error).message}`, exitCode: 1 }),
    write: (s) => void (seen.text += s),
    exit: (code) => (seen.exits.push(code), exited()),
    proc: proc as unknown as NodeJS.Process,
    forcedExitMs: opts.forcedExitMs,
  });
  return { proc, ending, seen, left, exit, handedOver };
}

describe('guardRunEnding', () => {
  it('a first signal stops the run gracefully: abort only, nothing marked, no exit', () => {
    const { proc, seen, left, handedOver } = guard();
    proc.emit('SIGINT', 'SIGINT');
    expect(seen.aborted).toBe(1);
    expect(seen.marks).toEqual([]);
    expect(seen.exits).toEqual([]);
    expect(left()).toEqual(['a', 'b', 'other']);
    expect(handedOver).toEqual([]);
    expect(seen.text).toContain('SIGINT: stopping');
  });

  it('a second signal marks the run interrupted, removes its containers (not another run\'s) and exits 130', async () => {
    const { proc, seen, left, exit, handedOver } = guard();
    proc.emit('SIGINT', 'SIGINT');
    proc.emit('SIGTERM', 'SIGTERM');
    await exit;
    expect(seen.marks).toEqual([['interrupted', 130]]);
    expect(left()).toEqual(['other']);
    // and handed to a helper that outlives the process, by this run's and this process's labels
    expect(handedOver).toEqual([['matrix.run=r1', `matrix.pid=${process.pid}`]]);
    expect(seen.exits).toEqual([130]);
    expect(seen.text).toContain('SIGTERM again: forced stop');
  });

  it('more signals during a forced stop change nothing: one mark, one exit', async () => {
    const { proc, seen, exit } = guard();
    for (let i = 0; i < 4; i++) proc.emit('SIGINT', 'SIGINT');
    await exit;
    expect(seen.marks).toHaveLength(1);
    expect(seen.exits).toEqual([130]);
  });

  it.each(['uncaughtException', 'unhandledRejection'])('%s: the error is shown, the run aborted and marked failed, its containers removed', async (event) => {
    const { proc, seen, left, exit } = guard();
    proc.emit(event, new Error('probe bug'));
    await exit;
    expect(seen.text).toContain('boom: probe bug');
    expect(seen.aborted).toBe(1);
    expect(seen.marks).toEqual([['failed', 1]]);
    expect(left()).toEqual(['other']);
    expect(seen.exits).toEqual([1]);
  });

  it('an engine that never answers a listing holds neither the removals it knows of nor the exit past the deadline', async () => {
    const { ending, seen, left, exit } = guard({ hang: true, forcedExitMs: 50 });
    void ending.crash(new Error('x'));
    await exit;
    expect(left()).toEqual(['b', 'other']);
    expect(seen.exits).toEqual([1]);
    expect(seen.text).toContain('the next run reaps what is left');
  });

  it('after dispose() signals and errors are no longer taken', () => {
    const { proc, ending, seen } = guard();
    ending.dispose();
    expect(proc.listenerCount('SIGINT') + proc.listenerCount('SIGTERM') + proc.listenerCount('uncaughtException') + proc.listenerCount('unhandledRejection')).toBe(0);
    expect(seen.aborted).toBe(0);
  });
});
