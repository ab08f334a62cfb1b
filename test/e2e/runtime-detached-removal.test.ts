// A removal that outlives the process that asked for it: a process that hands its running
// containers to the helper and exits at once, before any removal could be confirmed, still leaves
// none behind.
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { docker, emulatorImage } from './support/emulator-container.ts';
import { ROOT, waitFor } from './support/matrix-cli.ts';

const label = `matrix.test.detached=${process.pid}`;

afterAll(async () => {
  for (const c of await docker.listContainers({ all: true, filters: { label: [label] } })) await docker.getContainer(c.Id).remove({ force: true }).catch(() => {});
});

describe('removeDetached', () => {
  it('removes the labelled containers after the asking process has exited', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await docker.createContainer({ Image: emulatorImage(), Entrypoint: ['/usr/bin/node', '-e', 'setInterval(() => {}, 1000)'], Labels: { 'matrix.test.detached': String(process.pid) } });
      await c.start();
      ids.push(c.id);
    }
    const script = `import('./harness/runtime/detached-removal.ts').then((m) => { m.removeDetached([${JSON.stringify(label)}]); process.exit(0); });`;
    const asker = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(asker.status, asker.stderr).toBe(0);
    const left = async () => (await docker.listContainers({ all: true, filters: { label: [label] } })).length;
    expect(await left()).toBeGreaterThan(0); // the asker is gone, the removal not done yet
    await waitFor(async () => ((await left()) === 0 ? true : null), 60_000, 'the helper to remove the containers');
  });
});
