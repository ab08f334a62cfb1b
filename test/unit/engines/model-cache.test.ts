import { describe, expect, it } from 'vitest';
import { getEngine } from '../../../harness/engines/index.ts';
import { modelCacheEnv } from '../../../harness/engines/model-cache.ts';

const argv = (engine: 'vllm' | 'sglang', revision: string | null) => {
  const e = getEngine(engine);
  const r = e.command({ model: 'org/m', revision, options: {}, port: e.defaultPort, extraArgs: [] });
  if (!('argv' in r)) throw new Error(r.unsupported);
  return r.argv;
};

describe('model revision', () => {
  it('a pinned revision reaches vLLM and SGLang as --revision; main is left to the default', () => {
    expect(argv('vllm', 'v1.2').slice(0, 3)).toEqual(['org/m', '--revision', 'v1.2']);
    expect(argv('sglang', 'abc').join(' ')).toContain('--model-path org/m --revision abc');
    expect(argv('vllm', 'main')).not.toContain('--revision');
    expect(argv('sglang', null)).not.toContain('--revision');
  });
});

describe('modelCacheEnv', () => {
  it("points the engine's client at the mounted cache, offline only when asked", () => {
    expect(modelCacheEnv('sglang', false)).toEqual({ HF_HOME: '/root/.cache/huggingface', HF_HUB_CACHE: '/root/.cache/huggingface/hub' });
    expect(modelCacheEnv('nim', true)).toEqual({ HF_HOME: '/opt/nim/.cache', HF_HUB_CACHE: '/opt/nim/.cache/hub', HF_HUB_OFFLINE: '1' });
  });
});
