// Which attention backend vLLM's vision encoder ends up with, and whether the model's encoder
// refuses it, read from the facts of the emulated release (harness/engines/facts/vllm/defaults.ts):
// up to 0.12 VLLM_ATTENTION_BACKEND also picks the encoder's backend; 0.11.0–0.11.1 force TORCH_SDPA
// on compute capability >= 10.0 when nothing overrides it; Qwen3-VL's encoder in 0.11.x raises for
// any backend outside its list. Pure.
import { factsAt, VLLM_FACTS } from '../../engines/facts/index.ts';
import type { DefaultFact } from '../../engines/facts/types.ts';
import type { AttentionBackend } from '../../core/cell.ts';
import { vllmSemanticBackend } from '../argv/backend-names.ts';

function decision(id: string, version: string): DefaultFact | undefined {
  return factsAt(VLLM_FACTS, VLLM_FACTS.defaults, version).find((d) => d.id === id);
}

function atLeast(cc: string, min: string): boolean {
  return Number.parseFloat(cc) >= Number.parseFloat(min);
}

export interface EncoderChoice {
  /** The encoder's backend when the release decides it; null: the release's platform default applies. */
  backend: AttentionBackend | null;
  /** Why, for the emulator's log. */
  why: 'flag' | 'env' | 'capability' | null;
}

/**
 * The encoder's backend by the release's own rules: its own flag first (--mm-encoder-attn-backend,
 * from 0.11.1), then VLLM_ATTENTION_BACKEND where it reaches the encoder, then the capability rule.
 */
export function vllmEncoderBackend(
  version: string,
  own: AttentionBackend | null,
  byEnv: AttentionBackend | null,
  computeCapability: string,
): EncoderChoice {
  if (own !== null && own !== 'auto') return { backend: own, why: 'flag' };
  if (byEnv !== null && decision('vit-backend-env-override', version)) return { backend: byEnv, why: 'env' };
  const forced = decision('vit-backend-blackwell', version);
  if (forced?.fromComputeCapability !== undefined && atLeast(computeCapability, forced.fromComputeCapability)) {
    return { backend: vllmSemanticBackend(forced.value), why: 'capability' };
  }
  return { backend: null, why: null };
}

/** The backends a model's encoder accepts at the release, as enum names, or null when it accepts any. */
export function vllmEncoderAccepts(version: string, architecture: string | null): string[] | null {
  const rule = VLLM_FACTS.defaults.filter((d) => d.id.endsWith('-encoder-backends') && architecture !== null && d.architectures?.includes(architecture));
  const held = rule.find((d) => factsAt(VLLM_FACTS, [d], version).length > 0);
  return held ? held.value.split(', ') : null;
}

/** The enum name the encoder would be built with when it refuses `backend`, or null when it accepts it. */
export function vllmEncoderRefusal(version: string, architecture: string | null, backend: AttentionBackend, name: string): string | null {
  const accepts = vllmEncoderAccepts(version, architecture);
  if (accepts === null) return null;
  return accepts.some((n) => vllmSemanticBackend(n) === backend) ? null : name;
}
