// The "since <previous run>" block: what changed in a run against the cells' history — new
// failures, newly fixed, newly flaky, performance regressions — with the published report's URL
// when known. One value, three renderings: the console (text), GitHub summaries (Markdown) and
// the report's summary (reports/page/summary.ts).
import type { PerfRegression } from './perf-regressions.ts';

export interface SinceBlock {
  run: string;
  /** The run before it (by start time), or null for a first run. */
  previous: { id: string; startedAt: string } | null;
  /** Passed in the cell's previous run, fails now. */
  newFailures: string[];
  /** Failed before and passes now, or passes against an expectation (xpass). */
  newlyFixed: string[];
  /** Flaky now, not flaky in its previous run. */
  newlyFlaky: string[];
  perf: PerfRegression[];
  reportUrl: string | null;
}

export function sinceIsQuiet(b: SinceBlock): boolean {
  return !b.newFailures.length && !b.newlyFixed.length && !b.newlyFlaky.length && !b.perf.length;
}

const num = (n: number): string => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

/** "TTFT p50 21.0 → 91.0 ms (+333%)" */
export function perfChangeText(r: PerfRegression): string {
  const unit = r.unit ? ` ${r.unit}` : '';
  const pct = r.change === null ? '' : ` (${r.change >= 0 ? '+' : ''}${Math.round(r.change * 100)}%)`;
  return `${r.label} ${num(r.before)} → ${num(r.after)}${unit}${pct}`;
}

/** "median of runs a, b, c" — the history a regression was judged against. */
export function historyText(r: PerfRegression): string {
  const runs = r.history.length > 3 ? `${r.history[0]} … ${r.history[r.history.length - 1]}` : r.history.join(', ');
  return `median of ${r.history.length} run${r.history.length === 1 ? '' : 's'} (${runs})`;
}

export function sinceTitle(b: SinceBlock): string {
  return b.previous ? `since ${b.previous.id}` : 'first run: nothing to compare with';
}

const LIMIT = 20;
const listed = (ids: string[]) => [...ids.slice(0, LIMIT), ...(ids.length > LIMIT ? [`… ${ids.length - LIMIT} more`] : [])];

export function sinceText(b: SinceBlock): string {
  const lines = [b.previous ? `${sinceTitle(b)}:` : sinceTitle(b)];
  const section = (title: string, ids: string[]) => {
    if (!ids.length) return;
    lines.push(`  ${title} (${ids.length})`, ...listed(ids).map((id) => `    ${id}`));
  };
  if (b.previous && sinceIsQuiet(b)) lines.push('  no new failures, nothing newly fixed or flaky, no performance regressions');
  section('new failures', b.newFailures);
  section('newly fixed', b.newlyFixed);
  section('newly flaky', b.newlyFlaky);
  if (b.perf.length) {
    lines.push(`  performance regressions (${b.perf.length})`);
    for (const r of b.perf.slice(0, LIMIT)) lines.push(`    ${r.cell}: ${perfChangeText(r)} — ${historyText(r)} → ${r.run}`);
    if (b.perf.length > LIMIT) lines.push(`    … ${b.perf.length - LIMIT} more`);
  }
  if (b.reportUrl) lines.push(`  report: ${b.reportUrl}`);
  return lines.join('\n') + '\n';
}

const md = (s: string) => s.replace(/[|<>`*_[\]\\]/g, (c) => `\\${c}`);

export function sinceMarkdown(b: SinceBlock): string {
  const lines = [`### ${md(sinceTitle(b))}`, ''];
  if (b.previous && sinceIsQuiet(b)) lines.push('No new failures, nothing newly fixed or flaky, no performance regressions.', '');
  const section = (title: string, ids: string[]) => {
    if (!ids.length) return;
    lines.push(`**${title}** (${ids.length}): ${listed(ids).map(md).join(', ')}`, '');
  };
  section('New failures', b.newFailures);
  section('Newly fixed', b.newlyFixed);
  section('Newly flaky', b.newlyFlaky);
  if (b.perf.length) {
    lines.push(`**Performance regressions** (${b.perf.length})`, '', '| cell | metric | before → after | history |', '| --- | --- | --- | --- |');
    for (const r of b.perf.slice(0, LIMIT)) lines.push(`| ${md(r.cell)} | ${md(r.label)} | ${md(perfChangeText(r).slice(r.label.length + 1))} | ${md(historyText(r))} |`);
    lines.push('');
  }
  if (b.reportUrl) lines.push(`Report: ${b.reportUrl}`, '');
  return lines.join('\n');
}
