// Requests to the server under test. Plain chat goes through the official `openai` client so the
// server is exercised the way users' applications exercise it; streaming goes through
// stream-chat.ts (see there why). Every request has a deadline (ctx.timeoutMs and ctx.signal),
// never retries, and fails as a ProbeError carrying the HTTP status and a body excerpt.
import OpenAI from 'openai';
import { ProbeError } from '../errors.ts';
import { deadline, errorMessage, fail, newTiming } from './request.ts';
import type { ChatOutcome, ChatRequest, RequestTarget } from './request.ts';
import { excerpt } from './sse.ts';

export { streamChat, isProbeError } from './stream-chat.ts';
export type { ChatOutcome, ChatRequest, RequestTarget } from './request.ts';

export function openaiClient(target: RequestTarget): OpenAI {
  return new OpenAI({ baseURL: `${target.baseUrl}/v1`, apiKey: 'EMPTY', maxRetries: 0, timeout: target.timeoutMs });
}

/** One non-streamed chat completion; the response counts as a single content chunk at its arrival. */
export async function chat(target: RequestTarget, body: ChatRequest, label: string): Promise<ChatOutcome> {
  const client = openaiClient(target);
  const timing = newTiming(label, performance.now());
  const limit = deadline(target);
  try {
    const { data, response } = await client.chat.completions
      .create({ ...body, stream: false }, { signal: limit.signal, timeout: target.timeoutMs, maxRetries: 0 })
      .withResponse();
    timing.endMs = performance.now();
    timing.status = response.status;
    const text = data.choices.map((c) => c.message?.content ?? '').join('');
    timing.chunks.push(text ? { atMs: timing.endMs, kind: 'content', text } : { atMs: timing.endMs, kind: 'other' });
    timing.promptTokens = data.usage?.prompt_tokens ?? null;
    timing.completionTokens = data.usage?.completion_tokens ?? null;
    return { text, finishReason: data.choices[0]?.finish_reason ?? null, timing, error: null };
  } catch (err) {
    timing.endMs = performance.now();
    return fail({ text: '', finishReason: null, timing }, toProbeError(err, label, target, limit.timedOut()));
  } finally {
    limit.clear();
  }
}

/** Map what the openai client throws to a ProbeError with status and body excerpt. */
export function toProbeError(err: unknown, label: string, target: RequestTarget, timedOut: boolean): ProbeError {
  const where = `POST ${target.baseUrl}/v1/chat/completions`;
  if (timedOut || err instanceof OpenAI.APIConnectionTimeoutError) {
    return new ProbeError(`${label}: timed out after ${target.timeoutMs} ms (waiting for the response) — ${where}`);
  }
  if (err instanceof OpenAI.APIUserAbortError) {
    const r: unknown = target.signal.reason;
    return new ProbeError(`${label}: aborted (${r instanceof Error ? r.message : String(r ?? 'aborted')})`);
  }
  if (err instanceof OpenAI.APIConnectionError) {
    return new ProbeError(`${label}: connection failed: ${errorMessage(err)} — ${where}`, { cause: errorMessage(err) });
  }
  if (err instanceof OpenAI.APIError) {
    const body = err.error !== undefined ? JSON.stringify({ error: err.error }) : err.message;
    const status = err.status;
    return new ProbeError(`${label}: HTTP ${status ?? '?'} from ${where}: ${excerpt(body, 300)}`, {
      ...(status !== undefined ? { status } : {}),
      body: excerpt(body, 500),
    });
  }
  return new ProbeError(`${label}: request failed: ${errorMessage(err)} — ${where}`, { cause: errorMessage(err) });
}
