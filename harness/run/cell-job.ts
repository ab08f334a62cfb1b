// One attempt of one cell, as an explicit state machine:
//   create → start → ready → probes → teardown → done
// with `failed` reachable from every state. Every state is timed and reported; teardown always
// runs. A crash gives its verdict the moment the container exits (readiness races the exit),
// never after a timeout.
import { join } from 'node:path';
import { InfraError } from '../errors.ts';
import type { Cell } from '../core/cell.ts';
import type { Engine } from '../engines/engine.ts';
import type { ContainerHandle, ContainerRuntime, ContainerSpec, ImageInfo } from '../runtime/runtime.ts';
import type { BaselineRun } from '../probes/baseline.ts';
import type { Probe } from '../probes/probe.ts';
import type { ProbeResult } from '../core/probe-result.ts';
import type { Diagnosis } from '../core/diagnosis.ts';
import type { AttemptResult, StepName, RunInfo } from '../core/events.ts';
import { fingerprintOf, readVersionAnswers } from './fingerprint.ts';
import { LogCapture } from './log-capture.ts';
import { waitReady } from './readiness.ts';
import { watchStartup, type StartupWatchdog } from './startup-watchdog.ts';
import { settle } from './settle.ts';
import { diagnoseAttempt, infraDiagnosis, timelineOf } from './diagnosis.ts';

export type CellState = 'create' | 'start' | 'ready' | 'probes' | 'teardown' | 'done' | 'failed';

/** The transitions the job may take; anything else is a bug. */
const NEXT: Record<CellState, CellState[]> = {
  create: ['start', 'failed'],
  start: ['ready', 'failed'],
  ready: ['probes', 'failed'],
  probes: ['teardown', 'failed'],
  teardown: ['done'],
  failed: ['teardown', 'done'],
  done: [],
};

export interface AttemptEnv {
  runtime: ContainerRuntime;
  run: RunInfo;
  engine: Engine;
  image: ImageInfo;
  /** Image ref actually started (the emulator's under --emulate). */
  imageRef: string;
  /** Full container spec except what the job fills in (labels, name). */
  spec: Omit<ContainerSpec, 'labels' | 'name'>;
  secrets: string[];
  logDir: string;
  signal: AbortSignal;
  probes: Probe[];
  baseline(): Record<string, string> | null;
  /** The named probe's run in the cell it compares with (probes/baseline.ts), once that cell has run. */
  baselineRun?(probe: string, options: Record<string, unknown> | undefined): BaselineRun | null;
  gpuFacts: { driverVersion: string | null; cudaVersion: string | null; torchVersion: string | null };
  onStep(step: StepName, state: 'begin' | 'end', seconds?: number): void;
  onProbeEnd(result: ProbeResult): void;
}

export function slug(cellId: string): string {
  return cellId.replace(/[^\w.-]+/g, '_');
}

export async function runAttempt(cell: Cell, attempt: number, kind: AttemptResult['kind'], env: AttemptEnv): Promise<AttemptResult> {
  return new Attempt(cell, attempt, kind, env).run();
}

type Readiness = Awaited<ReturnType<typeof waitReady>>;

/** One attempt's state: every change of `state` goes through `go`, which refuses a transition NEXT does not list. */
class Attempt {
  private state: CellState = 'create';
  private readonly steps: AttemptResult['steps'] = {};
  private readonly capture: LogCapture;
  private readonly spec: ContainerSpec;
  private readonly result: AttemptResult;
  private handle: ContainerHandle | null = null;
  private logsDone: Promise<void> = Promise.resolve();
  private exited: Promise<number> | null = null;
  private exitCode: number | null = null;
  private diagnosis: Diagnosis | null = null;
  private watchdog: StartupWatchdog | null = null;

  constructor(private readonly cell: Cell, attempt: number, kind: AttemptResult['kind'], private readonly env: AttemptEnv) {
    const logPath = join(env.logDir, `${slug(cell.id)}.attempt-${attempt}.log`);
    this.capture = new LogCapture(logPath, { secrets: env.secrets });
    const labels = {
      'matrix.run': env.run.id,
      'matrix.cell': cell.id,
      'matrix.attempt': String(attempt),
      'matrix.pid': String(process.pid),
      'matrix.host': env.run.host,
    };
    this.spec = { ...env.spec, labels, name: `matrix-${env.run.id.slice(-8)}-${slug(cell.id).slice(0, 80)}-a${attempt}-${process.pid}` };
    this.result = {
      attempt, kind, options: cell.options, command: cell.command, outcome: 'fail', exitCode: null, diagnosis: null, steps: this.steps,
      probes: [], timeline: [], logPath, logTail: [], fingerprint: null, containerId: null, dockerRun: env.runtime.describeRun(this.spec), error: null,
    };
  }

