// The engine registry: the one place that maps an EngineId to its Engine.
import type { EngineId } from '../core/cell.ts';
import type { Engine } from './engine.ts';
import { nim } from './nim.ts';
import { sglang } from './sglang.ts';
import { vllm } from './vllm.ts';

export const ENGINES: Readonly<Record<EngineId, Engine>> = { vllm, sglang, nim };

export function getEngine(id: EngineId): Engine {
  const engine = ENGINES[id];
  if (engine === undefined) throw new Error(`unknown engine: ${String(id)}`);
  return engine;
}

/** The engine as it stands at a release: its metric names are that release's (see Engine.metricsAt). */
export function engineAt(id: EngineId, version: string | null): Engine {
  const engine = getEngine(id);
  return engine.metricsAt === undefined ? engine : { ...engine, metrics: engine.metricsAt(version) };
}

export type { Engine, CommandInput, CommandResult, MetricNames, ReadinessRule } from './engine.ts';
