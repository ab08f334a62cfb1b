// A labelled corpus log: its header (source, deciding line, split) and the split rule. Pure.
//
// A corpus file is `<category>/<name>.log` and starts with `# key: value` header lines:
//   # source: https://github.com/vllm-project/vllm/issues/12345#issuecomment-1   (where it came from)
//   # decides: <the log line, verbatim, that decides the category>
//   # split: tuning                                                           (optional override)
// The header is blanked (not removed) before the classifier sees the text, so the classifier
// never reads the label's evidence and line numbers still match the file.
//
// The split is fixed by rule, before any tuning: a log is held out when the first hex digit of
// sha256(source without its #fragment) is 0–7, so every log of one thread lands in the same part,
// and logs added later go where the rule puts them. Logs that were tuned on before the split existed
// carry `# split: tuning`; nothing else may. A log without a source is split by its path.
import { createHash } from 'node:crypto';

export type CorpusSplit = 'tuning' | 'held-out';

export interface CorpusLog {
  /** Expected category (the folder name). */
  label: string;
  name: string;
  source: string | null;
  decides: string | null;
  split: CorpusSplit;
  /**
   * Why this split: "rule" (hash of the source), "header" (an explicit `# split:` line), or
   * "thread" (another log of its thread was tuned on before the split).
   */
  splitBy: 'rule' | 'header' | 'thread';
  /** The log with its header lines blanked: what the classifier is given. */
  text: string;
}

const HEADER = /^# ([a-z][a-z-]*): ?(.*)$/;

/** A source without its #fragment and trailing slashes: logs of one thread share it. */
export function threadOf(source: string): string {
  return source.trim().replace(/#.*$/, '').replace(/\/+$/, '');
}

/** The part a source belongs to under the fixed rule (hash of the URL without its fragment). */
export function splitOf(source: string): CorpusSplit {
  const key = threadOf(source);
  const first = createHash('sha256').update(key).digest('hex')[0]!;
  return parseInt(first, 16) < 8 ? 'held-out' : 'tuning';
}

/** Parses one corpus file's text: header fields, split, and the text the classifier may read. */
export function parseCorpusLog(label: string, name: string, raw: string): CorpusLog {
  const lines = raw.split('\n');
  const fields = new Map<string, string>();
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEADER.exec(lines[i]!.trimEnd());
    if (!m) break;
    if (!fields.has(m[1]!)) fields.set(m[1]!, m[2]!.trim());
  }
  const text = [...lines.slice(0, i).map(() => ''), ...lines.slice(i)].join('\n');
  const source = fields.get('source') ?? null;
  const explicit = fields.get('split')?.split(/\s/, 1)[0];
  const split: CorpusSplit = explicit === 'tuning' || explicit === 'held-out' ? explicit : splitOf(source ?? `${label}/${name}`);
  return {
    label,
    name,
    source,
    decides: fields.get('decides') ?? null,
    split,
    splitBy: explicit === 'tuning' || explicit === 'held-out' ? 'header' : 'rule',
    text,
  };
}

/**
 * Keeps every thread in one part: a log from the same thread as a log tuned on before the split
 * was made is tuning too (its sibling has been read), whatever the hash says.
 */
export function keepThreadsTogether(logs: readonly CorpusLog[]): CorpusLog[] {
  const tuned = new Set(logs.filter((l) => l.splitBy === 'header' && l.split === 'tuning' && l.source).map((l) => threadOf(l.source!)));
  return logs.map((l) => (l.splitBy === 'rule' && l.split === 'held-out' && l.source && tuned.has(threadOf(l.source)) ? { ...l, split: 'tuning', splitBy: 'thread' } : l));
}
