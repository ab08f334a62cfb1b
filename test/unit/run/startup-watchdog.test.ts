// The startup watchdog: a fatal line starts the grace period, silence is a stall, and nothing is
// left behind once the start is over. Timers are faked here; the end-to-end tests run it for real.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StartupWatchdog, watchStartup, type WatchdogTrip } from '../../../harness/run/startup-watchdog.ts';
import { LogCapture, type NumberedLine } from '../../../harness/run/log-capture.ts';
import { waitReady } from '../../../harness/run/readiness.ts';

const LOGS = join(import.meta.dirname, '../../fixtures/logs');
/** A corpus log's lines (its two header lines left out), numbered as the capture numbers them. */
function corpusLines(path: string): NumberedLine[] {
  return readFileSync(join(LOGS, path), 'utf8').split('\n').slice(2).map((text, i) => ({ line: i + 1, text }));
}
const NCCL_HANG = corpusLines('nccl/h200-watchdog-allreduce-timeout.log');
const HEALTHY = corpusLines('healthy/sglang-docs-send-request-llama31-8b-ready.log');

let trips: WatchdogTrip[] = [];
const watch = (graceMs = 5000, stallMs = 600_000) => {
  const wd = new StartupWatchdog({ graceMs, stallMs });
  void wd.tripped.then((t) => trips.push(t));
  return wd;
};
const flush = () => vi.advanceTimersByTimeAsync(0);
/** One turn of the loop: a stall verdict waits for it (the fake setImmediate runs a millisecond on). */
const turn = () => vi.advanceTimersByTimeAsync(1);

beforeEach(() => {
  vi.useFakeTimers();
  trips = [];
});
afterEach(() => vi.useRealTimers());

