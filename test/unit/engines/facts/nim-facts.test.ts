import { describe, expect, it } from 'vitest';
import { factsAt, NIM_FACTS } from '../../../../harness/engines/facts/index.ts';
import { expectReleasesInOrder, expectSourcesInSpan } from './facts-shape.ts';

const F = NIM_FACTS;

describe('NIM facts (documentation)', () => {
  it('cites a documentation page and its quoted text for every fact', () => {
    expectSourcesInSpan(F);
    for (const f of [...F.env, ...F.readiness, ...F.defaults, ...F.launchers]) {
      for (const s of f.sources) expect(s.path).toMatch(/^https:\/\/docs\.nvidia\.com\/nim\/large-language-models\//);
    }
    expectReleasesInOrder(F, '1.10.0', '2.1.6');
  });

  it('is ready on /v1/health/ready, caches in /opt/nim/.cache and needs NGC_API_KEY for 2.x', () => {
    expect(factsAt(F, F.readiness, '2.0.12').map((r) => [r.path, r.okStatus])).toEqual([['/v1/health/ready', 200]]);
    expect(factsAt(F, F.defaults, '2.1.6').find((d) => d.id === 'cache-dir')?.value).toBe('/opt/nim/.cache');
    expect(factsAt(F, F.env, '2.0.9').map((e) => e.name)).toContain('NGC_API_KEY');
    expect(factsAt(F, F.env, '1.10.0').map((e) => e.name)).toEqual(['NIM_MAX_MODEL_LEN']);
  });
});
