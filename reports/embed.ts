// ReportData → EmbeddedReport: history to columns, log lines cleaned and cut. Pure.
import type { ReportData } from './data.ts';
import { HISTORY_METRICS, NO_POINT, VERDICT_CODE, type EmbeddedCellHistory, type EmbeddedHistory, type EmbeddedReport } from './embedded.ts';
import { shownLine } from './text.ts';

export function encodeHistory(history: ReportData['history']): EmbeddedHistory {
  const runAt = new Map<string, number>();
  for (const pts of Object.values(history)) {
    for (const p of pts) if (!runAt.has(p.run)) runAt.set(p.run, Math.round(Date.parse(p.startedAt) / 1000));
  }
  const runs = [...runAt.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const index = new Map(runs.map(([id], i) => [id, i]));
  const n = runs.length;
  const cells: EmbeddedHistory['cells'] = {};
  for (const [id, pts] of Object.entries(history)) {
    const v = new Array<string>(n).fill(NO_POINT);
    const series = Object.fromEntries(HISTORY_METRICS.map((m) => [m, new Array<number | null>(n).fill(null)])) as Record<(typeof HISTORY_METRICS)[number], Array<number | null>>;
    for (const p of pts) {
      const i = index.get(p.run)!;
      v[i] = VERDICT_CODE[p.verdict] ?? NO_POINT;
      for (const m of HISTORY_METRICS) series[m][i] = p[m] ?? null;
    }
    const cell: EmbeddedCellHistory = { v: v.join(''), startupS: series.startupS, ttftMs: series.ttftMs, itlMs: series.itlMs };
    // the probe figures only where some run measured them: most cells run no mtp or accuracy probe
    for (const m of ['tokS', 'accept', 'accuracy'] as const) if (series[m].some((x) => x !== null)) cell[m] = series[m];
    cells[id] = cell;
  }
  return { runs: runs.map((r) => r[0]), at: runs.map((r) => r[1]), cells };
}

type LogLine = ReportData['cells'][number]['logExcerpt'][number];

/** Log lines as stored; tolerates plain strings (numbered from 1) and missing text. */
function lines(list: ReadonlyArray<(LogLine & { source?: string }) | string> | null | undefined) {
  return (list ?? []).map((l, i) => {
    if (typeof l === 'string') return shownLine(i + 1, l);
    const shown = shownLine(l.line, String(l.text ?? ''));
    return l.source ? { ...shown, source: l.source } : shown;
  });
}

export function encodeReport(data: ReportData): EmbeddedReport {
  const { history, cells, ...rest } = data;
  return {
    format: 1,
    ...rest,
    cells: cells.map((c) => ({
      ...c,
      logExcerpt: lines(c.logExcerpt),
      evidence: lines(c.evidence),
      ...(c.failedAttempt ? { failedAttempt: { ...c.failedAttempt, logExcerpt: lines(c.failedAttempt.logExcerpt), evidence: lines(c.failedAttempt.evidence) } } : {}),
    })),
    hist: encodeHistory(history),
  };
}

/** JSON for a `<script type="application/json">` block: `<` (and U+2028/9) escaped so no text can close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
