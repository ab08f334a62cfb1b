import { describe, expect, it } from 'vitest';
import { counterDelta, counterDeltaByLabel, parseMetrics, readByLabel, readValue } from '../../../harness/probes/metrics.ts';

// As prometheus_client (vLLM) writes it: counters declared without _total, samples with _total and _created.
const vllmBefore = `# HELP vllm:spec_decode_num_drafts Number of spec decoding drafts.
# TYPE vllm:spec_decode_num_drafts counter
vllm:spec_decode_num_drafts_total{engine="0",model_name="qwen"} 10.0
vllm:spec_decode_num_drafts_created{engine="0",model_name="qwen"} 1.763795e+09
# HELP vllm:spec_decode_num_accepted_tokens_per_pos Accepted tokens per draft position.
# TYPE vllm:spec_decode_num_accepted_tokens_per_pos counter
vllm:spec_decode_num_accepted_tokens_per_pos_total{engine="0",model_name="qwen",position="0"} 8.0
vllm:spec_decode_num_accepted_tokens_per_pos_total{engine="0",model_name="qwen",position="1"} 5.0
# HELP vllm:time_to_first_token_seconds Histogram of time to first token in seconds.
# TYPE vllm:time_to_first_token_seconds histogram
vllm:time_to_first_token_seconds_bucket{engine="0",le="0.001",model_name="qwen"} 0.0
vllm:time_to_first_token_seconds_bucket{engine="0",le="+Inf",model_name="qwen"} 4.0
vllm:time_to_first_token_seconds_count{engine="0",model_name="qwen"} 4.0
vllm:time_to_first_token_seconds_sum{engine="0",model_name="qwen"} 0.33
# HELP vllm:num_requests_running Number of requests in model execution batches.
# TYPE vllm:num_requests_running gauge
vllm:num_requests_running{engine="0",model_name="qwen"} 0.0
vllm:num_requests_running{engine="1",model_name="qwen"} 2.0
vllm:num_requests_running{engine="0",model_name="other"} 7.0
`;

const vllmAfter = vllmBefore
  .replace('num_drafts_total{engine="0",model_name="qwen"} 10.0', 'num_drafts_total{engine="0",model_name="qwen"} 40.0')
  .replace('position="0"} 8.0', 'position="0"} 32.0')
  .replace('position="1"} 5.0', 'position="1"} 17.0')
  .concat(
    '# HELP vllm:spec_decode_num_draft_tokens Number of draft tokens.\n# TYPE vllm:spec_decode_num_draft_tokens counter\nvllm:spec_decode_num_draft_tokens_total{engine="0",model_name="qwen"} 60.0',
  ); // no trailing newline: the last sample must still be read

// SGLang style: a gauge without _total.
const sglang = `# HELP sglang:spec_accept_length The average acceptance length of speculative decoding.
# TYPE sglang:spec_accept_length gauge
sglang:spec_accept_length{model_name="qwen"} 2.75
`;

describe('metrics', () => {
  it('reads counters by the _total sample name and by the declared name', () => {
    const s = parseMetrics(vllmBefore);
    expect(readValue(s, 'vllm:spec_decode_num_drafts_total')).toBe(10);
    expect(readValue(s, 'vllm:spec_decode_num_drafts')).toBe(10);
  });
  it('sums over label sets, keeping only the model when given', () => {
    const s = parseMetrics(vllmBefore);
    expect(readValue(s, 'vllm:num_requests_running')).toBe(9);
    expect(readValue(s, 'vllm:num_requests_running', 'qwen')).toBe(2);
    expect(readValue(s, 'vllm:num_requests_running', 'nope')).toBeNull();
  });
  it('absent metric is null', () => {
    expect(readValue(parseMetrics(vllmBefore), 'vllm:spec_decode_num_draft_tokens_total')).toBeNull();
  });
  it('reads per-label values', () => {
    expect([...readByLabel(parseMetrics(vllmBefore), 'vllm:spec_decode_num_accepted_tokens_per_pos_total', 'position', 'qwen')!]).toEqual([
      ['0', 8],
      ['1', 5],
    ]);
  });
  it('computes deltas; a counter created after the first scrape counts from 0; text without trailing newline keeps its last sample', () => {
    const before = parseMetrics(vllmBefore);
    const after = parseMetrics(vllmAfter);
    expect(counterDelta(before, after, 'vllm:spec_decode_num_drafts_total', 'qwen')).toBe(30);
    expect(counterDelta(before, after, 'vllm:spec_decode_num_draft_tokens_total', 'qwen')).toBe(60);
    expect(counterDelta(before, after, 'vllm:spec_decode_num_accepted_tokens_total', 'qwen')).toBeNull();
    expect(counterDeltaByLabel(before, after, 'vllm:spec_decode_num_accepted_tokens_per_pos_total', 'position', 'qwen')).toEqual([
      ['0', 24],
      ['1', 12],
    ]);
  });
  it('reads gauges', () => {
    expect(readValue(parseMetrics(sglang), 'sglang:spec_accept_length', 'qwen')).toBe(2.75);
  });
  it('invalid Prometheus text is a ProbeError', () => {
    expect(() => parseMetrics('a{x=1} 1\n')).toThrow(/\/metrics is not valid Prometheus text: Encountered invalid line/);
  });
});
