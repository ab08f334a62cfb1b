// Checks every mirror source of the fatal lines (harness/diagnose/fatal-lines.ts): the cited line
// of `<commit>:<path>:<line>` holds the literal's fixed part. Sources that are not a mirror's (a
// line PyTorch prints, seen in the corpus) are listed; unit tests check those against the corpus.
//   npx tsx scripts/audit-fatal-lines.ts --git-dir DIR [--git-dir DIR …]
// (the bare git dirs of the vLLM and SGLang mirrors; a commit is looked for in each).
import { parseArgs } from 'node:util';
import { FATAL_LINES } from '../harness/diagnose/fatal-lines.ts';
import { gitReader } from './git-source-reader.ts';

const { values } = parseArgs({ options: { 'git-dir': { type: 'string', multiple: true, default: [] } } });
let misses = 0;
for (const f of FATAL_LINES) {
  // The fixed part of the literal: up to its first placeholder (`{…}`), without a leading `[Rank `.
  const key = f.says.split('{')[0]!.replace(/^\[Rank $/, '').trim().slice(0, 30);
  for (const source of f.sources) {
    const m = /^([0-9a-f]{40}):(\S+):(\d+)$/.exec(source);
    if (!m) {
      console.log(`not read in a mirror  ${f.id}: ${source}`);
      continue;
    }
    const lines = values['git-dir'].map((dir) => gitReader(dir, m[1]!).lines(m[2]!)).find((l) => l !== null);
    const line = lines?.[Number(m[3]) - 1];
    const ok = line?.includes(key) ?? false;
    if (!ok) misses++;
    console.log(`${ok ? 'holds' : 'MISSING'}  ${f.id}: ${m[1]!.slice(0, 12)}:${m[2]}:${m[3]}  ${(line ?? '(no such file in the mirrors given)').trim().slice(0, 100)}`);
  }
}
console.log(misses ? `${misses} cited line(s) do not hold their literal` : 'every mirror source holds its literal');
process.exit(misses ? 1 : 0);
