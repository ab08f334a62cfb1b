// One attempt of one cell, as an explicit state machine:
//   create → start → ready → probes → teardown → done
// with `failed` reachable from every state. Every state is timed and reported; teardown always
// runs. A crash gives its verdict the moment the container exits (readiness races the exit),
// never after a timeout.
import { join } from 'node:path';
import { InfraError } from '../errors.ts';
import type { Cell } from '../matrix/types.ts';
import type { Engine } from '../engines/engine.ts';
import type { ContainerHandle, ContainerRuntime, ContainerSpec, ImageInfo } from '../runtime/runtime.ts';
import type { BaselineRun } from '../probes/baseline.ts';
import type { ProbeResult, Probe } from '../probes/probe.ts';
import type { Diagnosis } from '../diagnose/types.ts';
import type { AttemptResult, PhaseName, RunInfo } from './events.ts';
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
  onPhase(phase: PhaseName, state: 'begin' | 'end', seconds?: number): void;
  onProbeEnd(result: ProbeResult): void;
}

export function slug(cellId: string): string {
  return cellId.replace(/[^\w.-]+/g, '_');
}

export async function runAttempt(cell: Cell, attempt: number, kind: AttemptResult['kind'], env: AttemptEnv): Promise<AttemptResult> {
  let state: CellState = 'create';
  const go = (next: CellState) => {
    if (!NEXT[state].includes(next)) throw new Error(`cell job: illegal transition ${state} → ${next}`);
    state = next;
  };
  const phases: AttemptResult['phases'] = {};
  const timed = async <T>(phase: PhaseName, fn: () => Promise<T>): Promise<T> => {
    env.onPhase(phase, 'begin');
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      phases[phase] = (performance.now() - t0) / 1000;
      env.onPhase(phase, 'end', phases[phase]);
    }
  };
  const logPath = join(env.logDir, `${slug(cell.id)}.attempt-${attempt}.log`);
  const capture = new LogCapture(logPath, { secrets: env.secrets });
  const labels = {
    'matrix.run': env.run.id,
    'matrix.cell': cell.id,
    'matrix.attempt': String(attempt),
    'matrix.pid': String(process.pid),
    'matrix.host': env.run.host,
  };
  const spec: ContainerSpec = { ...env.spec, labels, name: `matrix-${env.run.id.slice(-8)}-${slug(cell.id).slice(0, 80)}-a${attempt}-${process.pid}` };
  const result: AttemptResult = {
    attempt,
    kind,
    options: cell.options,
    command: cell.command,
    outcome: 'fail',
    exitCode: null,
    diagnosis: null,
    phases,
    probes: [],
    timeline: [],
    logPath,
    logTail: [],
    fingerprint: null,
    containerId: null,
    dockerRun: env.runtime.describeRun(spec),
    error: null,
  };
  let handle: ContainerHandle | null = null;
  let logsDone: Promise<void> = Promise.resolve();
  let exited: Promise<number> | null = null;
  let exitCode: number | null = null;
  let diagnosis: Diagnosis | null = null;
  let watchdog: StartupWatchdog | null = null;

  try {
    handle = await timed('create', () => env.runtime.create(spec));
    result.containerId = handle.id;
    go('start');
    handle = await timed('start', () => env.runtime.start(handle!));
    const logStream = await env.runtime.logs(handle);
    watchdog = watchStartup(capture, cell.timeouts);
    logsDone = capture.consume(logStream);
    exited = env.runtime.wait(handle).then((c) => (exitCode = c));
    go('ready');
    const bases = handle.hostPort ? [`http://127.0.0.1:${handle.hostPort}`] : [];
    const ready = await timed('ready', () => waitReady({ baseUrls: bases, rule: env.engine.readiness, exited: exited!, timeoutMs: cell.timeouts.startupMs, signal: env.signal, stop: watchdog!.tripped }));
    watchdog.stop();
    if (ready.kind === 'aborted' || env.signal.aborted) {
      result.error = 'interrupted';
      go('failed');
    } else if (ready.kind === 'exited') {
      await engineAlive(env.runtime, ready.exitCode);
      await settle(logsDone, 3000);
      diagnosis = diagnoseAttempt(capture, cell, { exitCode: ready.exitCode, phase: 'startup' });
      result.exitCode = ready.exitCode;
      go('failed');
    } else if (ready.kind === 'stopped') {
      // Diagnosed from the lines before the stop (no shutdown noise), then ended at once: a graceful
      // stop would give a hung engine another grace period.
      diagnosis = diagnoseAttempt(capture, cell, { phase: 'startup', stopped: ready.trip });
      await env.runtime.stop(handle, 0);
      go('failed');
    } else if (ready.kind === 'timeout') {
      diagnosis = diagnoseAttempt(capture, cell, { timeoutS: ready.seconds, lastStatus: ready.lastStatus, phase: 'startup' });
      go('failed');
    } else {
      const base = bases[0]!;
      const answers = await readVersionAnswers(base, env.engine);
      result.fingerprint = fingerprintOf({ cell, image: env.image, facts: env.gpuFacts, answers, logLines: capture.lines().map((l) => l.text) });
      go('probes');
      const probesFromLine = capture.totalLines;
      await timed('probes', async () => {
        for (const [i, probe] of env.probes.entries()) {
          if (env.signal.aborted || exitCode !== null) break;
          const r = await runProbe(probe, cell, env, base, capture, cell.probeOptions?.[cell.probes[i]!]);
          result.probes.push(r);
          env.onProbeEnd(r);
        }
      });
      if (env.signal.aborted) {
        result.error = 'interrupted';
        go('failed');
      } else if (exitCode !== null || result.probes.some((p) => p.verdict === 'fail')) {
        // Give a dying server a moment, so a crash while serving is told apart from a wrong answer.
        await settle(exited!, 300);
        if (exitCode !== null) await engineAlive(env.runtime, exitCode);
        if (exitCode !== null) await settle(logsDone, 3000);
        diagnosis = diagnoseAttempt(capture, cell, { exitCode, phase: 'serve', probes: result.probes, probesFromLine });
        result.exitCode = exitCode;
        go('failed');
      } else {
        result.outcome = 'pass';
        go('teardown');
      }
    }
  } catch (e) {
    const infra = e instanceof InfraError ? e : null;
    if (env.signal.aborted) result.error = 'interrupted';
    result.outcome = infra ? 'infra' : 'fail';
    result.error ??= (e as Error).message;
    diagnosis = infra ? infraDiagnosis(infra) : diagnoseAttempt(capture, cell, { exitCode, phase: state, error: (e as Error).message });
    state = 'failed';
  } finally {
    watchdog?.stop();
    state = 'teardown';
    if (handle) {
      const h = handle;
      // Stop, let the log stream drain (bounded: a flood must not hold the GPU), then remove:
      // removing first would cut the end of the log, which is where crashes are. A container that
      // has exited is removed in the background (the run drains those removals before it ends):
      // the engine answers its removal only after cleaning it up, and the verdict is known.
      await timed('teardown', async () => {
        const dead = exitCode !== null;
        // On an interrupt the container is already being removed (reaper.ts): a graceful stop
        // beside that removal held it for the stop's whole grace period. No stop, no time for the log.
        if (!dead && !env.signal.aborted) await env.runtime.stop(h, 2).catch(() => {});
        await settle(logsDone, env.signal.aborted ? 300 : 10_000);
        if (dead && !env.signal.aborted) env.runtime.discard(h.id);
        else await env.runtime.remove(h.id).catch(() => {});
      });
    }
    await settle(logsDone, env.signal.aborted ? 300 : 2000);
    state = 'done';
  }
  result.diagnosis = result.outcome === 'pass' ? null : diagnosis;
  if (result.error === 'interrupted') {
    result.outcome = 'infra';
    result.diagnosis = null;
  }
  result.timeline = timelineOf(capture);
  result.logTail = capture.excerpt(result.diagnosis?.evidence.map((e) => e.line) ?? []);
  return result;
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
