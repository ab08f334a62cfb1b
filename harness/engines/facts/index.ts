// The registry of engine facts: one EngineFacts per engine whose source has been read.
// SGLang and NIM join here with their own folders (facts/sglang/, facts/nim/).
import type { EngineId } from '../../core/cell.ts';
import type { EngineFacts } from './types.ts';
import { NIM_FACTS } from './nim/index.ts';
import { SGLANG_FACTS } from './sglang/index.ts';
import { VLLM_FACTS } from './vllm/index.ts';

export const ENGINE_FACTS: Readonly<Partial<Record<EngineId, EngineFacts>>> = { vllm: VLLM_FACTS, sglang: SGLANG_FACTS, nim: NIM_FACTS };

/** The facts of an engine, or null when its source has not been read yet. */
export function engineFacts(engine: EngineId): EngineFacts | null {
  return ENGINE_FACTS[engine] ?? null;
}

export { NIM_FACTS, SGLANG_FACTS, VLLM_FACTS };
export type * from './types.ts';
export { citation, factsAt, flagAt, flagSince, holdsAt, releaseFor, semanticValue, sourcesFor, valuesAt } from './query.ts';
export { UVICORN_LOG_LINES, UVICORN_READ } from './uvicorn.ts';
