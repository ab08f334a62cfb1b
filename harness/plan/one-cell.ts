// One cell by its id, as `matrix plan` prints it (`matrix bisect`): the exact id, else a glob that
// matches exactly one cell (as --only matches). Pure.
import { UsageError } from '../errors.ts';
import { didYouMean } from '../matrix/suggest.ts';
import { globToRegExp } from './select.ts';

export function oneCell<T extends { id: string }>(cells: readonly T[], pattern: string, verb: string): T {
  const exact = cells.find((c) => c.id === pattern);
  if (exact) return exact;
  const re = globToRegExp(pattern);
  const matched = cells.filter((c) => re.test(c.id));
  if (matched.length === 1) return matched[0]!;
  if (matched.length > 1) {
    const shown = matched.slice(0, 5).map((c) => c.id).join(', ');
    throw new UsageError(`matrix ${verb}: ${pattern} matches ${matched.length} cells (${shown}${matched.length > 5 ? ', …' : ''}); give one cell`, 'write the whole id as `matrix plan FILE` prints it: image/gpu/model/flags');
  }
  const dym = didYouMean(pattern, cells.map((c) => c.id));
  throw new UsageError(`matrix ${verb}: unknown cell ${pattern}`, `${dym ? `${dym} ` : ''}\`matrix plan FILE\` lists the cells (ids are image/gpu/model/flags)`);
}
