// What a probe found: its verdict, assertions, derived figures and the raw timings of each request.
// Pure data, stored per attempt and shown by the report (the Probe interface is probes/probe.ts).

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
