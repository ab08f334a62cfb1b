// Engines' own messages, read from their source, as generic evidence: the exact words an engine
// raises a failure with name its category before the looser generic rules of category-evidence.ts
// guess it from words alone. A new log meets these words wherever the engine writes them. Pure.
import type { UpstreamMessage } from './upstream-messages/types.ts';
import { NVIDIA_MESSAGES } from './upstream-messages/nvidia.ts';
import { SGLANG_MESSAGES } from './upstream-messages/sglang.ts';
import { VLLM_MESSAGES } from './upstream-messages/vllm.ts';

export type { UpstreamMessage } from './upstream-messages/types.ts';

export const UPSTREAM_MESSAGES: readonly UpstreamMessage[] = [...VLLM_MESSAGES, ...SGLANG_MESSAGES, ...NVIDIA_MESSAGES];
