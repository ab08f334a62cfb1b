// The emulated vLLM startup log in each release's own words (the log-line facts), read back by the
// phase parser the way it reads a real log.
import { describe, expect, it } from 'vitest';
import { startupTimeline } from '../../../../harness/engines/log-phases.ts';
import { readLog } from '../../../../harness/diagnose/log-lines.ts';
import { factsAt, VLLM_FACTS } from '../../../../harness/engines/facts/index.ts';
import { printf } from '../../../../harness/emulator/startup/log-lines-vllm.ts';
import { startEmulator } from '../../../../harness/emulator/server.ts';
import { config } from '../fixtures.ts';

async function startupLog(version: string): Promise<string> {
  const lines: string[] = [];
  const h = await startEmulator({ argv: ['vllm', 'serve', 'Qwen/Qwen3-8B'], config: config({ traits: { version } }), listen: false, out: (l) => lines.push(l), env: {} });
  await Promise.race([h.exited, h.ready]);
  await h.close();
  return lines.join('\n');
}

/** The literal text of a format string before its first conversion. */
const head = (format: string): string => format.split('%')[0]!;

describe('emulated vLLM startup log by release', () => {
  it.each(['0.10.2', '0.11.1', '0.14.0', '0.17.0', '0.18.0', '0.19.0'])('%s: prints the release\'s own lines and the phase parser reads them', async (version) => {
    const log = await startupLog(version);
    for (const phase of ['model-load', 'serve'] as const) {
      for (const f of factsAt(VLLM_FACTS, VLLM_FACTS.logLines, version).filter((l) => l.phase === phase)) expect(log).toContain(head(f.text));
    }
    const compile = factsAt(VLLM_FACTS, VLLM_FACTS.logLines, version).find((l) => l.text.startsWith('torch.compile'))!;
    expect(log).toContain(head(compile.text));
    const names = startupTimeline(readLog(log)).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['weights', 'model-load', 'compile', 'kv-cache', 'ready']));
  });
});

describe('printf', () => {
  it('formats as Python\'s % operator does for %s, %d and %.Nf', () => {
    expect(printf('Model loading took %.4f GiB and %.6f seconds', ['1.76', 0.5])).toBe('Model loading took 1.7600 GiB and 0.500000 seconds');
    expect(printf('Starting vLLM API server %d on %s', [0, 'http://h:1'])).toBe('Starting vLLM API server 0 on http://h:1');
  });
});
