// What a startup sequence needs: the parsed command, the configuration, the decided failure,
// an abortable sleep and the output. Shared by the vLLM and SGLang sequences.
import type { EmulatorConfig } from '../../core/emulator-traits.ts';
import type { ServeArgs } from '../argv/serve-args.ts';
import type { Failure } from './failures.ts';
import type { Out } from './log.ts';

export interface StartupContext {
  args: ServeArgs;
  config: EmulatorConfig;
  failure: Failure | null;
  out: Out;
  /** Resolves after `s` seconds; rejects with AbortedError when the emulator is closed. */
  sleep(s: number): Promise<void>;
  /** Engine-core process id printed in the prefixes. */
  enginePid: number;
  /** Called the moment the server should accept connections (vLLM and SGLang: once the engine is up). */
  listen(): Promise<void>;
  /** Marks the server ready before the sequence ends (SGLang before 0.5.0: /health is 200 once uvicorn listens). */
  markReady?(): void;
}

/** Startup ends ready to serve, or with the process exit code. */
export type StartupResult = { ready: true } | { ready: false; exitCode: number };

export class AbortedError extends Error {
  constructor() {
    super('emulator closed');
  }
}

export const DEFAULT_MAX_MODEL_LEN = 32768;

export function maxModelLenOf(args: ServeArgs): number {
  return args.maxModelLen ?? DEFAULT_MAX_MODEL_LEN;
}

/** Memory figures of a healthy start, consistent across the log lines. */
export function memoryPlan(args: ServeArgs, config: EmulatorConfig, modelGiB: number) {
  const util = args.gpuMemoryUtilization ?? 0.9;
  const weights = modelGiB / Math.max(1, args.tensorParallelSize);
  const graphs = args.enforceEager ? 0 : 0.45;
  const kv = Math.max(0.5, config.gpu.memoryGiB * util - weights - graphs - 1.2);
  const kvTokens = Math.floor((kv * 18_710) / 16) * 16;
  return { util, weights, graphs, kv, kvTokens, concurrency: kvTokens / maxModelLenOf(args) };
}