  async run(): Promise<AttemptResult> {
    try {
      await this.startContainer();
      const bases = this.handle!.hostPort ? [`http://127.0.0.1:${this.handle!.hostPort}`] : [];
      const ready = await this.timed('ready', () => waitReady({ baseUrls: bases, rule: this.env.engine.readiness, exited: this.exited!, timeoutMs: this.cell.timeouts.startupMs, signal: this.env.signal, stop: this.watchdog!.tripped }));
      this.watchdog!.stop();
      if (ready.kind === 'ready') await this.serve(bases[0]!);
      else await this.notReady(ready);
    } catch (e) {
      this.failWith(e);
    } finally {
      await this.teardown();
    }
    return this.finish();
  }

  private go(next: CellState): void {
    if (!NEXT[this.state].includes(next)) throw new Error(`cell job: illegal transition ${this.state} → ${next}`);
    this.state = next;
  }

  private async timed<T>(step: StepName, fn: () => Promise<T>): Promise<T> {
    this.env.onStep(step, 'begin');
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      this.steps[step] = (performance.now() - t0) / 1000;
      this.env.onStep(step, 'end', this.steps[step]);
    }
  }

  private interrupted(): void {
    this.result.error = 'interrupted';
    this.go('failed');
  }

  private async startContainer(): Promise<void> {
    const { runtime } = this.env;
    this.handle = await this.timed('create', () => runtime.create(this.spec));
    this.result.containerId = this.handle.id;
    this.go('start');
    this.handle = await this.timed('start', () => runtime.start(this.handle!));
    const logStream = await runtime.logs(this.handle);
    this.watchdog = watchStartup(this.capture, this.cell.timeouts);
    this.logsDone = this.capture.consume(logStream);
    this.exited = runtime.wait(this.handle).then((c) => (this.exitCode = c));
    this.go('ready');
  }

  /** The server never became ready: interrupted, exited (a crash at startup) or timed out. */
  private async notReady(ready: Exclude<Readiness, { kind: 'ready' }>): Promise<void> {
    if (ready.kind === 'aborted' || this.env.signal.aborted) return this.interrupted();
    if (ready.kind === 'exited') {
      await engineAlive(this.env.runtime, ready.exitCode);
      await settle(this.logsDone, 3000);
      this.diagnosis = diagnoseAttempt(this.capture, this.cell, { exitCode: ready.exitCode, phase: 'startup' });
      this.result.exitCode = ready.exitCode;
    } else if (ready.kind === 'stopped') {
      // Diagnosed from the lines before the stop (no shutdown noise), then ended at once: a graceful
      // stop would give a hung engine another grace period.
      this.diagnosis = diagnoseAttempt(this.capture, this.cell, { phase: 'startup', stopped: ready.trip });
      await this.env.runtime.stop(this.handle!, 0);
    } else {
      this.diagnosis = diagnoseAttempt(this.capture, this.cell, { timeoutS: ready.seconds, lastStatus: ready.lastStatus, phase: 'startup' });
    }
    this.go('failed');
  }

  /** The server is ready: fingerprint it, run the probes, and judge what they saw. */
  private async serve(base: string): Promise<void> {
    const { env, cell, result, capture } = this;
    if (env.signal.aborted) return this.interrupted();
    const answers = await readVersionAnswers(base, env.engine);
    result.fingerprint = fingerprintOf({ cell, image: env.image, facts: env.gpuFacts, answers, logLines: capture.lines().map((l) => l.text) });
    this.go('probes');
    const probesFromLine = capture.totalLines;
    await this.timed('probes', async () => {
      for (const [i, probe] of env.probes.entries()) {
        if (env.signal.aborted || this.exitCode !== null) break;
        const r = await runProbe(probe, cell, env, base, capture, cell.probeOptions?.[cell.probes[i]!]);
        result.probes.push(r);
        env.onProbeEnd(r);
      }
    });
    if (env.signal.aborted) return this.interrupted();
    if (this.exitCode === null && !result.probes.some((p) => p.verdict === 'fail')) {
      result.outcome = 'pass';
      return this.go('teardown');
    }
    // Give a dying server a moment, so a crash while serving is told apart from a wrong answer.
    await settle(this.exited!, 300);
    if (this.exitCode !== null) await engineAlive(env.runtime, this.exitCode);
    if (this.exitCode !== null) await settle(this.logsDone, 3000);
    this.diagnosis = diagnoseAttempt(capture, cell, { exitCode: this.exitCode, phase: 'serve', probes: result.probes, probesFromLine });
    result.exitCode = this.exitCode;
    this.go('failed');
  }

  private failWith(e: unknown): void {
    const infra = e instanceof InfraError ? e : null;
    if (this.env.signal.aborted) this.result.error = 'interrupted';
    this.result.outcome = infra ? 'infra' : 'fail';
    this.result.error ??= (e as Error).message;
    this.diagnosis = infra ? infraDiagnosis(infra) : diagnoseAttempt(this.capture, this.cell, { exitCode: this.exitCode, phase: this.state, error: (e as Error).message });
    if (this.state !== 'failed') this.go('failed');
  }

  private async teardown(): Promise<void> {
    const { env } = this;
    this.watchdog?.stop();
    if (this.state !== 'teardown') this.go('teardown');
    if (this.handle) {
      const h = this.handle;
      // Stop, let the log stream drain (bounded: a flood must not hold the GPU), then remove:
      // removing first would cut the end of the log, which is where crashes are. A container that
      // has exited is removed in the background (the run drains those removals before it ends):
      // the engine answers its removal only after cleaning it up, and the verdict is known.
      await this.timed('teardown', async () => {
        const dead = this.exitCode !== null;
        // On an interrupt the container is already being removed (reaper.ts): a graceful stop
        // beside that removal held it for the stop's whole grace period. No stop, no time for the log.
        if (!dead && !env.signal.aborted) await env.runtime.stop(h, 2).catch(() => {});
        await settle(this.logsDone, env.signal.aborted ? 300 : 10_000);
        if (dead && !env.signal.aborted) env.runtime.discard(h.id);
        else await env.runtime.remove(h.id).catch(() => {});
      });
    }
    await settle(this.logsDone, env.signal.aborted ? 300 : 2000);
    this.go('done');
  }

  private finish(): AttemptResult {
    const { result } = this;
    result.diagnosis = result.outcome === 'pass' ? null : this.diagnosis;
    if (result.error === 'interrupted') {
      result.outcome = 'infra';
      result.diagnosis = null;
    }
    result.timeline = timelineOf(this.capture);
    result.logTail = this.capture.excerpt(result.diagnosis?.evidence.map((e) => e.line) ?? []);
    return result;
  }
}

