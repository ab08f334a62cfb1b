import { describe, expect, it } from 'vitest';
import { getEngine } from '../../../harness/engines/index.ts';
import { containerSpec, emulatorConfig, engineArgv } from '../../../harness/run/container-spec.ts';
import type { Cell } from '../../../harness/core/cell.ts';
import { EMULATOR_CONFIG_ENV } from '../../../harness/core/emulator-traits.ts';
import { makeCell } from '../../support/cell.ts';

/** A Thor cell as expand makes it, with the engine's own command and secrets in its env. */
function cell(over: Partial<Cell['image']> = {}, engine: 'vllm' | 'sglang' = 'vllm'): Cell {
  const e = getEngine(engine);
  const r = e.command({ model: 'Qwen/Qwen3.5-0.8B', options: {}, port: e.defaultPort, extraArgs: [] });
  if (!('argv' in r)) throw new Error('unsupported');
  return makeCell('img/thor/m/default', {
    image: { engine, emulate: { driver_cuda: { thor: '13.0' } }, env: { NGC_API_KEY: { value: 'nvapi-secret', secret: true, from: ['NGC_API_KEY'] } }, ...over },
    model: { name: 'Qwen/Qwen3.5-0.8B', mtp: true, sizeGiB: 2 },
    // As expand makes it: defaults, then the image's env, then the include's.
    env: { NGC_API_KEY: { value: 'nvapi-secret', secret: true, from: ['NGC_API_KEY'] }, HF_TOKEN: { value: 'hf_x', secret: true }, VLLM_LOGGING_LEVEL: { value: 'INFO', secret: false } },
    timeouts: { startupMs: 1, probeMs: 1 },
    probes: [],
    command: r.argv,
  });
}

