import { describe, expect, it } from 'vitest';
import { LATENCY_FORMULAS, outputThroughput, percentile, requestLatency, summarizeLatency } from '../../../harness/probes/latency.ts';
import type { RequestTiming } from '../../../harness/core/probe-result.ts';

type Kind = RequestTiming['chunks'][number]['kind'];

function timing(startMs: number, chunks: Array<[number, Kind]>, completionTokens: number | null, label = 'r'): RequestTiming {
  const last = chunks[chunks.length - 1];
  return {
    label,
    startMs,
    chunks: chunks.map(([atMs, kind]) => (kind === 'content' ? { atMs, kind, text: 'x' } : { atMs, kind })),
    endMs: last ? last[0] + 1 : startMs,
    promptTokens: 10,
    completionTokens,
    status: 200,
    error: null,
  };
}

describe('requestLatency', () => {
  it('measures TTFT from the first content chunk, never the role chunk', () => {
    // role chunk at +5 ms, content at +80, +95, +110, finish-only at +111, usage at +112
    const t = timing(1000, [[1005, 'role'], [1080, 'content'], [1095, 'content'], [1110, 'content'], [1111, 'other'], [1112, 'usage']], 3);
    const l = requestLatency(t)!;
    expect(l.ttftMs).toBe(80);
    expect(l.e2eMs).toBe(110);
    expect(l.itlMs).toEqual([15, 15]);
    expect(l.contentChunks).toBe(3);
    // (110 − 80) / (3 − 1)
    expect(l.tpotMs).toBe(15);
  });

  it('ITL per token: with speculative decoding a chunk carries several tokens, so each gap is shared by them', () => {
    // 3 content chunks, 7 tokens: the 2 later chunks carry (7 − 1) / 2 = 3 tokens each on average
    const t = timing(0, [[40, 'content'], [70, 'content'], [130, 'content']], 7);
    const l = requestLatency(t)!;
    expect(l.itlMs).toEqual([30, 60]);
    expect(l.itlPerTokenMs).toEqual([10, 20]);
    // its mean is TPOT; its spread is the chunks' spread
    expect(l.tpotMs).toBe(15);
    const oneEach = requestLatency(timing(0, [[40, 'content'], [70, 'content'], [130, 'content']], 3))!;
    expect(oneEach.itlPerTokenMs).toEqual(oneEach.itlMs);
    expect(requestLatency(timing(0, [[40, 'content'], [70, 'content']], null))!.itlPerTokenMs).toEqual([]);
    expect(summarizeLatency([t])).toMatchObject({ itl_p50_ms: 45, itl_token_p50_ms: 15 });
  });

  it('ignores usage chunks that arrive between content chunks', () => {
    const t = timing(0, [[10, 'content'], [12, 'usage'], [20, 'content']], 2);
    expect(requestLatency(t)!.itlMs).toEqual([10]);
  });

  it('single-token output: TTFT = e2e, no ITL, TPOT undefined', () => {
    const t = timing(0, [[3, 'role'], [50, 'content'], [51, 'usage']], 1);
    const l = requestLatency(t)!;
    expect(l).toMatchObject({ ttftMs: 50, e2eMs: 50, itlMs: [], tpotMs: null, outputTokens: 1 });
  });

  it('TPOT uses usage tokens, not chunk count (several tokens per chunk)', () => {
    const t = timing(0, [[40, 'content'], [60, 'content']], 5);
    expect(requestLatency(t)!.tpotMs).toBe(5);
  });

  it('TPOT is undefined without usage', () => {
    expect(requestLatency(timing(0, [[40, 'content'], [60, 'content']], null))!.tpotMs).toBeNull();
  });

  it('a request with only role and usage chunks has no latency', () => {
    expect(requestLatency(timing(0, [[3, 'role'], [4, 'other'], [5, 'usage']], 0))).toBeNull();
  });
});

describe('percentile (linear interpolation between closest ranks)', () => {
  it('interpolates like NumPy linear', () => {
    const v = [15, 20, 35, 40, 50];
    expect(percentile(v, 50)).toBe(35);
    expect(percentile(v, 0)).toBe(15);
    expect(percentile(v, 100)).toBe(50);
    // rank 0.9·4 = 3.6 → 40 + 0.6·10
    expect(percentile(v, 90)).toBeCloseTo(46, 10);
    // rank 0.99·4 = 3.96 → 40 + 0.96·10
    expect(percentile(v, 99)).toBeCloseTo(49.6, 10);
  });
  it('p50 of an even count is the mean of the middle two; order does not matter', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
  });
  it('one value is every percentile; no values is NaN; out-of-range p throws', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('summarizeLatency', () => {
  it('names figures with the prefix and computes throughput from wall time', () => {
    const a = timing(0, [[1, 'role'], [80, 'content'], [95, 'content'], [96, 'usage']], 2, 'a');
    const b = timing(100, [[101, 'role'], [190, 'content'], [210, 'content'], [211, 'usage']], 2, 'b');
    const s = summarizeLatency([a, b], 'seq_');
    expect(s.seq_ttft_p50_ms).toBe(85);
    expect(s.seq_itl_p50_ms).toBe(17.5);
    expect(s.seq_e2e_p90_ms).toBeCloseTo(95 + 0.9 * (110 - 95), 10);
    expect(s.seq_tpot_p50_ms).toBe(17.5);
    expect(s.seq_requests).toBe(2);
    expect(s.seq_output_tokens).toBe(4);
    // 4 tokens over 0 → 212 ms
    expect(s.seq_output_tokens_per_s).toBeCloseTo(4 / 0.212, 6);
    expect(Object.values(s).some((v) => Number.isNaN(v))).toBe(false);
  });
  it('omits figures that have no values (single-token outputs have no ITL/TPOT)', () => {
    const s = summarizeLatency([timing(0, [[10, 'content']], 1)]);
    expect(s.ttft_p50_ms).toBe(10);
    expect(s).not.toHaveProperty('itl_p50_ms');
    expect(s).not.toHaveProperty('tpot_p50_ms');
  });
  it('throughput is null for no requests', () => {
    expect(outputThroughput([])).toBeNull();
  });
  it('exports the formulas for the report', () => {
    expect(Object.keys(LATENCY_FORMULAS)).toEqual(expect.arrayContaining(['ttft', 'itl', 'tpot', 'e2e', 'percentile']));
    expect(LATENCY_FORMULAS.percentile).toMatch(/linear interpolation/);
  });
});
