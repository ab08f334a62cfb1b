// Which cell a probe compares with: the same image × GPU × model under the flag set a probe's
// `baseline` option names, or — by default — the one with CUDA graphs off (eager) and no
// speculation. The accuracy and image probes compare their scores with it, the way the mtp probe
// compares greedy outputs with the cell without speculation. Pure.
import type { Cell, CudaGraphMode } from '../core/cell.ts';
import type { ProbeResult } from './probe.ts';

/** A finished probe of a baseline cell, as the runner hands it to the probe that compares. */
export interface BaselineRun {
  /** The baseline cell's flag set id, e.g. "eager". */
  flags: string;
  cudaGraphs: CudaGraphMode | null;
  result: ProbeResult;
}

/** Whether a probe with these options compares with a baseline cell: accuracy always, image when asked at concurrency. */
export function comparesWithBaseline(probe: string, options: Record<string, unknown> | undefined): boolean {
  if (probe === 'accuracy') return true;
  return probe === 'image' && Array.isArray(options?.concurrency) && options.concurrency.some((c) => typeof c === 'number' && c > 1);
}

/** The flag set a probe's options name as its baseline (`baseline: eager`), or null for the default rule. */
export function baselineFlagsOf(options: Record<string, unknown> | undefined): string | null {
  const b = options?.baseline;
  return typeof b === 'string' && b.length > 0 ? b : null;
}

/** Whether `cell` is the baseline of a probe whose options name `flags` (null: CUDA graphs off). */
export function isBaselineCell(cell: Pick<Cell, 'flags' | 'options'>, flags: string | null): boolean {
  if (flags !== null) return cell.flags.id === flags;
  return cell.options.cuda_graphs === 'off' && !cell.options.speculative;
}

/** The same image × GPU × model: cells that can be baselines of each other. */
export function baselineKey(cell: Pick<Cell, 'image' | 'gpu' | 'model'>): string {
  return `${cell.image.id}/${cell.gpu.name}/${cell.model.id}`;
}

/** The baseline run of `probe` for `cell` among the runs recorded for its key, or null. */
export function pickBaseline(cell: Pick<Cell, 'flags' | 'options'>, options: Record<string, unknown> | undefined, runs: readonly BaselineRun[]): BaselineRun | null {
  const flags = baselineFlagsOf(options);
  if (isBaselineCell(cell, flags)) return null; // a baseline compares with nothing
  const rule = (r: BaselineRun) => (flags !== null ? r.flags === flags : r.cudaGraphs === 'off');
  return runs.find(rule) ?? null;
}

/**
 * Cells `cell` must wait for in a run, so its comparison finds its baseline finished: for its
 * comparing probes, the baseline cells of the same key; with speculation, the cells of the same
 * key without it (the mtp probe's lossless baseline).
 */
export function baselineCellsOf(cell: Cell, all: readonly Cell[]): string[] {
  const same = all.filter((c) => c.id !== cell.id && !c.skip && baselineKey(c) === baselineKey(cell));
  const out = comparedWith(cell, same);
  if (cell.options.speculative) {
    // never a cycle: a cell without speculation that compares with this one does not wait for it
    for (const c of same) if (!c.options.speculative && !comparedWith(c, all).has(cell.id)) out.add(c.id);
  }
  return [...out];
}

/** The cells among `others` whose runs `cell`'s comparing probes compare with. */
function comparedWith(cell: Cell, others: readonly Cell[]): Set<string> {
  const out = new Set<string>();
  for (const probe of cell.probes.filter((p) => comparesWithBaseline(p, cell.probeOptions?.[p]))) {
    const flags = baselineFlagsOf(cell.probeOptions?.[probe]);
    if (isBaselineCell(cell, flags)) continue;
    for (const c of others) {
      if (c.id !== cell.id && baselineKey(c) === baselineKey(cell) && isBaselineCell(c, flags) && c.probes.includes(probe)) out.add(c.id);
    }
  }
  return out;
}
