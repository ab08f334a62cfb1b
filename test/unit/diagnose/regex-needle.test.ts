// The literal every match of an expression holds, read conservatively from its source (regex-needle.ts).
import { describe, expect, it } from 'vitest';
import { needleOf } from '../../../harness/diagnose/regex-needle.ts';
import { UPSTREAM_MESSAGES } from '../../../harness/diagnose/upstream-messages.ts';

describe('needleOf', () => {
  it.each([
    [/\bNIXL is not available\b/, 'NIXL is not available'],
    [/Only\s+silu\s+is\s+supported\s+for\s+CuteDSL\s+MoE\./, 'supported'],
    [/\bhip runtime failed to load\.(?!\w)/, 'hip runtime failed to load.'],
    [/FlashInfer is NOT installed/i, 'flashinfer is not installed'],
    [/colou?r fails badly/, 'r fails badly'],
    [/x(?:ab|cd)efghij/, 'efghij'],
    [/\b[\w.-]{1,80} is installed with version [\w.+-]{1,40}/, ' is installed with version '],
    [/abc\x41defgh/, 'defgh'],
    [/(?<n>ab)\k<n>cdefg/, 'cdefg'],
    [/abcd+efghi/, 'efghi'],
  ])('%s → %j', (re, needle) => {
    expect(needleOf(re)).toBe(needle);
  });

  it('gives none where no literal is certain: a top-level alternation, nothing long enough, an optional tail', () => {
    expect(needleOf(/FlashInfer is not installed|flashinfer module was not found/)).toBeNull();
    expect(needleOf(/\d+ GB/)).toBeNull();
    expect(needleOf(/ab(?:cdefgh)?/)).toBeNull();
    expect(needleOf(/abc[defghijk]{3}/)).toBeNull();
  });

  it("is held by every engine message's own example (the expression is never skipped where it would match)", () => {
    for (const m of UPSTREAM_MESSAGES) {
      const needle = needleOf(m.re);
      if (needle === null) continue;
      const example = m.re.flags.includes('i') ? m.example.toLowerCase() : m.example;
      expect(example, `${m.source}: ${m.re.source}`).toContain(needle);
    }
  });
});
