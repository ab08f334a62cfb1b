// The engines' own names for the semantic attention backends, as their logs and errors print them.
import type { AttentionBackend } from '../matrix/types.ts';

const VLLM: Record<AttentionBackend, string> = {
  flash: 'FLASH_ATTN',
  flashinfer: 'FLASHINFER',
  triton: 'TRITON_ATTN',
  flex: 'FLEX_ATTENTION',
  sdpa: 'TORCH_SDPA',
  auto: 'FLASH_ATTN',
};

const SGLANG: Record<AttentionBackend, string> = {
  flash: 'fa3',
  flashinfer: 'flashinfer',
  triton: 'triton',
  flex: 'flex_attention',
  sdpa: 'torch_native',
  auto: 'fa3',
};

export function vllmBackendName(b: AttentionBackend): string {
  return VLLM[b];
}

export function sglangBackendName(b: AttentionBackend): string {
  return SGLANG[b];
}