describe('containerSpec', () => {
  it('on a real runner: the image, its own entrypoint, leased device ids, caches, ipc host, secrets by name', () => {
    const c = cell();
    const s = containerSpec(c, { engine: getEngine('vllm'), slots: ['GPU-a', 'GPU-b'], emulate: null, cacheDir: '/cache' });
    expect(s.image).toBe('vllm/vllm-openai:v0.19.0');
    expect(s.entrypoint).toBeNull();
    expect(s.cmd).toEqual(c.command);
    expect(s.cmd[0]).toBe('Qwen/Qwen3.5-0.8B');
    expect(s.gpuDeviceIds).toEqual(['GPU-a', 'GPU-b']);
    expect(s.mounts).toEqual(['/cache/huggingface:/root/.cache/huggingface', '/cache/vllm-cache:/root/.cache/vllm']);
    expect(s.ipcHost).toBe(true);
    expect(s.secretEnv!.sort()).toEqual(['HF_TOKEN', 'NGC_API_KEY']);
    expect(s.env.VLLM_LOGGING_LEVEL).toBe('INFO');
  });

  it('points the engine at the managed model cache, offline once the model is complete in it', () => {
    const c = cell();
    const warm = containerSpec(c, { engine: getEngine('vllm'), slots: ['0'], emulate: null, cacheDir: '/cache', modelOffline: true });
    expect(warm.env).toMatchObject({ HF_HOME: '/root/.cache/huggingface', HF_HUB_CACHE: '/root/.cache/huggingface/hub', HF_HUB_OFFLINE: '1' });
    const cold = containerSpec(c, { engine: getEngine('vllm'), slots: ['0'], emulate: null, cacheDir: '/cache' });
    expect(cold.env.HF_HUB_OFFLINE).toBeUndefined();
    const nim = containerSpec({ ...c, image: { ...c.image, engine: 'nim' } }, { engine: getEngine('nim'), slots: ['0'], emulate: null, cacheDir: '/cache', modelOffline: true });
    expect(nim.mounts).toContain('/cache/huggingface:/opt/nim/.cache');
    expect(nim.env.HF_HUB_CACHE).toBe('/opt/nim/.cache/hub');
    const mine = containerSpec({ ...c, env: { ...c.env, HF_HUB_OFFLINE: { value: '0', secret: false } } }, { engine: getEngine('vllm'), slots: ['0'], emulate: null, cacheDir: '/cache', modelOffline: true });
    expect(mine.env.HF_HUB_OFFLINE).toBe('0');
  });

  it('an image command prefix replaces the engine entrypoint (NGC-style images)', () => {
    const c = cell({ command: ['vllm', 'serve'] });
    const s = containerSpec(c, { engine: getEngine('vllm'), slots: ['0'], emulate: null, cacheDir: null });
    expect(s.cmd.slice(0, 3)).toEqual(['vllm', 'serve', 'Qwen/Qwen3.5-0.8B']);
  });

  it('Jetson Orin style runtime: nvidia uses the runtime, not device requests', () => {
    const s = containerSpec(cell({ runtime: 'nvidia' }), { engine: getEngine('vllm'), slots: ['0'], emulate: null, cacheDir: null });
    expect(s.runtime).toBe('nvidia');
    expect(s.gpuDeviceIds).toBeNull();
  });

  it('under --emulate: the emulator image runs the full engine argv with the GPU and driver in its config', () => {
    const c = cell({}, 'sglang');
    const s = containerSpec(c, { engine: getEngine('sglang'), slots: ['0'], emulate: { imageTag: 'matrix-emulator:abc', stateDir: '/tmp/state' }, cacheDir: '/cache' });
    expect(s.image).toBe('matrix-emulator:abc');
    expect(s.cmd.slice(0, 3)).toEqual(['python3', '-m', 'sglang.launch_server']);
    expect(s.cmd).toEqual(engineArgv(c, getEngine('sglang')));
    expect(s.gpuDeviceIds).toBeNull();
    // The managed model cache is mounted and pointed at exactly as in a real run.
    expect(s.mounts).toEqual(['/cache/huggingface:/root/.cache/huggingface', '/cache/sglang-cache:/root/.cache/sglang', '/tmp/state:/.matrix-emulator-state']);
    expect(s.env.HF_HOME).toBe('/root/.cache/huggingface');
    const cfg = JSON.parse(s.env[EMULATOR_CONFIG_ENV]!);
    expect(cfg).toEqual(emulatorConfig(c));
    expect(cfg.gpu).toEqual({ name: 'thor', computeCapability: '11.0', memoryGiB: 128, driverCuda: '13.0', count: 1 });
  });

  it('a matrix mount on a harness cache path replaces the harness mount there, and only there', () => {
    const c = cell({ mounts: ['/srv/hf-cache:/root/.cache/huggingface/:ro', '/data:/data'] });
    const s = containerSpec(c, { engine: getEngine('vllm'), slots: ['0'], emulate: null, cacheDir: '/cache' });
    expect(s.mounts).toEqual(['/srv/hf-cache:/root/.cache/huggingface/:ro', '/data:/data', '/cache/vllm-cache:/root/.cache/vllm']);
  });

  it('under --emulate: the real run\'s container but for the image, command, emulator config and state, and no GPU requests', () => {
    const c = cell({ mounts: ['/srv/hf-cache:/root/.cache/huggingface'], runtime: 'nvidia', platform: 'linux/arm64', entrypoint: ['vllm', 'serve'] });
    const ctx = { engine: getEngine('vllm'), slots: ['0'], cacheDir: '/cache' };
    const real = containerSpec(c, { ...ctx, emulate: null });
    const emulated = containerSpec(c, { ...ctx, emulate: { imageTag: 'matrix-emulator:abc', stateDir: '/tmp/state' } });
    const { [EMULATOR_CONFIG_ENV]: config, MATRIX_EMULATOR_STATE_DIR: stateDir, ...env } = emulated.env;
    expect(config).toBeDefined();
    expect(stateDir).toBe('/.matrix-emulator-state');
    expect({ ...emulated, env, mounts: emulated.mounts.slice(0, -1) }).toEqual({
      ...real,
      image: 'matrix-emulator:abc',
      entrypoint: null,
      cmd: engineArgv(c, getEngine('vllm')),
      gpuDeviceIds: null,
      runtime: null,
      platform: null,
    });
    expect(emulated.mounts.at(-1)).toBe('/tmp/state:/.matrix-emulator-state');
  });

  it('falls back to the catalog driver when the traits name none for the GPU', () => {
    const c = cell({ emulate: {} });
    expect(emulatorConfig({ ...c, gpu: { name: 'rtx-pro-6000', arch: 'sm_120', computeCapability: '12.0', memoryGiB: 96 } }).gpu.driverCuda).toBe('12.8');
  });
});
