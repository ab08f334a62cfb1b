// The GitHub Actions fan-out of a plan: one job per (GPU, shard), with the runs-on labels of the
// self-hosted runners of that GPU. `matrix plan --github` prints it for
// `strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`. Pure.
import { UsageError } from '../errors.ts';
import type { Matrix, Runner } from '../matrix/matrix.ts';
import { shardOf } from './select.ts';

/** GitHub refuses a matrix that would create more jobs than this. */
export const GITHUB_MATRIX_LIMIT = 256;

export interface FanoutJob {
  gpu: string;
  /** "I/N", passed to `matrix run --shard`. */
  shard: string;
  /** runs-on labels. */
  labels: string[];
  /** Cells this job runs. */
  cells: number;
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

/**
 * One job per (GPU, shard) for the GPUs that have cells, in order of first appearance. A GPU gets
 * the shard count of its `runners:` entry (default 1), never more shards than cells. Shard I/N of a
 * GPU is what `matrix run --gpu G --shard I/N` selects, so the counts here are the counts there.
 */
export function fanout<T extends { id: string; gpu: { name: string } }>(
  cells: readonly T[],
  runners: Readonly<Record<string, Runner>>,
  limit = GITHUB_MATRIX_LIMIT,
): Fanout {
  const byGpu = new Map<string, T[]>();
  for (const c of cells) byGpu.set(c.gpu.name, [...(byGpu.get(c.gpu.name) ?? []), c]);
  if (byGpu.size === 0) {
    throw new UsageError('matrix plan --github: no cells to fan out', 'check the matrix files and --gpu: GitHub refuses an empty job matrix');
  }
  if (byGpu.size > limit) {
    throw new UsageError(
      `matrix plan --github: ${byGpu.size} GPUs need at least ${byGpu.size} jobs, more than GitHub's limit of ${limit} jobs per matrix`,
      'split the run: one workflow run per group of GPUs (--gpu), or fewer GPUs per matrix file',
    );
  }
  const wanted = new Map([...byGpu].map(([gpu, cs]) => [gpu, Math.min(runners[gpu]?.shards ?? 1, cs.length)] as const));
  const fitted = fitShards(wanted, limit);
  const notes: string[] = [];
  const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  if (total(fitted) < total(wanted)) {
    const changed = [...wanted].filter(([gpu, n]) => fitted.get(gpu) !== n).map(([gpu, n]) => `${gpu} ${n}→${fitted.get(gpu)}`);
    notes.push(`the fan-out needs ${total(wanted)} jobs, more than GitHub's limit of ${limit} per matrix: shards reduced (${changed.join(', ')}), ${total(fitted)} jobs`);
  }
  const include: FanoutJob[] = [];
  for (const [gpu, cs] of byGpu) {
    const n = fitted.get(gpu)!;
    const configured = runners[gpu]?.labels ?? [];
    const labels = configured.length > 0 ? [...configured] : defaultLabels(gpu);
    for (let i = 1; i <= n; i++) include.push({ gpu, shard: `${i}/${n}`, labels, cells: shardOf(cs, { index: i, total: n }).length });
  }
  return { include, notes };
}

/** The one line `matrix plan --github` prints. */
export function fanoutJson(f: Fanout): string {
  return JSON.stringify({ include: f.include });
}
