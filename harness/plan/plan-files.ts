// Matrix files → the cells they plan: load and validate each file, load the probes it names,
// expand, and refuse a cell id that two files produce. Used by `matrix plan`, `run` and `models`.
import { UsageError } from '../errors.ts';
import { loadMatrices } from '../matrix/load.ts';
import type { Matrix } from '../matrix/matrix.ts';
import type { Cell } from '../core/cell.ts';
import { loadMatrixProbes } from '../probes/matrix-probes.ts';
import type { Probe } from '../probes/probe.ts';
import { expand } from './expand.ts';

/** Load and expand every file; a cell id produced by two files is a usage error. */
export function planCells(files: string[]): Cell[] {
  return expandAll(loadMatrices(files));
}

/** planCells, with every probe the matrices name loaded and checked (a broken module is a located MatrixError). */
export async function planWithProbes(files: string[]): Promise<{ cells: Cell[]; probes: Map<string, Probe> }> {
  const matrices = loadMatrices(files);
  const probes = await loadMatrixProbes(matrices);
  return { cells: expandAll(matrices), probes };
}

function expandAll(matrices: Matrix[]): Cell[] {
  const cells: Cell[] = [];
  const from = new Map<string, string>();
  for (const m of matrices) {
    for (const c of expand(m)) {
      const other = from.get(c.id);
      if (other !== undefined) throw new UsageError(`cell ${c.id} is defined by both ${other} and ${m.file}`, 'give the images, models or flag sets of one file different ids');
      from.set(c.id, m.file);
      cells.push(c);
    }
  }
  return cells;
}
