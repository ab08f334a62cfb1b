// Entry point of the `matrix` command: picks the verb, parses its declarative options, maps
// typed errors to exit codes. No logic beyond wiring.
import pkg from '../../package.json' with { type: 'json' };
import { UsageError } from '../errors.ts';
import { didYouMean } from '../matrix/suggest.ts';
import { columns } from '../run/reporters/columns.ts';
import { tolerateClosedOutput } from './closed-output.ts';
import { helpText, parseCommand, type CommandSpec } from './command.ts';
import { errorText } from './error-text.ts';
import { exitWhenDone } from './exit-when-done.ts';
import { sayUnownedSignals } from './unowned-signals.ts';

/** Verbs in help order. Each lives in harness/cli/<verb>.ts and exports `command`. */
const VERBS: Record<string, () => Promise<{ command: CommandSpec }>> = {
  plan: () => import('./plan.ts'),
  run: () => import('./run.ts'),
  bisect: () => import('./bisect.ts'),
  report: () => import('./report.ts'),
  serve: () => import('./serve.ts'),
  diagnose: () => import('./diagnose.ts'),
  runs: () => import('./runs.ts'),
  since: () => import('./since.ts'),
  issue: () => import('./issue.ts'),
  merge: () => import('./merge.ts'),
  emulator: () => import('./emulator.ts'),
  gpus: () => import('./gpus.ts'),
  preflight: () => import('./preflight.ts'),
  models: () => import('./models.ts'),
  engines: () => import('./engines.ts'),
};

async function loadAll(): Promise<CommandSpec[]> {
  const out: CommandSpec[] = [];
  for (const load of Object.values(VERBS)) {
    try {
      out.push((await load()).command);
    } catch {
      // a verb whose module failed to load is left out of the overview; invoking it shows the error
    }
  }
  return out;
}

function printOverview(cmds: CommandSpec[]): void {
  process.stdout.write(
    [
      'matrix — which container image × GPU × model × backend flags actually serve',
      '',
      'usage: matrix <command> [options]',
      '',
      'commands:',
      ...columns(cmds.map((c) => [c.name, c.summary]), { indent: '  ' }),
      '',
      "Run `matrix <command> --help` (or `matrix help <command>`) for a command's options; `matrix -V` prints the version.",
      '',
    ].join('\n'),
  );
}

async function loadVerb(verb: string): Promise<CommandSpec> {
  const load = VERBS[verb];
  if (!load) {
    const dym = didYouMean(verb, Object.keys(VERBS));
    throw new UsageError(`matrix: unknown command "${verb}"`, `${dym ? `${dym} ` : ''}commands are ${Object.keys(VERBS).join(', ')}`);
  }
  return (await load()).command;
}

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === 'help' && rest.length > 0) {
    // `matrix help run` is `matrix run --help`
    process.stdout.write(helpText(await loadVerb(rest[0]!)));
    return 0;
  }
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') {
    printOverview(await loadAll());
    return verb ? 0 : 2;
  }
  if (verb === '--version' || verb === '-V' || verb === '-v') {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const command = await loadVerb(verb);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(helpText(command));
    return 0;
  }
  const args = parseCommand(command, rest);
  return command.run(args);
}

function report(e: unknown): number {
  const { text, exitCode } = errorText(e);
  process.stderr.write(`${text}\n`);
  return exitCode;
}

tolerateClosedOutput();
// `run` only: its start (planning, the database opened) is short and yields; a verb that computes
// for a minute without yielding (`diagnose --accuracy`) keeps Node's default, an immediate stop.
if (process.argv[2] === 'run') sayUnownedSignals('matrix run');
main(process.argv.slice(2)).then(
  (code) => exitWhenDone(code),
  (e) => exitWhenDone(report(e)),
);
