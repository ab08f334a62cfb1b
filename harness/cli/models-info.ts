// `matrix models info HF_ID`: what the checkpoint says about itself (from the managed cache, else
// the hub) and, for each GPU asked (or the catalog's), whether it fits at the tensor parallel size.
import { UsageError } from '../errors.ts';
import { MODEL_CACHE } from '../engines/model-cache.ts';
import { GPU_CATALOG } from '../gpu/catalog.ts';
import { resolveGpus } from '../plan/select.ts';
import { formatBytes } from '../models/disk-space.ts';
import { fitOf } from '../models/fits.ts';
import { hubEnv } from '../models/hub-env.ts';
import { readModel } from '../models/read-model.ts';

export interface InfoOptions {
  cacheDir: string;
  revision: string;
  gpu: string[];
  tp: string;
  json: boolean;
}

export async function modelInfoCommand(args: string[], o: InfoOptions): Promise<number> {
  if (args.length !== 1) throw new UsageError('matrix models info takes one HF_ID', 'e.g. matrix models info Qwen/Qwen3-VL-8B-Instruct');
  const tp = Number(o.tp);
  if (!Number.isInteger(tp) || tp < 1) throw new UsageError(`--tp must be a whole number ≥ 1 (got "${o.tp}")`);
  const name = args[0]!;
  const read = await readModel({ cacheDir: o.cacheDir, name, revision: o.revision, hub: hubEnv() });
  const gpus = o.gpu.length ? resolveGpus(o.gpu) : GPU_CATALOG.map((g) => g.name);
  const util = MODEL_CACHE.vllm.memoryUtilization;
  const fits = read.facts.weightBytes === null ? [] : gpus.map((gpu) => ({ gpu, ...fitOf({ weightBytes: read.facts.weightBytes!, gpuName: gpu, gpuMemoryGiB: GPU_CATALOG.find((g) => g.name === gpu)!.memoryGiB, tp, memoryUtilization: util }) }));
  if (o.json) {
    process.stdout.write(JSON.stringify({ name, revision: o.revision, ...read, fits }, null, 2) + '\n');
    return 0;
  }
  const f = read.facts;
  const lines = [
    `${name}@${o.revision}${read.commit ? ` (${read.commit.slice(0, 12)})` : ''}, read from the ${read.from}`,
    `  architectures: ${f.architectures.join(', ') || '(none in config.json)'}${f.modelType ? `  (model_type ${f.modelType})` : ''}`,
    `  modalities:    ${f.modalities.join(', ')}${f.vision ? '  (config.json has a vision encoder)' : ''}`,
    `  weights:       ${f.weightBytes === null ? 'unknown (no safetensors index or files)' : `${formatBytes(f.weightBytes)} (from the ${f.sizeFrom})`}`,
  ];
  if (fits.length) lines.push(`  fit at tp ${tp}, memory utilization ${util} (the vLLM default; SGLang's is ${MODEL_CACHE.sglang.memoryUtilization}):`);
  for (const x of fits) lines.push(`    ${x.gpu.padEnd(13)} ${x.verdict.padEnd(8)} ${x.text}`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
