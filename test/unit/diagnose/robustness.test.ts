// The classifier reads a log the same whatever carried it: a terminal that cut every line at its
// width, docker compose's service column, docker's --timestamps, journald, kubectl, ANSI colours,
// a markdown quote or <details> block, CRLF line ends.
// Each tuning log is transformed and must keep the category it gets as it is.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { readCorpusDir } from '../../../harness/cli/corpus-dir.ts';

const tuning = readCorpusDir(new URL('../../fixtures/logs', import.meta.url).pathname, 'tuning');

const cut = (width: number) => (text: string): string =>
  text
    .split('\n')
    .flatMap((l) => {
      const out: string[] = [];
      for (let s = l; ; s = s.slice(width)) {
        out.push(s.slice(0, width));
        if (s.length <= width) return out;
      }
    })
    .join('\n');
const prefix = (p: string) => (text: string): string => text.split('\n').map((l) => p + l).join('\n');
/** Two ranks writing the same output, the second three lines behind the first, lines interleaved. */
const twoRanks = (text: string): string => {
  const ls = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < ls.length + 3; i++) {
    if (i < ls.length) out.push(`(Worker_TP0 pid=10) ${ls[i]}`);
    if (i >= 3) out.push(`(Worker_TP1 pid=11) ${ls[i - 3]}`);
  }
  return out.join('\n');
};

const CARRIERS: Array<[string, (t: string) => string]> = [
  ['a terminal 80 columns wide', cut(80)],
  ['a terminal 100 columns wide', cut(100)],
  ['docker compose', prefix('vllm-1  | ')],
  ['docker --timestamps', prefix('2025-01-02T03:04:05.123456789Z ')],
  ['a markdown quote', prefix('> ')],
  ['CRLF line ends', (t) => t.replace(/\n/g, '\r\n')],
  ['two ranks interleaved', twoRanks],
  ['journald', prefix('Aug 18 14:15:04 host python3[1234]: ')],
  ['kubectl logs --prefix', prefix('[pod/vllm-7d9f8c6b5-x2x9z/vllm] ')],
  ['ANSI colours', (t) => t.split('\n').map((l) => `\x1b[1;36m${l}\x1b[0m`).join('\n')],
  ['a <details> block of an issue', (t) => `<details><summary>Logs</summary>\n\n\`\`\`\n${t}\n\`\`\`\n</details>`],
];

describe('the category does not depend on what carried the log', () => {
  it.each(CARRIERS)('%s', (_name, carry) => {
    const changed = tuning
      .map((l) => ({ log: `${l.label}/${l.name}`, as: classifyLog(l.text).category, carried: classifyLog(carry(l.text)).category }))
      .filter((r) => r.as !== r.carried);
    expect(changed).toEqual([]);
  });
});
