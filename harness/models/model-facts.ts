// What a checkpoint says about itself, read from its config.json and safetensors index (pure):
// the architectures, whether it carries a vision encoder (→ modalities) and the weights' size.
export interface ModelFacts {
  architectures: string[];
  modelType: string | null;
  /** config.json has `auto_map`: code in the repository defines the model (trust_remote_code). */
  remoteCode: boolean;
  /** A vision encoder's config is present: the model takes images. */
  vision: boolean;
  modalities: Array<'text' | 'image'>;
  /** Bytes of weights, or null when neither the index nor the files' sizes are known. */
  weightBytes: number | null;
  sizeFrom: 'safetensors index' | 'safetensors files' | null;
}

/**
 * config.json keys that hold a vision encoder, as the multimodal configs in transformers name
 * them: `vision_config` (Qwen2-VL/Qwen3-VL, Llava, Gemma 3, Mllama, InternVL, Idefics3 …),
 * `vision_tower`/`mm_vision_tower` (LLaVA-style checkpoints), `visual` (Qwen-VL), `vit_config`.
 */
export const VISION_CONFIG_KEYS = ['vision_config', 'vision_tower', 'mm_vision_tower', 'visual', 'vit_config'] as const;

function record(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function modelFacts(config: unknown, index: unknown | null, files: Array<{ path: string; size: number }>): ModelFacts {
  const c = record(config);
  // Some wrappers (e.g. a text_config beside vision_config) keep architectures at the top only.
  const architectures = Array.isArray(c.architectures) ? c.architectures.filter((a): a is string => typeof a === 'string') : [];
  const vision = VISION_CONFIG_KEYS.some((k) => c[k] !== undefined && c[k] !== null);
  const total = record(record(index).metadata).total_size;
  const shards = files.filter((f) => f.path.endsWith('.safetensors'));
  const weightBytes = typeof total === 'number' && total > 0 ? total : shards.length ? shards.reduce((s, f) => s + f.size, 0) : null;
  return {
    architectures,
    modelType: typeof c.model_type === 'string' ? c.model_type : null,
    remoteCode: Object.keys(record(c.auto_map)).length > 0,
    vision,
    modalities: vision ? ['text', 'image'] : ['text'],
    weightBytes,
    sizeFrom: typeof total === 'number' && total > 0 ? 'safetensors index' : shards.length ? 'safetensors files' : null,
  };
}

/** Where the matrix disagrees with the checkpoint (plan-time warnings), or nothing. */
export function modelMismatches(declared: { modalities: string[]; architecture: string | null }, facts: ModelFacts): string[] {
  const out: string[] = [];
  const has = (m: string) => declared.modalities.includes(m);
  if (facts.vision && !has('image')) out.push('its config.json has a vision encoder, the matrix declares modalities [' + declared.modalities.join(', ') + '] (add image to test it)');
  if (!facts.vision && has('image')) out.push('the matrix declares the image modality, its config.json has no vision encoder');
  if (declared.architecture && facts.architectures.length && !facts.architectures.includes(declared.architecture)) {
    out.push(`the matrix says architecture ${declared.architecture}, its config.json says ${facts.architectures.join(', ')}`);
  }
  return out;
}
