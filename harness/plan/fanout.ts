// The GitHub Actions fan-out of a plan: one job per (GPU, shard), with the runs-on labels of the
// self-hosted runners of that GPU, its cells packed by estimated time into a per-job budget. `matrix plan --github` prints it for
// `strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`. Pure.
import { UsageError } from '../errors.ts';
import type { Matrix, Runner } from '../matrix/matrix.ts';
import { DEFAULT_CELL_S, formatSeconds } from './estimate.ts';
import { lpt, packShards, type PackItem } from './pack.ts';

/** GitHub refuses a matrix that would create more jobs than this. */
export const GITHUB_MATRIX_LIMIT = 256;

export interface FanoutJob {
  gpu: string;
  /** "I/N", passed to `matrix run --shard`. */
  shard: string;
  /** runs-on labels. */
  labels: string[];
  /** How many cells this job runs. */
  cells: number;
  /** Their estimated time, in seconds and as "4h52m" (plan/estimate.ts). */
  estimate_s: number;
  estimate: string;
  /** Their ids, comma-separated: `matrix run --gpu G --only ONLY` runs exactly these. */
  only: string;
}

export interface Fanout {
  include: FanoutJob[];
  /** What was changed to fit GitHub's limits; the CLI prints these on stderr. */
  notes: string[];
}

export const defaultLabels = (gpu: string): string[] => ['self-hosted', 'linux', `gpu-${gpu}`];

/**
 * The `runners:` maps of several matrix files as one. Labels: the first file that sets them;
 * shards: the largest count asked for.
 */
export function mergeRunners(matrices: ReadonlyArray<Pick<Matrix, 'runners'>>): Record<string, Runner> {
  const out: Record<string, Runner> = {};
  for (const m of matrices) {
    for (const [gpu, r] of Object.entries(m.runners)) {
      const prev = out[gpu];
      out[gpu] = {
        labels: prev && prev.labels.length > 0 ? prev.labels : [...r.labels],
        shards: Math.max(prev?.shards ?? 1, r.shards),
      };
    }
  }
  return out;
}

/** Lower the per-GPU shard counts (each ≥ 1) proportionally until their sum fits `limit`. */
export function fitShards(wanted: ReadonlyMap<string, number>, limit: number): Map<string, number> {
  const total = [...wanted.values()].reduce((a, b) => a + b, 0);
  if (total <= limit) return new Map(wanted);
  const out = new Map([...wanted].map(([gpu, n]) => [gpu, Math.max(1, Math.floor((n * limit) / total))] as const));
  let sum = [...out.values()].reduce((a, b) => a + b, 0);
  while (sum > limit) {
    // take one from the GPU with the most shards (the first such in order, for a stable result)
    let top: string | undefined;
    for (const [gpu, n] of out) if (n > 1 && (top === undefined || n > out.get(top)!)) top = gpu;
    if (top === undefined) break;
    out.set(top, out.get(top)! - 1);
    sum--;
  }
  return out;
}

export interface FanoutOptions {
  /** Estimated seconds per cell id (plan/estimate.ts); a cell not in it counts DEFAULT_CELL_S. */
  estimates?: ReadonlyMap<string, number>;
  /** The time one job may take (`--job-budget`, default DEFAULT_JOB_BUDGET_S). */
  budgetS?: number;
  /** GitHub's job limit per matrix (tests lower it). */
  limit?: number;
}

/** `--job-budget` default: 5 h, an hour short of GitHub's 6 h job limit for a slow night. */
export const DEFAULT_JOB_BUDGET_S = 5 * 3600;
/**
 * `--job-budget` at most: 6 h, GitHub's job execution limit on its hosted runners and the nightly
 * workflow's `timeout-minutes: 360` for a run job (self-hosted runners would allow more).
 */
export const MAX_JOB_BUDGET_S = 6 * 3600;

/**
 * One job per (GPU, shard) for the GPUs that have cells, in order of first appearance. A GPU's cells
 * are packed (plan/pack.ts) into the fewest shards whose estimated time fits the budget, and no
 * fewer than its `runners:` entry asks for (default 1); shards never mix GPUs, so each runs on
 * one kind of runner. Each job names its cells in `only`, for `matrix run --gpu G --only ONLY`.
 */
export function fanout<T extends { id: string; gpu: { name: string }; skip?: string | null }>(
  cells: readonly T[],
  runners: Readonly<Record<string, Runner>>,
  opts: FanoutOptions = {},
): Fanout {
  const limit = opts.limit ?? GITHUB_MATRIX_LIMIT;
  const budgetS = opts.budgetS ?? DEFAULT_JOB_BUDGET_S;
  const byGpu = new Map<string, PackItem[]>();
  const seconds = (c: T) => (c.skip ? 0 : (opts.estimates?.get(c.id) ?? DEFAULT_CELL_S));
  for (const c of cells) byGpu.set(c.gpu.name, [...(byGpu.get(c.gpu.name) ?? []), { id: c.id, seconds: seconds(c) }]);
  if (byGpu.size === 0) {
    throw new UsageError('matrix plan --github: no cells to fan out', 'check the matrix files and --gpu: GitHub refuses an empty job matrix');
  }
  if (byGpu.size > limit) {
    throw new UsageError(
      `matrix plan --github: ${byGpu.size} GPUs need at least ${byGpu.size} jobs, more than GitHub's limit of ${limit} jobs per matrix`,
      'split the run: one workflow run per group of GPUs (--gpu), or fewer GPUs per matrix file',
    );
  }
  const packed = new Map([...byGpu].map(([gpu, items]) => [gpu, packShards(items, { budgetS, minShards: runners[gpu]?.shards ?? 1 })] as const));
  const wanted = new Map([...packed].map(([gpu, p]) => [gpu, p.shards.length] as const));
  const fitted = fitShards(wanted, limit);
  const notes: string[] = [];
  const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  if (total(fitted) < total(wanted)) {
    const changed = [...wanted].filter(([gpu, n]) => fitted.get(gpu) !== n).map(([gpu, n]) => `${gpu} ${n}→${fitted.get(gpu)}`);
    notes.push(`the fan-out needs ${total(wanted)} jobs, more than GitHub's limit of ${limit} per matrix: shards reduced (${changed.join(', ')}), ${total(fitted)} jobs`);
  }
  const include: FanoutJob[] = [];
  for (const [gpu, items] of byGpu) {
    const n = fitted.get(gpu)!;
    const shards = n === wanted.get(gpu) ? packed.get(gpu)!.shards : lpt(items, n);
    const configured = runners[gpu]?.labels ?? [];
    const labels = configured.length > 0 ? [...configured] : defaultLabels(gpu);
    shards.forEach((s, i) => {
      const estimateS = Math.round(s.seconds);
      include.push({ gpu, shard: `${i + 1}/${n}`, labels, cells: s.ids.length, estimate_s: estimateS, estimate: formatSeconds(estimateS), only: s.ids.join(',') });
      if (s.seconds > budgetS && s.ids.length > 1) notes.push(`warning: ${gpu} shard ${i + 1}/${n} is estimated at ${formatSeconds(s.seconds)}, over the job budget of ${formatSeconds(budgetS)} (too few jobs allowed)`);
    });
    for (const o of packed.get(gpu)!.oversize) {
      notes.push(`warning: ${o.id} alone is estimated at ${formatSeconds(o.seconds)}, over the job budget of ${formatSeconds(budgetS)}: it gets a shard of its own`);
    }
  }
  return { include, notes };
}

/** The one line `matrix plan --github` prints. */
export function fanoutJson(f: Fanout): string {
  return JSON.stringify({ include: f.include });
}
