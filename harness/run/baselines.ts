// What the cells of a run leave for the cells that compare with them: greedy outputs of cells
// without speculation (the mtp probe's lossless check) and probe results of any cell, which the
// accuracy and image probes read when it is their baseline (probes/baseline.ts says which is).
import type { Cell } from '../core/cell.ts';
import { baselineKey, pickBaseline, type BaselineRun } from '../probes/baseline.ts';
import type { ProbeResult } from '../probes/probe.ts';

export class Baselines {
  private readonly outputs = new Map<string, Record<string, string>>();
  private readonly runs = new Map<string, BaselineRun[]>();

  /** Record a finished probe of `cell`. */
  record(cell: Cell, r: ProbeResult): void {
    const key = baselineKey(cell);
    if (!cell.options.speculative && r.outputs && r.verdict === 'pass') {
      this.outputs.set(key, { ...(this.outputs.get(key) ?? {}), ...r.outputs });
    }
    if (r.verdict === 'skip') return;
    const runs = (this.runs.get(`${key}#${r.name}`) ?? []).filter((x) => x.flags !== cell.flags.id); // a retry replaces its earlier attempt
    runs.push({ flags: cell.flags.id, cudaGraphs: cell.options.cuda_graphs ?? null, result: r });
    this.runs.set(`${key}#${r.name}`, runs);
  }

  /** Greedy outputs without speculation for a speculative cell (the mtp probe's baseline), or null. */
  outputsFor(cell: Cell): Record<string, string> | null {
    return cell.options.speculative ? (this.outputs.get(baselineKey(cell)) ?? null) : null;
  }

  /** The run of `probe` in the cell `cell` compares with, or null. */
  runFor(cell: Cell, probe: string, options: Record<string, unknown> | undefined): BaselineRun | null {
    return pickBaseline(cell, options, this.runs.get(`${baselineKey(cell)}#${probe}`) ?? []);
  }
}
