// Latency figures checked by structure, never against a time target (those live in test/bench:
// B4 measures how close the stream probe's TTFT/ITL come to the emulator's configured values).
// What holds however loaded the machine is:
//   - every request's content chunks give one ITL per consecutive pair, none negative;
//   - a request's end-to-end latency is never below its TTFT, so neither is any percentile of it;
//   - percentiles are ordered (p50 ≤ p90 ≤ p99);
//   - causality: a server told to wait `ttftMs` before the first token and `itlMs` between tokens
//     cannot answer sooner, so TTFT ≥ ttftMs and e2e ≥ ttftMs + (content chunks − 1)·itlMs (a timer
//     may fire up to 1 ms before performance.now() says its time has come: 1 ms of slack per timer).
//     A late chunk only ever makes these larger.
import { expect } from 'vitest';
import type { RequestTiming } from '../../harness/core/probe-result.ts';
import { requestLatency } from '../../harness/probes/latency.ts';

/** How much earlier than its delay a timer may seem to fire (libuv counts whole milliseconds). */
const TIMER_SLACK_MS = 1;

/** Per request: TTFT, ITL and e2e are present, consistent with each other and never earlier than the server's configured delays. */
export function expectLatencyStructure(requests: readonly RequestTiming[], configured: { ttftMs: number; itlMs: number }): void {
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    const l = requestLatency(r);
    expect(l, r.label).not.toBeNull();
    expect(l!.itlMs, r.label).toHaveLength(l!.contentChunks - 1);
    for (const gap of l!.itlMs) expect(gap, r.label).toBeGreaterThanOrEqual(0);
    expect(l!.e2eMs, r.label).toBeGreaterThanOrEqual(l!.ttftMs);
    expect(l!.ttftMs, r.label).toBeGreaterThanOrEqual(configured.ttftMs - TIMER_SLACK_MS);
    const gaps = l!.contentChunks - 1;
    expect(l!.e2eMs, r.label).toBeGreaterThanOrEqual(configured.ttftMs + gaps * configured.itlMs - (1 + gaps) * TIMER_SLACK_MS);
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
