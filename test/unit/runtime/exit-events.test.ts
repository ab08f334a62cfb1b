// ExitEvents over a stand-in for Docker's event stream: which events count, lines split across
// chunks, a stream that cannot be opened or that ends.
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { ExitEvents } from '../../../harness/runtime/exit-events.ts';

function engine(opts: { fail?: boolean } = {}) {
  const streams: PassThrough[] = [];
  const filters: unknown[] = [];
  const docker = {
    getEvents: async (o: { filters: unknown }) => {
      if (opts.fail) throw new Error('connect ENOENT /var/run/docker.sock');
      filters.push(o.filters);
      const s = new PassThrough();
      streams.push(s);
      return s;
    },
  } as unknown as Docker;
  return { docker, streams, filters };
}

const die = (id: string, exitCode: string | number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Type: 'container', Action: 'die', status: 'die', id, Actor: { ID: id, Attributes: { exitCode: String(exitCode), image: 'x' } }, ...extra }) + '\n';

const tick = () => new Promise((r) => setImmediate(r));

describe('ExitEvents', () => {
  it("resolves a watched container's exit with the code of its 'die' event, asked before or after it came", async () => {
    const { docker, streams, filters } = engine();
    const ev = new ExitEvents(docker);
    await ev.open();
    expect(filters).toEqual([{ type: ['container'], event: ['die'] }]);
    ev.watch('a');
    ev.watch('b');
    const a = ev.exited('a');
    streams[0]!.write(die('a', 1));
    expect(await a).toBe(1);
    streams[0]!.write(die('b', 137));
    await tick();
    expect(ev.hasExited('b')).toBe(true);
    expect(await ev.exited('b')).toBe(137);
    ev.close();
  });

  it('joins an event split across chunks, and reads several in one chunk', async () => {
    const { docker, streams } = engine();
    const ev = new ExitEvents(docker);
    await ev.open();
    for (const id of ['a', 'b', 'c']) ev.watch(id);
    const line = die('a', 3);
    streams[0]!.write(line.slice(0, 17));
    streams[0]!.write(line.slice(17) + die('b', 0) + die('c', 2).slice(0, 5));
    expect(await ev.exited('a')).toBe(3);
    expect(await ev.exited('b')).toBe(0);
    expect(ev.hasExited('c')).toBe(false);
    streams[0]!.write(die('c', 2).slice(5));
    expect(await ev.exited('c')).toBe(2);
    ev.close();
  });

  it("ignores containers it does not watch, other actions, and a 'die' without an exit code", async () => {
    const { docker, streams } = engine();
    const ev = new ExitEvents(docker);
    await ev.open();
    ev.watch('a');
    expect(ev.exited('other')).toBeNull();
    streams[0]!.write(die('other', 1));
    streams[0]!.write(die('a', 1, { Action: 'start', status: 'start' }));
    streams[0]!.write(JSON.stringify({ Type: 'container', Action: 'die', Actor: { ID: 'a', Attributes: {} } }) + '\n');
    streams[0]!.write('not json\n');
    await tick();
    expect(ev.hasExited('a')).toBe(false);
    expect(ev.hasExited('other')).toBe(false);
    ev.close();
  });

  it('watches nothing when the stream cannot be opened: exits then come from the wait endpoint', async () => {
    const ev = new ExitEvents(engine({ fail: true }).docker);
    await expect(ev.open()).resolves.toBeUndefined();
    ev.watch('a');
    expect(ev.exited('a')).toBeNull();
  });

  it('opens the stream again after the engine ended it, and forgets a removed container', async () => {
    const { docker, streams } = engine();
    const ev = new ExitEvents(docker);
    await ev.open();
    await ev.open(); // one stream for the runtime
    expect(streams).toHaveLength(1);
    streams[0]!.end();
    await tick();
    ev.watch('late'); // created while no stream was open: not watched
    expect(ev.exited('late')).toBeNull();
    await ev.open();
    expect(streams).toHaveLength(2);
    ev.watch('a');
    streams[1]!.write(die('a', 9));
    expect(await ev.exited('a')).toBe(9);
    ev.forget('a');
    expect(ev.exited('a')).toBeNull();
    ev.close();
    expect(streams[1]!.destroyed).toBe(true);
  });
});
