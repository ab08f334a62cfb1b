import { describe, expect, it } from 'vitest';
import { encodeHistory, encodeReport, jsonForScript } from '../../../reports/embed.ts';
import { cleanLogLine, shownLine, MAX_LINE_CHARS } from '../../../reports/text.ts';
import { CODE_VERDICT } from '../../../reports/embedded.ts';
import { seedsReportData, SEED_IDS } from '../../fixtures/report/generate.ts';

describe('jsonForScript', () => {
  it('escapes < so no text can close the script element, and round-trips', () => {
    const value = { log: '</script><script>alert(1)</script><!-- x', sep: '\u2028\u2029' };
    const json = jsonForScript(value);
    expect(json).not.toContain('<');
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('log text', () => {
  it('strips ANSI escapes and replaces control characters, keeping tabs and U+FFFD', () => {
    expect(cleanLogLine('\u001b[31mERROR\u001b[0m a\tb \u001b]0;title\u0007x caf\uFFFD')).toBe('ERROR a\tb x caf\uFFFD');
    expect(cleanLogLine('bell\u0007 nul\u0000')).toBe('bell\uFFFD nul\uFFFD');
  });
  it('cuts very long lines and records their full length', () => {
    const l = shownLine(7, 'y'.repeat(10_000_000));
    expect(l.text.length).toBe(MAX_LINE_CHARS);
    expect(l.cut).toBe(10_000_000);
    expect(shownLine(1, 'short')).toEqual({ line: 1, text: 'short' });
  });
});

describe('encodeHistory', () => {
  it('aligns every cell to one run table, oldest first, with gaps for runs a cell missed', () => {
    const h = encodeHistory({
      a: [
        { run: 'r2', startedAt: '2026-01-02T00:00:00Z', verdict: 'fail', startupS: null, ttftMs: null, itlMs: null },
        { run: 'r1', startedAt: '2026-01-01T00:00:00Z', verdict: 'pass', startupS: 60, ttftMs: 40, itlMs: 8 },
      ],
      b: [{ run: 'r3', startedAt: '2026-01-03T00:00:00Z', verdict: 'xfail', startupS: null, ttftMs: null, itlMs: null }],
    });
    expect(h.runs).toEqual(['r1', 'r2', 'r3']);
    expect(h.at).toEqual([1767225600, 1767312000, 1767398400]);
    expect(h.cells.a).toEqual({ v: 'PF.', startupS: [60, null, null], ttftMs: [40, null, null], itlMs: [8, null, null] });
    expect([...h.cells.b!.v].map((c) => CODE_VERDICT[c] ?? null)).toEqual([null, null, 'xfail']);
  });
});

describe('encodeReport', () => {
  it('keeps every cell and history point of the seeds and cleans their log lines', () => {
    const data = seedsReportData(5);
    const e = encodeReport(data);
    expect(e.cells.map((c) => c.id)).toEqual(data.cells.map((c) => c.id));
    expect(Object.keys(e.hist.cells).sort()).toEqual(Object.keys(data.history).sort());
    expect(e.hist.runs).toHaveLength(5);
    const flaky = e.cells.find((c) => c.id === SEED_IDS.flaky)!;
    expect(flaky.logExcerpt.some((l) => l.text.includes('\u001b'))).toBe(false);
    expect(flaky.logExcerpt.find((l) => l.text.startsWith('long line'))!.cut).toBeGreaterThan(30_000);
    expect(flaky.logExcerpt.map((l) => l.text)).toContain('<script>window.__pwned=1</script>');
    const thor = e.cells.find((c) => c.id === SEED_IDS.thorVision)!;
    expect(thor.triage?.fixedBy).toEqual({ mm_attention: 'sdpa' });
    expect('history' in e).toBe(false);
  });
});
