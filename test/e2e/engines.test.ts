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

  it('prints JSON of one release and a usage error with a hint for an engine without facts', async () => {
    const json = await cli(['engines', 'vllm@0.19.0', '--json']);
    expect(json.code).toBe(0);
    const facts = JSON.parse(json.stdout) as { release: { commit: string }; flags: Array<{ flag: string }> };
    expect(facts.release.commit).toMatch(/^2a69949bd/);
    expect(facts.flags.map((f) => f.flag)).toContain('--language-model-only');
    const none = await cli(['engines', 'nim']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no facts about nim .*\n {2}hint: run `matrix engines`/);
  });
});
