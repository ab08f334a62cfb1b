// Messages vllm raises or logs, by the category they mean, each with the line that writes it.
import type { UpstreamMessage } from './types.ts';

export const VLLM_MESSAGES: readonly UpstreamMessage[] = [];
