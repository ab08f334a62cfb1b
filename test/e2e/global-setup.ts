// Before the end-to-end tests: the Docker engine must answer, the bundles are built, and the
// emulator image exists (built from local files when missing). Workers learn its tag from
// MATRIX_EMULATOR_IMAGE and from inject('emulatorImage').
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import type { TestProject } from 'vitest/node';
import { ensureEmulatorImage, repoRoot } from '../../harness/emulator/image.ts';

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
  try {
    await promisify(execFile)(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot() });
  } catch (e) {
    // The emulator bundle is rebuilt by ensureEmulatorImage on its own; a broken CLI bundle must not hide that.
    process.stderr.write(`e2e setup: node scripts/build.mjs failed; continuing with the emulator bundle alone\n${String((e as { stderr?: string }).stderr ?? e).slice(0, 2000)}\n`);
  }
  const { tag, built } = await ensureEmulatorImage(docker);
  if (built) process.stderr.write(`e2e setup: built ${tag}\n`);
  process.env.MATRIX_EMULATOR_IMAGE = tag;
  project.provide('emulatorImage', tag);
}
