// One download per model inside a process: cells that need the same model share one promise
// (across processes the lock file in pull.ts does the same).
import { pullModel, type PullOptions, type PullResult } from './pull.ts';

export type WarmOptions = Omit<PullOptions, 'name' | 'revision'>;

export class ModelWarmer {
  private readonly pulls = new Map<string, Promise<PullResult>>();
  constructor(private readonly opts: WarmOptions) {}

  warm(name: string, revision: string): Promise<PullResult> {
    const key = `${name}@${revision}`;
    let p = this.pulls.get(key);
    if (!p) this.pulls.set(key, (p = pullModel({ ...this.opts, name, revision })));
    return p;
  }
}
