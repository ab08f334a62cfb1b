// What `matrix plan` prints: the JSON document and the human table grouped by GPU. Pure.
import type { Cell } from '../core/cell.ts';
import { columns, columnWidths } from '../run/reporters/columns.ts';

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
}

export function planJson(cells: readonly Cell[]): { cells: PlanCellJson[] } {
  return {
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

export function countLine(cells: readonly Cell[]): string {
  const skipped = cells.filter((c) => c.skip !== null).length;
  const perGpu = [...byGpu(cells)].map(([gpu, cs]) => `${gpu}: ${cs.length}`).join(', ');
  const noun = cells.length === 1 ? 'cell' : 'cells';
  return `${cells.length} ${noun}: ${cells.length - skipped} to run, ${skipped} skipped${perGpu ? ` (${perGpu})` : ''}`;
}

export function planText(cells: readonly Cell[], header?: string): string {
  const lines: string[] = header ? [header, ''] : [];
  const head = ['CELL', 'ENGINE', 'PROBES', 'GPUS', 'EXPECT', 'SKIP'];
  const row = (c: Cell) => [c.id, c.image.engine, c.probes.join(',') || '-', String(c.gpus), expectText(c.expect), c.skip ?? ''];
  // one set of column widths for every group, so the tables line up
  const widths = columnWidths([head, ...cells.map(row)]);
  for (const [gpu, cs] of byGpu(cells)) {
    const g = cs[0]!.gpu;
    lines.push(`${gpu} (${g.arch}, ${g.memoryGiB} GiB)`);
    lines.push(...columns([head, ...cs.map(row)], { widths, indent: '  ' }), '');
  }
  lines.push(countLine(cells));
  return lines.join('\n') + '\n';
}
