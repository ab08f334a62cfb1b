// Scoring the accuracy probe: an answer is right when it holds the expected number (as a whole
// number, after any <think> block) or, for a word answer, the word; a concurrency passes when its
// score is at least the floor and within the tolerance of the baseline cell's score at the same
// concurrency. A drop that appears only once requests share a batch is named
// `accuracy-drop-batched`, with the concurrency where it begins. Pure.
import type { CudaGraphMode } from '../core/cell.ts';
import type { BaselineRun } from './baseline.ts';
import type { Assertion } from './probe.ts';
import { answerMatches, withoutThinking } from './questions.ts';

export const DROP_BATCHED = 'accuracy-drop-batched';

export function isRightAnswer(output: string, expected: string): boolean {
  if (/^-?\d+(?:\.\d+)?$/.test(expected.trim())) return answerMatches(output, expected.trim());
  const words = withoutThinking(output).toLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [];
  const want = expected.trim().toLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [];
  if (want.length === 0) return false;
  // the expected words, in order and adjacent, somewhere in the answer
  return words.some((_, i) => want.every((w, j) => words[i + j] === w));
}

export interface ConcurrencyScore {
  concurrency: number;
  correct: number;
  total: number;
}

export const scoreOf = (s: ConcurrencyScore) => (s.total === 0 ? 0 : s.correct / s.total);

export interface Judgement {
  assertions: Assertion[];
  /** DROP_BATCHED, or null (the probe's own signature applies). */
  signature: string | null;
  /** Concurrencies that failed, ascending. */
  dropped: number[];
}

export interface BaselineScores {
  flags: string;
  cudaGraphs: CudaGraphMode | null;
  /** Score by concurrency. */
  scores: Map<number, number>;
}

/** "FULL graphs", "eager", … for a cell's cuda_graphs option. */
export function graphsInWords(mode: CudaGraphMode | null | undefined): string {
  if (mode === 'off') return 'eager';
  return mode ? `${mode.toUpperCase()} graphs` : 'default CUDA graphs';
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function judgeAccuracy(scores: readonly ConcurrencyScore[], opts: { floor: number; tolerance: number; graphs: CudaGraphMode | null; baseline: BaselineScores | null }): Judgement {
  const assertions: Assertion[] = [];
  const bad = new Set<number>();
  for (const s of scores) {
    const score = scoreOf(s);
    const aboveFloor = score >= opts.floor;
    if (!aboveFloor) bad.add(s.concurrency);
    assertions.push({ name: `floor-c${s.concurrency}`, ok: aboveFloor, message: `${s.correct}/${s.total} right at concurrency ${s.concurrency} (${pct(score)}; floor ${pct(opts.floor)})` });
    const base = opts.baseline?.scores.get(s.concurrency);
    if (base === undefined) continue;
    const close = score >= base - opts.tolerance;
    if (!close) bad.add(s.concurrency);
    assertions.push({ name: `baseline-c${s.concurrency}`, ok: close, message: `${pct(score)} at concurrency ${s.concurrency} against ${pct(base)} in baseline ${opts.baseline!.flags} (${graphsInWords(opts.baseline!.cudaGraphs)}; tolerance ${pct(opts.tolerance)})` });
  }
  const dropped = [...bad].sort((a, b) => a - b);
  const lowest = Math.min(...scores.map((s) => s.concurrency));
  // A drop "only when batched": the lowest concurrency is right and some higher one is not.
  const batched = dropped.length > 0 && !bad.has(lowest);
  if (batched) {
    const base = opts.baseline?.scores.get(dropped[0]!);
    const right = opts.baseline && base !== undefined && base >= opts.floor ? `right in ${graphsInWords(opts.baseline.cudaGraphs)} (${opts.baseline.flags}: ${pct(base)})` : `right at concurrency ${lowest}`;
    // first, so the cell's diagnosis leads with it
    assertions.unshift({ name: 'batched', ok: false, message: `wrong at batch ${dropped[0]} with ${graphsInWords(opts.graphs)}, ${right} — dropped at concurrency ${dropped.join(', ')}` });
  }
  return { assertions, signature: batched ? DROP_BATCHED : null, dropped };
}

/** The scores per concurrency (metrics `score_c<N>`) of a baseline cell's run, or null. */
export function baselineScores(run: BaselineRun | null): BaselineScores | null {
  if (!run) return null;
  const scores = new Map<number, number>();
  for (const [k, v] of Object.entries(run.result.metrics)) {
    const m = /^score_c(\d+)$/.exec(k);
    if (m) scores.set(Number(m[1]), v);
  }
  return scores.size === 0 ? null : { flags: run.flags, cudaGraphs: run.cudaGraphs, scores };
}
