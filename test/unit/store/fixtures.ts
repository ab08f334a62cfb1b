// A minimal planned cell and run, for the store's tests on real SQLite files.
import type { Cell } from '../../../harness/core/cell.ts';
import type { RunInfo } from '../../../harness/core/events.ts';

export function cell(id: string): Cell {
  return {
    id, matrix: 'm',
    image: { id: 'img', ref: 'vllm/vllm-openai:v0.19.0', engine: 'vllm', emulate: null, entrypoint: null, command: null, platform: null, runtime: null, mounts: [], env: {} },
    gpu: { name: 'h100', arch: 'sm_90', computeCapability: '9.0', memoryGiB: 80 },
    model: { id: 'm', name: 'Qwen/x', modalities: ['text'], mtp: false, architecture: null, sizeGiB: null },
    flags: { id: 'default', options: {}, args: {} }, options: {}, args: [], env: {},
    timeouts: { startupMs: 1000, probeMs: 1000 }, retries: 0, probes: ['stream'], expect: null, gpus: 1, command: ['Qwen/x'], skip: null,
  };
}

export const info = (id: string): RunInfo => ({ id, startedAt: '2026-11-22T00:00:00Z', host: 'h', runnerLabels: [], gitCommit: null, matrixFiles: [], emulate: true, argv: [], dbPath: '', outDir: '', resumedFrom: null });
