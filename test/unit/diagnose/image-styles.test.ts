// The classifier on the ways images in the wild fail before the engine starts: an NGC or
// jetson-containers image run without `command:` (the model name is exec'd) and a NIM without
// NGC_API_KEY — logs from the emulator's image styles.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { startEmulator } from '../../../harness/emulator/server.ts';
import type { EmulatorConfig } from '../../../harness/core/emulator-traits.ts';
import { config } from '../emulator/fixtures.ts';

async function startupLog(cfg: EmulatorConfig): Promise<string> {
  const lines: string[] = [];
  const h = await startEmulator({ argv: [], config: cfg, listen: false, out: (l) => lines.push(l), env: {} });
  await Promise.race([h.exited, h.ready]);
  await h.close();
  return lines.join('\n');
}

const styled = (personality: string, cmd: string[], engine: EmulatorConfig['engine'] = 'vllm'): EmulatorConfig => ({ ...config({ engine, traits: { personality } }), launch: { entrypoint: null, cmd } });

describe('classifier on image-style failures', () => {
  it.each([
    { name: 'NGC image without command', cfg: styled('ngc', ['Qwen/Qwen3-0.6B', '--max-model-len', '4096']), signature: 'engine-command-not-found' },
    { name: 'jetson-containers image without command', cfg: styled('jetson-containers', ['Qwen/Qwen3-0.6B']), signature: 'engine-command-not-found' },
    { name: 'NIM without NGC_API_KEY', cfg: styled('nim', [], 'nim'), signature: 'nim-ngc-api-key-missing' },
  ])('$name → $signature', async ({ cfg, signature }) => {
    expect(classifyLog(await startupLog(cfg)).signature).toBe(signature);
  });
});
