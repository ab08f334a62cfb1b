// Latency figures checked by structure, never against a time target (those live in test/bench:
// B4 measures how close the stream probe's TTFT, ITL and TPOT come to the emulator's configured
// values). What holds however loaded the machine is:
//   - a request's first content chunk comes after its role chunk (TTFT times a token, not the
//     headers), and its content chunks give one ITL per consecutive pair, none negative;
//   - its end-to-end latency is never below its TTFT, and with one token a chunk its TPOT is its
//     mean ITL (two derivations, from the usage count and from the gaps, agree);
//   - a group's percentiles are ordered (p50 ≤ p90 ≤ p99), and so are e2e's above TTFT's.
// Not even "never below the configured TTFT" holds per request: the probe stamps a request's start
// when its write has completed (stream-chat.ts), which on a loaded machine can come after the
// server has begun to wait.
import { expect } from 'vitest';
import type { RequestTiming } from '../../harness/core/probe-result.ts';
import { requestLatency } from '../../harness/probes/latency.ts';

/** Per request: TTFT, ITL, TPOT and e2e present and consistent with each other and with the chunks. */
export function expectLatencyStructure(requests: readonly RequestTiming[]): void {
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    const l = requestLatency(r);
    expect(l, r.label).not.toBeNull();
    const firstContent = r.chunks.findIndex((c) => c.kind === 'content');
    const role = r.chunks.findIndex((c) => c.kind === 'role');
    expect(role, r.label).toBeGreaterThanOrEqual(0);
    expect(role, r.label).toBeLessThan(firstContent);
    expect(r.chunks[firstContent]!.atMs, r.label).toBeGreaterThanOrEqual(r.chunks[role]!.atMs);
    expect(l!.ttftMs, r.label).toBeGreaterThan(0);
    expect(l!.itlMs, r.label).toHaveLength(l!.contentChunks - 1);
    for (const gap of l!.itlMs) expect(gap, r.label).toBeGreaterThanOrEqual(0);
    expect(l!.e2eMs, r.label).toBeGreaterThanOrEqual(l!.ttftMs);
    // One token a chunk: TPOT (from e2e, TTFT and the usage count) is the mean ITL (from the gaps).
    if (l!.outputTokens === l!.contentChunks) expect(l!.tpotMs, r.label).toBeCloseTo(l!.itlMs.reduce((a, b) => a + b, 0) / l!.itlMs.length, 6);
  }
}

/** The summary figures of a group (`seq_`, `conc_`): every percentile present, ordered, e2e never below TTFT. */
export function expectSummaryStructure(metrics: Record<string, number>, prefix: string, series: readonly string[] = ['ttft', 'itl', 'tpot', 'e2e']): void {
  for (const name of series) {
    const [p50, p90, p99] = [50, 90, 99].map((p) => metrics[`${prefix}${name}_p${p}_ms`]);
    for (const v of [p50, p90, p99]) expect(Number.isFinite(v), `${prefix}${name}`).toBe(true);
    expect(p50!, `${prefix}${name}`).toBeLessThanOrEqual(p90!);
    expect(p90!, `${prefix}${name}`).toBeLessThanOrEqual(p99!);
  }
  for (const p of [50, 90, 99]) expect(metrics[`${prefix}e2e_p${p}_ms`]!).toBeGreaterThanOrEqual(metrics[`${prefix}ttft_p${p}_ms`]!);
}
