// Image styles: the emulator starts the way vllm/vllm-openai, NGC, jetson-containers and NIM
// images start (entrypoint, banner, command), and reports what each reports.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../../harness/emulator/server.ts';
import { resolveLaunch } from '../../../../harness/emulator/argv/personality.ts';
import { nimProfiles, selectProfile } from '../../../../harness/emulator/startup/startup-nim.ts';
import type { EmulatorConfig } from '../../../../harness/core/emulator-traits.ts';
import { config } from '../fixtures.ts';

let handles: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(handles.map((h) => h.close()));
  handles = [];
});

async function start(cfg: EmulatorConfig, argv: string[], env: Record<string, string> = {}) {
  const lines: string[] = [];
  const h = await startEmulator({ argv, config: cfg, port: 0, host: '127.0.0.1', out: (l) => lines.push(l), env });
  handles.push(h);
  return { h, lines };
}

const styled = (personality: string, over: Parameters<typeof config>[0] = {}, launch?: EmulatorConfig['launch']) => ({
  ...config({ ...over, traits: { personality, version: '0.13.0', torch_version: '2.10.0', cuda_version: '13.1', ...over.traits } }),
  ...(launch ? { launch } : {}),
});

describe('resolveLaunch', () => {
  it('puts the image entrypoint (or the matrix override) before the Cmd', () => {
    expect(resolveLaunch(styled('vllm-openai'), ['Qwen/Qwen3-0.6B'])).toEqual({ wrapped: false, command: ['vllm', 'serve', 'Qwen/Qwen3-0.6B'] });
    expect(resolveLaunch(styled('ngc'), ['vllm', 'serve', 'M'])).toEqual({ wrapped: true, command: ['vllm', 'serve', 'M'] });
    expect(resolveLaunch(styled('jetson-containers', {}, { entrypoint: ['vllm', 'serve'], cmd: ['M'] }), [])).toEqual({ wrapped: false, command: ['vllm', 'serve', 'M'] });
    expect(resolveLaunch(config(), ['vllm', 'serve', 'M'])).toEqual({ wrapped: false, command: ['vllm', 'serve', 'M'] });
  });
});

describe('ngc personality', () => {
  it('prints NVIDIA banner, then runs the command; /version carries torch and CUDA', async () => {
    const { h, lines } = await start(styled('ngc', { traits: { release: '26.02' } }), ['vllm', 'serve', 'Qwen/Qwen3-0.6B']);
    expect(await h.ready).toBe(true);
    const text = lines.join('\n');
    expect(text).toContain('== vLLM ==');
    expect(text).toMatch(/NVIDIA Release 26\.02 \(build \d+\)/);
    expect(text).toContain('Container image Copyright (c) 2026, NVIDIA CORPORATION');
    expect(lines.findIndex((l) => l.includes('== vLLM =='))).toBeLessThan(lines.findIndex((l) => l.includes('non-default args')));
    expect(await (await fetch(`${h.url}/version`)).json()).toEqual({ version: '0.13.0', torch_version: '2.10.0', cuda_version: '13.1' });
  });

  it('has no vllm serve entrypoint: model flags alone are exec\'d and not found (127)', async () => {
    const { h, lines } = await start(styled('ngc', {}, { entrypoint: null, cmd: ['Qwen/Qwen3-0.6B', '--max-model-len', '4096'] }), []);
    expect(await h.exited).toBe(127);
    expect(lines).toContain('/opt/nvidia/nvidia_entrypoint.sh: exec: Qwen/Qwen3-0.6B: not found');
    expect(lines.join('\n')).toContain('== vLLM ==');
  });

  it('takes the python -m api_server command style', async () => {
    const { h } = await start(styled('ngc'), ['python3', '-m', 'vllm.entrypoints.openai.api_server', '--model', 'Qwen/Qwen3-0.6B']);
    expect(await h.ready).toBe(true);
  });
});

describe('jetson-containers personality', () => {
  it('no entrypoint: without a command the container exits at once (bash, no terminal)', async () => {
    const { h, lines } = await start(styled('jetson-containers', {}, { entrypoint: null, cmd: [] }), []);
    expect(await h.exited).toBe(0);
    expect(lines).toEqual([]);
  });

  it('runs `command:` without a banner', async () => {
    const { h, lines } = await start(styled('jetson-containers', {}, { entrypoint: null, cmd: ['vllm', 'serve', 'Qwen/Qwen3-0.6B'] }), []);
    expect(await h.ready).toBe(true);
    expect(lines.join('\n')).not.toContain('NVIDIA Release');
  });
});

