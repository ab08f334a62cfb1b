// `matrix diagnose FILE... [--json]`: classify engine logs (a container log, or a log pasted from a
// GitHub issue) into a failure signature with the lines that prove it and the remedies to try.
import { readFile } from 'node:fs/promises';
import { ENGINE_IDS } from '../core/cell.ts';
import { classifyLog } from '../diagnose/classify.ts';
import { startupTimeline } from '../engines/log-phases.ts';
import { readLog } from '../diagnose/log-lines.ts';
import type { Diagnosis, TimelinePhase } from '../core/diagnosis.ts';
import { formatAccuracy, scoreCorpus, withNearCopies } from '../diagnose/accuracy.ts';
import type { CorpusSplit } from '../diagnose/corpus.ts';
import { UsageError } from '../errors.ts';
import { formatDiagnosis, formatTimeline, toJson } from './diagnose-output.ts';
import { readCorpusDir } from './corpus-dir.ts';
import { defineCommand } from './command.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  return Buffer.concat(chunks).toString('utf8');
}

export const command = defineCommand({
  name: 'diagnose',
  summary: 'classify engine logs: failure signature, evidence lines, remedies',
  usage: 'FILE... [--json]   (FILE "-" reads standard input)\n       matrix diagnose --accuracy DIR [--split tuning|held-out] [--json]',
  positionals: { min: 0, name: 'FILE...' },
  options: {
    accuracy: { type: 'string', arg: 'DIR', description: 'score the classifier on a labelled directory (<category>/<name>.log): confusion matrix, accuracy per category, misses' },
    split: { type: 'string', arg: 'PART', choices: ['tuning', 'held-out'], description: 'with --accuracy: only the logs of that part (split by a hash of each log\'s "# source:" line)' },
    json: { type: 'boolean', description: 'print a JSON array, one object per file, in file order' },
    engine: { type: 'string', arg: 'ENGINE', choices: ENGINE_IDS, description: 'engine that wrote the log (limits engine-specific signatures)' },
    timeline: { type: 'boolean', description: 'also show the startup timeline read from the log' },
  },
  examples: [
    'matrix diagnose container.log',
    'matrix diagnose --json logs/*.log',
    'pbpaste | matrix diagnose -',
    'matrix diagnose --accuracy test/fixtures/logs --split held-out',
  ],
  async run(args) {
    if (args.values.accuracy !== undefined) return accuracy(args.values.accuracy, args.values.split as CorpusSplit | undefined, !!args.values.json);
    if (args.values.split) throw new UsageError('matrix diagnose: --split needs --accuracy DIR', 'matrix diagnose --accuracy test/fixtures/logs --split held-out');
    if (args.positionals.length === 0) throw new UsageError('matrix diagnose: missing FILE...', 'usage: matrix diagnose FILE... | --accuracy DIR');
    const results: Array<{ file: string; diagnosis: Diagnosis; timeline: TimelinePhase[] }> = [];
    let missing = 0;
    for (const file of args.positionals) {
      let text: string;
      try {
        text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
      } catch (e) {
        missing++;
        process.stderr.write(`matrix diagnose: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        continue;
      }
      const opts = args.values.engine ? { engine: args.values.engine } : {};
      results.push({ file, diagnosis: classifyLog(text, opts), timeline: args.values.timeline ? startupTimeline(readLog(text)) : [] });
    }
    if (args.values.json) {
      process.stdout.write(`${JSON.stringify(results.map((r) => toJson(r.file, r.diagnosis, args.values.timeline ? r.timeline : undefined)), null, 2)}\n`);
    } else {
      for (const r of results) {
        process.stdout.write(formatDiagnosis(r.file, r.diagnosis));
        if (args.values.timeline) process.stdout.write(formatTimeline(r.timeline));
        process.stdout.write('\n');
      }
    }
    return missing > 0 ? 2 : 0;
  },
});

function accuracy(dir: string, split: CorpusSplit | undefined, json: boolean): number {
  const every = readCorpusDir(dir);
  const logs = split ? every.filter((l) => l.split === split) : every;
  if (logs.length === 0) throw new UsageError(`matrix diagnose --accuracy: no <category>/<name>.log files${split ? ` in the ${split} part` : ''} under ${dir}`);
  // the held-out part scored also without the logs a tuning log nearly copies (near-copies.ts): rules read from the copy read those too
  const scored = scoreCorpus(logs);
  const report =
    split === 'held-out' ? withNearCopies(scored, logs, every.filter((l) => l.split === 'tuning'), 'held-out', 'tuning') : scored;
  if (json) {
    const { results, ...figures } = report;
    process.stdout.write(`${JSON.stringify({ dir, split: split ?? 'all', ...figures, misses: results.filter((r) => !r.ok) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${dir}${split ? ` (${split} part)` : ''}: ${logs.length} logs\n${formatAccuracy(report)}\n`);
  }
  return 0;
}