async function runProbe(probe: Probe, cell: Cell, env: AttemptEnv, baseUrl: string, capture: LogCapture, options: Record<string, unknown> | undefined): Promise<ProbeResult> {
  const ctl = new AbortController();
  const onAbort = () => ctl.abort();
  env.signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => ctl.abort(new Error(`probe ${probe.name} exceeded its ${cell.timeouts.probeMs / 1000}s timeout`)), cell.timeouts.probeMs);
  try {
    return await probe.run({
      cell,
      engine: env.engine,
      baseUrl,
      model: cell.model.name,
      timeoutMs: cell.timeouts.probeMs,
      signal: ctl.signal,
      logTail: () => capture.lines().map((l) => l.text),
      baseline: env.baseline,
      baselineRun: () => env.baselineRun?.(probe.name, options) ?? null,
      ...(options ? { options } : {}),
    });
  } catch (e) {
    return { name: probe.name, verdict: 'fail', assertions: [], metrics: {}, requests: [], evidence: [], error: (e as Error).message };
  } finally {
    clearTimeout(timer);
    env.signal.removeEventListener('abort', onAbort);
  }
}

/**
 * A container that exits when the Docker engine is stopping (restart, upgrade) did not fail on
 * its own: asked at once whether the engine still answers, a stopped engine turns the exit into
 * an infra error instead of a failure of the cell.
 */
async function engineAlive(runtime: ContainerRuntime, exitCode: number): Promise<void> {
  try {
    await runtime.ping();
  } catch (e) {
    const why = (e as Error).message.split('\n')[0];
    throw new InfraError('docker-down', `the Docker engine stopped while the cell ran (the container exited with code ${exitCode}): ${why}`, 'the cell was not tested: run it again (`matrix run … --resume RUN_ID`) once the engine is back', 'engine');
  }
}
