// The command that continues an interrupted run, printed so that pasting it works: every option
// as given keeps its value (--db, --out, --gpu, --shard, --only, --emulate, --triage, …), each word
// quoted for a POSIX shell; `--run-id` and an earlier `--resume` give way to `--resume RUN_ID`.
import type { OptionSpec } from './command.ts';

// `--last-failed` too: the resumed run keeps the cells it was given (store/last-failed.ts).
const DROPPED = new Set(['run-id', 'resume', 'last-failed']);

/** A word as a POSIX shell reads it back unchanged. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `argv` is the command line after `matrix` (verb first); `options` the verb's option table. */
export function resumeCommand(argv: readonly string[], options: Record<string, OptionSpec>, runId: string): string {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    const m = /^--([^=]+)(=.*)?$/.exec(word);
    const spec = m ? options[m[1]!] : undefined;
    const takesValue = spec?.type === 'string' && m![2] === undefined;
    const words = takesValue && i + 1 < argv.length ? [word, argv[++i]!] : [word];
    if (m && DROPPED.has(m[1]!)) continue;
    kept.push(...words);
  }
  return ['matrix', ...kept, '--resume', runId].map(shellWord).join(' ');
}
