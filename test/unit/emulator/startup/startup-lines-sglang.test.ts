// The emulated SGLang startup prints "Init torch distributed ends" only in the releases whose
// model_runner.py logs it (0.4.6 to 0.5.6, facts/sglang/log-lines.ts); "begin" is in every release read.
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../../../harness/emulator/server.ts';
import { sglangPrefillLine } from '../../../../harness/emulator/startup/startup-sglang.ts';
import { config } from '../fixtures.ts';

async function startupLog(version: string): Promise<string> {
  const lines: string[] = [];
  const argv = ['python3', '-m', 'sglang.launch_server', '--model-path', 'Qwen/Qwen3-8B'];
  const h = await startEmulator({ argv, config: config({ engine: 'sglang', traits: { version } }), listen: false, out: (l) => lines.push(l), env: {} });
  await Promise.race([h.exited, h.ready]);
  await h.close();
  return lines.join('\n');
}

describe.each<[string, boolean]>([
  ['0.5.5', true],
  ['0.5.9', false],
])('emulated SGLang %s startup', (version, ends) => {
  it('logs the torch distributed lines its release logs', async () => {
    const log = await startupLog(version);
    expect(log).toContain('Init torch distributed begin.');
    expect(log.includes('Init torch distributed ends. mem usage=')).toBe(ends);
    expect(log).toContain('Using model weights format ');
  });
});

// Each release's warm-up prefill line, field by field as its scheduler formats it (0.4.0
// scheduler.py:700-708, 0.4.6 scheduler.py:993-1006, 0.4.10 scheduler_metrics_mixin.py:93-107,
// 0.5.4 …:126-132, 0.5.5 …:138-144, 0.5.9 …:214-240).
describe('emulated SGLang prefill line by release', () => {
  const F = '#new-seq: 1, #new-token: 6, #cached-token: 0';
  it.each([
    ['0.4.0', `Prefill batch. ${F}, cache hit rate: 0.00%, token usage: 0.00, #running-req: 0, #queue-req: 0`],
    ['0.4.6', `Prefill batch. ${F}, token usage: 0.00, #running-req: 0, #queue-req: 0`],
    ['0.4.10', `Prefill batch. ${F}, token usage: 0.00, #running-req: 0, #queue-req: 0, `],
    ['0.5.2', `Prefill batch. ${F}, token usage: 0.00, #running-req: 0, #queue-req: 0, `],
    ['0.5.4', `Prefill batch [1], ${F}, token usage: 0.00, #running-req: 0, #queue-req: 0, `],
    ['0.5.6', `Prefill batch, ${F}, token usage: 0.00, #running-req: 0, #queue-req: 0, `],
    ['0.5.9', `Prefill batch, ${F}, token usage: 0.00, #running-req: 0, #queue-req: 0, input throughput (token/s): 0.00, cuda graph: False`],
  ])('%s', (version, line) => {
    expect(sglangPrefillLine(version, false)).toBe(line);
  });

  it('0.5.9 says whether the prefill ran on a piecewise CUDA graph', () => {
    expect(sglangPrefillLine('0.5.9', true)).toMatch(/, cuda graph: True$/);
  });
});
