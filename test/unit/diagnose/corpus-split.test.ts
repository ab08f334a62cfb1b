// The corpus split rule: fixed by the source's hash, one part per thread, headers hidden.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keepThreadsTogether, parseCorpusLog, splitOf } from '../../../harness/diagnose/corpus.ts';

const url = (n: number) => `https://github.com/vllm-project/vllm/issues/${n}`;
const expected = (s: string) => (parseInt(createHash('sha256').update(s).digest('hex')[0]!, 16) < 8 ? 'held-out' : 'tuning');

describe('splitOf', () => {
  it('holds a source out when the first hex digit of its hash is 0–7', () => {
    const parts = Array.from({ length: 200 }, (_, i) => splitOf(url(i)));
    for (let i = 0; i < 200; i++) expect(parts[i]).toBe(expected(url(i)));
    const held = parts.filter((p) => p === 'held-out').length;
    expect(held).toBeGreaterThan(60);
    expect(held).toBeLessThan(140);
  });

  it('puts every comment of one thread in the same part', () => {
    for (let i = 0; i < 50; i++) {
      expect(splitOf(`${url(i)}#issuecomment-${i * 7}`)).toBe(splitOf(url(i)));
      expect(splitOf(`${url(i)}/`)).toBe(splitOf(url(i)));
    }
  });
});

describe('parseCorpusLog', () => {
  const raw = ['# source: https://github.com/a/b/issues/1', '# decides: RuntimeError: boom', 'INFO start', 'RuntimeError: boom'].join('\n');

  it('reads the header and blanks it, keeping line numbers', () => {
    const log = parseCorpusLog('other', 'x.log', raw);
    expect(log).toMatchObject({ source: 'https://github.com/a/b/issues/1', decides: 'RuntimeError: boom', splitBy: 'rule', split: splitOf('https://github.com/a/b/issues/1') });
    expect(log.text.split('\n')).toEqual(['', '', 'INFO start', 'RuntimeError: boom']);
  });

  it('takes an explicit split line, its first word', () => {
    const log = parseCorpusLog('other', 'x.log', `# split: tuning (tuned on before the split)\n${raw}`);
    expect(log).toMatchObject({ split: 'tuning', splitBy: 'header' });
  });

  it('stops the header at the first line that is not a header', () => {
    const log = parseCorpusLog('other', 'x.log', `INFO a\n# decides: not a header here`);
    expect(log.decides).toBeNull();
    expect(log.text).toBe('INFO a\n# decides: not a header here');
  });
});

describe('keepThreadsTogether', () => {
  it('moves a held-out log into tuning when its thread was tuned on before the split', () => {
    const heldUrl = Array.from({ length: 50 }, (_, i) => url(i)).find((u) => splitOf(u) === 'held-out')!;
    const old = parseCorpusLog('oom', 'old.log', `# source: ${heldUrl}\n# split: tuning\nx`);
    const sibling = parseCorpusLog('oom', 'new.log', `# source: ${heldUrl}#issuecomment-9\nx`);
    const stranger = parseCorpusLog('oom', 'other.log', `# source: ${heldUrl.replace(/\d+$/, '999999')}\nx`);
    const out = keepThreadsTogether([old, sibling, stranger]);
    expect(sibling.split).toBe('held-out');
    expect(out[1]).toMatchObject({ split: 'tuning', splitBy: 'thread' });
    expect(out[2]!.split).toBe(stranger.split);
  });
});
