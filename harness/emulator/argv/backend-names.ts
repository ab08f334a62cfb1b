// The engines' own names for the semantic attention backends, as their logs and errors print them.
// vLLM's come from the facts of the emulated release (harness/engines/facts/vllm/values.ts).
import { semanticValue, VLLM_FACTS } from '../../engines/facts/index.ts';
import type { AttentionBackend } from '../../core/cell.ts';

const SGLANG: Record<AttentionBackend, string> = {
  flash: 'fa3',
  flashinfer: 'flashinfer',
  triton: 'triton',
  flex: 'flex_attention',
  sdpa: 'torch_native',
  auto: 'fa3',
};

/** vLLM's enum name for a backend at `version` (the decoder's set, else the encoder's: TORCH_SDPA); auto is FLASH_ATTN. */
export function vllmBackendName(b: AttentionBackend, version: string | null = null): string {
  const id = b === 'auto' ? 'flash' : b;
  return semanticValue(VLLM_FACTS, 'attention-backend', id, version) ?? semanticValue(VLLM_FACTS, 'mm-encoder-attention-backend', id, version) ?? b.toUpperCase();
}

/** The semantic id of a vLLM backend name of any release read (TRITON_ATTN_VLLM_V1 → triton), or null. */
export function vllmSemanticBackend(name: string): AttentionBackend | null {
  for (const set of VLLM_FACTS.values) {
    if (set.set !== 'attention-backend' && set.set !== 'mm-encoder-attention-backend') continue;
    const hit = Object.entries(set.semantic).find(([, member]) => member === name);
    if (hit) return hit[0] as AttentionBackend;
  }
  return null;
}

export function sglangBackendName(b: AttentionBackend): string {
  return SGLANG[b];
}
