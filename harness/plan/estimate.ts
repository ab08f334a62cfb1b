// How long each cell of a plan will take, from the history of earlier runs (issue #26: plan with
// time). Pure: cli/plan.ts reads the samples from the results database (store/duration-history.ts)
// and passes them in.
//
// A sample is one earlier run of one cell that reached an outcome (pass, fail, xfail, xpass,
// flaky): the seconds of every lifecycle step of every attempt it made (image, create, start,
// ready = the engine's startup phases, probes, teardown), so retries and triage trials count as
// the GPU time they took. Infra verdicts, skips and cells without attempts (reused verdicts,
// interrupted runs) say nothing about a cell's duration and are not samples.
//
// The estimate is the median of the newest HISTORY_RUNS samples of the first of these that has any:
//   1. the same cell (image/gpu/model/flags)
//   2. the same image and model on other GPUs (other flags too)
//   3. the same model (any image, GPU or flags)
//   4. DEFAULT_CELL_S.
import type { Cell } from '../core/cell.ts';
import { median } from '../core/stats.ts';
import { formatDuration } from '../matrix/duration.ts';

/** One earlier run of one cell (store/duration-history.ts). */
export interface DurationSample {
  cellId: string;
  image: string;
  gpu: string;
  model: string;
  /** When its run started (ISO); the newest samples count. */
  startedAt: string;
  /** Seconds of all its attempts' lifecycle steps. */
  seconds: number;
}

export interface Estimate {
  seconds: number;
  /** Where the figure comes from: 'cell' its own runs, 'image-model' / 'model' a fallback, 'default', 'skip'. */
  source: 'cell' | 'image-model' | 'model' | 'default' | 'skip';
  /** How many samples the median is of (0 for default and skip). */
  runs: number;
  /** "from 5 runs", "from 3 runs of vllm-0.19 + qwen3-8b on other GPUs", "default: no history". */
  basis: string;
}

/** Samples per cell the median is taken of. */
export const HISTORY_RUNS = 5;

/**
 * A cell with no history at all: 15 minutes — a guess on the high side. A real cell pulls its image,
 * loads weights, compiles and captures graphs before its probes run (issue #26: "real cells take
 * minutes to start"); a planner that guesses low overfills a job, which GitHub kills at 6 h.
 */
export const DEFAULT_CELL_S = 15 * 60;


/** The newest `n` samples (by their run's start; the cell id breaks ties, for a stable result). */
function newest(samples: readonly DurationSample[], n: number): DurationSample[] {
  return [...samples].sort((a, b) => (a.startedAt === b.startedAt ? a.cellId.localeCompare(b.cellId) : a.startedAt < b.startedAt ? 1 : -1)).slice(0, n);
}

const plural = (n: number) => `${n} run${n === 1 ? '' : 's'}`;

/** Each cell's estimate, by cell id. */
export function estimateCells(
  cells: ReadonlyArray<Pick<Cell, 'id' | 'skip'> & { image: { id: string }; gpu: { name: string }; model: { id: string } }>,
  samples: readonly DurationSample[],
  opts: { runs?: number; defaultS?: number } = {},
): Map<string, Estimate> {
  const k = opts.runs ?? HISTORY_RUNS;
  const defaultS = opts.defaultS ?? DEFAULT_CELL_S;
  const group = (key: (s: DurationSample) => string) => {
    const m = new Map<string, DurationSample[]>();
    for (const s of samples) m.set(key(s), [...(m.get(key(s)) ?? []), s]);
    return m;
  };
  const byCell = group((s) => s.cellId);
  const byImageModel = group((s) => `${s.image}\0${s.model}`);
  const byModel = group((s) => s.model);
  const out = new Map<string, Estimate>();
  for (const c of cells) {
    if (c.skip !== null) {
      out.set(c.id, { seconds: 0, source: 'skip', runs: 0, basis: 'skipped' });
      continue;
    }
    const own = byCell.get(c.id) ?? [];
    const others = (byImageModel.get(`${c.image.id}\0${c.model.id}`) ?? []).filter((s) => s.gpu !== c.gpu.name);
    const model = byModel.get(c.model.id) ?? [];
    const pick = (xs: DurationSample[], source: Estimate['source'], words: (n: number) => string): Estimate => {
      const used = newest(xs, k);
      return { seconds: median(used.map((s) => s.seconds))!, source, runs: used.length, basis: words(used.length) };
    };
    if (own.length) out.set(c.id, pick(own, 'cell', (n) => `from ${plural(n)}`));
    else if (others.length) out.set(c.id, pick(others, 'image-model', (n) => `from ${plural(n)} of ${c.image.id} + ${c.model.id} on other GPUs`));
    else if (model.length) out.set(c.id, pick(model, 'model', (n) => `from ${plural(n)} of ${c.model.id}`));
    else out.set(c.id, { seconds: defaultS, source: 'default', runs: 0, basis: 'default: no history' });
  }
  return out;
}

/** 4530.4 → "1h15m30s" (whole seconds, in the matrix's duration format); 0 → "0s". */
export const formatSeconds = (seconds: number): string => formatDuration(Math.round(seconds) * 1000);
