// Performance regressions of one run: each cell's figures against its own history — the median
// and spread of its last N passing runs, not just the previous one. A figure regresses when it
// moved the bad way by more than all of: its metric's relative threshold × the median, its
// absolute threshold, and `spreads` × the history's spread (1.4826 × the median absolute
// deviation, the robust estimate of one standard deviation). Pure: no database, no DOM.

import type { PerfMetricName, PerfSettings } from '../../harness/core/cell.ts';
import { median } from '../../harness/core/stats.ts';

export type { PerfSettings };

/** The figures compared, keyed as a cell's sample names them. Startup phases are `phase:<name>`. */
export const PERF_METRICS = {
  startup_s: { label: 'startup', unit: 's', better: 'lower', relative: 0.3, absolute: 5 },
  ttft_p50_ms: { label: 'TTFT p50', unit: 'ms', better: 'lower', relative: 0.25, absolute: 5 },
  itl_p50_ms: { label: 'ITL p50', unit: 'ms', better: 'lower', relative: 0.25, absolute: 1 },
  tpot_p50_ms: { label: 'TPOT p50', unit: 'ms', better: 'lower', relative: 0.25, absolute: 1 },
  output_tokens_per_s: { label: 'output tokens/s', unit: 'tok/s', better: 'higher', relative: 0.2, absolute: 1 },
  acceptance_length: { label: 'acceptance length', unit: '', better: 'higher', relative: 0.1, absolute: 0.1 },
  accuracy: { label: 'accuracy', unit: '', better: 'higher', relative: 0, absolute: 0.02 },
} as const satisfies Record<PerfMetricName, MetricRule>;

/** Every startup phase (weights, compile, kv-cache, graph-capture, …) shares one rule. */
export const PHASE_RULE: MetricRule = { label: 'phase', unit: 's', better: 'lower', relative: 0.5, absolute: 5 };
export const PHASE_PREFIX = 'phase:';

export type PerfMetric = keyof typeof PERF_METRICS;

export interface MetricRule {
  label: string;
  unit: string;
  better: 'lower' | 'higher';
  /** Fraction of the history's median the figure must move by. */
  relative: number;
  /** Amount (in the metric's unit) it must move by. */
  absolute: number;
}

export const DEFAULT_WINDOW = 7;
export const DEFAULT_MIN_RUNS = 2;
const DEFAULT_SPREADS = 3;

/** One run of a cell: its figures by metric key. */
export interface PerfSample {
  run: string;
  startedAt: string;
  values: Record<string, number>;
}

export interface PerfRegression {
  cell: string;
  metric: string;
  label: string;
  unit: string;
  /** The history's median (the "before"). */
  before: number;
  spread: number;
  after: number;
  /** (after − before) / before; null when before is 0. */
  change: number | null;
  /** The run judged, and the runs of history it was judged against (oldest first). */
  run: string;
  history: string[];
}

/** 1.4826 × the median absolute deviation: a spread one outlier does not inflate. */
export function spread(xs: readonly number[]): number {
  const m = median(xs);
  if (m === null) return 0;
  return 1.4826 * median(xs.map((x) => Math.abs(x - m)))!;
}

export function ruleFor(metric: string, settings: PerfSettings = {}): MetricRule | null {
  const base: MetricRule | undefined = metric.startsWith(PHASE_PREFIX)
    ? { ...PHASE_RULE, label: `${metric.slice(PHASE_PREFIX.length)} phase` }
    : (PERF_METRICS as Record<string, MetricRule>)[metric];
  if (!base) return null;
  const o = settings.thresholds?.[metric] ?? (metric.startsWith(PHASE_PREFIX) ? settings.thresholds?.phase : undefined);
  return { ...base, ...(o?.relative !== undefined ? { relative: o.relative } : {}), ...(o?.absolute !== undefined ? { absolute: o.absolute } : {}) };
}

export interface Judgement {
  before: number;
  spread: number;
  change: number | null;
  /** The move in the bad direction, in the metric's unit (negative: it improved). */
  worse: number;
  regressed: boolean;
}

/** One figure against its history (history non-empty). */
export function judge(history: readonly number[], after: number, rule: MetricRule, spreads = DEFAULT_SPREADS): Judgement | null {
  const before = median(history);
  if (before === null) return null;
  const s = spread(history);
  const worse = rule.better === 'lower' ? after - before : before - after;
  const limit = Math.max(rule.relative * Math.abs(before), rule.absolute, spreads * s);
  return { before, spread: s, change: before === 0 ? null : (after - before) / before, worse, regressed: worse > limit };
}

/**
 * The regressions of a cell's newest sample against the ones before it (oldest first; the last
 * sample is the run judged). Only samples of runs where the cell passed belong in `samples`.
 */
export function cellRegressions(cell: string, samples: readonly PerfSample[], settings: PerfSettings = {}): PerfRegression[] {
  const current = samples[samples.length - 1];
  if (!current) return [];
  const window = samples.slice(0, -1).slice(-(settings.window ?? DEFAULT_WINDOW));
  const out: PerfRegression[] = [];
  for (const [metric, after] of Object.entries(current.values)) {
    const rule = ruleFor(metric, settings);
    if (!rule || !Number.isFinite(after)) continue;
    const runs = window.filter((s) => Number.isFinite(s.values[metric]));
    if (runs.length < (settings.minRuns ?? DEFAULT_MIN_RUNS)) continue;
    const j = judge(runs.map((s) => s.values[metric]!), after, rule, settings.spreads);
    if (j?.regressed) out.push({ cell, metric, label: rule.label, unit: rule.unit, before: j.before, spread: j.spread, after, change: j.change, run: current.run, history: runs.map((s) => s.run) });
  }
  return out;
}

/** Every cell's regressions, worst relative change first. */
export function perfRegressions(series: Record<string, readonly PerfSample[]>, settings: (cell: string) => PerfSettings = () => ({})): PerfRegression[] {
  return Object.entries(series)
    .flatMap(([cell, samples]) => cellRegressions(cell, samples, settings(cell)))
    .sort((a, b) => Math.abs(b.change ?? Infinity) - Math.abs(a.change ?? Infinity) || a.cell.localeCompare(b.cell) || a.metric.localeCompare(b.metric));
}
