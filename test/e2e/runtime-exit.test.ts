// Exits from the real engine's event stream, and exited containers removed in the background:
// the exit code comes with Docker's 'die' event, and drain() returns only once every container
// discard() was given is gone.
import { afterAll, describe, expect, it } from 'vitest';
import { DockerRuntime } from '../../harness/runtime/docker.ts';
import { ExitEvents } from '../../harness/runtime/exit-events.ts';
import { docker, emulatorImage, nodeScriptSpec } from './support/emulator-container.ts';

const created: string[] = [];
afterAll(async () => {
  await Promise.all(created.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => {})));
});

const gone = (id: string) =>
  docker
    .getContainer(id)
    .inspect()
    .then(
      () => false,
      (e: { statusCode?: number }) => e.statusCode === 404,
    );

describe('exits from the event stream', () => {
  it("a container's 'die' event carries its exit code", async () => {
    const events = new ExitEvents(docker);
    await events.open();
    const c = await docker.createContainer({ Image: emulatorImage(), Entrypoint: ['/usr/bin/node', '-e', 'process.exit(7)'], Labels: { 'matrix.test': '1' } });
    created.push(c.id);
    events.watch(c.id);
    const exited = events.exited(c.id);
    await c.start();
    expect(await exited).toBe(7);
    events.close();
  });

  it('DockerRuntime.wait gives the exit code; discard() removes the dead container by the time drain() returns', async () => {
    const runtime = new DockerRuntime();
    const handles = await Promise.all([1, 2, 3].map((code) => runtime.create(nodeScriptSpec(`process.stderr.write('CUDA error: no kernel image is available\\n'); process.exit(${code})`))));
    created.push(...handles.map((h) => h.id));
    const started = await Promise.all(handles.map((h) => runtime.start(h)));
    expect(await Promise.all(started.map((h) => runtime.wait(h)))).toEqual([1, 2, 3]);
    for (const h of started) runtime.discard(h.id);
    await runtime.drain();
    expect(await Promise.all(started.map((h) => gone(h.id)))).toEqual([true, true, true]);
    // The runtime goes on after drain(): the next create opens the stream again.
    const next = await runtime.start(await runtime.create(nodeScriptSpec('process.exit(4)')));
    created.push(next.id);
    expect(await runtime.wait(next)).toBe(4);
    runtime.discard(next.id);
    await runtime.drain();
    expect(await gone(next.id)).toBe(true);
  });
});
