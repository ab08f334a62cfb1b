// The report data as embedded in the page: ReportData with history stored column-wise (one run
// table, per cell a verdict string and number arrays aligned to it) so 365 runs × 500 cells stay
// a few megabytes. Shared by the encoder (embed.ts) and the page (page/).
import type { FailedAttempt, ReportCell, ReportData } from './data.ts';
import type { Verdict } from '../harness/core/cell.ts';
import type { ShownLine } from './text.ts';

export const VERDICT_CODE: Record<Verdict, string> = { pass: 'P', fail: 'F', xfail: 'X', xpass: 'U', flaky: 'K', infra: 'I', skip: 'S' };
/** Code for "no point in this run". */
export const NO_POINT = '.';

export const CODE_VERDICT: Record<string, Verdict | undefined> = Object.fromEntries(
  Object.entries(VERDICT_CODE).map(([v, c]) => [c, v as Verdict]),
);

export interface EmbeddedCellHistory {
  /** One verdict code per run of `EmbeddedHistory.runs` (NO_POINT where the cell did not run). */
  v: string;
  startupS: Array<number | null>;
  ttftMs: Array<number | null>;
  itlMs: Array<number | null>;
  tokS?: Array<number | null>;
  accept?: Array<number | null>;
  accuracy?: Array<number | null>;
}

/** The figures the history holds per run, and the grid can show. */
export const HISTORY_METRICS = ['startupS', 'ttftMs', 'itlMs', 'tokS', 'accept', 'accuracy'] as const;
export type HistoryMetric = (typeof HISTORY_METRICS)[number];

export interface EmbeddedHistory {
  /** Run ids, oldest first. */
  runs: string[];
  /** Start time of each run, epoch seconds. */
  at: number[];
  cells: Record<string, EmbeddedCellHistory>;
}

export type EmbeddedCell = Omit<ReportCell, 'logExcerpt' | 'evidence' | 'failedAttempt'> & {
  logExcerpt: ShownLine[];
  evidence: ShownLine[];
  failedAttempt?: (Omit<FailedAttempt, 'logExcerpt' | 'evidence'> & { logExcerpt: ShownLine[]; evidence: ShownLine[] }) | null;
};

export interface EmbeddedReport extends Omit<ReportData, 'history' | 'cells'> {
  format: 1;
  cells: EmbeddedCell[];
  hist: EmbeddedHistory;
}
