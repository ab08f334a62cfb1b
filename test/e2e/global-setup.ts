// Before the end-to-end tests: the Docker engine must answer, the bundles are built (a failed build
// fails the suite: no test may run a bundle older than the sources), and the emulator image exists
// (built from local files when missing). Workers learn its tag from MATRIX_EMULATOR_IMAGE and from
// inject('emulatorImage').
import Docker from 'dockerode';
import type { TestProject } from 'vitest/node';
import { ensureEmulatorImage } from '../../harness/emulator/image/image.ts';
import { DockerRuntime } from '../../harness/runtime/docker.ts';
import { buildFreshCli } from '../support/cli-bundle.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    emulatorImage: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const docker = new Docker();
  try {
    await docker.ping();
  } catch (e) {
    throw new Error(
      `The end-to-end tests need a Docker engine at ${process.env.DOCKER_HOST ?? '/var/run/docker.sock'}, and it does not answer (${(e as Error).message}).\n` +
        '  Start one: sudo dockerd &   — or run scripts/setup.sh',
      { cause: e },
    );
  }
  await buildFreshCli();
  const { tag, built } = await ensureEmulatorImage(new DockerRuntime());
  if (built) process.stderr.write(`e2e setup: built ${tag}\n`);
  process.env.MATRIX_EMULATOR_IMAGE = tag;
  project.provide('emulatorImage', tag);
}
