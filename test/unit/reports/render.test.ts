import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderReport } from '../../../reports/render.ts';
import { writeReport, logFileName } from '../../../reports/write.ts';
import { seedsReportData, SEED_IDS, writeSeedLogs } from '../../fixtures/report/generate.ts';
import type { EmbeddedReport } from '../../../reports/embedded.ts';

function embedded(html: string): EmbeddedReport {
  const m = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no data block');
  return JSON.parse(m[1]!) as EmbeddedReport;
}

describe('renderReport', () => {
  const data = seedsReportData(4);
  const hostile = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';
  data.cells[0]!.logExcerpt.push({ line: 999, text: hostile });
  data.cells[0]!.reason = hostile;
  const html = renderReport(data);

  it('is one self-contained file: inline script and styles, no external resource', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).toContain('.uplot'); // uPlot's stylesheet inlined
    expect(html).toMatch(/<style>[\s\S]*--pass-bg/);
  });

  it('contains exactly the two script elements it opens, whatever the logs say', () => {
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.match(/<\/script>/gi)).toHaveLength(2);
    expect(html).not.toContain('<img');
  });

  it('embeds the data so that it parses back to the same cells and text', () => {
    const e = embedded(html);
    expect(e.cells).toHaveLength(data.cells.length);
    expect(e.cells[0]!.reason).toBe(hostile);
    expect(e.cells[0]!.logExcerpt.at(-1)!.text).toBe(hostile);
    expect(e.runs[0]!.id).toBe(data.runs[0]!.id);
  });

  it('pins its script with a CSP hash, so injected inline handlers cannot run', () => {
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src 'unsafe-inline'");
  });

  it('escapes the title', () => {
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });
});

describe('writeReport', () => {
  it('writes index.html and copies each cell log beside it, linked by logHref', () => {
    const data = seedsReportData(3);
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const sources = writeSeedLogs(data, join(dir, 'src-logs'));
    const out = join(dir, 'out');
    const w = writeReport(data, out, { logSources: sources });
    expect(w.logs).toBe(Object.keys(sources).length);
    const e = embedded(readFileSync(w.index, 'utf8'));
    const thor = e.cells.find((c) => c.id === SEED_IDS.thorVision)!;
    expect(thor.logHref).toBe(`logs/${encodeURIComponent(logFileName(SEED_IDS.thorVision))}`);
    expect(readFileSync(join(out, decodeURIComponent(thor.logHref!)), 'utf8')).toContain('unsupported toolchain');
    expect(readdirSync(join(out, 'logs')).every((f) => /^[A-Za-z0-9._-]+\.log$/.test(f))).toBe(true);
    expect(e.cells.find((c) => c.verdict === 'skip')!.logHref).toBeNull();
  });

  it('links only logs it could copy: a missing file or a directory leaves the excerpt without a link', () => {
    const data = seedsReportData(2);
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const w = writeReport(data, join(dir, 'out'), { logSources: { [SEED_IDS.thorVision]: join(dir, 'missing.log'), [SEED_IDS.rtxPtx]: dir } });
    expect(w.logs).toBe(0);
    const e = embedded(readFileSync(w.index, 'utf8'));
    expect(e.cells.find((c) => c.id === SEED_IDS.thorVision)!.logHref).toBeNull();
    expect(e.cells.find((c) => c.id === SEED_IDS.rtxPtx)!.logHref).toBeNull();
  });

  it('gives distinct file names to ids that differ only in unsafe characters', () => {
    expect(logFileName('a/b c')).not.toBe(logFileName('a/b_c'));
    expect(logFileName('../../etc/passwd')).not.toContain('/');
  });
});
