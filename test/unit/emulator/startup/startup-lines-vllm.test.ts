// The emulated vLLM startup prints a line only in the releases whose source has its logger call
// (facts/vllm/log-lines-startup.ts): 0.11.0 has no "Initial profiling/warmup run took", no "init engine
// … took" and no "Enforce eager set" (their logger calls came in 0.18.0, 0.11.1 and 0.13.0).
import { describe, expect, it } from 'vitest';
import { factsAt, VLLM_FACTS } from '../../../../harness/engines/facts/index.ts';
import { startEmulator } from '../../../../harness/emulator/server.ts';
import { config } from '../fixtures.ts';

async function startupLog(version: string, flags: string[]): Promise<string> {
  const lines: string[] = [];
  const h = await startEmulator({ argv: ['vllm', 'serve', 'Qwen/Qwen3-8B', ...flags], config: config({ traits: { version } }), listen: false, out: (l) => lines.push(l), env: {} });
  await Promise.race([h.exited, h.ready]);
  await h.close();
  return lines.join('\n');
}

describe.each<[string, boolean, boolean]>([
  ['0.11.0', false, false],
  ['0.19.0', true, true],
])('emulated vLLM %s startup lines', (version, newLines, apiVersionGone) => {
  it('prints the release-bound lines only where the release logs them', async () => {
    const log = await startupLog(version, []);
    expect(log.includes('Initial profiling/warmup run took')).toBe(newLines);
    expect(log.includes('init engine (profile, create kv cache, warmup model) took')).toBe(newLines);
    expect(log.includes('vLLM API server version')).toBe(!apiVersionGone);
    expect((await startupLog(version, ['--enforce-eager'])).includes('Enforce eager set')).toBe(newLines);
  });

  it("prints every config and ready line the release's facts hold", async () => {
    const log = await startupLog(version, []);
    const facts = factsAt(VLLM_FACTS, VLLM_FACTS.logLines, version).filter((f) => f.phase === 'config' || f.phase === 'ready');
    expect(facts.length).toBeGreaterThan(3);
    for (const f of facts.filter((x) => x.text !== 'Enforce eager set')) expect(log).toContain(f.text.split('%')[0]!);
  });
});
