// Building a ProbeResult: assertions, figures, raw timings and evidence collected as a probe runs;
// the verdict follows from them (any failed assertion or an error → fail). Pure.
import type { Assertion, ProbeResult, RequestTiming } from '../core/probe-result.ts';
import { isProbeError } from './stream-chat.ts';

export class ResultBuilder {
  readonly assertions: Assertion[] = [];
  readonly metrics: Record<string, number> = {};
  readonly requests: RequestTiming[] = [];
  readonly evidence: string[] = [];
  private outputs: Record<string, string> | undefined;
  private error: string | null = null;
  /** A failure signature more precise than probe-<name>, kept only when the probe fails. */
  signature: string | null = null;

  constructor(readonly name: string) {}

  /** Record an assertion; returns `ok` so callers can branch on it. */
  assert(name: string, ok: boolean, message: string): boolean {
    this.assertions.push({ name, ok, message });
    return ok;
  }

  output(key: string, text: string): void {
    (this.outputs ??= {})[key] = text;
  }

  fail(error: string): ProbeResult {
    this.error = error;
    return this.build();
  }

  build(): ProbeResult {
    const failed = this.error !== null || this.assertions.length === 0 || this.assertions.some((a) => !a.ok);
    const result: ProbeResult = {
      name: this.name,
      verdict: failed ? 'fail' : 'pass',
      assertions: this.assertions,
      metrics: this.metrics,
      requests: this.requests,
      evidence: this.evidence,
      error: this.error ?? (this.assertions.length === 0 ? 'the probe made no assertion' : null),
    };
    if (this.outputs) result.outputs = this.outputs;
    if (failed && this.signature) result.signature = this.signature;
    return result;
  }
}

/** Run a probe body; an exception becomes a failed result with the message (never a stack trace). */
export async function guarded(name: string, body: (r: ResultBuilder) => Promise<ProbeResult>): Promise<ProbeResult> {
  const r = new ResultBuilder(name);
  try {
    return await body(r);
  } catch (err) {
    const message = isProbeError(err) || err instanceof Error ? err.message : String(err);
    return r.fail(message);
  }
}

/** A `skip` result with the reason, for runners that want a result for a probe that does not apply. */
export function skipped(name: string, reason: string): ProbeResult {
  return { name, verdict: 'skip', assertions: [], metrics: {}, requests: [], evidence: [reason], error: null };
}
