// A signal that no part of `matrix run` handles: while it plans its cells and opens its database,
// before it watches the run's ending (run-ending.ts, installed before the runner is prepared), or
// after the run has ended while it prints where everything is. Node's default ended the process at
// once with nothing said: the user who pressed Ctrl-C three seconds in saw the command vanish. This
// ends it the same way (exit 128 + the signal's number, as a shell reports it) and says so. Where a
// part of the command watches the signal itself, that part decides alone. Only for a command whose
// work yields to the event loop: a handler waits for synchronous work to finish, Node's default not.

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type Watched = keyof typeof EXIT_CODES;

export interface UnownedSignalsOptions {
  proc?: Pick<NodeJS.Process, 'on' | 'listenerCount'>;
  write?(text: string): void;
  exit?(code: number): void;
}

export function sayUnownedSignals(what: string, o: UnownedSignalsOptions = {}): void {
  const proc = o.proc ?? process;
  const write = o.write ?? ((s: string) => void process.stderr.write(s));
  const exit = o.exit ?? ((code: number) => process.exit(code));
  for (const sig of Object.keys(EXIT_CODES) as Watched[]) {
    proc.on(sig, () => {
      if (proc.listenerCount(sig) > 1) return; // another handler owns it
      write(`\n${sig}: ${what} interrupted (exit ${EXIT_CODES[sig]})\n`);
      exit(EXIT_CODES[sig]);
    });
  }
}
