// Startup faults of the `faults` trait that hang instead of ending: `hang_after_crash` (a start
// that prints its fatal traceback and keeps running, like an API server whose engine core died or
// tensor-parallel workers waiting on NCCL) and `stall_at: <phase>` (a start that prints the first
// line of that phase, then nothing, and is never ready). The phases are the ones the harness reads
// from the log (diagnose/phase-at.ts).
import { cleanLine } from '../../diagnose/line-clean.ts';
import { phaseMarkedBy } from '../../engines/phase-at.ts';
import type { Out } from './log.ts';
import type { StartupContext } from './startup-context.ts';
import type { FaultTraits } from '../../core/emulator-traits.ts';

/** Never resolves; rejects when the emulator is closed (and keeps the process alive meanwhile). */
export type Hang = () => Promise<never>;

export interface StallingStartup {
  ctx: StartupContext;
  /** Whether the start has gone silent. */
  stalled(): boolean;
}

/** The startup context with `stall_at` applied: from the phase's first line on, no output, every wait hangs, never ready. */
export function withStall(ctx: StartupContext, faults: FaultTraits, hang: Hang): StallingStartup {
  const phase = faults.stall_at;
  let silent = false;
  if (!phase) return { ctx, stalled: () => false };
  const out: Out = (text, stream) => {
    if (silent) return;
    ctx.out(text, stream);
    if (text.split('\n').some((l) => phaseMarkedBy(cleanLine(l).text) === phase)) silent = true;
  };
  return {
    stalled: () => silent,
    ctx: {
      ...ctx,
      out,
      sleep: (s) => (silent ? hang() : ctx.sleep(s)),
      listen: () => (silent ? hang() : ctx.listen()),
      ...(ctx.markReady ? { markReady: () => void (silent || ctx.markReady!()) } : {}),
    },
  };
}

/** `hang_after_crash`: a start that failed (its traceback printed) keeps running instead of exiting. */
export function hangsAfterCrash(faults: FaultTraits, exitCode: number): boolean {
  return faults.hang_after_crash === true && exitCode !== 0;
}
