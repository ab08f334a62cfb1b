// What `matrix plan` prints: the JSON document and the human table grouped by GPU. Pure.
import type { Cell } from '../core/cell.ts';
import { formatSeconds, type Estimate } from '../plan/estimate.ts';
import { columns, columnWidths } from '../run/reporters/columns.ts';

/** Estimated durations by cell id (plan/estimate.ts); absent: the plan shows none. */
export type Estimates = ReadonlyMap<string, Estimate>;

export interface PlanCellJson {
  id: string;
  image: string;
  engine: string;
  gpu: string;
  arch: string;
  model: string;
  flags: string;
  probes: string[];
  gpus: number;
  command: string[];
  expect: Cell['expect'];
  skip: string | null;
  /** Seconds and where the figure comes from ("from 5 runs", "default: no history"). */
  estimate?: { seconds: number; basis: string };
}

export function planJson(cells: readonly Cell[], estimates?: Estimates): { cells: PlanCellJson[]; estimate_s?: number } {
  const est = (c: Cell) => {
    const e = estimates?.get(c.id);
    return e ? { estimate: { seconds: Math.round(e.seconds), basis: e.basis } } : {};
  };
  return {
    ...(estimates ? { estimate_s: Math.round(totalSeconds(cells, estimates)) } : {}),
    cells: cells.map((c) => ({
      id: c.id,
      image: c.image.id,
      engine: c.image.engine,
      gpu: c.gpu.name,
      arch: c.gpu.arch,
      model: c.model.id,
      flags: c.flags.id,
      probes: c.probes,
      gpus: c.gpus,
      command: c.command,
      expect: c.expect,
      skip: c.skip,
      ...est(c),
    })),
  };
}

/** "fail ptx-toolchain (vllm-project/vllm#38411)" */
export function expectText(e: Cell['expect']): string {
  if (!e) return '-';
  const m = e.issue ? /^https:\/\/github\.com\/([^/]+\/[^/]+)\/(?:issues|pull)\/(\d+)/.exec(e.issue) : null;
  const link = m ? ` (${m[1]}#${m[2]})` : e.issue ? ` (${e.issue})` : '';
  return `fail ${e.fail}${link}`;
}

/** Cells grouped by GPU, in order of first appearance. */
function byGpu(cells: readonly Cell[]): Map<string, Cell[]> {
  const groups = new Map<string, Cell[]>();
  for (const c of cells) groups.set(c.gpu.name, [...(groups.get(c.gpu.name) ?? []), c]);
  return groups;
}

/** The estimated seconds of these cells one after another. */
export function totalSeconds(cells: readonly Cell[], estimates: Estimates): number {
  return cells.reduce((a, c) => a + (estimates.get(c.id)?.seconds ?? 0), 0);
}

/** "12m30s (from 5 runs)"; "-" for a skipped cell. */
export function estimateText(e: Estimate | undefined): string {
  if (!e || e.source === 'skip') return '-';
  return `${formatSeconds(e.seconds)} (${e.basis})`;
}

export function countLine(cells: readonly Cell[]): string {
  const skipped = cells.filter((c) => c.skip !== null).length;
  const perGpu = [...byGpu(cells)].map(([gpu, cs]) => `${gpu}: ${cs.length}`).join(', ');
  const noun = cells.length === 1 ? 'cell' : 'cells';
  return `${cells.length} ${noun}: ${cells.length - skipped} to run, ${skipped} skipped${perGpu ? ` (${perGpu})` : ''}`;
}

/**
 * The table grouped by GPU. With estimates: an ESTIMATE column, each GPU's total, and the whole
 * plan's (one after another: a runner with several GPUs runs cells side by side and takes less).
 */
export function planText(cells: readonly Cell[], header?: string, estimates?: Estimates): string {
  const lines: string[] = header ? [header, ''] : [];
  const head = ['CELL', 'ENGINE', 'PROBES', 'GPUS', 'EXPECT', ...(estimates ? ['ESTIMATE'] : []), 'SKIP'];
  const row = (c: Cell) => [c.id, c.image.engine, c.probes.join(',') || '-', String(c.gpus), expectText(c.expect), ...(estimates ? [estimateText(estimates.get(c.id))] : []), c.skip ?? ''];
  // one set of column widths for every group, so the tables line up
  const widths = columnWidths([head, ...cells.map(row)]);
  for (const [gpu, cs] of byGpu(cells)) {
    const g = cs[0]!.gpu;
    const sum = estimates ? `, estimated ${formatSeconds(totalSeconds(cs, estimates))}` : '';
    lines.push(`${gpu} (${g.arch}, ${g.memoryGiB} GiB${sum})`);
    lines.push(...columns([head, ...cs.map(row)], { widths, indent: '  ' }), '');
  }
  lines.push(countLine(cells) + (estimates ? `; estimated ${formatSeconds(totalSeconds(cells, estimates))} one after another` : ''));
  return lines.join('\n') + '\n';
}
