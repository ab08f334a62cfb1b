// The grid's numbers: a cell's figure in the run shown and its change against the cell's history
// (the median and spread of its runs before, the same judgement as the since block's performance
// regressions). Pure over the embedded history.
import { judge, ruleFor, DEFAULT_MIN_RUNS, DEFAULT_WINDOW, type Judgement, type PerfRegression } from '../since/perf-regressions.ts';
import type { SinceBlock } from '../since/block.ts';
import { CODE_VERDICT, type EmbeddedReport, type HistoryMetric } from '../embedded.ts';
import type { Verdict } from '../../harness/core/cell.ts';

/** The perf rule each history figure is judged by. */
export const METRIC_RULE: Record<HistoryMetric, string> = {
  startupS: 'startup_s', ttftMs: 'ttft_p50_ms', itlMs: 'itl_p50_ms', tokS: 'output_tokens_per_s', accept: 'acceptance_length', accuracy: 'accuracy',
};

export const METRIC_LABEL: Record<HistoryMetric, string> = {
  startupS: 'startup', ttftMs: 'TTFT p50', itlMs: 'ITL p50', tokS: 'tokens/s', accept: 'acceptance', accuracy: 'accuracy',
};

export const METRIC_UNIT: Record<HistoryMetric, string> = { startupS: 's', ttftMs: 'ms', itlMs: 'ms', tokS: 'tok/s', accept: '', accuracy: '' };

export type ChangeClass = 'worse' | 'better' | 'same' | 'new' | 'none';

export interface CellFigure {
  value: number | null;
  judgement: Judgement | null;
  cls: ChangeClass;
}

/** Index of a run in the embedded history; the newest run when `run` is null or unknown. */
export function runIndex(data: EmbeddedReport, run: string | null): number {
  const i = run ? data.hist.runs.indexOf(run) : -1;
  return i >= 0 ? i : data.hist.runs.length - 1;
}

export function verdictAt(data: EmbeddedReport, id: string, index: number): Verdict | null {
  const v = data.hist.cells[id]?.v[index];
  return v ? (CODE_VERDICT[v] ?? null) : null;
}

/** The figure at run `index`, judged against up to `window` earlier runs that have it. */
export function cellFigure(data: EmbeddedReport, id: string, metric: HistoryMetric, index: number, window = DEFAULT_WINDOW): CellFigure {
  const series = data.hist.cells[id]?.[metric];
  const value = series?.[index] ?? null;
  if (!series || value === null) return { value: null, judgement: null, cls: 'none' };
  const before = series.slice(0, index).filter((x): x is number => x !== null).slice(-window);
  const rule = ruleFor(METRIC_RULE[metric]);
  if (before.length < DEFAULT_MIN_RUNS || !rule) return { value, judgement: null, cls: 'new' };
  const j = judge(before, value, rule)!;
  // "better" mirrors "worse": a move the good way beyond the same threshold
  const better = judge(before, value, { ...rule, better: rule.better === 'lower' ? 'higher' : 'lower' })!;
  return { value, judgement: j, cls: j.regressed ? 'worse' : better.regressed ? 'better' : 'same' };
}

/**
 * The since block of an earlier run, from the embedded history alone (the newest run's comes from
 * the database): verdict changes against the run before, and the figures that regressed.
 */
export function pastSince(data: EmbeddedReport, index: number): SinceBlock {
  const runs = data.hist.runs;
  const out: SinceBlock = { run: runs[index] ?? '', previous: null, newFailures: [], newlyFixed: [], newlyFlaky: [], perf: [], reportUrl: data.since?.reportUrl ?? null };
  if (index > 0) out.previous = { id: runs[index - 1]!, startedAt: new Date(data.hist.at[index - 1]! * 1000).toISOString() };
  const passed = (v: Verdict | null) => v === 'pass' || v === 'flaky' || v === 'xpass';
  for (const id of Object.keys(data.hist.cells).sort()) {
    const now = verdictAt(data, id, index);
    let before: Verdict | null = null;
    for (let i = index - 1; i >= 0 && before === null; i--) before = verdictAt(data, id, i);
    if (now === 'fail' && passed(before)) out.newFailures.push(id);
    if (now === 'xpass' || (now === 'pass' && (before === 'fail' || before === 'xfail'))) out.newlyFixed.push(id);
    if (now === 'flaky' && before !== 'flaky') out.newlyFlaky.push(id);
    if (!passed(now)) continue;
    for (const metric of Object.keys(METRIC_RULE) as HistoryMetric[]) {
      const f = cellFigure(data, id, metric, index);
      if (f.cls !== 'worse' || !f.judgement || f.value === null) continue;
      const series = data.hist.cells[id]![metric]!;
      const history = runs.slice(0, index).filter((_, i) => series[i] !== null).slice(-DEFAULT_WINDOW);
      const rule = ruleFor(METRIC_RULE[metric])!;
      const r: PerfRegression = { cell: id, metric: METRIC_RULE[metric], label: rule.label, unit: rule.unit, before: f.judgement.before, spread: f.judgement.spread, after: f.value, change: f.judgement.change, run: runs[index]!, history };
      out.perf.push(r);
    }
  }
  return out;
}
