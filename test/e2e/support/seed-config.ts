// EmulatorConfig for a seed scenario, read from matrix/seeds.yaml (the image's `emulate:` traits,
// the model's facts) and the GPU catalog, with short startup times for tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { findGpu } from '../../../harness/gpu/catalog.ts';
import { EmulatorTraits, type EmulatorConfig } from '../../../harness/core/emulator-traits.ts';

interface SeedsFile {
  images: Array<{ id: string; engine: 'vllm' | 'sglang' | 'nim'; emulate?: Record<string, unknown> }>;
  models: Array<{ id: string; name: string; modalities?: Array<'text' | 'image'>; architecture?: string; size_gib?: number; mtp?: boolean }>;
}

export const FAST_STARTUP = { weights_s: 0.1, compile_s: 0.05, graphs_s: 0.05 };

const seeds = (): SeedsFile => parse(readFileSync(resolve(import.meta.dirname, '../../../matrix/seeds.yaml'), 'utf8')) as SeedsFile;

export function seedConfig(imageId: string, gpuName: string, modelId: string, traitsOver: Record<string, unknown> = {}): { config: EmulatorConfig; model: string } {
  const s = seeds();
  const image = s.images.find((i) => i.id === imageId);
  const model = s.models.find((m) => m.id === modelId);
  const gpu = findGpu(gpuName);
  if (!image || !model || !gpu) throw new Error(`seeds.yaml has no image ${imageId}, model ${modelId} or the catalog no GPU ${gpuName}`);
  const traits = EmulatorTraits.parse({ ...image.emulate, startup: FAST_STARTUP, ...traitsOver });
  return {
    model: model.name,
    config: {
      engine: image.engine,
      traits,
      gpu: { name: gpu.name, computeCapability: gpu.computeCapability, memoryGiB: gpu.memoryGiB, driverCuda: traits.driver_cuda[gpu.name] ?? gpu.typicalDriverCuda, count: 1 },
      model: { architecture: model.architecture ?? null, sizeGiB: model.size_gib ?? null, modalities: model.modalities ?? ['text'], mtp: model.mtp ?? false },
    },
  };
}