describe('StartupWatchdog: fatal line and grace period', () => {
  it('trips the grace period after the first fatal line, not before', async () => {
    const wd = watch(5000);
    for (const l of NCCL_HANG) wd.line(l);
    await vi.advanceTimersByTimeAsync(4999);
    expect(trips).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(trips).toHaveLength(1);
    const t = trips[0]!;
    expect(t.kind).toBe('fatal-hang');
    if (t.kind !== 'fatal-hang') return;
    expect(t.fatal.id).toBe('nccl-watchdog-timeout');
    expect(t.line.text).toContain('Watchdog caught collective operation timeout');
    expect(t.line.line).toBe(NCCL_HANG.findIndex((l) => l.text.includes('Watchdog caught')) + 1);
  });

  it('later lines (the rest of the traceback) do not move the grace period', async () => {
    const wd = watch(1000);
    wd.line({ line: 1, text: '(EngineCore_DP0 pid=1) ERROR 12-02 10:00:00 [core.py:708] EngineCore failed to start.' });
    for (let i = 0; i < 9; i++) {
      await vi.advanceTimersByTimeAsync(100);
      wd.line({ line: i + 2, text: '(EngineCore_DP0 pid=1) ERROR 12-02 10:00:00 [core.py:708]   File "core.py", line 1, in f' });
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(trips.map((t) => t.kind)).toEqual(['fatal-hang']);
  });

  it('a start that reaches a new phase after a fatal line survived it: the grace period ends', async () => {
    const wd = watch(1000, 60_000);
    wd.line({ line: 1, text: '(EngineCore_DP0 pid=1) INFO 12-02 10:00:00 [gpu_model_runner.py:4501] Starting to load model m...' });
    wd.line({ line: 2, text: 'torch.AcceleratorError: CUDA error: out of memory' });
    await vi.advanceTimersByTimeAsync(500);
    wd.line({ line: 3, text: '(EngineCore_DP0 pid=1) INFO 12-02 10:00:01 [gpu_model_runner.py:4600] Model loading took 1.1 GiB memory and 0.2 seconds' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(trips).toEqual([]);
    wd.line({ line: 4, text: '(EngineCore_DP0 pid=1) ERROR 12-02 10:00:02 [core.py:708] EngineCore failed to start.' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(trips).toMatchObject([{ kind: 'fatal-hang', line: { line: 4 } }]);
  });

  it('a healthy start, or a fatal phrase at INFO or WARNING level, starts no grace period', async () => {
    const wd = watch(1000, 10_000);
    for (const l of HEALTHY) wd.line(l);
    wd.line({ line: 999, text: 'WARNING 12-02 10:00:00 [x.py:1] EngineCore failed to start.' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(trips).toEqual([]);
    wd.stop();
  });
});

describe('StartupWatchdog: stall', () => {
  it('no output for the stall timeout names the last phase, its line, and the last line', async () => {
    const wd = watch(5000, 60_000);
    wd.line({ line: 1, text: '(EngineCore_DP0 pid=1) INFO 12-02 10:00:00 [gpu_model_runner.py:4501] Starting to load model m...' });
    wd.line({ line: 2, text: '(EngineCore_DP0 pid=1) INFO 12-02 10:00:01 [cuda.py:317] Using FLASH_ATTN backend.' });
    wd.line({ line: 3, text: '' });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(trips).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await turn(); // the verdict waits one turn of the loop, for output already waiting
    expect(trips).toEqual([{ kind: 'stalled', stallMs: 60_000, phase: 'load', phaseLine: { line: 1, text: expect.stringContaining('Starting to load model') }, lastLine: { line: 2, text: expect.stringContaining('Using FLASH_ATTN') } }]);
  });

  it('output without a whole line (a progress bar redrawn with \\r) is progress', async () => {
    const wd = watch(5000, 60_000);
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(50_000);
      wd.activity();
    }
    expect(trips).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    await turn();
    expect(trips).toMatchObject([{ kind: 'stalled', phase: null, lastLine: null }]);
  });

  it('stop() leaves no timer and never trips', async () => {
    const wd = watch(1000, 2000);
    wd.line({ line: 1, text: 'torch.AcceleratorError: CUDA error: an illegal memory access was encountered' });
    expect(vi.getTimerCount()).toBe(2);
    wd.stop();
    expect(vi.getTimerCount()).toBe(0);
    wd.line({ line: 2, text: 'EngineCore failed to start.' });
    wd.activity();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(trips).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('watchStartup on a log capture', () => {
  it("follows the capture's lines and chunks with the cell's timeouts, and lets go of it when stopped", async () => {
    const capture = new LogCapture(null);
    const stream = new PassThrough();
    const wd = watchStartup(capture, { startupMs: 1_200_000, probeMs: 1, fatalGraceMs: 3000, stallMs: 20_000 });
    void wd.tripped.then((t) => trips.push(t));
    const done = capture.consume(stream);
    stream.write('Loading safetensors checkpoint shards:   0% Completed | 0/4 [00:00<?, ?it/s]\r');
    await flush();
    await vi.advanceTimersByTimeAsync(15_000);
    stream.write('Loading safetensors checkpoint shards:  50% Completed | 2/4 [00:15<00:15, 7.50s/it]\r');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(trips).toEqual([]);
    stream.write('\n[2026-12-02 10:00:00] Scheduler hit an exception: Traceback (most recent call last):\n');
    await vi.advanceTimersByTimeAsync(3000);
    expect(trips).toMatchObject([{ kind: 'fatal-hang', graceMs: 3000, fatal: { id: 'sglang-scheduler-hit-an-exception' }, line: { line: 2 } }]);
    stream.end('Received sigquit from a child process. It usually means the child failed.\n');
    await done;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a cell stored before the new timeouts existed gets the defaults: 5 s grace, 10 min stall', async () => {
    const wd = watchStartup({ onLine: () => () => {}, onChunk: () => () => {} }, { startupMs: 1, probeMs: 1 });
    void wd.tripped.then((t) => trips.push(t));
    await vi.advanceTimersByTimeAsync(600_000);
    await turn();
    expect(trips).toMatchObject([{ kind: 'stalled', stallMs: 600_000 }]);
  });
});

describe('waitReady with a watchdog', () => {
  it('ends the wait with the trip', async () => {
    vi.useRealTimers();
    const wd = new StartupWatchdog({ graceMs: 20, stallMs: 60_000 });
    const ready = waitReady({ baseUrls: [], rule: { path: '/health', okStatus: 200 }, exited: new Promise<number>(() => {}), timeoutMs: 60_000, signal: new AbortController().signal, stop: wd.tripped });
    wd.line({ line: 7, text: 'RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}' });
    expect(await ready).toMatchObject({ kind: 'stopped', trip: { kind: 'fatal-hang', line: { line: 7 } } });
    wd.stop();
  });

  it('an exit before the trip is the exit', async () => {
    vi.useRealTimers();
    const wd = new StartupWatchdog({ graceMs: 60_000, stallMs: 60_000 });
    const out = await waitReady({ baseUrls: [], rule: { path: '/health', okStatus: 200 }, exited: Promise.resolve(1), timeoutMs: 60_000, signal: new AbortController().signal, stop: wd.tripped });
    expect(out).toMatchObject({ kind: 'exited', exitCode: 1 });
    wd.stop();
  });
});

describe('StartupWatchdog: a busy harness is not a silent engine', () => {
  it('output that waited on the socket while this process was blocked past the stall timeout is read before the verdict', async () => {
    vi.useRealTimers();
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const accepted = new Promise<Socket>((r) => server.once('connection', r));
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await new Promise((r) => client.once('connect', r));
    const socket = await accepted;
    const wd = new StartupWatchdog({ graceMs: 60_000, stallMs: 50 });
    let n = 0;
    socket.on('data', (b: Buffer) => {
      wd.activity();
      for (const text of b.toString().split('\n').filter(Boolean)) wd.line({ line: ++n, text });
    });
    void wd.tripped.then((t) => trips.push(t));
    client.write('Capturing CUDA graphs (mixed prefill-decode, PIECEWISE):   0%|          | 0/51\n');
    const until = Date.now() + 200; // the harness busy past the stall timeout, the line unread
    while (Date.now() < until);
    await new Promise((r) => setTimeout(r, 20));
    expect(n).toBe(1);
    expect(trips).toEqual([]); // the line re-armed the timer before the stall was judged
    await new Promise((r) => setTimeout(r, 120));
    expect(trips).toMatchObject([{ kind: 'stalled', phase: 'graph-capture' }]); // and real silence still trips
    wd.stop();
    client.destroy();
    socket.destroy();
    await new Promise((r) => server.close(r));
  });
});
