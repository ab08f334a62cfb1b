import { describe, expect, it } from 'vitest';
import { inert } from '../../../../harness/run/reporters/console.ts';
import { signatureHints } from '../../../../harness/run/reporters/signature-hints.ts';
import { verdictTable } from '../../../../harness/run/reporters/verdict-table.ts';
import { widthOf, wrap } from '../../../../harness/run/reporters/wrap.ts';
import type { CellResult } from '../../../../harness/core/events.ts';
import { result } from './results.ts';

const table = (results: CellResult[], verbose = false, width = 100) => verdictTable(results, { verbose, width, hints: signatureHints(results), inert });

describe('verdictTable', () => {
  const results = [
    result('img/h100/m/a', 'pass'),
    result('img/h100/m/b', 'fail', { signature: 'ptx-toolchain-kernel', reason: 'x', triage: { tried: [], fixedBy: null } }),
    result('img/h100/m/c', 'fail', { signature: 'ptx-toolchain-attention', triage: { tried: [{ options: { attention: 'triton' }, outcome: 'fail', signature: 'oom' }], fixedBy: null } }),
    result('img/h100/m/d', 'xfail', { signature: 'ptx-toolchain-attention', triage: { tried: [], fixedBy: { mm_attention: 'sdpa' } } }),
  ];

  it('lists the cells that did not pass and says how many passed', () => {
    const t = table(results);
    expect(t).toContain('3 of 4 cells did not pass (1 pass not listed; --verbose lists every cell):');
    expect(t).not.toContain('img/h100/m/a');
    expect(table(results, true)).toMatch(/^pass +img\/h100\/m\/a /m);
    expect(table([results[0]!])).toContain('all 1 cell passed (--verbose lists them)');
  });

  it('says "no known remedy" when the signature has none, "no remedy passed" when all failed, and the fix when one passed', () => {
    const t = table(results);
    expect(t).toMatch(/img\/h100\/m\/b .*\n +no known remedy\n/);
    expect(t).toMatch(/img\/h100\/m\/c .*\n +no remedy passed \(tried attention: triton\)\n/);
    // the fix in the engine's own flags, from the engine's (cell, options) → argv function
    expect(t).toMatch(/img\/h100\/m\/d .*\n +fixed by mm_attention: sdpa \(triage\): --mm-encoder-attn-backend TORCH_SDPA\n/);
  });

  it('wraps a long reason under its row instead of cutting it', () => {
    const reason = `${'word '.repeat(40)}the end`;
    const t = table([result('img/h100/m/e', 'skip', { reason })], false, 60);
    const lines = t.split('\n').filter((l) => l.includes('word') || l.includes('the end'));
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((l) => l.length < 60)).toBe(true);
    expect(lines.map((l) => l.trim()).join(' ')).toBe(reason.trim());
  });
});

describe('wrap', () => {
  it('keeps every word, whole, even one longer than the line', () => {
    const long = 'x'.repeat(50);
    expect(wrap(`a b ${long} c`, 30, '  ')).toEqual(['  a b', `  ${long}`, '  c']);
  });

  it('a terminal of 0 columns (an unsized pty) or none gets the default width', () => {
    expect(widthOf({ columns: 0 })).toBe(100);
    expect(widthOf({})).toBe(100);
    expect(widthOf({ columns: 132 })).toBe(132);
  });
});
