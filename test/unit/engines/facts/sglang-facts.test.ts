import { describe, expect, it } from 'vitest';
import { citation, factsAt, flagAt, releaseFor, SGLANG_FACTS, valuesAt } from '../../../../harness/engines/facts/index.ts';
import { expectReleasesInOrder, expectSourcesInSpan } from './facts-shape.ts';

const F = SGLANG_FACTS;

describe('SGLang facts: shape', () => {
  it("every source was read at a release inside its fact's span, with a literal to check", () => {
    expectSourcesInSpan(F);
    for (const s of F.flags.flatMap((f) => f.sources)) expect(s.line).toBeGreaterThan(0);
  });

  it('releases are listed oldest first (0.4.0 … 0.5.9) with full commit ids', () => {
    expectReleasesInOrder(F, '0.4.0', '0.5.9');
  });
});

describe('SGLang facts: lookups by version', () => {
  it('maps the nightly image v0.5.5 and post releases to the read release at or before them', () => {
    expect(releaseFor(F, '0.5.5')?.version).toBe('0.5.5');
    expect(releaseFor(F, '0.4.6.post5')?.version).toBe('0.4.6');
    expect(releaseFor(F, '0.5.10')?.version).toBe('0.5.9');
    expect(releaseFor(F, '0.3.6')).toBeNull();
  });

  it('knows when each speculative and vision flag arrived', () => {
    expect(flagAt(F, '--speculative-algorithm', '0.4.0')).toBeUndefined();
    expect(flagAt(F, '--speculative-algorithm', '0.4.6')).toBeDefined();
    expect(flagAt(F, '--mm-attention-backend', '0.4.6')).toBeUndefined();
    expect(flagAt(F, '--mm-attention-backend', '0.4.10')).toBeDefined();
    expect(flagAt(F, '--enable-piecewise-cuda-graph', '0.5.2')).toBeUndefined();
    expect(flagAt(F, '--enable-piecewise-cuda-graph', '0.5.4')).toBeDefined();
    expect(flagAt(F, '--limit-mm-data-per-request', '0.5.6')).toBeUndefined();
    expect(flagAt(F, '--disable-piecewise-cuda-graph', '0.5.9')).toBeUndefined();
  });

  it('spells MTP as NEXTN, and knows fa3 from 0.4.6, flex_attention and NGRAM from 0.5.4', () => {
    expect(valuesAt(F, 'speculative-method', '0.5.9')).toContain('NEXTN');
    expect(valuesAt(F, 'speculative-method', '0.5.9')).not.toContain('MTP');
    expect(valuesAt(F, 'speculative-method', '0.5.2')).not.toContain('NGRAM');
    expect(valuesAt(F, 'attention-backend', '0.4.0')).not.toContain('fa3');
    expect(valuesAt(F, 'attention-backend', '0.4.6')).toContain('fa3');
    expect(valuesAt(F, 'attention-backend', '0.5.2')).not.toContain('flex_attention');
    expect(valuesAt(F, 'attention-backend', '0.5.4')).toContain('flex_attention');
    expect(valuesAt(F, 'mm-encoder-attention-backend', '0.5.6')).not.toContain('fa4');
  });

  it('serves every metric only with --enable-metrics, the acceptance length as a recent-batch gauge', () => {
    const accept = factsAt(F, F.metrics, '0.5.5').find((m) => m.declared === 'sglang:spec_accept_length');
    expect(accept?.type).toBe('gauge');
    expect(accept?.window).toBe('recent-batches');
    for (const m of factsAt(F, F.metrics, '0.5.5')) expect(m.servedWith).toBe('--enable-metrics');
    expect(factsAt(F, F.metrics, '0.4.0').some((m) => m.declared === 'sglang:spec_accept_length')).toBe(false);
  });

  it('launches python3 -m sglang.launch_server with the model as a flag, and cites commit:path:line', () => {
    expect(factsAt(F, F.launchers, '0.5.5').map((l) => [l.entrypoint.join(' '), l.model])).toEqual([['python3 -m sglang.launch_server', 'flag']]);
    const s = flagAt(F, '--enable-metrics', '0.5.5')?.sources.find((x) => x.release === '0.5.5');
    expect(s && citation(F, s)).toMatch(/^0c006b8809cd:python\/sglang\/srt\/server_args\.py:\d+$/);
  });

  it('builds a vision encoder for Qwen3.5 (and loads it only from 0.5.9)', () => {
    const at = (v: string) => factsAt(F, F.architectures, v).find((a) => a.architecture === 'Qwen3_5ForConditionalGeneration');
    expect(at('0.5.6')).toBeUndefined();
    expect(at('0.5.9')?.kind).toBe('vision-language');
  });
});

describe('SGLang facts: semantic values', () => {
  it("map the matrix's options onto members the release lists, as the adapter spells them", async () => {
    const { SGLANG_ATTENTION, SGLANG_MM_ATTENTION, SGLANG_SPEC_ALGORITHM } = await import('../../../../harness/engines/sglang.ts');
    const adapter: Record<string, Readonly<Record<string, string | null>>> = {
      'attention-backend': SGLANG_ATTENTION,
      'mm-encoder-attention-backend': SGLANG_MM_ATTENTION,
      'speculative-method': SGLANG_SPEC_ALGORITHM,
    };
    for (const set of F.values) {
      for (const [semantic, member] of Object.entries(set.semantic)) {
        expect(set.values).toContain(member);
        expect(adapter[set.set]?.[semantic]).toBe(member);
      }
      for (const [semantic, member] of Object.entries(adapter[set.set] ?? {})) {
        if (member !== null && set.values.includes(member)) expect(set.semantic[semantic]).toBe(member);
      }
    }
  });
});
