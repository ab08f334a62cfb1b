// Test helpers: a Cell and a ProbeContext pointed at a test server.
import { getEngine } from '../../../harness/engines/index.ts';
import type { Cell, EngineId, SemanticOptions } from '../../../harness/core/cell.ts';
import type { ProbeContext } from '../../../harness/probes/probe.ts';
import { makeCell } from '../../support/cell.ts';

/** The probes' cell: the shared builder's, for an MTP-capable Qwen model (text, or text and images). */
export function cell(over: { options?: SemanticOptions; modalities?: Array<'text' | 'image'>; engine?: EngineId } = {}): Cell {
  return makeCell('img/h100/qwen/default', {
    matrix: 'test',
    image: { ref: 'example/img:1', engine: over.engine ?? 'vllm' },
    model: { name: 'Qwen/Qwen3.5-0.8B', modalities: over.modalities ?? ['text'], mtp: true, sizeGiB: 2 },
    options: over.options ?? {},
    timeouts: { startupMs: 60_000, probeMs: 60_000 },
    probes: ['text'],
    command: [],
  });
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