describe('nim personality', () => {
  const nim = (over: Parameters<typeof config>[0] = {}) => styled('nim', { engine: 'nim', ...over, traits: { release: '1.8.0', served_model: 'meta/llama-3.1-8b-instruct', ...over.traits } }, { entrypoint: null, cmd: [] });

  it('needs NGC_API_KEY: without it, the error and exit 1', async () => {
    const { h, lines } = await start(nim(), []);
    expect(await h.exited).toBe(1);
    expect(lines.join('\n')).toContain('NVIDIA Inference Microservice LLM NIM Version 1.8.0');
    expect(lines.some((l) => /\[ERROR\] NGC_API_KEY is not set/.test(l))).toBe(true);
  });

  it('takes the key from NGC_CLI_API_KEY too (it comes first)', async () => {
    const { h } = await start(nim(), [], { NGC_CLI_API_KEY: 'nvapi-test' });
    expect(await h.ready).toBe(true);
  });

  it('answers live at once, ready 503 until loaded, serves its baked-in model only', async () => {
    const { h, lines } = await start(nim({ traits: { startup: { weights_s: 0.3, compile_s: 0.05, graphs_s: 0.05 } } }), [], { NGC_API_KEY: 'nvapi-test' });
    expect(h.port).toBeGreaterThan(0);
    expect((await fetch(`${h.url}/v1/health/live`)).status).toBe(200);
    expect((await fetch(`${h.url}/v1/health/ready`)).status).toBe(503);
    expect(await h.ready).toBe(true);
    expect((await fetch(`${h.url}/v1/health/ready`)).status).toBe(200);
    expect(await (await fetch(`${h.url}/v1/version`)).json()).toEqual({ release: '1.8.0', api: '1.0.0' });
    const meta = (await (await fetch(`${h.url}/v1/metadata`)).json()) as { version: string; selectedModelProfileId: string };
    expect(meta.version).toBe('1.8.0');
    expect(meta.selectedModelProfileId).toBe(nimProfiles(nim())[0]!.id);
    expect((await fetch(`${h.url}/version`)).status).toBe(404);
    const models = (await (await fetch(`${h.url}/v1/models`)).json()) as { data: Array<{ id: string }> };
    expect(models.data.map((m) => m.id)).toEqual(['meta/llama-3.1-8b-instruct']);
    const ask = (model: string) => fetch(`${h.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model, messages: [{ role: 'user', content: 'What is 2+3?' }], max_tokens: 16 }) });
    expect((await ask('meta/llama-3.1-8b-instruct')).status).toBe(200);
    expect((await ask('Qwen/Qwen3-0.6B')).status).toBe(404);
    expect(lines.join('\n')).toContain('PyTorch version 2.10.0 available.');
    expect(lines.join('\n')).toContain('Using the model cache at /opt/nim/.cache');
  });

  it('NIM_MODEL_PROFILE picks a profile by name or id; unknown or too wide ones stop the start', () => {
    const cfg = nim({ gpu: { count: 2 } });
    const [tp1, tp2, tp4] = nimProfiles(cfg);
    expect(selectProfile(cfg, {})).toMatchObject({ ok: true, profile: { name: tp2!.name }, how: 'selected' });
    expect(selectProfile(cfg, { NIM_MODEL_PROFILE: tp1!.id })).toMatchObject({ ok: true, profile: { tp: 1 }, how: 'requested' });
    expect(selectProfile(cfg, { NIM_MODEL_PROFILE: 'vllm-bf16-tp2-pp1' })).toMatchObject({ ok: true, profile: { tp: 2 } });
    expect(selectProfile(cfg, { NIM_MODEL_PROFILE: tp4!.name })).toMatchObject({ ok: false, message: expect.stringMatching(/needs 4 GPUs; 2 visible/) });
    expect(selectProfile(cfg, { NIM_MODEL_PROFILE: 'trtllm-fp8' })).toMatchObject({ ok: false, message: expect.stringMatching(/not one of this NIM's profiles/) });
  });

  it('an entrypoint override of nim-serve starts the same NIM (key, profile, baked-in model)', async () => {
    const cfg = { ...nim(), launch: { entrypoint: ['nim-serve'], cmd: ['--max-model-len', '4096'] } };
    const { h, lines } = await start(cfg, [], { NGC_API_KEY: 'nvapi-test' });
    expect(await h.ready).toBe(true);
    expect(h.args).toMatchObject({ engine: 'nim', servedModelName: 'meta/llama-3.1-8b-instruct', maxModelLen: 4096 });
    expect(lines.join('\n')).toContain('Selected profile:');
    expect(lines.join('\n')).not.toContain('NVIDIA Inference Microservice LLM NIM Version');
  });

  it('an unknown NIM_MODEL_PROFILE is logged and exits 1', async () => {
    const { h, lines } = await start(nim(), [], { NGC_API_KEY: 'nvapi-test', NIM_MODEL_PROFILE: 'nope' });
    expect(await h.exited).toBe(1);
    expect(lines.some((l) => l.includes("[ERROR] Profile 'nope' is not one of this NIM's profiles"))).toBe(true);
  });
});
