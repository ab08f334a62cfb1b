// Entry point of the `matrix` command: picks the verb, parses its declarative options, maps
// typed errors to exit codes. No logic beyond wiring.
import { HarnessError } from '../errors.ts';
import { helpText, parseCommand, type CommandSpec } from './command.ts';

/** Verbs in help order. Each lives in harness/cli/<verb>.ts and exports `command`. */
const VERBS: Record<string, () => Promise<{ command: CommandSpec }>> = {
  plan: () => import('./plan.ts'),
  run: () => import('./run.ts'),
  report: () => import('./report.ts'),
  serve: () => import('./serve.ts'),
  diagnose: () => import('./diagnose.ts'),
  merge: () => import('./merge.ts'),
  emulator: () => import('./emulator.ts'),
  gpus: () => import('./gpus.ts'),
  preflight: () => import('./preflight.ts'),
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

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') {
    const cmds = await loadAll();
    const w = Math.max(...cmds.map((c) => c.name.length));
    process.stdout.write(
      [
        'matrix — which container image × GPU × model × backend flags actually serve',
        '',
        'usage: matrix <command> [options]',
        '',
        'commands:',
        ...cmds.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`),
        '',
        'Run `matrix <command> --help` for a command\'s options.',
        '',
      ].join('\n'),
    );
    return verb ? 0 : 2;
  }
  if (verb === '--version' || verb === '-v') {
    process.stdout.write('0.1.0\n');
    return 0;
  }
  const load = VERBS[verb];
  if (!load) {
    process.stderr.write(`matrix: unknown command "${verb}"\n  hint: commands are ${Object.keys(VERBS).join(', ')}\n`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(helpText(command));
    return 0;
  }
  const args = parseCommand(command, rest);
  return command.run(args);
}

function report(e: unknown): number {
  if (e instanceof HarnessError) {
    process.stderr.write(`${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`);
    return e.exitCode;
  }
  process.stderr.write(`matrix: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.exitCode = report(e);
  },
);
