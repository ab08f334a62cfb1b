// (cell, options) → how its engine is invoked: the argv after the image's entrypoint, the engine's
// own environment variables and the GPUs it leases — or why the engine cannot express the options.
// The one function behind both expansion (plan/expand.ts) and triage (run/cell-runner.ts: a remedy
// is the same cell with other options), so a remedy's attempt runs exactly what its cell would.
import type { ImageSpec, SemanticOptions } from '../core/cell.ts';
import type { Engine } from './engine.ts';
import { imageEngineVersion } from './version.ts';

/** What the invocation needs of a cell (an expanded Cell, or a coordinate of the matrix being expanded). */
export interface InvocationCell {
  image: Pick<ImageSpec, 'ref' | 'emulate'>;
  model: { name: string; revision?: string | null };
  /** Raw per-engine args of the cell (the matrix's escape hatch), appended last. */
  args: string[];
}

/** Env and GPUs always; argv, or the reason the engine cannot express the options. */
export type Invocation = { env: Record<string, string>; gpus: number } & ({ argv: string[] } | { unsupported: string });

export function engineInvocation(engine: Engine, cell: InvocationCell, options: SemanticOptions): Invocation {
  const version = imageEngineVersion(cell.image);
  const command = engine.command({ model: cell.model.name, revision: cell.model.revision ?? null, options, port: engine.defaultPort, extraArgs: cell.args, version });
  return { ...command, env: engine.env?.(options, version) ?? {}, gpus: options.tensor_parallel ?? 1 };
}
