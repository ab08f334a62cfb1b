// Console reporter: a live view on a terminal (cells done/total, running cells with their
// phase, elapsed, ETA), plain lines otherwise (CI). Text from containers is made inert (control
// characters stripped) and secrets are redacted before anything is printed.
import { stripVTControlCharacters } from 'node:util';
import { describePath } from '../triage.ts';
import type { Cell, Verdict } from '../../core/cell.ts';
import type { CellResult, StepName, Reporter, RunInfo, RunSummary } from '../../core/events.ts';
import { redactText } from '../../core/secrets.ts';
import { signatureHints, type SignatureHint } from './signature-hints.ts';
import { verdictTable } from './verdict-table.ts';
import { widthOf, wrap } from './wrap.ts';

const MARK: Record<Verdict, string> = { pass: '✓', fail: '✗', xfail: '○', xpass: '!', flaky: '~', infra: '⚠', skip: '-' };
const COLOR: Record<Verdict, string> = { pass: '32', fail: '31', xfail: '33', xpass: '35', flaky: '33', infra: '36', skip: '90' };

/** Strip ANSI escapes and control characters so container text cannot drive the terminal. */
export function inert(text: string): string {
  return stripVTControlCharacters(text).replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
}

export interface ConsoleOptions {
  out?: NodeJS.WriteStream | { write(s: string): boolean; isTTY?: boolean; columns?: number };
  live?: boolean;
  secrets?: readonly string[];
  /** List every cell in the final table, passes too (default: only the cells that did not pass). */
  verbose?: boolean;
}

export class ConsoleReporter implements Reporter {
  private readonly out: NonNullable<ConsoleOptions['out']>;
  private readonly live: boolean;
  private total = 0;
  private done = 0;
  private t0 = performance.now();
  private readonly running = new Map<string, { phase: string; since: number; attempt: number }>();
  private drawn = 0;
  private timer: NodeJS.Timeout | null = null;
  readonly results: CellResult[] = [];

  constructor(private readonly opts: ConsoleOptions = {}) {
    this.out = opts.out ?? process.stdout;
    this.live = opts.live ?? (!!this.out.isTTY && !process.env.CI);
  }

  private color(code: string, s: string): string {
    return this.live ? `\x1b[${code}m${s}\x1b[0m` : s;
  }

  private print(s: string): void {
    this.clear();
    this.out.write(redactText(s, this.opts.secrets ?? []) + '\n');
    this.draw();
  }

  onRunBegin(run: RunInfo, cells: Cell[]): void {
    this.total = cells.length;
    this.t0 = performance.now();
    const runnable = cells.filter((c) => !c.skip).length;
    this.print(`matrix run ${run.id}: ${cells.length} cells (${runnable} to run, ${cells.length - runnable} skipped)${run.emulate ? ' under --emulate' : ''}${run.resumedFrom ? `, resuming ${run.resumedFrom}` : ''}`);
    if (this.live) this.timer = setInterval(() => this.redraw(), 250);
  }

  onCellBegin(cell: Cell, attempt: number): void {
    this.running.set(cell.id, { phase: 'queued', since: performance.now(), attempt });
    if (!this.live && attempt > 1) this.print(`  … ${cell.id}: attempt ${attempt}`);
  }

  onStep(cell: Cell, phase: StepName, state: 'begin' | 'end'): void {
    const r = this.running.get(cell.id);
    if (r && state === 'begin') r.phase = phase;
  }

  onCellEnd(r: CellResult): void {
    this.running.delete(r.cell.id);
    this.done++;
    this.results.push(r);
    const secs = (r.durationMs / 1000).toFixed(1);
    const why = r.verdict === 'pass' ? '' : `  ${inert(r.signature ?? r.reason ?? '')}`;
    const path = r.triage ? describePath(r.signature, r.triage, describe) : null;
    const fix = r.triage?.fixedBy ? `  → fixed by ${describe(r.triage.fixedBy)}${path ? ` (triage path: ${inert(path)})` : ''}` : '';
    const kept = r.notRetried ? `  (not retried: ${inert(r.notRetried)})` : '';
    const reuse = r.reusedFrom ? `  reused from run ${r.reusedFrom.runId}` : r.notReused ? `  (not reused: ${inert(r.notReused)})` : '';
    this.print(`${this.color(COLOR[r.verdict], `${MARK[r.verdict]} ${r.verdict.padEnd(5)}`)} [${this.done}/${this.total}] ${r.cell.id}  ${r.reusedFrom ? '' : `${secs}s`}${why}${fix}${kept}${reuse}`);
  }

  onEarlierResult(r: CellResult): void {
    this.results.push(r);
  }

  onRunEnd(_run: RunInfo, summary: RunSummary): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.clear();
    const width = widthOf(this.out);
    const hints = signatureHints(this.results);
    const table = verdictTable(this.results, { verbose: !!this.opts.verbose, width, hints, inert });
    this.out.write(redactText(table + hintsText(hints, width), this.opts.secrets ?? []));
    const reused = this.results.filter((r) => r.reusedFrom).length;
    const counts = [...summaryCounts(summary), ...(reused ? [`${reused} reused (no container)`] : [])].join(', ');
    this.out.write(`\n${summary.status === 'interrupted' ? 'interrupted: ' : ''}${counts || 'no cells'} in ${((performance.now() - this.t0) / 1000).toFixed(1)}s\n`);
  }

  private clear(): void {
    if (!this.live || this.drawn === 0) return;
    this.out.write(`\x1b[${this.drawn}A\x1b[J`);
    this.drawn = 0;
  }

  private redraw(): void {
    this.clear();
    this.draw();
  }

  private draw(): void {
    if (!this.live || !this.timer) return;
    const elapsed = (performance.now() - this.t0) / 1000;
    const eta = this.done > 0 ? (elapsed / this.done) * (this.total - this.done) : null;
    const lines = [`  ${this.done}/${this.total} done · ${this.running.size} running · ${elapsed.toFixed(0)}s elapsed${eta !== null ? ` · ETA ${eta.toFixed(0)}s` : ''}`];
    const width = widthOf(this.out);
    for (const [id, r] of [...this.running].slice(0, 8)) {
      lines.push(`    ${r.phase.padEnd(8)} ${((performance.now() - r.since) / 1000).toFixed(0).padStart(4)}s  ${id}${r.attempt > 1 ? ` (attempt ${r.attempt})` : ''}`.slice(0, width - 1));
    }
    this.out.write(lines.join('\n') + '\n');
    this.drawn = lines.length;
  }
}

export function describe(options: object): string {
  return Object.entries(options)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`)
    .join(', ');
}

/** Each failure signature of the run once, with what to do about it. */
function hintsText(hints: readonly SignatureHint[], width: number): string {
  if (!hints.length) return '';
  const lines = ['', 'what to do:'];
  for (const h of hints) {
    const cells = Object.entries(h.cells).map(([v, n]) => `${n} ${v}`).join(', ');
    lines.push(...wrap(`${inert(h.signature)} (${cells}): ${inert(h.title)}`, width, '  '));
    lines.push(...wrap(inert(h.todo), width, '      '));
  }
  return lines.join('\n') + '\n';
}

/** "3 pass", "1 fail", …, then "2 not run" for the cells an interrupt left without a verdict. */
export function summaryCounts(summary: RunSummary): string[] {
  const out = Object.entries(summary.counts)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v}`);
  if (summary.notRun?.length) out.push(`${summary.notRun.length} not run`);
  return out;
}
