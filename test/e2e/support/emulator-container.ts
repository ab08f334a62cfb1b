// Start the emulator image in the real Docker engine with an engine command and a configuration,
// then wait for it to exit or to be ready. Every container carries `matrix.test=1` and is
// removed by removeStarted() (only the ones this process started).
import Docker from 'dockerode';
import { inject } from 'vitest';
import { EMULATOR_CONFIG_ENV, type EmulatorConfig } from '../../../harness/core/emulator-traits.ts';
import type { ContainerSpec } from '../../../harness/runtime/runtime.ts';

export const docker = new Docker();
const started = new Set<string>();

/** The image tag the global setup built (provided to workers through the environment). */
export function emulatorImage(): string {
  const tag = process.env.MATRIX_EMULATOR_IMAGE || inject('emulatorImage');
  if (!tag) throw new Error('MATRIX_EMULATOR_IMAGE is not set: run the e2e project (test/e2e/global-setup.ts builds the image)');
  return tag;
}

/** A ContainerSpec for DockerRuntime: the emulator image's node running `node -e script`. */
export function nodeScriptSpec(script: string): ContainerSpec {
  return {
    image: emulatorImage(),
    entrypoint: ['/usr/bin/node', '-e', script],
    cmd: [],
    env: {},
    labels: { 'matrix.test': '1', 'matrix.test.owner': String(process.pid) },
    port: 8000,
    gpuDeviceIds: null,
    mounts: [],
    shmSizeBytes: 64 * 1024 * 1024,
  };
}

export interface Started {
  container: Docker.Container;
  /** The server, reached through the published port on 127.0.0.1 (as `matrix run` reaches it; the
   * container's bridge address is a private-range address no test sends traffic to). */
  url: string;
}

export async function startEmulatorContainer(argv: string[], config: EmulatorConfig, opts: { port?: number; env?: string[] } = {}): Promise<Started> {
  const port = opts.port ?? (config.engine === 'sglang' ? 30000 : 8000);
  const container = await docker.createContainer({
    Image: emulatorImage(),
    Cmd: argv,
    Env: [`${EMULATOR_CONFIG_ENV}=${JSON.stringify(config)}`, ...(opts.env ?? [])],
    Labels: { 'matrix.test': '1', 'matrix.test.owner': String(process.pid) },
    ExposedPorts: { [`${port}/tcp`]: {} },
    HostConfig: { PortBindings: { [`${port}/tcp`]: [{ HostIp: '127.0.0.1', HostPort: '' }] } },
  });
  started.add(container.id);
  await container.start();
  const info = await container.inspect();
  const hostPort = info.NetworkSettings.Ports[`${port}/tcp`]?.[0]?.HostPort;
  return { container, url: `http://127.0.0.1:${hostPort}` };
}

/** stdout and stderr of a non-TTY container, demultiplexed and joined in order. */
export async function logsOf(container: Docker.Container): Promise<string> {
  const buf = (await container.logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer;
  const parts: string[] = [];
  let i = 0;
  while (i + 8 <= buf.length) {
    const size = buf.readUInt32BE(i + 4);
    parts.push(buf.subarray(i + 8, i + 8 + size).toString('utf8'));
    i += 8 + size;
  }
  return parts.join('');
}

/** Wait for the container to exit: its exit code and log. */
export async function waitForExit(container: Docker.Container, timeoutMs = 30_000): Promise<{ code: number; log: string }> {
  const result = await Promise.race([
    container.wait() as Promise<{ StatusCode: number }>,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`container did not exit within ${timeoutMs} ms`)), timeoutMs)),
  ]);
  return { code: result.StatusCode, log: await logsOf(container) };
}

/**
 * Poll `url + path` until it answers 200 (short per-request timeouts: a port nobody listens on
 * yet can hang), or the container exits first (then the exit code and log are returned).
 */
export async function waitForReady(s: Started, path = '/health', timeoutMs = 30_000): Promise<{ ready: true } | { ready: false; code: number; log: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${s.url}${path}`, { signal: AbortSignal.timeout(500) }).then((r) => r.status === 200, () => false);
    if (ok) return { ready: true };
    const state = (await s.container.inspect()).State;
    if (!state.Running) return { ready: false, code: state.ExitCode, log: await logsOf(s.container) };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not ready within ${timeoutMs} ms:\n${await logsOf(s.container)}`);
}

/** Remove every container this process started. */
export async function removeStarted(): Promise<void> {
  await Promise.all([...started].map((id) => docker.getContainer(id).remove({ force: true }).catch(() => {})));
  started.clear();
}
