// The emulated vLLM /metrics per release, against the metric facts read from each release's source.
import { describe, expect, it } from 'vitest';
import { factsAt, VLLM_FACTS } from '../../../../harness/engines/facts/index.ts';
import { ServerMetrics } from '../../../../harness/emulator/serve/metrics.ts';
import { renderVllmMetrics } from '../../../../harness/emulator/serve/metrics-vllm.ts';

function families(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('emulated vLLM metrics by release', () => {
  it.each(VLLM_FACTS.releases.map((r) => r.version))('%s: every metric the release declares, with its type and exposed name', (version) => {
    const m = new ServerMetrics(2);
    m.recordSpecStep(2, 1);
    const types = families(renderVllmMetrics(m, 'org/m', true, version));
    for (const f of factsAt(VLLM_FACTS, VLLM_FACTS.metrics, version)) expect(types.get(f.exposed), f.exposed).toBe(f.type);
  });

  it('serves the TPOT histogram up to 0.14 only', () => {
    const m = new ServerMetrics(0);
    expect(families(renderVllmMetrics(m, 'm', false, '0.14.0')).has('vllm:time_per_output_token_seconds')).toBe(true);
    expect(families(renderVllmMetrics(m, 'm', false, '0.15.0')).has('vllm:time_per_output_token_seconds')).toBe(false);
  });

  it('leaves the speculative-decoding counters out without speculation', () => {
    expect(renderVllmMetrics(new ServerMetrics(0), 'm', false, '0.19.0')).not.toContain('spec_decode');
  });

  it('labels request_success with the finish reasons the release knows (vllm/v1/engine/__init__.py)', () => {
    const reasons = (version: string) => [...renderVllmMetrics(new ServerMetrics(0), 'm', false, version).matchAll(/^vllm:request_success_total\{.*finished_reason="(\w+)"/gm)].map((x) => x[1]);
    expect(reasons('0.12.0')).toEqual(['stop', 'length', 'abort']);
    expect(reasons('0.13.0')).toEqual(['stop', 'length', 'abort', 'error']);
    expect(reasons('0.19.0')).toEqual(['stop', 'length', 'abort', 'error', 'repetition']);
  });
});
