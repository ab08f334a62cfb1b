// Classification of OpenAI chat-completion stream chunks (pure). Every SSE event of a streamed
// chat completion is one of:
//   role    — a choice's delta has `role` and no (or empty) content: the opening chunk
//   content — some choice's delta carries non-empty `content`, or non-empty reasoning text
//             (`reasoning_content` / `reasoning`, what a reasoning parser streams while the model
//             thinks): generated tokens, the only kind that counts for latency
//   usage   — `usage` present and `choices` empty: the closing chunk of stream_options.include_usage
//   other   — anything else (finish_reason-only chunks, empty deltas, tool-call deltas)
import { ProbeError } from '../errors.ts';
import type { SseEvent } from './sse.ts';
import { excerpt } from './sse.ts';

export type ChunkKind = 'role' | 'content' | 'usage' | 'other';

export interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
}

export interface StreamChunk {
  choices?: Array<{
    index?: number;
    delta?: { role?: string | null; content?: string | null; reasoning_content?: string | null; reasoning?: string | null };
    finish_reason?: string | null;
  }>;
  usage?: Usage | null;
  error?: { message?: string; type?: string; code?: number | string } | string;
}

export interface ClassifiedChunk {
  kind: ChunkKind;
  /** Concatenated delta content of the chunk ('' when none): the answer text. */
  text: string;
  /** Concatenated reasoning text of the chunk ('' when none). */
  reasoning: string;
  usage: Usage | null;
  finishReason: string | null;
}

export function classifyChunk(chunk: StreamChunk): ClassifiedChunk {
  const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
  const text = choices.map((c) => (typeof c.delta?.content === 'string' ? c.delta.content : '')).join('');
  const reasoning = choices.map((c) => str(c.delta?.reasoning_content) || str(c.delta?.reasoning)).join('');
  const usage = chunk.usage && typeof chunk.usage === 'object' ? chunk.usage : null;
  const finishReason = choices.find((c) => c.finish_reason)?.finish_reason ?? null;
  let kind: ChunkKind;
  if (text.length > 0 || reasoning.length > 0) kind = 'content';
  else if (choices.length === 0 && usage) kind = 'usage';
  else if (choices.some((c) => typeof c.delta?.role === 'string' && c.delta.role.length > 0)) kind = 'role';
  else kind = 'other';
  return { kind, text, reasoning, usage, finishReason };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/**
 * Parse one SSE event into a chunk. `[DONE]` → 'done'. Throws a ProbeError naming the line when
 * the data is not JSON, not an object, or carries an `error` (servers report mid-stream failures
 * that way).
 */
export function parseChunkEvent(event: SseEvent, index: number): StreamChunk | 'done' {
  const data = event.data.trim();
  if (data === '[DONE]') return 'done';
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ProbeError(
      `malformed SSE data in event ${index + 1} (line ${event.line}): not JSON (${reason}): ${JSON.stringify(excerpt(data, 200))}`,
      { body: excerpt(data, 500) },
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ProbeError(`malformed SSE data in event ${index + 1} (line ${event.line}): expected a JSON object, got ${JSON.stringify(excerpt(data, 200))}`, {
      body: excerpt(data, 500),
    });
  }
  const chunk = parsed as StreamChunk;
  if (chunk.error !== undefined) {
    const e = chunk.error;
    const message = typeof e === 'string' ? e : (e.message ?? JSON.stringify(e));
    const code = typeof e === 'object' && typeof e.code === 'number' ? e.code : undefined;
    throw new ProbeError(`server reported an error mid-stream in event ${index + 1} (line ${event.line}): ${excerpt(message, 300)}`, {
      ...(code !== undefined ? { status: code } : {}),
      body: excerpt(data, 500),
    });
  }
  return chunk;
}
