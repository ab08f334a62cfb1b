// Latency math: THE one place where TTFT, ITL, TPOT and end-to-end latency are derived from the
// raw timings a request stored (ARCHITECTURE.md rule 6). Pure functions over RequestTiming.
//
// Definitions (all times are performance.now() milliseconds of the harness process; "content chunk"
// is an SSE chunk whose delta carries generated text — non-empty `content`, or reasoning text
// while a reasoning model thinks; role-only, usage-only and finish-reason-only chunks never count):
//   TTFT  = t(first content chunk) − t(request start)
//   ITL per chunk = t(content chunk i) − t(content chunk i−1), for every consecutive pair
//   ITL per token = (ITL per chunk) / k̄, k̄ = (output tokens − 1) / (content chunks − 1): the tokens a
//           chunk after the first carries on average in that request (SSE does not say how many each
//           holds; with speculative decoding one chunk carries several). One token a chunk: k̄ = 1.
//   e2e   = t(last content chunk) − t(request start)
//   TPOT  = (e2e − TTFT) / (output tokens − 1), output tokens = usage.completion_tokens;
//           undefined when the request produced fewer than 2 tokens or reported no usage
//   pXX   = linear interpolation between the closest ranks: with the n values sorted ascending
//           as v[0..n−1], rank r = (XX/100)·(n−1), pXX = v[⌊r⌋] + (r − ⌊r⌋)·(v[⌈r⌉] − v[⌊r⌋])
//           (NumPy's default "linear" method; p50 of an even count is the mean of the middle two)
//   output throughput = Σ output tokens / (last request end − first request start) in tokens/s
import type { RequestTiming } from '../core/probe-result.ts';

/** The formulas as text, for the report. Keys match the metric name prefixes. */
export const LATENCY_FORMULAS: Readonly<Record<string, string>> = {
  ttft: 'TTFT = t(first content chunk) − t(request start); a content chunk carries generated text (answer or reasoning); role-only, usage-only and finish-only chunks never count',
  itl: 'ITL per chunk = t(content chunk i) − t(content chunk i−1), every consecutive pair of content chunks',
  itl_token: 'ITL per token = ITL per chunk / k̄, k̄ = (usage.completion_tokens − 1) / (content chunks − 1): the tokens a chunk after the first carries on average in its request (the stream does not say per chunk)',
  e2e: 'e2e = t(last content chunk) − t(request start)',
  tpot: 'TPOT = (e2e − TTFT) / (usage.completion_tokens − 1); undefined for fewer than 2 output tokens',
  percentile:
    'pXX = linear interpolation between closest ranks: r = XX/100·(n−1), pXX = v[⌊r⌋] + (r−⌊r⌋)·(v[⌈r⌉]−v[⌊r⌋]) over sorted values',
  throughput: 'output tokens/s = Σ usage.completion_tokens / (last request end − first request start)',
};

export const PERCENTILES = [50, 90, 99] as const;

/** Figures derived from one request. */
export interface RequestLatency {
  ttftMs: number;
  e2eMs: number;
  /** One gap per consecutive pair of content chunks (empty for a single content chunk). */
  itlMs: number[];
  /** The same gaps per token: each divided by the mean tokens a chunk carries (empty without usage). */
  itlPerTokenMs: number[];
  /** null when usage is missing or the output has fewer than 2 tokens. */
  tpotMs: number | null;
  outputTokens: number | null;
  contentChunks: number;
}

/** Derive TTFT, ITL, e2e and TPOT of one request; null when it carried no content chunk. */
export function requestLatency(timing: RequestTiming): RequestLatency | null {
  const content = timing.chunks.filter((c) => c.kind === 'content').map((c) => c.atMs);
  const first = content[0];
  const last = content[content.length - 1];
  if (first === undefined || last === undefined) return null;
  const ttftMs = first - timing.startMs;
  const e2eMs = last - timing.startMs;
  const itlMs: number[] = [];
  for (let i = 1; i < content.length; i++) itlMs.push(content[i]! - content[i - 1]!);
  const tokens = timing.completionTokens;
  const tpotMs = tokens !== null && tokens >= 2 ? (e2eMs - ttftMs) / (tokens - 1) : null;
  const perChunk = tokens !== null && tokens >= 2 && itlMs.length > 0 ? (tokens - 1) / itlMs.length : null;
  const itlPerTokenMs = perChunk === null ? [] : itlMs.map((g) => g / perChunk);
  return { ttftMs, e2eMs, itlMs, itlPerTokenMs, tpotMs, outputTokens: tokens, contentChunks: content.length };
}

/** pXX by linear interpolation between closest ranks (see the header); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (p < 0 || p > 100) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (rank - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Summary figures over a group of requests, named `${prefix}ttft_p50_ms`, `…itl_p90_ms` (per chunk),
 * `…itl_token_p50_ms` (per token),
 * `…tpot_p99_ms`, `…e2e_p50_ms`, plus `…output_tokens_per_s`, `…requests` and `…output_tokens`.
 * Requests without content are left out of the latency figures; figures without any value are
 * omitted (never NaN).
 */
export function summarizeLatency(timings: readonly RequestTiming[], prefix = ''): Record<string, number> {
  const per = timings.map(requestLatency).filter((l): l is RequestLatency => l !== null);
  const series: Record<string, number[]> = {
    ttft: per.map((l) => l.ttftMs),
    itl: per.flatMap((l) => l.itlMs),
    itl_token: per.flatMap((l) => l.itlPerTokenMs),
    tpot: per.map((l) => l.tpotMs).filter((v): v is number => v !== null),
    e2e: per.map((l) => l.e2eMs),
  };
  const out: Record<string, number> = {};
  for (const [name, values] of Object.entries(series)) {
    if (values.length === 0) continue;
    for (const p of PERCENTILES) out[`${prefix}${name}_p${p}_ms`] = percentile(values, p);
  }
  out[`${prefix}requests`] = timings.length;
  const tokens = outputTokens(timings);
  out[`${prefix}output_tokens`] = tokens;
  const rate = outputThroughput(timings);
  if (rate !== null) out[`${prefix}output_tokens_per_s`] = rate;
  return out;
}

function outputTokens(timings: readonly RequestTiming[]): number {
  return timings.reduce((sum, t) => sum + (t.completionTokens ?? 0), 0);
}

/** Σ completion tokens / wall time from the first start to the last end, in tokens per second. */
export function outputThroughput(timings: readonly RequestTiming[]): number | null {
  if (timings.length === 0) return null;
  const start = Math.min(...timings.map((t) => t.startMs));
  const end = Math.max(...timings.map((t) => t.endMs));
  if (!(end > start)) return null;
  return outputTokens(timings) / ((end - start) / 1000);
}
