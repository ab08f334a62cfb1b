// Reads a labelled log directory (`<category>/<name>.log`, the layout of test/fixtures/logs) into
// corpus logs: the file side of `matrix diagnose --accuracy`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.ts';
import { keepThreadsTogether, parseCorpusLog, type CorpusLog, type CorpusSplit } from '../diagnose/corpus.ts';

/** Every `<category>/<name>.log` under dir, labelled by its folder, optionally one split only. */
export function readCorpusDir(dir: string, split?: CorpusSplit): CorpusLog[] {
  let labels: string[];
  try {
    labels = readdirSync(dir).sort();
  } catch (e) {
    throw new UsageError(`matrix diagnose --accuracy: cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'give a directory of <category>/<name>.log files, e.g. test/fixtures/logs');
  }
  const out: CorpusLog[] = [];
  for (const label of labels) {
    const sub = join(dir, label);
    if (!statSync(sub).isDirectory()) continue;
    for (const name of readdirSync(sub).sort()) {
      if (!name.endsWith('.log')) continue;
      out.push(parseCorpusLog(label, name, readFileSync(join(sub, name), 'utf8')));
    }
  }
  return keepThreadsTogether(out).filter((log) => !split || log.split === split);
}
