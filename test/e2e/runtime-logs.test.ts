// The runtime's log stream against the real engine: every line the container prints, from its
// very first (a process that prints and dies before the harness asks for the log included) to its
// last, stdout and stderr alike, ending when the container stops — with no second copy kept by
// the engine's default json-file driver (the harness's log file is the copy).
import { afterAll, describe, expect, it } from 'vitest';
import { text as readText } from 'node:stream/consumers';
import { DockerRuntime } from '../../harness/runtime/docker.ts';
import type { ContainerHandle } from '../../harness/runtime/runtime.ts';
import { docker, nodeScriptSpec } from './support/emulator-container.ts';

const runtime = new DockerRuntime();
const handles: ContainerHandle[] = [];
afterAll(async () => {
  await Promise.all(handles.map((h) => runtime.remove(h.id)));
});

/** A container of the emulator image running `node -e script`. */
async function started(script: string): Promise<ContainerHandle> {
  const h = await runtime.create(nodeScriptSpec(script));
  handles.push(h);
  return runtime.start(h);
}

describe('DockerRuntime.logs', () => {
  it('has every line of a 32 MiB burst on stdout and stderr, each stream in order, and ends when the container exits', async () => {
    // "first" at once, 32 MiB of numbered lines alternating stdout/stderr (each stream waits for
    // its pipe to drain), "last", exit 3.
    const h = await started(`
      console.log('first');
      const n = 80000, pad = 'x'.repeat(400);
      let i = 0;
      function go() {
        while (i < n) {
          const s = i % 2 ? process.stderr : process.stdout;
          const ok = s.write(i + ' ' + pad + '\\n');
          i++;
          if (!ok) return s.once('drain', go);
        }
        console.log('last');
        process.exitCode = 3;
      }
      go();`);
    const text = await readText(await runtime.logs(h));
    expect(await runtime.wait(h)).toBe(3);
    // Each stream in its order (dockerd copies the two pipes apart, so they interleave freely).
    const pad = 'x'.repeat(400);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    const isStdout = (l: string) => l === 'first' || l === 'last' || Number(l.split(' ')[0]) % 2 === 0;
    expect(lines.filter(isStdout)).toEqual(['first', ...Array.from({ length: 40000 }, (_, k) => `${2 * k} ${pad}`), 'last']);
    expect(lines.filter((l) => !isStdout(l))).toEqual(Array.from({ length: 40000 }, (_, k) => `${2 * k + 1} ${pad}`));
    // Where the engine's default driver is json-file, the engine keeps no copy of its own.
    const info = await docker.getContainer(h.id).inspect();
    const engineDefault = (await docker.info()).LoggingDriver;
    expect(info.HostConfig.LogConfig?.Type).toBe(engineDefault === 'json-file' ? 'none' : engineDefault);
  });

  it('keeps the output of a process that died before the log was asked for', async () => {
    const h = await started(`process.stderr.write('ImportError: libcudart.so.13: cannot open shared object file\\n'); process.exit(1)`);
    expect(await runtime.wait(h)).toBe(1);
    expect(await readText(await runtime.logs(h))).toBe('ImportError: libcudart.so.13: cannot open shared object file\n');
  });

  it('ends when a running container is stopped', async () => {
    const h = await started(`console.log('serving'); process.on('SIGTERM', () => { console.log('Shutting down'); process.exit(0); }); setInterval(() => {}, 1000);`);
    let seen = '';
    const stream = await runtime.logs(h);
    stream.on('data', (d: Buffer) => (seen += d.toString('utf8')));
    const ended = new Promise((r) => stream.on('end', r));
    // The SIGTERM handler is in place once the first line is out.
    while (!seen.includes('serving')) await new Promise((r) => setTimeout(r, 20));
    await runtime.stop(h, 10);
    await ended;
    expect(seen).toBe('serving\nShutting down\n');
  });
});
