import { describe, expect, it } from 'vitest';
import { nextAccepted, planGeneration, type AcceptanceState } from '../../../../harness/emulator/serve/generation.ts';
import { ServerMetrics, renderSglangMetrics } from '../../../../harness/emulator/serve/metrics.ts';
import { renderVllmMetrics } from '../../../../harness/emulator/serve/metrics-vllm.ts';
import { deterministicText } from '../../../../harness/emulator/serve/answers.ts';

describe('planGeneration', () => {
  const text = deterministicText('plan', 40);

  it('emits one token per step without speculation and respects max_tokens', () => {
    const p = planGeneration(text, 10, null, { steps: 0, accepted: 0 });
    expect(p.groups).toHaveLength(10);
    expect(p.groups.every((g) => g.length === 1)).toBe(true);
    expect(p.completionTokens).toBe(10);
    expect(p.finishReason).toBe('length');
    expect(text.startsWith(p.text)).toBe(true);
  });

  it('stops with "stop" when the answer is shorter than max_tokens', () => {
    const p = planGeneration('42', 16, null, { steps: 0, accepted: 0 });
    expect(p).toMatchObject({ text: '42', completionTokens: 1, finishReason: 'stop' });
  });

  it('with speculation emits bursts but the same text (greedy is lossless)', () => {
    const spec = { numSpeculativeTokens: 2, acceptance: 0.7, lossy: false };
    const plain = planGeneration(text, null, null, { steps: 0, accepted: 0 });
    const s = planGeneration(text, null, spec, { steps: 0, accepted: 0 });
    expect(s.text).toBe(plain.text);
    expect(s.groups.length).toBeLessThan(plain.groups.length);
    expect(s.groups.some((g) => g.length > 1)).toBe(true);
    expect(s.completionTokens).toBe(plain.completionTokens);
  });

  it('lossy speculation changes the text', () => {
    const s = planGeneration('42', null, { numSpeculativeTokens: 2, acceptance: 0.7, lossy: true }, { steps: 0, accepted: 0 });
    expect(s.text).toBe('43');
  });

  it('keeps accepted/drafted on the configured acceptance rate', () => {
    const st: AcceptanceState = { steps: 0, accepted: 0 };
    const s = { numSpeculativeTokens: 3, acceptance: 0.6, lossy: false };
    for (let i = 0; i < 200; i++) nextAccepted(st, s);
    expect(st.accepted / (st.steps * 3)).toBeCloseTo(0.6, 2);
  });
});

describe('metrics text', () => {
  const m = new ServerMetrics(2, 2);
  m.promptTokens = 12;
  m.generationTokens = 30;
  m.ttft.observe(0.02);
  m.itl.observe(0.005);
  m.itl.observe(0.03);
  m.e2e.observe(0.4);
  m.recordSpecStep(2, 2);
  m.recordSpecStep(2, 1);

  it('renders vLLM families with real names, types and labels', () => {
    const t = renderVllmMetrics(m, 'Qwen/Qwen3-0.6B', true);
    expect(t).toContain('# TYPE vllm:prompt_tokens_total counter');
    expect(t).toContain('vllm:prompt_tokens_total{model_name="Qwen/Qwen3-0.6B",engine="0"} 12.0');
    expect(t).toContain('vllm:generation_tokens_total{model_name="Qwen/Qwen3-0.6B",engine="0"} 30.0');
    expect(t).toContain('# TYPE vllm:time_to_first_token_seconds histogram');
    expect(t).toContain('vllm:time_to_first_token_seconds_bucket{model_name="Qwen/Qwen3-0.6B",engine="0",le="0.01"} 0.0');
    expect(t).toContain('vllm:time_to_first_token_seconds_bucket{model_name="Qwen/Qwen3-0.6B",engine="0",le="0.02"} 1.0');
    expect(t).toContain('vllm:inter_token_latency_seconds_count{model_name="Qwen/Qwen3-0.6B",engine="0"} 2.0');
    expect(t).toContain('vllm:inter_token_latency_seconds_bucket{model_name="Qwen/Qwen3-0.6B",engine="0",le="+Inf"} 2.0');
    expect(t).toContain('vllm:e2e_request_latency_seconds_sum{model_name="Qwen/Qwen3-0.6B",engine="0"} 0.4');
    expect(t).toContain('vllm:spec_decode_num_drafts_total{model_name="Qwen/Qwen3-0.6B",engine="0"} 2.0');
    expect(t).toContain('vllm:spec_decode_num_draft_tokens_total{model_name="Qwen/Qwen3-0.6B",engine="0"} 4.0');
    expect(t).toContain('vllm:spec_decode_num_accepted_tokens_total{model_name="Qwen/Qwen3-0.6B",engine="0"} 3.0');
    expect(t).toContain('vllm:spec_decode_num_accepted_tokens_per_pos_total{model_name="Qwen/Qwen3-0.6B",engine="0",position="0"} 2.0');
    expect(t).toContain('vllm:spec_decode_num_accepted_tokens_per_pos_total{model_name="Qwen/Qwen3-0.6B",engine="0",position="1"} 1.0');
    expect(renderVllmMetrics(m, 'x', false)).not.toContain('spec_decode');
  });

  it('renders SGLang families; the spec gauges hold the last decode-log window (window of 2 here)', () => {
    // m saw two steps: accepted 2 of 2, then 1 of 2 → tokens (accepted + 1) 3 + 2 over 2 verify steps.
    const t = renderSglangMetrics(m, 'm', true);
    expect(t).toContain('sglang:prompt_tokens_total{engine_type="unified",model_name="m"} 12.0');
    expect(t).toContain('# TYPE sglang:time_to_first_token_seconds histogram');
    expect(t).toContain('sglang:time_to_first_token_seconds_bucket{engine_type="unified",le="0.02",model_name="m"} 1.0');
    expect(t).toContain('# TYPE sglang:spec_accept_length gauge');
    expect(t).toContain('sglang:spec_accept_length{engine_type="unified",model_name="m",tp_rank="0"} 2.5');
    // spec_accept_rate = tokens / (steps × draft tokens per step with the root) = 5 / (2 × 3)
    expect(t).toContain(`sglang:spec_accept_rate{engine_type="unified",model_name="m",tp_rank="0"} ${5 / 6}`);
  });

  it('moves the SGLang gauge window by window, not as a running mean', () => {
    const w = new ServerMetrics(2, 2);
    w.recordSpecStep(2, 2);
    expect(w.specAcceptLengthGauge).toBe(0); // no decode log yet
    w.recordSpecStep(2, 2);
    expect(w.specAcceptLengthGauge).toBe(3);
    w.recordSpecStep(2, 0);
    w.recordSpecStep(2, 0);
    expect(w.specAcceptLengthGauge).toBe(1); // the last window only; a running mean would say 2
  });

  it.each<[string, string, boolean]>([
    ['0.4.0 names the ITL histogram time_per_output_token and has no accept-length gauge', '0.4.0', false],
    ['0.5.5 names it inter_token_latency and has both spec gauges', '0.5.5', true],
  ])('renders only what the release declares: %s', (_name, version, newer) => {
    const t = renderSglangMetrics(m, 'm', true, version);
    expect(t.includes('sglang:inter_token_latency_seconds_count')).toBe(newer);
    expect(t.includes('sglang:time_per_output_token_seconds_count')).toBe(!newer);
    expect(t.includes('sglang:spec_accept_length')).toBe(newer);
    expect(t.includes('sglang:spec_accept_rate')).toBe(newer);
  });
});
