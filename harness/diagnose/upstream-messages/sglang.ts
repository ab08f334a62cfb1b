// Messages sglang raises or logs, by the category they mean, each with the line that writes it.
import type { UpstreamMessage } from './types.ts';

export const SGLANG_MESSAGES: readonly UpstreamMessage[] = [];
