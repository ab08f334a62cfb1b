// B5's testcontainers-node peer, in its own process so its peak RSS is its own: GenericContainer
// with a log consumer that writes the container's log stream to a file (testcontainers follows
// the log: `logs --follow`), Wait.forHttp('/health', port, { abortOnContainerExit: true }), then
// the naive classification: a regex scan of the file, line by line, for error lines.
// The reaper (ryuk) is disabled (its image cannot be pulled here) and the host pinned to
// 127.0.0.1 (inside a container testcontainers would reach the server through the bridge's
// gateway, a private-range address this workplace never sends traffic to).
// Usage: b5-testcontainers-flood.ts CONTAINER_JSON LOG_FILE TRIAL
// Prints one JSON line: { ready, error, bytes, birthMs, classifiedMs, errorLines, firstError, vmHwmKb }.
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { PeerContainer } from './container.ts';
import { ERROR_LINE } from './b5-error-line.ts';

process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
process.env.TESTCONTAINERS_HOST_OVERRIDE = '127.0.0.1';
const tc = await import('testcontainers');

const [specJson, logFile, trial] = process.argv.slice(2) as [string, string, string];
const c = JSON.parse(specJson) as PeerContainer;
// testcontainers unrefs the log socket: without a timer the process could exit mid-log.
const keepAlive = setInterval(() => {}, 1000);

const file = createWriteStream(logFile);
let logEnded!: () => void;
const logDone = new Promise<void>((r) => (logEnded = r));
const container = new tc.GenericContainer(c.image)
  .withCommand(c.cmd)
  .withEnvironment(c.env)
  .withLabels({ 'matrix.test': '1', 'matrix.bench.trial': trial })
  .withExposedPorts(c.port)
  .withBindMounts(c.mounts.map((m) => ({ source: m.split(':')[0]!, target: m.split(':')[1]! })))
  .withStartupTimeout(600_000)
  .withLogConsumer((stream) => {
    stream.pipe(file);
    stream.on('error', () => file.end());
    file.on('close', () => logEnded());
  })
  .withWaitStrategy(tc.Wait.forHttp('/health', c.port, { abortOnContainerExit: true }));

let ready = false;
let error: string | null = null;
try {
  const started = await container.start();
  ready = true;
  // A server that came up: stop it without removing it, so the log can be read to its end.
  await started.stop({ remove: false });
  await logDone;
  await started.stop({ remove: true }).catch(() => {});
} catch (e) {
  // The container died while being waited for: testcontainers stops and removes it at once.
  error = (e as Error).message.split('\n')[0]!;
  await logDone;
}

let errorLines = 0;
let firstError: string | null = null;
for await (const line of createInterface({ input: createReadStream(logFile, 'utf8'), crlfDelay: Infinity })) {
  if (ERROR_LINE.test(line)) {
    errorLines++;
    firstError ??= line.slice(0, 300);
  }
}
const classifiedMs = Date.now();
clearInterval(keepAlive);
const st = statSync(logFile);
const vmHwmKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
// testcontainers' Docker client may hold the event loop: exit once the line is out.
process.stdout.write(JSON.stringify({ ready, error, bytes: st.size, birthMs: st.birthtimeMs, classifiedMs, errorLines, firstError, vmHwmKb }) + '\n', () => process.exit(0));
