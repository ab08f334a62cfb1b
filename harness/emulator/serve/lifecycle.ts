// The emulated process's life: its timers (every wait of the startup and the serving), the requests
// held open by a hang, the HTTP server, readiness and the exit code. shutdown() ends all of them at
// once, as the process dying would; a wait pending then rejects with AbortedError.
import type { Server, ServerResponse } from 'node:http';
import { AbortedError } from '../startup/startup-context.ts';

export class Lifecycle {
  exitCode: number | null = null;
  server: Server | null = null;
  readonly hung = new Set<ServerResponse>();
  readonly exited: Promise<number>;
  readonly ready: Promise<boolean>;
  private resolveExit!: (code: number) => void;
  private resolveReady!: (v: boolean) => void;
  private readonly timers = new Set<{ t: NodeJS.Timeout; reject: (e: Error) => void }>();

  constructor() {
    this.exited = new Promise<number>((r) => (this.resolveExit = r));
    this.ready = new Promise<boolean>((r) => (this.resolveReady = r));
  }

  markReady(): void {
    this.resolveReady(true);
  }

  /** Resolves after `ms`, or rejects with AbortedError when the process ends first. */
  wait(ms: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.exitCode !== null) return reject(new AbortedError());
      const x = { t: setTimeout(() => (this.timers.delete(x), resolve()), Math.max(0, ms)), reject };
      this.timers.add(x);
    });
  }

  /** Never resolves: the process stays alive and silent (a hung start) until shutdown, which rejects it. */
  hang(): Promise<never> {
    return new Promise<never>((_, reject) => {
      if (this.exitCode !== null) return reject(new AbortedError());
      this.timers.add({ t: setInterval(() => {}, 60_000), reject });
    });
  }

  /** Ends the process with `code` (the first call wins): timers, held requests, the server. */
  async shutdown(code: number): Promise<void> {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    for (const x of this.timers) {
      clearTimeout(x.t);
      x.reject(new AbortedError());
    }
    this.timers.clear();
    for (const r of this.hung) r.destroy();
    this.hung.clear();
    if (this.server) {
      const s = this.server;
      s.closeAllConnections();
      await new Promise<void>((r) => s.close(() => r()));
    }
    this.resolveReady(false);
    this.resolveExit(code);
  }
}
