// `matrix preflight`: predict, before any GPU time is spent, which CUDA libraries of an image (or of
// local files) load on a GPU: natively, by PTX JIT, or not at all with the exact CUDA error.
// Wiring: the option table and the printout; preflight/cuda-libraries.ts reads and decides.
import { InfraError, UsageError } from '../errors.ts';
import { findGpu, type GpuSpec } from '../gpu/catalog.ts';
import { describeRunnerGpus } from '../gpu/devices.ts';
import { discoverGpus } from '../gpu/discover.ts';
import { preflightText, type PreflightResult } from '../gpu/preflight.ts';
import { gpuOrUsage, preflightImage, preflightPaths } from '../preflight/cuda-libraries.ts';
import { DockerRuntime } from '../runtime/docker.ts';
import { defineCommand } from './command.ts';
import { defaultCacheDir } from '../models/cache-layout.ts';
import { engineOption, preflightModelCommand } from './preflight-model.ts';
import { resolve } from 'node:path';

/** MATRIX_CONTAINER_LABELS="k=v,k=v": extra labels for the never-started container (tests set matrix.test=1). */
function extraLabels(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of (process.env.MATRIX_CONTAINER_LABELS ?? '').split(',')) {
    const i = kv.indexOf('=');
    if (i > 0) out[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
  }
  return out;
}

/** Without --gpu: this runner's GPU (one kind only) and its driver's CUDA version. */
async function runnerGpu(): Promise<{ gpu: GpuSpec; discoveredCuda: string | null }> {
  const hint = 'name a GPU of the catalog, e.g. --gpu thor (see `matrix gpus --catalog`)';
  const gpus = await discoverGpus().catch((e: unknown) => {
    throw new UsageError(`matrix preflight: --gpu is required here (${e instanceof InfraError ? e.message : String(e)})`, hint);
  });
  const kinds = [...new Set(gpus.map((g) => g.catalogName))];
  const only = kinds.length === 1 ? kinds[0] : undefined;
  if (!only) throw new UsageError(`matrix preflight: --gpu is required: this runner has ${describeRunnerGpus(gpus)}`, hint);
  return { gpu: findGpu(only)!, discoveredCuda: gpus[0]!.cudaVersion };
}

export const command = defineCommand({
  name: 'preflight',
  summary: "predict, without running it, which CUDA libraries of an image load on a GPU (native, PTX-JIT, or the exact CUDA error), or whether its engine can load a model",
  usage: '(--image REF | PATH...) [--gpu NAME] [--driver-cuda X.Y] [--json] | --image REF --model HF_ID [--engine E] [--revision REV] [--json]',
  positionals: { min: 0, name: 'PATH (a library, executable or directory)' },
  options: {
    image: { type: 'string', arg: 'REF', description: 'image on the Docker engine to read (never started)' },
    gpu: { type: 'string', arg: 'NAME', description: "GPU of the catalog to decide for (see `matrix gpus --catalog`; default: this runner's GPU)" },
    'driver-cuda': { type: 'string', arg: 'X.Y', description: "highest CUDA version the driver supports (default: this runner's driver with its own GPU, else the GPU's typical driver)" },
    whole: { type: 'boolean', description: 'read the whole image filesystem (docker export) instead of the usual library directories' },
    model: { type: 'string', arg: 'HF_ID', description: "with --image: can the image's engine load this model? (its version, its registry, transformers' model types; config.json from the managed cache, else the hub)" },
    engine: { type: 'string', arg: 'ENGINE', description: 'with --model: the engine to judge (vllm, sglang, nim; default: the one found in the image)' },
    revision: { type: 'string', arg: 'REV', default: 'main', description: "with --model: the model's revision" },
    'cache-dir': { type: 'string', arg: 'DIR', description: 'with --model: the managed cache (default MATRIX_CACHE_DIR or ~/.cache/matrix)' },
    json: { type: 'boolean', description: 'print JSON' },
  },
  examples: [
    'matrix preflight --image vllm/vllm-openai:v0.11.0 --gpu thor',
    'matrix preflight --image my/image:tag --gpu rtx-pro-6000 --driver-cuda 12.8 --json',
    'matrix preflight ./build/lib --gpu h100',
    'matrix preflight --image nvcr.io/nvidia/vllm:26.02-py3 --model Qwen/Qwen3.5-35B-A3B',
  ],
  async run({ positionals, values }) {
    if (values.model !== undefined) {
      if (values.image === undefined || positionals.length) throw new UsageError('matrix preflight: --model needs --image REF (and no PATH)', 'usage: matrix preflight --image REF --model HF_ID');
      const cacheDir = values['cache-dir'] ? resolve(values['cache-dir']) : defaultCacheDir();
      return preflightModelCommand({ runtime: new DockerRuntime(), image: values.image, model: values.model, revision: values.revision!, cacheDir, engine: engineOption(values.engine), json: !!values.json, labels: extraLabels() });
    }
    const { gpu, discoveredCuda } = values.gpu ? { gpu: gpuOrUsage(values.gpu), discoveredCuda: null } : await runnerGpu();
    const driverCuda = values['driver-cuda'] ?? discoveredCuda ?? gpu.typicalDriverCuda;
    if (!/^\d+\.\d+$/.test(driverCuda)) throw new UsageError(`matrix preflight: --driver-cuda must look like 12.8 (got "${driverCuda}")`);
    if ((values.image === undefined) === (positionals.length === 0)) {
      throw new UsageError('matrix preflight: give either --image REF or PATH..., not both and not neither', 'usage: matrix preflight (--image REF | PATH...) --gpu NAME');
    }
    let result: PreflightResult;
    let subject: string;
    if (values.image !== undefined) {
      subject = `image ${values.image}`;
      try {
        result = await preflightImage(new DockerRuntime(), values.image, gpu, driverCuda, { whole: values.whole ?? false, labels: extraLabels() });
      } catch (e) {
        if (e instanceof InfraError) throw e;
        throw new InfraError('infra-other', `cannot read image ${values.image}: ${(e as Error).message}`, 'check that the Docker engine runs and the image is present', 'preflight');
      }
    } else {
      subject = positionals.join(' ');
      result = await preflightPaths(positionals, gpu, driverCuda);
    }
    process.stdout.write(values.json ? JSON.stringify({ subject, ...result }, null, 2) + '\n' : preflightText(result, subject));
    return result.ok ? 0 : 1;
  },
});
