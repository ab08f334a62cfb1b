// When a command's work is done the process exits by itself: every timer, stream and connection
// was closed when its purpose ended (ARCHITECTURE.md rule 7). Should one still hold the event loop
// (a bug), the process says what holds it and exits anyway rather than hang a CI job, as Vitest
// does when something keeps a closed test run alive. The end-to-end tests fail on this message.

/** Exit code `code`, now if nothing else runs, or after `graceMs` with a note naming what still ran. */
export function exitWhenDone(code: number, graceMs = 2_000): void {
  process.exitCode = code;
  const timer = setTimeout(() => {
    const held = new Map<string, number>();
    for (const r of process.getActiveResourcesInfo()) held.set(r, (held.get(r) ?? 0) + 1);
    const what = [...held].map(([r, n]) => `${n} ${r}`).join(', ') || 'nothing listed';
    process.stderr.write(`matrix: still busy ${graceMs / 1000} s after the command ended (${what}); exiting — this is a bug, please report it\n`);
    process.exit(code);
  }, graceMs);
  timer.unref(); // never the reason the process stays
}
