// Drives peers/plain-peer.sh for one trial and reads back when the script knew the outcome.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEpochSeconds, wallNs } from '../support/clock.ts';
import { benchDir } from '../support/emulated.ts';
import type { PeerContainer } from './container.ts';
import type { PeerOutcome } from './testcontainers-peer.ts';

const SCRIPT = join(import.meta.dirname, 'plain-peer.sh');

/**
 * `afterReady`: a command plain-peer.sh runs with the host port once ready (instead of the text requests);
 * `timeoutS`: how long it polls before it gives up (TIMEOUT); `output` is the script's stdout.
 */
export async function scriptPeer(c: PeerContainer, opts: { requests: boolean; afterReady?: { command: string; env: Record<string, string> }; timeoutS?: number }): Promise<PeerOutcome & { output: string }> {
  const trial = randomUUID();
  const dir = benchDir('matrix-bench-script-');
  const envFile = join(dir, 'env');
  // --env-file takes each line literally (no quoting): the JSON configuration is one line.
  writeFileSync(envFile, Object.entries(c.env).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  const reqFile = join(dir, 'requests');
  writeFileSync(reqFile, c.textRequests.join('\n') + '\n');
  const startNs = wallNs();
  const child = spawn('bash', [SCRIPT, trial, c.image, String(c.port), envFile, c.mounts[0] ?? `${dir}:/state`, '--', ...c.cmd], {
    env: { ...process.env, ...(opts.timeoutS ? { PEER_TIMEOUT_S: String(opts.timeoutS) } : {}), ...(opts.requests ? { REQUESTS_FILE: reqFile } : {}), ...(opts.afterReady ? { AFTER_READY: opts.afterReady.command, ...opts.afterReady.env } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  await new Promise((r) => child.on('close', r));
  const endNs = wallNs();
  const ready = /^READY (\S+)/m.exec(out);
  const exited = /^EXITED (\S+)/m.exec(out);
  const done = /^DONE (\S+)/m.exec(out);
  const known = ready ?? exited ?? /^TIMEOUT (\S+)/m.exec(out);
  if (!known) throw new Error(`plain-peer.sh said neither READY, EXITED nor TIMEOUT:\n${out}\n${err}`);
  return {
    trial,
    ready: !!ready,
    knownNs: parseEpochSeconds(known[1]!),
    doneNs: done ? parseEpochSeconds(done[1]!) : endNs,
    startNs,
    error: /REQUEST-FAILED/.test(out) ? 'a request failed' : null,
    output: out,
  };
}
