// The object every view receives: the data, the current state and the one way to change it.
import type { EmbeddedCell, EmbeddedReport } from '../embedded.ts';
import type { PageState } from './url-state.ts';

export interface App {
  data: EmbeddedReport;
  cells: Map<string, EmbeddedCell>;
  /** Lower-cased search text per cell id, built once. */
  text: Map<string, string>;
  state: PageState;
  /** Changes the state, writes the URL and redraws what depends on it. */
  update(patch: Partial<PageState>): void;
  /** Cells that pass the current filters, in data order. */
  visible(): EmbeddedCell[];
}
