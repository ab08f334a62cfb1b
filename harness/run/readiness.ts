// Waits for a server's readiness rule, raced against the container's exit, the startup timeout
// and an abort. Each poll has a short timeout and a connection of its own: through Docker's port
// proxy a request to a port whose server is not listening yet can hang instead of failing, and a
// kept-alive connection the proxy accepted then stays dead after the server is up (fetch's pool
// sent every later poll down it: a server that took seconds to listen was never seen ready).
import { request } from 'node:http';
import type { ReadinessRule } from '../engines/engine.ts';
import type { WatchdogTrip } from './startup-watchdog.ts';

/** One GET on a fresh connection, destroyed on timeout or abort; resolves to the HTTP status. */
function poll(url: string, timeoutMs: number, signal: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, signal, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('no answer within the poll timeout'), { name: 'TimeoutError' })));
    req.on('error', reject);
    req.end();
  });
}

export type ReadyOutcome =
  | { kind: 'ready'; seconds: number }
  | { kind: 'exited'; exitCode: number; seconds: number }
  | { kind: 'timeout'; seconds: number; lastStatus: string }
  | { kind: 'aborted'; seconds: number }
  /** The startup watchdog tripped: a hang after a fatal line, or a stall. */
  | { kind: 'stopped'; trip: WatchdogTrip; seconds: number };

export interface ReadyInput {
  baseUrls: string[];
  rule: ReadinessRule;
  exited: Promise<number>;
  timeoutMs: number;
  signal: AbortSignal;
  /** Resolves when the start cannot succeed any more (startup-watchdog.ts). */
  stop?: Promise<WatchdogTrip>;
  pollMs?: number;
  requestTimeoutMs?: number;
}

export async function waitReady(input: ReadyInput): Promise<ReadyOutcome> {
  const t0 = performance.now();
  const secs = () => (performance.now() - t0) / 1000;
  let exitCode: number | null = null;
  void input.exited.then((c) => (exitCode = c)).catch(() => (exitCode = -1));
  let lastStatus = 'no answer yet';
  const deadline = t0 + input.timeoutMs;
  const pollMs = input.pollMs ?? 100;
  let wakeExit: () => void = () => {};
  const exitOrTimer = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wakeExit = () => {
        clearTimeout(t);
        resolve();
      };
    });
  // A poll in flight when the container exits is cut short: through Docker's port proxy it may
  // never settle, and nothing else would then keep the process alive (the poll timeout's timer is unref'd).
  const exitCtl = new AbortController();
  void input.exited.finally(() => (exitCtl.abort(), wakeExit())).catch(() => {});
  let trip: WatchdogTrip | null = null;
  void input.stop?.then((t) => ((trip = t), exitCtl.abort(), wakeExit()));
  const onAbort = () => wakeExit();
  input.signal.addEventListener('abort', onAbort, { once: true });
  try {
    while (true) {
      if (input.signal.aborted) return { kind: 'aborted', seconds: secs() };
      if (exitCode !== null) return { kind: 'exited', exitCode, seconds: secs() };
      if (trip) return { kind: 'stopped', trip, seconds: secs() };
      if (performance.now() >= deadline) return { kind: 'timeout', seconds: secs(), lastStatus };
      for (const base of input.baseUrls) {
        try {
          const status = await poll(base + input.rule.path, input.requestTimeoutMs ?? 500, AbortSignal.any([input.signal, exitCtl.signal]));
          if (status === input.rule.okStatus) return { kind: 'ready', seconds: secs() };
          lastStatus = `HTTP ${status} from ${input.rule.path}`;
        } catch (e) {
          lastStatus = `${input.rule.path}: ${(e as Error).name === 'TimeoutError' ? 'no answer within the poll timeout' : (e as Error).message}`;
        }
      }
      if (trip === null) await exitOrTimer(Math.max(0, Math.min(pollMs, deadline - performance.now())));
    }
  } finally {
    input.signal.removeEventListener('abort', onAbort);
  }
}
