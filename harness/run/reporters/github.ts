// GitHub Actions: a Markdown step summary (when GITHUB_STEP_SUMMARY is set) and `::error`
// annotations for unexpected outcomes.
import { appendFileSync } from 'node:fs';
import type { CellResult, Reporter, RunInfo, RunSummary } from '../../core/events.ts';
import { redactDeep, redactText } from '../../core/secrets.ts';
import { describe, inert, summaryCounts } from './console.ts';

function md(s: string): string {
  return inert(s).replace(/[|<>`]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}

// Workflow-command escaping, as the runner unescapes it (actions/toolkit: packages/core/src/command.ts).
function annotation(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function annotationProperty(s: string): string {
  return annotation(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function stepSummary(run: RunInfo, results: CellResult[], summary: RunSummary, reportPath: string | null): string {
  const reused = results.filter((r) => r.reusedFrom).length;
  const counts = [...summaryCounts(summary), ...(reused ? [`${reused} reused (no container)`] : [])].join(' · ');
  const lines = [`## Compatibility matrix — run ${run.id}`, '', `${counts}${summary.status === 'interrupted' ? ' — **interrupted**' : ''}`, ''];
  const notable = results.filter((r) => r.verdict !== 'pass' && r.verdict !== 'skip');
  if (notable.length) {
    lines.push('| verdict | cell | signature | fix found by triage |', '| --- | --- | --- | --- |');
    for (const r of notable) lines.push(`| ${r.verdict}${r.reusedFrom ? ` (reused from ${md(r.reusedFrom.runId)})` : ''} | ${md(r.cell.id)} | ${md(r.signature ?? r.reason ?? '')} | ${r.triage?.fixedBy ? md(describe(r.triage.fixedBy)) : ''} |`);
    lines.push('');
  }
  if (summary.notRun?.length) lines.push(`Not run (the run ended first; \`--resume ${run.id}\` runs them): ${summary.notRun.map((c) => md(c.id)).join(', ')}`, '');
  if (reportPath) lines.push(`Report: \`${reportPath}\``, '');
  return lines.join('\n');
}

/** Appends a section (the run's since block) to the step summary, secrets redacted. */
export function appendStepSummary(path: string, markdown: string, secrets: readonly string[] = []): void {
  appendFileSync(path, redactText(`\n${markdown}\n`, secrets));
}

export class GithubReporter implements Reporter {
  private readonly results: CellResult[] = [];
  constructor(
    private readonly summaryPath: string | undefined = process.env.GITHUB_STEP_SUMMARY,
    private readonly secrets: readonly string[] = [],
    private readonly out: { write(s: string): unknown } = process.stdout,
    private readonly reportPath: () => string | null = () => null,
  ) {}

  // Secrets are redacted before the text is escaped (escaping changes a secret with % or <), and the
  // escaped result once more.
  onCellEnd(result: CellResult): void {
    const r = redactDeep(result, this.secrets);
    this.results.push(r);
    if (r.verdict === 'fail' || r.verdict === 'xpass' || r.verdict === 'infra') {
      const title = `${r.verdict}: ${r.cell.id}`;
      this.out.write(redactText(`::error title=${annotationProperty(title)}::${annotation(inert(r.reason ?? r.signature ?? r.verdict))}\n`, this.secrets));
    }
  }

  /** Annotated by the invocation that ran it; the step summary lists it with the rest of the run. */
  onEarlierResult(r: CellResult): void {
    this.results.push(r);
  }

  onRunEnd(run: RunInfo, summary: RunSummary): void {
    if (!this.summaryPath) return;
    appendFileSync(this.summaryPath, redactText(stepSummary(redactDeep(run, this.secrets), this.results, summary, this.reportPath()), this.secrets));
  }
}
