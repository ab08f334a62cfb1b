// One attempt of one cell (run/cell-job.ts) over the in-memory runtime: each way an attempt can go
// (serves and passes, crashes at startup, never gets ready, fails a probe, dies while serving, is
// interrupted, loses the engine, cannot be created) ends in the right state with its container
// torn down the right way.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../../harness/engines/index.ts';
import { InfraError } from '../../../harness/errors.ts';
import type { Cell } from '../../../harness/core/cell.ts';
import type { Probe } from '../../../harness/probes/probe.ts';
import { runAttempt, type AttemptEnv } from '../../../harness/run/cell-job.ts';
import type { StepName } from '../../../harness/core/events.ts';
import { makeCell } from '../../support/cell.ts';
import { MemoryRuntime, type ContainerScript, type MemoryRuntimeOptions } from '../../support/memory-runtime.ts';
import { hangingProbe, scriptedProbe } from '../../support/probes.ts';
import { info } from '../store/fixtures.ts';

const PTX_CRASH = [
  'INFO 11-22 10:00:01 [model_runner.py:1] Loading vision_tower weights',
  'Traceback (most recent call last):',
  '  File "/usr/local/lib/python3.12/site-packages/vllm/model_executor/models/qwen2_vl.py", line 400, in vision_tower',
  'RuntimeError: CUDA error: the provided PTX was compiled with an unsupported toolchain.',
];

interface Harness {
  runtime: MemoryRuntime;
  env: AttemptEnv;
  phases: Array<`${StepName} ${'begin' | 'end'}`>;
  abort: AbortController;
}

function harness(script: ContainerScript | null, probes: Probe[] = [], opts: Omit<MemoryRuntimeOptions, 'script'> = {}): Harness {
  const runtime = new MemoryRuntime({ ...opts, ...(script ? { script: () => script } : {}) });
  const abort = new AbortController();
  const phases: Harness['phases'] = [];
  const env: AttemptEnv = {
    runtime,
    run: { ...info(`unit-${process.pid}`), outDir: mkdtempSync(join(tmpdir(), 'cell-job-')) },
    engine: getEngine('vllm'),
    image: { ref: 'vllm/vllm-openai:v0.19.0', digest: 'sha256:x', id: 'sha256:x', labels: {}, architecture: 'amd64', os: 'linux', pulled: false },
    imageRef: 'vllm/vllm-openai:v0.19.0',
    spec: { image: 'vllm/vllm-openai:v0.19.0', cmd: ['Qwen/x'], env: {}, port: 8000, gpuDeviceIds: ['0'], mounts: [] },
    secrets: ['hf_secret_token'],
    logDir: mkdtempSync(join(tmpdir(), 'cell-job-logs-')),
    signal: abort.signal,
    probes,
    baseline: () => null,
    gpuFacts: { driverVersion: '580.1', cudaVersion: '13.0', torchVersion: null },
    onStep: (step, state) => void phases.push(`${step} ${state}`),
    onProbeEnd: () => {},
  };
  return { runtime, env, phases, abort };
}

const cell = (over: Parameters<typeof makeCell>[1] = {}): Cell => makeCell('img/h100/m/default', { timeouts: { startupMs: 2000, probeMs: 2000 }, ...over });

