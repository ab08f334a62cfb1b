// "What got slower": per visible cell, the last value of a metric against the median of the
// previous runs (up to 7), largest relative changes first. Pure over the embedded history.
import { median } from '../../harness/core/stats.ts';
import type { EmbeddedReport } from '../embedded.ts';
import type { PageState } from './url-state.ts';

export interface Change {
  id: string;
  last: number;
  baseline: number;
  /** (last − baseline) / baseline */
  ratio: number;
}

export function largestChanges(data: EmbeddedReport, ids: string[], metric: PageState['metric'], window = 7, limit = 10): Change[] {
  const out: Change[] = [];
  for (const id of ids) {
    const values = data.hist.cells[id]?.[metric];
    if (!values) continue;
    let i = values.length - 1;
    while (i >= 0 && values[i] === null) i--;
    if (i < 1) continue;
    const last = values[i]!;
    const before = values.slice(Math.max(0, i - window), i).filter((v): v is number => v !== null);
    const baseline = median(before);
    if (baseline === null || baseline <= 0) continue;
    out.push({ id, last, baseline, ratio: (last - baseline) / baseline });
  }
  return out.sort((a, b) => Math.abs(b.ratio) - Math.abs(a.ratio)).slice(0, limit);
}
