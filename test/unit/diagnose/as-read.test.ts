// A log copied from a web page or through an editor reads as the log: non-breaking spaces, typographic quotes, markdown's
// escapes and HTML entities are the characters a person reads there, and a page that puts each line in a paragraph of its
// own (every line followed by a blank one) does not break its messages and tracebacks apart. Line numbers stay the file's.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { asShown, readLog } from '../../../harness/diagnose/log-lines.ts';

const log = [
  'INFO 05-01 10:00:00 [core.py:1] Starting engine',
  'Traceback (most recent call last):',
  '  File "/usr/local/lib/python3.12/dist-packages/vllm/v1/worker/gpu_model_runner.py", line 2100, in _dummy_run',
  '    outputs = self.model(input_ids=input_ids)',
  "  File \"/usr/local/lib/python3.12/dist-packages/vllm/attention/backends/flash_attn.py\", line 400, in __init__",
  '    raise ValueError(',
  "ValueError: Head size 80 is not supported by FlashAttention. Supported head sizes are: [32, 64, 96, 128, 160, 192, 224, 256].",
];

describe('what a page or an editor wrote in place of a character', () => {
  it.each([
    ['non-breaking spaces', (t: string) => t.replace(/ /g, '\u00a0')],
    ['typographic quotes', (t: string) => t.replace(/"([^"\n]*)"/g, '\u201c$1\u201d').replace(/'([^'\n]*)'/g, '\u2018$1\u2019')],
    ["markdown's escapes", (t: string) => t.replace(/_/g, '\\_')],
    ['HTML entities', (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')],
  ])('%s read as the characters', (_, render) => {
    const d = classifyLog(render(log.join('\n')));
    expect(d.category).toBe('backend-unsupported');
    expect(d.evidence.at(-1)!.line).toBe(7);
  });

  it('shows the evidence as read', () => {
    expect(asShown('File &quot;/x/llm.py&quot;, line 3, in \\_\\_del\\_\\_')).toBe('File "/x/llm.py", line 3, in __del__');
    expect(asShown('it\u2019s\u00a0done')).toBe("it's done");
  });

  it('reads an entity once: a page that shows "&lt;" wrote "&amp;lt;"', () => {
    expect(asShown('a &amp;lt; b')).toBe('a &lt; b');
    expect(readLog('ERROR 05-01 10:00:00 [core.py:1] a &amp;lt; b')[0]!.text).toBe('a &lt; b');
  });
});

describe('a double-spaced copy', () => {
  const spaced = log.join('\n\n');

  it('is read as the log, its tracebacks whole', () => {
    const d = classifyLog(spaced);
    expect(d.category).toBe('backend-unsupported');
    // the line numbers are the file's
    expect(d.evidence.at(-1)!.line).toBe(13);
  });

  it("keeps a blank line of the log's own (a run of blank lines in the copy) as one", () => {
    const lines = readLog(['a one', '', 'b two', '', '', '', 'c three', '', 'd four', '', 'e five', '', 'f six'].join('\n'));
    expect(lines.map((l) => l.raw)).toEqual(['a one', 'b two', '', 'c three', 'd four', 'e five', 'f six']);
    expect(lines.map((l) => l.n)).toEqual([1, 3, 6, 7, 9, 11, 13]);
  });

  it('is not taken for a log whose lines follow each other', () => {
    const lines = readLog(['a', 'b', '', 'c', 'd', '', 'e', 'f', '', 'g'].join('\n'));
    expect(lines).toHaveLength(10);
  });
});
