// A selection of zero cells is a usage error, the way Playwright says "No tests found": it names
// what was selected, which step left nothing, and what the matrix has. A green run that tested
// nothing would otherwise look like a passing one. Pure.
import { UsageError } from '../errors.ts';
import { selectCells, type Selection } from './select.ts';

type Selectable = { id: string; gpu: { name: string } };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "h100 (3), thor (1)": the GPUs of the cells with how many cells each. */
function gpusOf(cells: readonly Selectable[]): string {
  const n = new Map<string, number>();
  for (const c of cells) n.set(c.gpu.name, (n.get(c.gpu.name) ?? 0) + 1);
  return [...n].map(([g, k]) => `${g} (${k})`).join(', ');
}

/** Why `selection` picks none of `cells`: the first step (--gpu, --only, --shard) that left nothing. */
export function whyEmpty(cells: readonly Selectable[], sel: Selection): string {
  if (cells.length === 0) return 'the matrix files define no cells (every combination is excluded or none is listed)';
  const onGpu = selectCells(cells, { gpu: sel.gpu });
  if (onGpu.length === 0) return `--gpu ${sel.gpu!.join(',')} matches none of the ${plural(cells.length, 'cell')}; the matrix has cells on: ${gpusOf(cells)}`;
  const matched = selectCells(onGpu, { only: sel.only });
  const where = sel.gpu?.length ? ` on --gpu ${sel.gpu.join(',')}` : '';
  if (matched.length === 0) {
    const examples = onGpu.slice(0, 3).map((c) => c.id).join(', ');
    return `--only ${sel.only!.join(',')} matches none of the ${plural(onGpu.length, 'cell')}${where} (ids look like: ${examples}${onGpu.length > 3 ? ', …' : ''})`;
  }
  return `--shard ${sel.shard!.index}/${sel.shard!.total} gets none of the ${plural(matched.length, 'selected cell')}: there are more shards than cells`;
}

/** The error for an empty selection; `verb` is "run" or "plan". */
export function emptySelectionError(cells: readonly Selectable[], sel: Selection, verb: string): UsageError {
  return new UsageError(`matrix ${verb}: no cells selected — ${whyEmpty(cells, sel)}`, '`matrix plan FILE` lists every cell; pass --allow-empty if an empty selection is expected');
}
