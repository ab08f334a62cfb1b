// JUnit XML: one testsuite per GPU, one testcase per cell and one per probe. xfail and skip are
// <skipped>; fail, xpass and infra are <failure>/<error>; flaky passes with a system-out note.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CellResult, Reporter, RunInfo, RunSummary } from '../../core/events.ts';
import { redactDeep, redactText } from '../../core/secrets.ts';

export function xmlEscape(s: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; markup characters escaped.
  return s
    .replace(/[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A cell an interrupt or an early stop left without a verdict: a skipped testcase that says so (as Playwright writes an interrupted test). */
function notRunCase(cell: CellResult['cell'], why?: string): CellResult {
  return { cell, verdict: 'skip', category: null, signature: null, attempts: [], triage: null, reason: why ?? 'not run: the run was interrupted before this cell finished (--resume runs it)', durationMs: 0 };
}

export function junitXml(run: RunInfo, results: CellResult[], notRun: CellResult['cell'][] = [], notRunReasons: Record<string, string> = {}): string {
  const byGpu = new Map<string, CellResult[]>();
  for (const r of [...results, ...notRun.map((c) => notRunCase(c, notRunReasons[c.id]))]) byGpu.set(r.cell.gpu.name, [...(byGpu.get(r.cell.gpu.name) ?? []), r]);
  const suites: string[] = [];
  for (const [gpu, rs] of byGpu) {
    const cases: string[] = [];
    let failures = 0;
    let errors = 0;
    let skipped = 0;
    for (const r of rs) {
      const name = xmlEscape(r.cell.id);
      const time = (r.durationMs / 1000).toFixed(3);
      const msg = xmlEscape(r.reason ?? r.signature ?? '');
      let body = '';
      if (r.verdict === 'fail' || r.verdict === 'xpass') {
        failures++;
        body = `<failure type="${xmlEscape(r.signature ?? r.verdict)}" message="${msg}">${xmlEscape(r.attempts.at(-1)?.diagnosis?.evidence.map((e) => `${e.line}: ${e.text}`).join('\n') ?? '')}</failure>`;
      } else if (r.verdict === 'infra') {
        errors++;
        body = `<error type="${xmlEscape(r.signature ?? 'infra')}" message="${msg}"/>`;
      } else if (r.verdict === 'skip' || r.verdict === 'xfail') {
        skipped++;
        body = `<skipped message="${xmlEscape(r.verdict === 'xfail' ? `expected failure: ${r.signature}` : (r.reason ?? ''))}"/>`;
      } else if (r.verdict === 'flaky') {
        body = `<system-out>${msg}</system-out>`;
      }
      if (r.reusedFrom) body = `<properties><property name="reused_from" value="${xmlEscape(r.reusedFrom.runId)}"/></properties>${body}<system-out>${xmlEscape(`reused from run ${r.reusedFrom.runId}: no container ran`)}</system-out>`;
      cases.push(`    <testcase classname="${xmlEscape(`matrix.${gpu}`)}" name="${name}" time="${time}">${body}</testcase>`);
      const probes = r.attempts.at(-1)?.probes ?? [];
      for (const p of probes) {
        const pb = p.verdict === 'fail' ? `<failure message="${xmlEscape(p.error ?? p.assertions.find((a) => !a.ok)?.message ?? 'failed')}"/>` : p.verdict === 'skip' ? '<skipped/>' : '';
        if (p.verdict === 'fail') failures++;
        if (p.verdict === 'skip') skipped++;
        cases.push(`    <testcase classname="${xmlEscape(`matrix.${gpu}.${r.cell.id}`)}" name="probe ${xmlEscape(p.name)}">${pb}</testcase>`);
      }
    }
    suites.push(`  <testsuite name="${xmlEscape(gpu)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="matrix ${xmlEscape(run.id)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

export class JunitReporter implements Reporter {
  private readonly results: CellResult[] = [];
  constructor(
    readonly path: string,
    private readonly secrets: readonly string[] = [],
  ) {}
  onCellEnd(r: CellResult): void {
    this.results.push(r);
  }
  onEarlierResult(r: CellResult): void {
    this.results.push(r);
  }
  onRunEnd(run: RunInfo, summary: RunSummary): void {
    mkdirSync(dirname(this.path), { recursive: true });
    // Redacted before escaping (XML escaping changes a secret with " < > &), and the XML once more.
    writeFileSync(this.path, redactText(junitXml(redactDeep(run, this.secrets), redactDeep(this.results, this.secrets), summary.notRun, summary.notRunReasons), this.secrets));
  }
}
