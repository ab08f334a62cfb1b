// Shared test data for the emulator's unit tests: the seeds' traits, GPUs and models, and images.
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { EmulatorTraits, type EmulatorConfig } from '../../../harness/core/emulator-traits.ts';

export const FAST = { startup: { weights_s: 0.02, compile_s: 0.01, graphs_s: 0.01 } };

/**
 * What lmsysorg/sglang ships (sgl-kernel's FA3 for sm_80/sm_90, FlashInfer for every arch): SGLang picks
 * fa3 on Hopper by default (engines/facts/sglang/defaults.ts), so an SGLang image needs them.
 */
export const SGLANG_IMAGE_KERNELS = {
  flash: { sass: ['sm_80', 'sm_90'], ptx: ['compute_90'], toolkit: '12.9' },
  flashinfer: { sass: ['sm_80', 'sm_90', 'sm_100', 'sm_120'], toolkit: '12.9' },
};

export function config(over: { traits?: Record<string, unknown>; gpu?: Partial<EmulatorConfig['gpu']>; model?: Partial<EmulatorConfig['model']>; engine?: EmulatorConfig['engine'] } = {}): EmulatorConfig {
  const kernels = over.engine === 'sglang' ? { kernels: SGLANG_IMAGE_KERNELS } : {};
  return {
    engine: over.engine ?? 'vllm',
    traits: EmulatorTraits.parse({ ...FAST, ...kernels, ...over.traits }),
    gpu: { name: 'h100', computeCapability: '9.0', memoryGiB: 80, driverCuda: '12.8', count: 1, ...over.gpu },
    model: { architecture: 'Qwen3ForCausalLM', sizeGiB: 1.5, modalities: ['text'], mtp: false, ...over.model },
  };
}

/**
 * Seed 000: vLLM 0.11.0 on RTX PRO 6000 (12.0, driver 12.8), flash built with CUDA 12.9 PTX. Which
 * backend the encoder gets is the release's own rule (harness/engines/facts/vllm/defaults.ts).
 */
export const SEED_000 = config({
  traits: { version: '0.11.0', kernels: { flash: { sass: ['sm_80', 'sm_86', 'sm_89', 'sm_90'], ptx: ['compute_90'], toolkit: '12.9', library: '_vllm_fa2_C' } } },
  gpu: { name: 'rtx-pro-6000', computeCapability: '12.0', memoryGiB: 96, driverCuda: '12.8' },
  model: { architecture: 'Qwen3VLForConditionalGeneration', sizeGiB: 16, modalities: ['text', 'image'] },
});

/** Seed 001: Jetson Thor (11.0, driver 13.0), flash built for sm_80 with CUDA 13.2; encoder ignores --attention-backend. */
export const SEED_001 = config({
  traits: { kernels: { flash: { sass: ['sm_80'], ptx: ['compute_80'], toolkit: '13.2', library: '_vllm_fa2_C' } }, mm_encoder_follows_attention_backend: false },
  gpu: { name: 'thor', computeCapability: '11.0', memoryGiB: 128, driverCuda: '13.0' },
  model: { architecture: 'Qwen3_5MoeForConditionalGeneration', sizeGiB: 20, modalities: ['text', 'image'] },
});

/** Seed 002: MTP with FULL CUDA graphs hits the Triton capture bug on H100. */
export const SEED_002 = config({
  traits: { kernels: { flash: { sass: ['sm_80', 'sm_90'], ptx: [], toolkit: '12.8' } }, mtp_full_graph_capture_bug: true },
  model: { architecture: 'Qwen3_5ForConditionalGeneration', sizeGiB: 1.6, modalities: ['text'], mtp: true },
});

export function solidPng(r: number, g: number, b: number, size = 16): string {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) png.data.set([r, g, b, 255], i * 4);
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

export function solidJpeg(r: number, g: number, b: number, size = 16): string {
  const data = Buffer.alloc(size * size * 4);
  for (let i = 0; i < size * size; i++) data.set([r, g, b, 255], i * 4);
  return `data:image/jpeg;base64,${jpeg.encode({ data, width: size, height: size }, 90).data.toString('base64')}`;
}
