import { describe, expect, it } from 'vitest';
import { citation, flagAt, releaseFor, valuesAt, factsAt, VLLM_FACTS } from '../../../../harness/engines/facts/index.ts';
import { holdsAt } from '../../../../harness/engines/facts/query.ts';
import type { Span, Sourced } from '../../../../harness/engines/facts/types.ts';

const F = VLLM_FACTS;
const kinds = [F.launchers, F.flags, F.values, F.env, F.defaults, F.readiness, F.metrics, F.logLines, F.architectures, F.pins] as const;
const all: Array<Span & Sourced> = kinds.flatMap((k) => [...k]);

describe('vLLM facts: shape', () => {
  it('every source was read at a release inside its fact\'s span, with a literal to check', () => {
    for (const f of all) {
      expect(f.sources.length).toBeGreaterThan(0);
      for (const s of f.sources) {
        expect(holdsAt(f, s.release), `${s.release} outside ${f.since}..${f.until ?? 'newest'}`).toBe(true);
        expect(F.releases.some((r) => r.version === s.release)).toBe(true);
        expect(s.line).toBeGreaterThan(0);
        expect(s.says.length).toBeGreaterThan(0);
      }
    }
  });

  it('releases are listed oldest first with full commit ids', () => {
    const versions = F.releases.map((r) => r.version);
    expect(versions[0]).toBe('0.10.2');
    expect(versions.at(-1)).toBe('0.19.0');
    for (const r of F.releases) expect(r.commit).toMatch(/^[0-9a-f]{40}$/);
    expect([...versions].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))).toEqual(versions);
  });
});

describe('vLLM facts: lookups by version', () => {
  it('maps patch releases to the read release before them and knows nothing before 0.10.2', () => {
    expect(releaseFor(F, '0.11.2')?.version).toBe('0.11.1');
    expect(releaseFor(F, '0.14.1')?.version).toBe('0.14.0');
    expect(releaseFor(F, '0.20.1')?.version).toBe('0.19.0');
    expect(releaseFor(F, null)?.version).toBe('0.19.0');
    expect(releaseFor(F, '0.9.2')).toBeNull();
  });

  it('has --attention-backend from 0.13.0 only, and --language-model-only from 0.17.0', () => {
    expect(flagAt(F, '--attention-backend', '0.12.0')).toBeUndefined();
    expect(flagAt(F, '--attention-backend', '0.13.0')?.sources[0]?.path).toBe('vllm/engine/arg_utils.py');
    expect(flagAt(F, '--language-model-only', '0.16.0')).toBeUndefined();
    expect(flagAt(F, '--language-model-only', '0.17.0')).toBeDefined();
    expect(flagAt(F, '--mm-encoder-attn-backend', '0.11.0')).toBeUndefined();
  });

  it('names the triton backend per release and knows mtp only from 0.11.0', () => {
    expect(valuesAt(F, 'attention-backend', '0.10.2')).toContain('TRITON_ATTN_VLLM_V1');
    expect(valuesAt(F, 'attention-backend', '0.11.0')).toContain('TRITON_ATTN');
    expect(valuesAt(F, 'speculative-method', '0.10.2')).not.toContain('mtp');
    expect(valuesAt(F, 'speculative-method', '0.19.0')).toContain('mtp');
  });

  it('launches api_server (model only as --model) up to 0.11.0 and `vllm serve` after', () => {
    expect(factsAt(F, F.launchers, '0.11.0').map((l) => [l.entrypoint.join(' '), l.model])).toEqual([['python3 -m vllm.entrypoints.openai.api_server', 'flag']]);
    expect(factsAt(F, F.launchers, '0.11.1').map((l) => [l.entrypoint.join(' '), l.model])).toEqual([['vllm serve', 'positional']]);
  });

  it('cites a source as commit:path:line', () => {
    const s = flagAt(F, '--attention-backend', '0.19.0')?.sources.find((x) => x.release === '0.19.0');
    expect(s && citation(F, s)).toMatch(/^2a69949bdadf:vllm\/engine\/arg_utils\.py:\d+$/);
  });
});
