// The emulated SGLang startup prints "Init torch distributed ends" only in the releases whose
// model_runner.py logs it (0.4.6 to 0.5.6, facts/sglang/log-lines.ts); "begin" is in every release read.
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../../harness/emulator/server.ts';
import { config } from './fixtures.ts';

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
