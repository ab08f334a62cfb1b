// The Probe interface: what a cell is asked once its server is up.
// Built-ins live beside this file (text, image, stream, mtp); a matrix may name a local module
// whose default export (or `probe` export) is a Probe.
import type { Cell } from '../core/cell.ts';
import type { Engine } from '../engines/engine.ts';
import type { BaselineRun } from './baseline.ts';
import type { ProbeResult } from '../core/probe-result.ts';

/** Probe authors import everything from this file (matrix/probes/*.ts), the result's shape included. */
export type { Assertion, ProbeResult, RequestTiming } from '../core/probe-result.ts';
export interface ProbeContext {
  cell: Cell;
  engine: Engine;
  /** e.g. http://127.0.0.1:49153 */
  baseUrl: string;
  /** The model name to send in requests (as served). */
  model: string;
  timeoutMs: number;
  signal: AbortSignal;
  /** The server's log so far (bounded tail), for evidence such as CUDA graph capture lines. */
  logTail(): string[];
  /** Greedy outputs of the same image/gpu/model run without speculation in this run, if any. */
  baseline(): Record<string, string> | null;
  /**
   * This probe's result in the cell it compares with (same image × GPU × model; the flag set its
   * `baseline` option names, by default CUDA graphs off), once that cell has run; absent or null
   * when there is none. Used by the accuracy and image probes (see baseline.ts).
   */
  baselineRun?(): BaselineRun | null;
  /**
   * This probe's options from the matrix (e.g. `{ questions: [...] }` for text,
   * `{ sequential: 5, concurrent: 4 }` for stream). Absent means the probe's defaults.
   */
  options?: Record<string, unknown>;
}

export interface Probe {
  name: string;
  /** Whether the probe applies to the cell; a string is the reason it does not. */
  applies(cell: Cell): true | string;
  run(ctx: ProbeContext): Promise<ProbeResult>;
}
