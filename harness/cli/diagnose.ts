// `matrix diagnose FILE... [--json]`: classify engine logs (a container log, or a log pasted from a
// GitHub issue) into a failure signature with the lines that prove it and the remedies to try.
import { readFile } from 'node:fs/promises';
import { ENGINE_IDS } from '../matrix/types.ts';
import { classifyLog } from '../diagnose/classify.ts';
import { startupTimeline } from '../diagnose/phases.ts';
import type { Diagnosis, TimelinePhase } from '../diagnose/types.ts';
import { formatDiagnosis, formatTimeline, toJson } from './diagnose-output.ts';
import { defineCommand } from './command.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  return Buffer.concat(chunks).toString('utf8');
}

export const command = defineCommand({
  name: 'diagnose',
  summary: 'classify engine logs: failure signature, evidence lines, remedies',
  usage: 'FILE... [--json]   (FILE "-" reads standard input)',
  positionals: { min: 1, name: 'FILE...' },
  options: {
    json: { type: 'boolean', description: 'print a JSON array, one object per file, in file order' },
    engine: { type: 'string', arg: 'ENGINE', choices: ENGINE_IDS, description: 'engine that wrote the log (limits engine-specific signatures)' },
    timeline: { type: 'boolean', description: 'also show the startup timeline read from the log' },
  },
  examples: ['matrix diagnose container.log', 'matrix diagnose --json logs/*.log', 'pbpaste | matrix diagnose -'],
  async run(args) {
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
      results.push({ file, diagnosis: classifyLog(text, opts), timeline: args.values.timeline ? startupTimeline(text) : [] });
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
