// Watches a starting engine's log so that a start that cannot succeed does not hold the GPU until
// the startup timeout:
// - a fatal line (diagnose/fatal-lines.ts) starts a grace period; an engine still running after it
//   is hung (workers waiting on NCCL, an API server whose engine core died) and is stopped — unless
//   it reached a new startup phase meanwhile (it survived the error);
// - no output at all for the stall timeout (no new line, no progress bar moving, so no phase
//   progress either) is a stalled start, named by the last phase it reached and its last line.
// Output means bytes: a progress bar redraws its line with `\r` and ends it only when done.
import { fatalLineOf, type FatalLine } from '../diagnose/fatal-lines.ts';
import { cleanLine } from '../diagnose/line-clean.ts';
import { phaseMarkedBy } from '../engines/phase-at.ts';
import { DEFAULT_TIMEOUTS } from '../matrix/matrix.ts';
import type { Timeouts } from '../core/cell.ts';
import type { NumberedLine } from './log-capture.ts';

export type WatchdogTrip =
  | { kind: 'fatal-hang'; graceMs: number; line: NumberedLine; fatal: FatalLine }
  | { kind: 'stalled'; stallMs: number; phase: string | null; phaseLine: NumberedLine | null; lastLine: NumberedLine | null };

export interface WatchdogOptions {
  graceMs: number;
  stallMs: number;
}

/** What the watchdog follows: a log capture's lines and chunks. */
export interface WatchedOutput {
  onLine(fn: (l: NumberedLine) => void): () => void;
  onChunk(fn: () => void): () => void;
}

/** A watchdog on a cell's startup output, with the cell's timeouts (or the defaults). */
export function watchStartup(output: WatchedOutput, timeouts: Timeouts): StartupWatchdog {
  const wd = new StartupWatchdog({ graceMs: timeouts.fatalGraceMs ?? DEFAULT_TIMEOUTS.fatalGraceMs, stallMs: timeouts.stallMs ?? DEFAULT_TIMEOUTS.stallMs });
  return wd.follow(output);
}

export class StartupWatchdog {
  /** Resolves when the watchdog trips; never, once stopped. */
  readonly tripped: Promise<WatchdogTrip>;
  private trip!: (t: WatchdogTrip) => void;
  private graceTimer: NodeJS.Timeout | null = null;
  private stallTimer: NodeJS.Timeout | null = null;
  /** Bumped each time the stall timer is armed: a deferred stall check of an older arming is void. */
  private arming = 0;
  private done = false;
  private phase: string | null = null;
  private phaseLine: NumberedLine | null = null;
  private lastLine: NumberedLine | null = null;
  private readonly detach: Array<() => void> = [];

  constructor(private readonly opts: WatchdogOptions) {
    this.tripped = new Promise((resolve) => (this.trip = resolve));
    this.armStall();
  }

  /** Follows an output until stopped. */
  follow(output: WatchedOutput): this {
    this.detach.push(output.onLine((l) => this.line(l)), output.onChunk(() => this.activity()));
    return this;
  }

  /** A complete log line. */
  line(l: NumberedLine): void {
    if (this.done) return;
    this.armStall();
    if (l.text.trim() !== '') this.lastLine = l;
    const phase = phaseMarkedBy(cleanLine(l.text).text);
    if (phase) {
      // A start that reaches a new phase after a fatal line survived it (a CUDA error caught and
      // logged, say): it is not hung, and the grace period ends.
      if (this.graceTimer && phase !== this.phase) this.clearGrace();
      this.phase = phase;
      this.phaseLine = l;
    }
    if (this.graceTimer) return;
    const fatal = fatalLineOf(l.text);
    if (fatal) this.graceTimer = setTimeout(() => this.fire({ kind: 'fatal-hang', graceMs: this.opts.graceMs, line: l, fatal }), this.opts.graceMs);
  }

  private clearGrace(): void {
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.graceTimer = null;
  }

  /** Output arrived (a chunk, perhaps without a whole line: a progress bar moving). */
  activity(): void {
    if (!this.done) this.armStall();
  }

  /** The start is over (ready, exited, timed out, interrupted): no timer is left behind. */
  stop(): void {
    this.done = true;
    this.clearGrace();
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
    for (const off of this.detach.splice(0)) off();
  }

  private armStall(): void {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    const arming = ++this.arming;
    this.stallTimer = setTimeout(() => this.stallDue(arming), this.opts.stallMs);
  }

  /**
   * The stall timer is due. It may be due because this process was busy (a loaded runner, a long
   * synchronous step), not because the engine was silent: output may be waiting, unread, on the
   * stream. Node runs expired timers before it polls for I/O, so the verdict waits one turn of the
   * loop (setImmediate runs after the poll phase); output read meanwhile re-arms the timer and
   * voids this check.
   */
  private stallDue(arming: number): void {
    setImmediate(() => {
      if (arming !== this.arming) return;
      this.fire({ kind: 'stalled', stallMs: this.opts.stallMs, phase: this.phase, phaseLine: this.phaseLine, lastLine: this.lastLine });
    });
  }

  private fire(t: WatchdogTrip): void {
    if (this.done) return;
    this.stop();
    this.trip(t);
  }
}
