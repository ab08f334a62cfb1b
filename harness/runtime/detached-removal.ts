// A removal that outlives the process that asks for it. A forced stop (a second signal, a crash)
// exits within seconds, and a removal still in flight then dies with it: on a busy engine (here,
// 15 runnable processes on 2 cores) six containers were still running five seconds after such an
// exit. A process of its own, in a session of its own, removes the containers with the given labels
// until none is left (or ~60 s pass), whether or not its parent is still there; the next run's
// reaper is the last resort after that.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** The helper's code (CommonJS, evaluated: nothing to build; dockerode is resolved by the parent). */
const SOURCE = `
const Docker = require(process.env.MATRIX_DOCKERODE);
const docker = process.env.DOCKER_HOST ? new Docker() : new Docker({ socketPath: '/var/run/docker.sock' });
const label = JSON.parse(process.env.MATRIX_REMOVE_LABELS);
(async () => {
  for (let i = 0; i < 120; i++) {
    const listed = await docker.listContainers({ all: true, filters: { label } }).catch(() => null);
    if (listed && listed.length === 0) return;
    if (listed) await Promise.all(listed.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => {})));
    await new Promise((r) => setTimeout(r, 500));
  }
})();
`;

/** Starts the helper and lets go of it: it is not waited for, and it is not in this process's group. */
export function removeDetached(labelFilter: string[]): void {
  const child = spawn(process.execPath, ['-e', SOURCE], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, MATRIX_DOCKERODE: createRequire(import.meta.url).resolve('dockerode'), MATRIX_REMOVE_LABELS: JSON.stringify(labelFilter) },
  });
  child.on('error', () => {}); // no helper (no process slots left): the in-process removal and the next run's reaper remain
  child.unref();
}
