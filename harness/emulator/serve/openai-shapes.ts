// Response bodies in the shapes vLLM's OpenAI-compatible server returns: chat completion,
// streaming chunks, usage, error bodies.
import { randomBytes } from 'node:crypto';

export interface Usage {
  prompt_tokens: number;
  total_tokens: number;
  completion_tokens: number;
}

export function usageOf(prompt: number, completion: number): Usage {
  return { prompt_tokens: prompt, total_tokens: prompt + completion, completion_tokens: completion };
}

export function completionId(): string {
  return `chatcmpl-${randomBytes(16).toString('hex')}`;
}

export interface ChunkBase {
  id: string;
  created: number;
  model: string;
}

export function chunk(base: ChunkBase, delta: Record<string, unknown>, finishReason: string | null = null): object {
  return {
    id: base.id,
    object: 'chat.completion.chunk',
    created: base.created,
    model: base.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason, ...(finishReason ? { stop_reason: null } : {}) }],
  };
}

export function usageChunk(base: ChunkBase, usage: Usage): object {
  return { id: base.id, object: 'chat.completion.chunk', created: base.created, model: base.model, choices: [], usage };
}

export function sse(data: object | string): string {
  return `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

export const SSE_DONE = 'data: [DONE]\n\n';

export function chatCompletion(base: ChunkBase, text: string, finishReason: string, usage: Usage): object {
  return {
    id: base.id,
    object: 'chat.completion',
    created: base.created,
    model: base.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text, refusal: null, annotations: null, audio: null, function_call: null, tool_calls: [], reasoning_content: null },
        logprobs: null,
        finish_reason: finishReason,
        stop_reason: null,
      },
    ],
    service_tier: null,
    system_fingerprint: null,
    usage: { ...usage, prompt_tokens_details: null },
    prompt_logprobs: null,
    kv_transfer_params: null,
  };
}

export type ErrorType = 'BadRequestError' | 'NotFoundError' | 'InternalServerError';

/** vLLM's ErrorResponse: {"error": {"message", "type", "param", "code"}}. */
export function errorBody(message: string, type: ErrorType, code: number, param: string | null = null): object {
  return { error: { message, type, param, code } };
}
