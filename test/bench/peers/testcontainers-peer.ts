// The testcontainers-node peer: GenericContainer + Wait.forHttp('/health', port), the way a
// testcontainers user starts a server. The reaper (ryuk) is disabled: its image cannot be pulled
// here. `abortOnContainerExit` is testcontainers' own fast path for a container that dies while
// being waited for (it inspects the container before each poll); without it a crash is only
// noticed at the startup timeout (60 s by default).
// The host is pinned to 127.0.0.1 (TESTCONTAINERS_HOST_OVERRIDE): inside a container (/.dockerenv)
// testcontainers would otherwise reach the server through the Docker bridge's gateway address, a
// private-range address this workplace never sends traffic to.
import { randomUUID } from 'node:crypto';
import { wallNs } from '../support/clock.ts';
import { TRIAL_LABEL } from '../support/docker-events.ts';
import type { PeerContainer } from './container.ts';

process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
process.env.TESTCONTAINERS_HOST_OVERRIDE = '127.0.0.1';
const tc = await import('testcontainers');

export interface PeerOutcome {
  trial: string;
  ready: boolean;
  /** When the peer knew the outcome (ready, or the failure surfaced). */
  knownNs: bigint;
  /** When everything was done (requests sent, container removed). */
  doneNs: bigint;
  startNs: bigint;
  error: string | null;
}

/** `use`: work to do with the ready server (given its base URL) instead of the text requests. */
export async function testcontainersPeer(c: PeerContainer, opts: { requests: boolean; startupTimeoutMs?: number; use?: (baseUrl: string) => Promise<void> }): Promise<PeerOutcome> {
  const trial = randomUUID();
  const startNs = wallNs();
  const container = new tc.GenericContainer(c.image)
    .withCommand(c.cmd)
    .withEnvironment(c.env)
    .withLabels({ 'matrix.test': '1', [TRIAL_LABEL]: trial })
    .withExposedPorts(c.port)
    .withBindMounts(c.mounts.map((m) => ({ source: m.split(':')[0]!, target: m.split(':')[1]! })))
    .withStartupTimeout(opts.startupTimeoutMs ?? 60_000)
    .withWaitStrategy(tc.Wait.forHttp('/health', c.port, { abortOnContainerExit: true }));
  let started: Awaited<ReturnType<typeof container.start>>;
  try {
    started = await container.start();
  } catch (e) {
    const knownNs = wallNs();
    return { trial, ready: false, knownNs, doneNs: knownNs, startNs, error: (e as Error).message.split('\n')[0]! };
  }
  const knownNs = wallNs();
  let error: string | null = null;
  try {
    const base = `http://${started.getHost()}:${started.getMappedPort(c.port)}`;
    if (opts.use) await opts.use(base);
    else if (opts.requests) {
      for (const body of c.textRequests) {
        const res = await fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        if (!res.ok) error = `HTTP ${res.status}`;
        await res.json();
      }
    }
  } finally {
    await started.stop();
  }
  return { trial, ready: true, knownNs, doneNs: wallNs(), startNs, error };
}
