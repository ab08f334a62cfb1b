// The Probe interface: what a cell is asked once its server is up.
// Built-ins live beside this file (text, image, stream, mtp); a matrix may name a local module
// whose default export (or `probe` export) is a Probe.
import type { Cell } from '../matrix/types.ts';
import type { Engine } from '../engines/engine.ts';
import type { BaselineRun } from './baseline.ts';

/** Raw monotonic timings of one request (milliseconds from performance.now()). */
export interface RequestTiming {
  /** Label of the request within the probe, e.g. "seq-0", "conc-3". */
  label: string;
  startMs: number;
  /**
   * One entry per SSE chunk, stamped when the network read that carried it resolved (or one entry
   * for a non-streamed response). Kinds (chunks.ts): role — role with no content; content —
   * generated text (answer or reasoning), the only kind latency counts; usage — usage with empty
   * choices; other — finish-reason-only and empty deltas. See latency.ts for the formulas.
   */
  chunks: Array<{ atMs: number; kind: 'role' | 'content' | 'usage' | 'other'; text?: string }>;
  endMs: number;
  promptTokens: number | null;
  completionTokens: number | null;
  status: number | null;
  error: string | null;
}

export interface Assertion {
  name: string;
  ok: boolean;
  message: string;
}

export interface ProbeResult {
  name: string;
  verdict: 'pass' | 'fail' | 'skip';
  assertions: Assertion[];
  /** Derived figures, e.g. ttft_p50_ms, itl_p50_ms, acceptance_rate. */
  metrics: Record<string, number>;
  requests: RequestTiming[];
  /** Lines (from the server log or responses) that support the verdict. */
  evidence: string[];
  /** A precise error when the probe could not complete, else null. */
  error: string | null;
  /** Greedy outputs keyed by prompt, so a later probe can compare against a baseline. */
  outputs?: Record<string, string>;
  /** The failure signature the probe names (e.g. accuracy-drop-batched); absent: probe-<name>. */
  signature?: string;
}

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
