// The emulator image's entrypoint: `node /emulator.mjs <engine command…>`. Reads the
// configuration from MATRIX_EMULATOR_CONFIG (see traits.ts), runs the engine's startup and serves
// until SIGTERM/SIGINT, an injected crash, or a startup failure (exit code like the real engine).
import { once } from 'node:events';
import { EMULATOR_CONFIG_ENV, type EmulatorConfig } from '../core/emulator-traits.ts';
import { startEmulator } from './server.ts';
import { cachedCheckpoint, offlineMissLines } from './startup/cached-model.ts';

const DEFAULT_CONFIG: EmulatorConfig = {
  engine: 'vllm',
  traits: {} as EmulatorConfig['traits'],
  gpu: { name: 'h100', computeCapability: '9.0', memoryGiB: 80, driverCuda: '12.8', count: 1 },
  model: { architecture: null, sizeGiB: null, modalities: ['text'], mtp: false },
};

function readConfig(): EmulatorConfig {
  const raw = process.env[EMULATOR_CONFIG_ENV];
  if (!raw) return DEFAULT_CONFIG;
  try {
    const c = JSON.parse(raw) as Partial<EmulatorConfig>;
    return {
      ...DEFAULT_CONFIG,
      ...c,
      gpu: { ...DEFAULT_CONFIG.gpu, ...c.gpu },
      model: { ...DEFAULT_CONFIG.model, ...c.model },
    } as EmulatorConfig;
  } catch (e) {
    process.stderr.write(`matrix-emulator: ${EMULATOR_CONFIG_ENV} is not valid JSON: ${(e as Error).message}\n`);
    process.exit(2);
  }
}

/** The checkpoint in the mounted cache names the architecture the matrix left out; offline, a missing one ends the start. */
function withCachedCheckpoint(config: EmulatorConfig): EmulatorConfig {
  const cached = cachedCheckpoint(config.model.name, config.model.revision);
  if (process.env.HF_HUB_OFFLINE === '1' && config.model.name && !cached.snapshot) {
    for (const l of offlineMissLines(config.model.name)) process.stderr.write(l + '\n');
    process.exit(1);
  }
  if (cached.snapshot) process.stdout.write(`matrix-emulator: checkpoint ${config.model.name} read from ${cached.snapshot}\n`);
  return config.model.architecture || !cached.architecture ? config : { ...config, model: { ...config.model, architecture: cached.architecture } };
}

async function main(): Promise<void> {
  const config = withCachedCheckpoint(readConfig());
  let handle;
  try {
    handle = await startEmulator({
      argv: process.argv.slice(2),
      config,
      out: (line, stream) => (stream === 'stderr' ? process.stderr : process.stdout).write(line + '\n'),
      // Like a process blocking on a full pipe: the flood waits until Docker has read what it wrote.
      drained: async () => {
        for (const s of [process.stdout, process.stderr]) if (s.writableNeedDrain) await once(s, 'drain');
      },
    });
  } catch (e) {
    process.stderr.write(`matrix-emulator: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const stop = () => {
    // uvicorn's shutdown lines, as the real servers print them on SIGTERM.
    const prefix = handle.args?.engine === 'sglang' ? '' : '(APIServer pid=1) ';
    for (const l of ['Shutting down', 'Waiting for application shutdown.', 'Application shutdown complete.', 'Finished server process [1]']) {
      process.stdout.write(`${prefix}INFO:     ${l}\n`);
    }
    void handle.close();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  const code = await handle.exited;
  process.exit(code);
}

void main();
