// Every way a run can end, and what each leaves behind (ARCHITECTURE.md rule 7): no container of
// this run, and the run marked in the database.
//   done                      the dispatcher ends every cell and marks the run `finished`
//   first SIGINT / SIGTERM    graceful: the run's signal aborts, in-flight containers are removed,
//                             finished cells are kept, a partial report is written, `interrupted`
//   a second signal           forced (Ctrl-C twice; `timeout` signalling a process group twice;
//                             GitHub Actions' SIGTERM 7.5 s after its SIGINT): the run is marked
//                             `interrupted` at once (synchronous SQLite), this run's containers are
//                             removed (by id and by label, and by a helper process that outlives
//                             this one), and the process exits 130 within FORCED_EXIT_MS
//   an uncaught exception or  forced the same way, marked `failed`, exit 1 (or the error's code)
//     rejection inside the run
//   SIGKILL                   nothing runs: the next run reaps the containers (reaper.ts)
// Output errors (EPIPE) never end a run: harness/cli/closed-output.ts.
import type { ContainerRuntime } from '../runtime/runtime.ts';
import { removeRunContainers, runLabels } from './reaper.ts';
import { settle } from './settle.ts';

/**
 * A forced end exits within this, whatever the engine does: GitHub Actions waits 2,500 ms after
 * its SIGTERM before it kills the process tree (docs.github.com/en/actions/managing-workflow-runs/
 * canceling-a-workflow). The mark in the database comes first, synchronously; removals the engine
 * was asked for finish without this process, and the next run reaps anything left.
 */
export const FORCED_EXIT_MS = 2_000;

export type ForcedStatus = 'interrupted' | 'failed';

export interface RunEndingOptions {
  runtime: ContainerRuntime;
  runId: string;
  /** The graceful stop: aborts the run's signal. */
  abort(): void;
  /** Marks the run ended in the database, synchronously (finished cells committed first); must not throw. */
  mark(status: ForcedStatus, exitCode: number): void;
  /** How an error reads to the user, and its exit code (the CLI's mapping of typed errors). */
  describeError(e: unknown): { text: string; exitCode: number };
  write?(text: string): void;
  exit?(code: number): void;
  /** The process whose signals and uncaught errors are watched (tests pass an EventEmitter). */
  proc?: Pick<NodeJS.Process, 'on' | 'off'>;
  forcedExitMs?: number;
}

export interface RunEnding {
  /** Ends the run after an error that reached the caller: containers removed, run `failed`, process exits. */
  crash(e: unknown): Promise<void>;
  /**
   * Resolves at once, unless a forced end is under way: then never (the process exits), so the
   * caller writes no report that would hold the event loop while the containers are removed.
   */
  unlessForced(): Promise<void>;
  /** Stops watching (the run ended on its own). */
  dispose(): void;
}

export function guardRunEnding(o: RunEndingOptions): RunEnding {
  const write = o.write ?? ((s: string) => void process.stderr.write(s));
  const exit = o.exit ?? ((code: number) => process.exit(code));
  const proc = o.proc ?? process;
  let signals = 0;
  let forcing: Promise<void> | null = null;

  const force = (status: ForcedStatus, exitCode: number): Promise<void> => {
    forcing ??= (async () => {
      o.abort(); // no new container starts from here on
      o.mark(status, exitCode);
      o.runtime.removeInBackground(runLabels(o.runId)); // goes on if this process is gone first
      const ms = o.forcedExitMs ?? FORCED_EXIT_MS;
      const removed = Promise.all([o.runtime.removeCreated().catch(() => {}), removeUntilGone(o.runtime, o.runId, performance.now() + ms)]);
      if (!(await settle(removed, ms))) {
        write(`matrix: the Docker engine did not confirm every removal within ${ms / 1000} s; the next run reaps what is left\n`);
      }
      exit(exitCode);
    })();
    return forcing;
  };
  const onSignal = (sig: NodeJS.Signals) => {
    signals++;
    if (forcing) return;
    if (signals === 1) {
      write(`\n${sig}: stopping — removing this run's containers and writing a partial report (again to force quit)\n`);
      o.abort();
      return;
    }
    write(`\n${sig} again: forced stop — removing this run's containers and marking the run interrupted, without a report\n`);
    void force('interrupted', 130);
  };
  const crash = (e: unknown): Promise<void> => {
    if (forcing) return forcing;
    const { text, exitCode } = o.describeError(e);
    write(`${text}\nmatrix: the run stops: removing its containers and marking it failed\n`);
    return force('failed', exitCode);
  };
  const onUncaught = (e: unknown) => void crash(e);
  proc.on('SIGINT', onSignal);
  proc.on('SIGTERM', onSignal);
  proc.on('uncaughtException', onUncaught);
  proc.on('unhandledRejection', onUncaught);
  return {
    crash,
    unlessForced: () => forcing ?? Promise.resolve(),
    dispose() {
      proc.off('SIGINT', onSignal);
      proc.off('SIGTERM', onSignal);
      proc.off('uncaughtException', onUncaught);
      proc.off('unhandledRejection', onUncaught);
    },
  };
}

/**
 * Removes this process's containers of the run until none is listed: a container another removal
 * already holds (the graceful stop's) is listed until the engine is done with it, and a create that
 * was in flight at one listing shows at the next (the engine finishes a create whose client went away).
 */
async function removeUntilGone(runtime: ContainerRuntime, runId: string, until: number): Promise<void> {
  while ((await removeRunContainers(runtime, runId).catch(() => 1)) > 0 && performance.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
  }
}
