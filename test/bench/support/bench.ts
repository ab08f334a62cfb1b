// The shape every benchmark returns to the runner (test/bench/run.ts).

export interface Figure {
  metric: string;
  unit: string;
  /** The harness's figure (median over the trials). */
  value: number;
  /** The same figure for each peer (median over its trials), where peers apply. */
  peers?: Record<string, number>;
  /** Smaller is better (times, bytes) unless false. Ratios are peer/harness when true. */
  lowerIsBetter?: boolean;
  /** The "peers" are other measurements of the same thing (a profile), not rivals: print no ratio. */
  comparison?: boolean;
  goal?: string;
  met?: boolean;
}

export interface BenchResult {
  id: string;
  title: string;
  /** Trials per side (N of the medians). */
  trials: number;
  figures: Figure[];
  notes: string[];
  /** Raw per-trial samples, for --json. */
  samples?: Record<string, number[]>;
}

export interface BenchOptions {
  /** Overrides the benchmark's default number of trials. */
  trials?: number;
}

export interface Bench {
  id: string;
  title: string;
  run(opts: BenchOptions): Promise<BenchResult>;
}

/** peer ÷ harness for lower-is-better figures (harness ÷ peer otherwise): > 1 means the harness wins. */
export function ratiosOf(f: Figure): Record<string, number> | undefined {
  if (!f.peers || f.comparison) return undefined;
  return Object.fromEntries(Object.entries(f.peers).map(([name, v]) => [name, f.lowerIsBetter === false ? f.value / v : v / f.value]));
}
