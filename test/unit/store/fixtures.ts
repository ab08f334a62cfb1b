// A minimal planned cell and run, for the store's tests on real SQLite files.
import type { Cell } from '../../../harness/core/cell.ts';
import type { RunInfo } from '../../../harness/core/events.ts';
import { makeCell } from '../../support/cell.ts';

/** A cell of the store's tests: the shared builder's, with every cell on the `default` flag set and model `m`. */
export function cell(id: string): Cell {
  return makeCell(id, { flags: { id: 'default' }, model: { id: 'm' } });
}

export const info = (id: string): RunInfo => ({ id, startedAt: '2026-11-22T00:00:00Z', host: 'h', runnerLabels: [], gitCommit: null, matrixFiles: [], emulate: true, argv: [], dbPath: '', outDir: '', resumedFrom: null });
