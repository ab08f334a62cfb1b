// One attempt whose engine does not exit: the cell job ends it through the startup watchdog — after
// the grace period when it printed a fatal line, after the stall timeout when it went silent —
// with the diagnosis of the lines before the stop, and stops the container instead of waiting for
// the startup timeout. An in-memory runtime: a container that prints its log and never exits.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../../harness/engines/index.ts';
import { runAttempt, type AttemptEnv } from '../../../harness/run/cell-job.ts';
import { cell, info } from '../store/fixtures.ts';
import { MemoryRuntime } from '../../support/memory-runtime.ts';

const HOUR = 3_600_000;
const NO_KERNEL = [
  '(EngineCore_DP0 pid=100) INFO 12-02 10:00:00 [gpu_model_runner.py:4501] Starting to load model Qwen/x...',
  '(EngineCore_DP0 pid=100) ERROR 12-02 10:00:01 [core.py:1020] EngineCore failed to start.',
  '(EngineCore_DP0 pid=100) ERROR 12-02 10:00:01 [core.py:1020] Traceback (most recent call last):',
  '(EngineCore_DP0 pid=100) ERROR 12-02 10:00:01 [core.py:1020]   File "/usr/local/lib/python3.12/dist-packages/vllm/v1/attention/backends/flash_attn.py", line 700, in forward',
  '(EngineCore_DP0 pid=100) ERROR 12-02 10:00:01 [core.py:1020] torch.AcceleratorError: CUDA error: no kernel image is available for execution on the device',
];

function attempt(log: string[], timeouts: { fatalGraceMs?: number; stallMs?: number }) {
  const runtime = new MemoryRuntime({ script: () => ({ log }) }); // prints its log, never exits on its own
  const c = { ...cell('img/h100/m/default'), timeouts: { startupMs: HOUR, probeMs: 1000, ...timeouts } };
  const engine = getEngine('vllm');
  const env: AttemptEnv = {
    runtime, run: info('unit-stopped'), engine, image: { ref: 'x', digest: null, id: 'sha256:x', labels: {}, architecture: 'amd64', os: 'linux', pulled: false }, imageRef: 'x',
    spec: { image: 'x', cmd: [], env: {}, port: 8000, mounts: [], gpus: [], shmSize: null } as unknown as AttemptEnv['spec'],
    secrets: [], logDir: mkdtempSync(join(tmpdir(), 'logs-')), signal: new AbortController().signal, probes: [], baseline: () => null,
    gpuFacts: { driverVersion: null, cudaVersion: null, torchVersion: null }, onStep: () => {}, onProbeEnd: () => {},
  };
  return { runtime, done: runAttempt(c, 1, 'first', env) };
}

describe('runAttempt with an engine that does not exit', () => {
  it('a fatal line, then nothing: stopped after the grace period, with the failure the log names', async () => {
    const { runtime, done } = attempt(NO_KERNEL, { fatalGraceMs: 30 });
    const a = await done;
    expect(a.outcome).toBe('fail');
    expect(a.exitCode).toBeNull();
    expect(a.diagnosis).toMatchObject({ category: 'no-kernel-image', stopped: { reason: 'fatal-hang', afterS: 0.03, line: { line: 2 } } });
    expect(runtime.remaining).toBe(0);
  });

  it('no fatal line and no output: stopped as startup-stalled after the stall timeout', async () => {
    const { runtime, done } = attempt(NO_KERNEL.slice(0, 1), { fatalGraceMs: HOUR, stallMs: 50 });
    const a = await done;
    expect(a.exitCode).toBeNull();
    expect(a.diagnosis).toMatchObject({ signature: 'startup-stalled', phase: 'load', stopped: { reason: 'stalled', line: { line: 1 } } });
    expect(runtime.remaining).toBe(0);
  });
});
