// Test helpers: a Cell and a ProbeContext pointed at a test server.
import { getEngine } from '../../../harness/engines/index.ts';
import type { Cell, EngineId, SemanticOptions } from '../../../harness/core/cell.ts';
import type { ProbeContext } from '../../../harness/probes/probe.ts';

export function cell(over: { options?: SemanticOptions; modalities?: Array<'text' | 'image'>; engine?: EngineId } = {}): Cell {
  const options = over.options ?? {};
  return {
    id: 'img/h100/qwen/default',
    matrix: 'test',
    image: { id: 'img', ref: 'example/img:1', engine: over.engine ?? 'vllm', emulate: null, entrypoint: null, command: null, platform: null, runtime: null, mounts: [], env: {} },
    gpu: { name: 'h100', arch: 'sm_90', computeCapability: '9.0', memoryGiB: 80 },
    model: { id: 'qwen', name: 'Qwen/Qwen3.5-0.8B', modalities: over.modalities ?? ['text'], mtp: true, architecture: null, sizeGiB: 2 },
    flags: { id: 'default', options, args: {} },
    options,
    args: [],
    env: {},
    timeouts: { startupMs: 60_000, probeMs: 60_000 },
    retries: 0,
    probes: ['text'],
    expect: null,
    gpus: 1,
    command: [],
    skip: null,
  };
}

export function context(baseUrl: string, over: Partial<ProbeContext> & { cellOptions?: SemanticOptions; modalities?: Array<'text' | 'image'> } = {}): ProbeContext {
  const c = over.cell ?? cell({ options: over.cellOptions ?? {}, modalities: over.modalities ?? ['text'] });
  return {
    cell: c,
    engine: getEngine(c.image.engine),
    baseUrl,
    model: 'qwen',
    timeoutMs: 5000,
    signal: new AbortController().signal,
    logTail: () => [],
    baseline: () => null,
    ...over,
  };
}
