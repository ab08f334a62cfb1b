// Stopping a run early, so a broken runner or a hopeless night costs minutes instead of hours:
// `--max-failures N` stops starting cells once N have failed unexpectedly, and a runner (one pool
// of GPU slots) whose first K cells all ended with the same infrastructure signature starts no more
// of its cells (Docker cannot give a GPU, the registry refuses, the disk is full: every further
// cell would end the same way). Cells already running finish; cells never started are "not run"
// (no verdict, never infra), and `--resume` runs them.
import type { CellResult } from '../core/events.ts';

export interface EarlyStopOptions {
  /** Stop starting cells after this many unexpected failures (verdict fail); null: never. */
  maxFailures: number | null;
  /** A runner whose first K finished cells all are infra with one signature stops; 0: never. */
  infraStreak: number;
  /** Said once per stop (the console prints it). */
  onStop?(reason: string): void;
}

export class EarlyStop {
  private failures = 0;
  private readonly run = new AbortController();
  private readonly pools = new Map<string, { controller: AbortController; seen: CellResult[] }>();

  constructor(private readonly opts: EarlyStopOptions) {}

  /** The signal that stops one runner pool: aborted when the run stops or that pool does. */
  signalOf(pool: string): AbortSignal {
    return this.poolState(pool).controller.signal;
  }

  /** Why a cell of this pool was not started, or null when nothing stopped it. */
  reasonOf(pool: string): string | null {
    const s = this.poolState(pool).controller.signal;
    return s.aborted ? String(s.reason) : null;
  }

  /** Counts a verdict of a pool's cell: it may stop the run (max failures) or the pool (an infra streak). */
  record(pool: string, r: CellResult): void {
    if (r.verdict === 'fail' && this.opts.maxFailures !== null && ++this.failures >= this.opts.maxFailures && !this.run.signal.aborted) {
      this.stop(this.run, `not run: --max-failures ${this.opts.maxFailures} reached (${this.failures} unexpected failures)`);
    }
    const state = this.poolState(pool);
    const k = this.opts.infraStreak;
    // Only cells that reached a container tell about the runner: an image that cannot be pulled, or
    // a cell needing more GPUs than the runner has, ends without an attempt and says nothing about it.
    if (k <= 0 || state.seen.length >= k || r.attempts.length === 0) return;
    state.seen.push(r);
    if (state.seen.length < k) return;
    const signatures = new Set(state.seen.map((x) => (x.verdict === 'infra' ? x.signature : null)));
    const [only] = signatures;
    if (signatures.size === 1 && only) this.stop(state.controller, `not run: the runner's first ${k} cells all ended with infra signature ${only}; it starts no more`);
  }

  private stop(controller: AbortController, reason: string): void {
    controller.abort(reason);
    this.opts.onStop?.(reason);
  }

  private poolState(pool: string) {
    let s = this.pools.get(pool);
    if (!s) {
      const controller = new AbortController();
      const onRunStop = () => controller.abort(this.run.signal.reason);
      if (this.run.signal.aborted) onRunStop();
      else this.run.signal.addEventListener('abort', onRunStop, { once: true });
      s = { controller, seen: [] };
      this.pools.set(pool, s);
    }
    return s;
  }
}
