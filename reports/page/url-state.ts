// The page's state lives in the URL hash (works from file://): filters, pivot, tab, open cell.
import type { CellState } from '../../harness/core/cell.ts';
import { NO_FILTERS, type Filters } from './model.ts';
import { HISTORY_METRICS, type HistoryMetric } from '../embedded.ts';

export type Tab = 'grid' | 'failures' | 'trends' | 'formulas';
export const TABS: Tab[] = ['grid', 'failures', 'trends', 'formulas'];

export interface PageState {
  filters: Filters;
  pivot: boolean;
  tab: Tab;
  cell: string | null;
  metric: 'startupS' | 'ttftMs' | 'itlMs';
  /** The run shown (from the embedded history); null: the newest. */
  run: string | null;
  /** What the grid's cells show: the verdict, or a figure coloured by its change against the history. */
  show: 'verdict' | HistoryMetric;
}

export function readState(hash: string): PageState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const tab = p.get('tab') as Tab | null;
  const metric = p.get('metric');
  const show = p.get('show') as HistoryMetric | null;
  return {
    filters: {
      ...NO_FILTERS,
      gpu: p.get('gpu') ?? '',
      image: p.get('image') ?? '',
      model: p.get('model') ?? '',
      flags: p.get('flags') ?? '',
      sig: p.get('sig') ?? '',
      q: p.get('q') ?? '',
      v: (p.get('v') ?? '').split(',').filter(Boolean) as CellState[],
    },
    pivot: p.get('pivot') === '1',
    tab: tab && TABS.includes(tab) ? tab : 'grid',
    cell: p.get('cell'),
    metric: metric === 'ttftMs' || metric === 'itlMs' ? metric : 'startupS',
    run: p.get('run'),
    show: show && HISTORY_METRICS.includes(show) ? show : 'verdict',
  };
}

export function writeState(s: PageState): string {
  const p = new URLSearchParams();
  const f = s.filters;
  for (const k of ['gpu', 'image', 'model', 'flags', 'sig', 'q'] as const) if (f[k]) p.set(k, f[k]);
  if (f.v.length) p.set('v', f.v.join(','));
  if (s.pivot) p.set('pivot', '1');
  if (s.tab !== 'grid') p.set('tab', s.tab);
  if (s.metric !== 'startupS') p.set('metric', s.metric);
  if (s.run) p.set('run', s.run);
  if (s.show !== 'verdict') p.set('show', s.show);
  if (s.cell) p.set('cell', s.cell);
  const out = p.toString();
  return out ? `#${out}` : '';
}
