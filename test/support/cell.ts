// The one Cell builder of the tests (ARCHITECTURE.md rule 8): a planned cell as expansion makes it,
// named `image/gpu/model/flags`. The id's parts name the image, the GPU (its facts from the GPU
// catalog when it knows the name) and the model; everything else is a small vLLM text cell, and
// any field can be overridden (image, gpu, model and flags field by field).
import { findGpu } from '../../harness/gpu/catalog.ts';
import type { Cell, FlagSetSpec, GpuRef, ImageSpec, ModelSpec } from '../../harness/core/cell.ts';

export interface CellOverrides extends Partial<Omit<Cell, 'image' | 'gpu' | 'model' | 'flags'>> {
  image?: Partial<ImageSpec>;
  gpu?: Partial<GpuRef>;
  model?: Partial<ModelSpec>;
  flags?: Partial<FlagSetSpec>;
}

function gpuRef(name: string): GpuRef {
  const g = findGpu(name);
  if (!g) return { name, arch: 'sm_90', computeCapability: '9.0', memoryGiB: 80 };
  return { name: g.name, arch: `sm_${g.computeCapability.replace('.', '')}`, computeCapability: g.computeCapability, memoryGiB: g.memoryGiB };
}

/** A cell `id` = `image/gpu/model/flags` (missing parts: img, h100, m, default). `options` also become the flag set's. */
export function makeCell(id = 'img/h100/m/default', over: CellOverrides = {}): Cell {
  const [image = 'img', gpu = 'h100', model = 'm', flags = 'default'] = id.split('/');
  const options = over.options ?? over.flags?.options ?? {};
  const m: ModelSpec = { id: model, name: 'Qwen/x', modalities: ['text'], mtp: false, architecture: null, sizeGiB: null, ...over.model };
  return {
    matrix: 'm',
    args: [],
    env: {},
    timeouts: { startupMs: 1000, probeMs: 1000 },
    retries: 0,
    probes: ['stream'],
    expect: null,
    gpus: 1,
    command: [m.name],
    skip: null,
    ...over,
    id,
    image: { id: image, ref: 'vllm/vllm-openai:v0.19.0', engine: 'vllm', emulate: null, entrypoint: null, command: null, platform: null, runtime: null, mounts: [], env: {}, ...over.image },
    gpu: { ...gpuRef(gpu), ...over.gpu },
    model: m,
    flags: { id: flags, args: {}, ...over.flags, options },
    options,
  };
}
