// `matrix emulator build`: build the emulator image (matrix-emulator:<version>) from local files.
import { UsageError } from '../errors.ts';
import { ensureEmulatorImage } from '../emulator/host.ts';
import { DockerRuntime } from '../runtime/docker.ts';
import { defineCommand } from './command.ts';

export const command = defineCommand({
  name: 'emulator',
  summary: 'build the emulator image (a vLLM / SGLang look-alike used by --emulate) from local files',
  usage: 'build [--force] [--json]',
  positionals: { min: 1, max: 1, name: 'ACTION (build)' },
  options: {
    force: { type: 'boolean', description: 'build even when the image for this emulator version exists' },
    json: { type: 'boolean', description: 'print {"tag", "built"} as JSON' },
  },
  examples: ['matrix emulator build', 'matrix emulator build --force --json'],
  async run({ positionals, values }) {
    if (positionals[0] !== 'build') throw new UsageError(`matrix emulator: unknown action "${positionals[0]}"`, 'the action is `build`');
    const runtime = new DockerRuntime();
    await runtime.ping(); // InfraError('docker-down') with its hint when the engine does not answer
    const started = Date.now();
    const progress = values.json ? undefined : (line: string) => process.stderr.write(`  ${line}\n`);
    const r = await ensureEmulatorImage(runtime, { force: values.force === true, ...(progress ? { onProgress: progress } : {}) });
    if (values.json) process.stdout.write(JSON.stringify({ tag: r.tag, built: r.built }) + '\n');
    else process.stdout.write(`${r.tag} ${r.built ? `built in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'up to date'}\n`);
    return 0;
  },
});
