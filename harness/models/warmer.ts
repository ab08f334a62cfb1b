// One download per model inside a process: cells that need the same model share one promise
// (across processes the lock file in pull.ts does the same).
import type { PullEvent } from './pull-events.ts';
import { pullModel, type PullOptions, type PullResult } from './pull.ts';

export type WarmOptions = Omit<PullOptions, 'name' | 'revision' | 'onEvent'>;

/** Progress of each model's download (the CLI prints it on stderr). */
export interface WarmReporter {
  begin?(model: string): (e: PullEvent) => void;
  done?(model: string, r: PullResult): void;
}

export class ModelWarmer {
  private readonly pulls = new Map<string, Promise<PullResult>>();
  constructor(
    private readonly opts: WarmOptions,
    private readonly reporter: WarmReporter = {},
  ) {}

  /** `signal` ends this download too (a run whose cells all ended), beside the warmer's own. */
  warm(name: string, revision: string, signal?: AbortSignal): Promise<PullResult> {
    const key = `${name}@${revision}`;
    let p = this.pulls.get(key);
    if (!p) {
      const signals = [this.opts.signal, signal].filter((s): s is AbortSignal => s !== undefined);
      const both = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
      p = pullModel({ ...this.opts, signal: both, name, revision, onEvent: this.reporter.begin?.(key) }).then((r) => {
        this.reporter.done?.(key, r);
        return r;
      });
      this.pulls.set(key, p);
    }
    return p;
  }
}
