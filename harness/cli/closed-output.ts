// Output nobody reads any more must not stop a command: `matrix run … | head -2` closes the pipe
// after two lines, and the next write fails with EPIPE, which Node reports as an 'error' event on
// process.stdout; unhandled, it killed the run mid-way (containers left, the run still `running`,
// no report). A closed terminal (EIO) or a full disk under a redirect (ENOSPC) is the same case.
// The command goes on; what it writes to a closed stream is dropped (a write after the error does
// not throw); the results are in the database, the report and JUnit, and the exit code is the run's.

export function tolerateClosedOutput(streams: NodeJS.WritableStream[] = [process.stdout, process.stderr]): void {
  for (const s of streams) s.on('error', () => {});
}
