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

/** Accepts connections and never answers, like a port proxy in front of a dead server; `polled` settles at the first connection. */
async function silentPort(): Promise<{ port: number; polled: Promise<void> }> {
  let accepted!: () => void;
  const polled = new Promise<void>((r) => (accepted = r));
  server = createServer((s) => {
    sockets.push(s);
    accepted();
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return { port: (server.address() as AddressInfo).port, polled };
}

describe('waitReady', () => {
  it('cuts a hanging poll short when the container exits', async () => {
    const { port, polled } = await silentPort();
    // The container exits while the poll hangs. The poll's own timeout and the readiness timeout
    // are out of reach of this test: an answer other than "exited" could only come from them.
    const exited = polled.then(() => 127);
    const out = await waitReady({ baseUrls: [`http://127.0.0.1:${port}`], rule: { path: '/health', okStatus: 200 }, exited, timeoutMs: 3_600_000, signal: new AbortController().signal, requestTimeoutMs: 3_600_000 });
    expect(out).toMatchObject({ kind: 'exited', exitCode: 127 });
    expect(sockets).toHaveLength(1); // the one poll, still hanging when the exit came
  });

  it('gives the exit of a container that was gone before the first poll', async () => {
    const out = await waitReady({ baseUrls: [], rule: { path: '/health', okStatus: 200 }, exited: Promise.resolve(1), timeoutMs: 5000, signal: new AbortController().signal });
    expect(out).toMatchObject({ kind: 'exited', exitCode: 1 });
  });
});
