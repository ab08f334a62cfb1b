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

/** Whether a promise has resolved by the next turn of the event loop. */
async function settled(p: Promise<unknown> | null): Promise<boolean> {
  let done = false;
  void p?.then(() => (done = true));
  await tick();
  return done;
}

/** An ExitEvents with its stream open, watching `ids`. */
async function opened(...ids: string[]) {
  const e = engine();
  const ev = new ExitEvents(e.docker);
  await ev.open();
  for (const id of ids) ev.watch(id);
  return { ev, ...e, stream: e.streams[0]! };
}

describe('ExitEvents', () => {
  it("resolves a watched container's exit with the code of its 'die' event, asked before or after it came", async () => {
    const { ev, stream, filters } = await opened('a', 'b');
    expect(filters).toEqual([{ type: ['container'], event: ['die'] }]);
    const a = ev.exited('a');
    stream.write(die('a', 1));
    expect(await a).toBe(1);
    stream.write(die('b', 137));
    await tick();
    expect(await ev.exited('b')).toBe(137);
    ev.close();
  });

  it('joins an event split across chunks, and reads several in one chunk', async () => {
    const { ev, stream } = await opened('a', 'b', 'c');
    const line = die('a', 3);
    stream.write(line.slice(0, 17));
    stream.write(line.slice(17) + die('b', 0) + die('c', 2).slice(0, 5));
    expect(await ev.exited('a')).toBe(3);
    expect(await ev.exited('b')).toBe(0);
    expect(await settled(ev.exited('c'))).toBe(false);
    stream.write(die('c', 2).slice(5));
    expect(await ev.exited('c')).toBe(2);
    ev.close();
  });

  it("ignores containers it does not watch, other actions, and a 'die' without an exit code", async () => {
    const { ev, stream } = await opened('a');
    expect(ev.exited('other')).toBeNull();
    stream.write(die('other', 1));
    stream.write(die('a', 1, { Action: 'start', status: 'start' }));
    stream.write(JSON.stringify({ Type: 'container', Action: 'die', Actor: { ID: 'a', Attributes: {} } }) + '\n');
    stream.write('not json\n');
    expect(await settled(ev.exited('a'))).toBe(false);
    expect(ev.exited('other')).toBeNull();
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
