// Prints the classifier's accuracy on the labelled corpus of real logs (test/fixtures/logs).
// Run: npx tsx scripts/corpus-accuracy.ts [DIR]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatAccuracy, scoreCorpus, type CorpusEntry } from '../harness/diagnose/accuracy.ts';

export const CORPUS_DIR = fileURLToPath(new URL('../test/fixtures/logs', import.meta.url));

/** Every <category>/<name>.log under dir, labelled by its folder. */
export function readCorpus(dir: string = CORPUS_DIR): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const label of readdirSync(dir).sort()) {
    const sub = join(dir, label);
    if (!statSync(sub).isDirectory()) continue;
    for (const name of readdirSync(sub).sort()) {
      if (name.endsWith('.log')) out.push({ label, name, text: readFileSync(join(sub, name), 'utf8') });
    }
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${formatAccuracy(scoreCorpus(readCorpus(process.argv[2])))}\n`);
}