describe('runAttempt', () => {
  it('serves and passes: create → start → ready → probes → teardown, the container stopped then removed', async () => {
    const probe = scriptedProbe('text', () => 'pass');
    const h = harness({ log: ['INFO starting', 'token hf_secret_token in the log'], readyAfterMs: 30, routes: { '/version': { version: '0.19.0' } } }, [probe]);
    const a = await runAttempt(cell(), 1, 'first', h.env);
    expect(a).toMatchObject({ outcome: 'pass', diagnosis: null, error: null, exitCode: null, containerId: 'mem-1' });
    expect(a.probes.map((p) => [p.name, p.verdict])).toEqual([['text', 'pass']]);
    expect(probe.calls[0]!.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(h.phases).toEqual(['create begin', 'create end', 'start begin', 'start end', 'ready begin', 'ready end', 'probes begin', 'probes end', 'teardown begin', 'teardown end']);
    expect(Object.keys(a.steps)).toEqual(['create', 'start', 'ready', 'probes', 'teardown']);
    expect(h.runtime.journal).toEqual(['create 1', 'start 1', 'stop 1', 'remove 1']);
    expect(h.runtime.remaining).toBe(0);
    // labelled and named for the reaper; the secret never reaches the log file
    expect(h.runtime.created[0]!.labels).toMatchObject({ 'matrix.cell': 'img/h100/m/default', 'matrix.attempt': '1', 'matrix.pid': String(process.pid) });
    expect(h.runtime.created[0]!.name).toMatch(/-img_h100_m_default-a1-\d+$/);
    const log = readFileSync(a.logPath!, 'utf8');
    expect(log).toContain('INFO starting');
    expect(log).not.toContain('hf_secret_token');
    expect(a.fingerprint?.imageRef).toBe('vllm/vllm-openai:v0.19.0');
  });

  it('a crash at startup is a failure with its signature and the lines that prove it, at the exit (no timeout)', async () => {
    const h = harness({ log: ['INFO starting'], exitLog: PTX_CRASH, exit: { code: 1, afterMs: 20 } });
    // the startup timeout is a minute: the verdict comes from the exit, not from the timeout
    const a = await runAttempt(cell({ timeouts: { startupMs: 60_000, probeMs: 1000 } }), 1, 'first', h.env);
    expect(a).toMatchObject({ outcome: 'fail', exitCode: 1, error: null });
    expect(a.diagnosis?.signature).toBe('ptx-toolchain-vision-encoder');
    expect(a.diagnosis?.remedies).toContainEqual({ mm_attention: 'sdpa' });
    expect(a.diagnosis?.evidence.map((e) => e.text).join('\n')).toContain('unsupported toolchain');
    expect(a.logTail.map((l) => l.text).join('\n')).toContain('unsupported toolchain');
    expect(a.probes).toEqual([]);
    // an exited container holds no GPU: removed in the background, not stopped
    expect(h.runtime.journal).toEqual(['create 1', 'start 1', 'discard 1', 'remove 1']);
  });

  it('a server that never gets ready fails on the startup timeout, with what readiness last saw', async () => {
    const h = harness({ log: ['INFO loading weights'], readyAfterMs: 60_000 });
    const a = await runAttempt(cell({ timeouts: { startupMs: 400, probeMs: 1000 } }), 1, 'first', h.env);
    expect(a.outcome).toBe('fail');
    expect(a.exitCode).toBeNull();
    expect(a.diagnosis).toMatchObject({ signature: 'startup-timeout', phase: 'startup' });
    expect(a.diagnosis?.explanation).toContain('last: HTTP 503 from /health');
    expect(a.diagnosis?.evidence.map((e) => e.text)).toEqual(['INFO loading weights']);
    expect(h.runtime.journal).toEqual(['create 1', 'start 1', 'stop 1', 'remove 1']);
  });

  it('a probe that fails on a live server fails the attempt in the serve phase; later probes still run', async () => {
    const h = harness({ readyAfterMs: 0 }, [scriptedProbe('text', () => 'fail'), scriptedProbe('stream', () => 'pass')]);
    const a = await runAttempt(cell(), 1, 'first', h.env);
    expect(a.outcome).toBe('fail');
    expect(a.probes.map((p) => [p.name, p.verdict])).toEqual([['text', 'fail'], ['stream', 'pass']]);
    expect(a.exitCode).toBeNull();
    expect(a.diagnosis).not.toBeNull();
    expect(h.runtime.remaining).toBe(0);
  });

  it('a server that dies while serving: the probes stop, the exit and its log decide the failure', async () => {
    const h = harness({ readyAfterMs: 0, exit: { code: 139, afterMs: 150 }, exitLog: ['Fatal Python error: Segmentation fault'] }, [
      scriptedProbe('text', () => new Promise((r) => setTimeout(() => r('fail'), 300))),
      scriptedProbe('stream', () => 'pass'),
    ]);
    const a = await runAttempt(cell(), 1, 'first', h.env);
    expect(a).toMatchObject({ outcome: 'fail', exitCode: 139 });
    expect(a.probes.map((p) => p.name)).toEqual(['text']); // the second probe never ran against a dead server
    expect(a.logTail.map((l) => l.text).join('\n')).toContain('Segmentation fault');
    expect(h.runtime.journal.at(-2)).toBe('discard 1');
  });

  it('an interrupt during startup: infra "interrupted", no diagnosis, the container removed without a graceful stop', async () => {
    const h = harness({ log: ['INFO loading weights'], readyAfterMs: 60_000 });
    setTimeout(() => h.abort.abort(), 100);
    const a = await runAttempt(cell({ timeouts: { startupMs: 60_000, probeMs: 1000 } }), 1, 'first', h.env);
    expect(a).toMatchObject({ outcome: 'infra', error: 'interrupted', diagnosis: null });
    expect(h.runtime.journal).toEqual(['create 1', 'start 1', 'remove 1']);
  });

  it('an interrupt during a probe ends the probe and the attempt', async () => {
    const probe = hangingProbe();
    const h = harness({ readyAfterMs: 0 }, [probe]);
    void probe.started.then(() => h.abort.abort());
    const a = await runAttempt(cell({ timeouts: { startupMs: 2000, probeMs: 60_000 } }), 1, 'first', h.env);
    expect(a).toMatchObject({ outcome: 'infra', error: 'interrupted' });
    expect(a.probes.map((p) => [p.name, p.verdict])).toEqual([['hang', 'fail']]);
    expect(h.runtime.remaining).toBe(0);
  });

  it('a container that exits because the Docker engine stopped is infra docker-down, not a failure of the cell', async () => {
    const h = harness({ exit: { code: 137, afterMs: 20 } });
    h.runtime.engineDown = true;
    const a = await runAttempt(cell(), 1, 'first', h.env);
    expect(a.outcome).toBe('infra');
    expect(a.diagnosis?.category).toBe('docker-down');
    expect(a.error).toContain('the Docker engine stopped while the cell ran');
  });

  it('a create the engine refuses is infra with its kind; there is nothing to tear down', async () => {
    const h = harness(null, [], { createFails: () => new InfraError('gpu-unavailable', 'could not select device driver "nvidia"', 'install the NVIDIA container toolkit', 'create') });
    const a = await runAttempt(cell(), 1, 'first', h.env);
    expect(a).toMatchObject({ outcome: 'infra', containerId: null });
    expect(a.diagnosis?.category).toBe('gpu-unavailable');
    expect(h.phases).toEqual(['create begin', 'create end']);
    expect(h.runtime.journal).toEqual(['create 1']);
  });
});
