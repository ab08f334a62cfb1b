// `matrix engines` through the real CLI bundle: what the harness believes about a release, with sources.
import { describe, expect, it } from 'vitest';
import { cli } from './support/matrix-cli.ts';

describe('matrix engines', () => {
  it('prints the beliefs about vllm 0.11.0 with their upstream lines', async () => {
    const r = await cli(['engines', 'vllm@0.11.0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^vllm 0\.11\.0 — read at b8b302cde434 \(release-branch, Yuran-7\/vllm-0\.11\)/);
    expect(r.stdout).toContain('python3 -m vllm.entrypoints.openai.api_server  (model only as --model)');
    expect(r.stdout).toMatch(/--attention-backend +accepted 0\.13\.0…newest read/);
    expect(r.stdout).toMatch(/vllm:prompt_tokens_total +counter .* b8b302cde434:vllm\/v1\/metrics\/loggers\.py:\d+/);
  });

  it('prints JSON of one release and a usage error with a hint for a release older than any read', async () => {
    const json = await cli(['engines', 'vllm@0.19.0', '--json']);
    expect(json.code).toBe(0);
    const facts = JSON.parse(json.stdout) as { release: { commit: string }; flags: Array<{ flag: string }> };
    expect(facts.release.commit).toMatch(/^2a69949bd/);
    expect(facts.flags.map((f) => f.flag)).toContain('--language-model-only');
    const old = await cli(['engines', 'sglang@0.3.6']);
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/nothing is known about sglang 0\.3\.6\n {2}hint: the oldest release read is 0\.4\.0/);
  });

  it('prints SGLang and NIM releases with their sources', async () => {
    const sglang = await cli(['engines', 'sglang@0.5.5']);
    expect(sglang.code, sglang.stderr).toBe(0);
    expect(sglang.stdout).toMatch(/^sglang 0\.5\.5 — read at [0-9a-f]{12} .* in sgl-project\/sglang/);
    expect(sglang.stdout).toMatch(/sglang:prompt_tokens_total +counter .*only with --enable-metrics +[0-9a-f]{12}:python\/sglang\/srt\/metrics\/collector\.py:\d+/);
    const nim = await cli(['engines', 'nim@2.0.9']);
    expect(nim.code, nim.stderr).toBe(0);
    expect(nim.stdout).toContain('GET /v1/health/ready → 200');
    expect(nim.stdout).toContain('https://docs.nvidia.com/nim/large-language-models/2.0.0/reference/api-reference.html');
  });
});
