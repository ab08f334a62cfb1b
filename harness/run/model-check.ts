// The model against the cell, before any GPU time: what the checkpoint in the managed cache says
// (architectures, vision encoder, weight size) against what the matrix declares, and whether the
// weights fit the cell's GPUs with room for the KV cache. Too big → the cell is skipped with the
// arithmetic; a tight fit or a declaration the checkpoint contradicts → a warning.
import { MODEL_CACHE } from '../engines/model-cache.ts';
import type { Cell } from '../core/cell.ts';
import { isHubModel } from '../models/cache-layout.ts';
import { fitOf } from '../models/fits.ts';
import { modelMismatches } from '../models/model-facts.ts';
import { readModelFromCache } from '../models/read-model.ts';

export interface ModelCheck {
  /** Why the cell cannot run (the weights do not fit), or null. */
  skip: string | null;
  warnings: string[];
}

export function checkModel(cell: Cell, cacheDir: string): ModelCheck {
  if (!isHubModel(cell.model.name)) return { skip: null, warnings: [] };
  const read = readModelFromCache(cacheDir, cell.model.name, cell.model.revision ?? 'main');
  if (!read) return { skip: null, warnings: [] };
  const warnings = modelMismatches(cell.model, read.facts).map((w) => `model ${cell.model.id}: ${w}`);
  if (read.facts.weightBytes === null) return { skip: null, warnings };
  const fit = fitOf({
    weightBytes: read.facts.weightBytes,
    gpuName: cell.gpu.name,
    gpuMemoryGiB: cell.gpu.memoryGiB,
    tp: cell.options.tensor_parallel ?? 1,
    memoryUtilization: cell.options.gpu_memory_utilization ?? MODEL_CACHE[cell.image.engine].memoryUtilization,
  });
  if (fit.verdict === 'too-big') return { skip: `model does not fit: ${fit.text}`, warnings };
  if (fit.verdict === 'tight') warnings.push(`model ${cell.model.id} on ${cell.gpu.name} tp ${cell.options.tensor_parallel ?? 1}: tight fit: ${fit.text}`);
  return { skip: null, warnings };
}

/** What the cache already says about the plan's models, once per distinct note (for `matrix plan` and a run's start). */
export function planModelNotes(cells: readonly Cell[], cacheDir: string): string[] {
  const notes = new Set<string>();
  for (const c of cells.filter((x) => !x.skip)) {
    const check = checkModel(c, cacheDir);
    for (const w of check.warnings) notes.add(w);
    if (check.skip) notes.add(`${c.id} will be skipped: ${check.skip}`);
  }
  return [...notes];
}
