// waitReady: a container that exits while a readiness poll hangs (Docker's port proxy accepts
// and never answers) gives its verdict at once, not after the poll timeout — and never leaves
// the process with nothing to wait on.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitReady } from '../../../harness/run/readiness.ts';

let server: Server | null = null;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => (server ? server.close(r) : r(null)));
  server = null;
});

/** Accepts connections and never answers, like a port proxy in front of a dead server. */
async function silentPort(): Promise<number> {
  server = createServer((s) => sockets.push(s));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return (server.address() as AddressInfo).port;
}

describe('waitReady', () => {
  it('cuts a hanging poll short when the container exits', async () => {
    const port = await silentPort();
    const exited = new Promise<number>((r) => setTimeout(() => r(127), 100));
    const t0 = performance.now();
    const out = await waitReady({ baseUrls: [`http://127.0.0.1:${port}`], rule: { path: '/health', okStatus: 200 }, exited, timeoutMs: 30_000, signal: new AbortController().signal, requestTimeoutMs: 10_000 });
    expect(out).toMatchObject({ kind: 'exited', exitCode: 127 });
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('gives the exit of a container that was gone before the first poll', async () => {
    const out = await waitReady({ baseUrls: [], rule: { path: '/health', okStatus: 200 }, exited: Promise.resolve(1), timeoutMs: 5000, signal: new AbortController().signal });
    expect(out).toMatchObject({ kind: 'exited', exitCode: 1 });
  });
});
