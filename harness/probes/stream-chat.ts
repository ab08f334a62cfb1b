// Streamed chat completions with per-chunk arrival times.
//
// Why not the openai client here: its Stream yields parsed objects only — a malformed data line
// surfaces as a bare SyntaxError (logged to the console), and an aborted stream (our timeout)
// ends the iteration silently as if the server had finished. A probe must tell those apart and
// say exactly where the stream broke, so this file speaks SSE over fetch itself, stamping every
// network read with performance.now() the moment it resolves; every event decoded from that read
// gets that arrival time.
import { ProbeError } from '../errors.ts';
import { classifyChunk, parseChunkEvent } from './chunks.ts';
import { abortReason, deadline, errorMessage, fail, newTiming } from './request.ts';
import type { ChatOutcome, ChatRequest, RequestTarget } from './request.ts';
import { excerpt, SseDecoder } from './sse.ts';

export async function streamChat(target: RequestTarget, body: ChatRequest, label: string): Promise<ChatOutcome> {
  const url = `${target.baseUrl}/v1/chat/completions`;
  const timing = newTiming(label, performance.now());
  const parts: string[] = [];
  let finishReason: string | null = null;
  let events = 0;
  let done = false;
  const limit = deadline(target);
  const stalled = (): ProbeError => {
    const last = timing.chunks[timing.chunks.length - 1];
    const where =
      timing.status === null
        ? 'waiting for response headers'
        : last === undefined
          ? 'stream open, no chunk received'
          : `stream stalled after ${timing.chunks.length} chunks; last at +${(last.atMs - timing.startMs).toFixed(1)} ms`;
    return limit.timedOut()
      ? new ProbeError(`${label}: timed out after ${target.timeoutMs} ms (${where}) — POST ${url}`)
      : new ProbeError(`${label}: aborted (${abortReason(limit.signal)}) (${where})`);
  };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: 'Bearer EMPTY' },
      body: JSON.stringify({ ...body, stream: true, stream_options: { include_usage: true } }),
      signal: limit.signal,
    });
    timing.status = response.status;
    if (!response.ok || response.body === null) {
      const text = await response.text().catch((e: unknown) => `(body unreadable: ${errorMessage(e)})`);
      const err = new ProbeError(`${label}: HTTP ${response.status} from POST ${url}: ${excerpt(text, 300)}`, {
        status: response.status,
        body: excerpt(text, 500),
      });
      timing.endMs = performance.now();
      return fail({ text: '', finishReason, timing }, err);
    }
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream')) {
      const text = await response.text().catch(() => '');
      timing.endMs = performance.now();
      const err = new ProbeError(`${label}: asked for a stream but got ${type || 'no content-type'} (HTTP ${response.status}): ${excerpt(text, 300)}`, {
        status: response.status,
        body: excerpt(text, 500),
      });
      return fail({ text: '', finishReason, timing }, err);
    }
    const reader = response.body.getReader();
    limit.onAbort(() => void reader.cancel().catch(() => undefined));
    const decoder = new TextDecoder();
    const sse = new SseDecoder();
    for (;;) {
      const read = await reader.read();
      const atMs = performance.now();
      if (limit.signal.aborted) throw stalled();
      const decoded = read.done ? sse.end() : sse.push(decoder.decode(read.value, { stream: true }));
      for (const event of decoded) {
        if (done) throw new ProbeError(`${label}: data after [DONE] in event ${events + 1} (line ${event.line}): ${JSON.stringify(excerpt(event.data, 200))}`);
        const chunk = parseChunkEvent(event, events);
        events++;
        if (chunk === 'done') {
          done = true;
          continue;
        }
        const c = classifyChunk(chunk);
        const generated = c.text || c.reasoning;
        timing.chunks.push(generated ? { atMs, kind: c.kind, text: generated } : { atMs, kind: c.kind });
        if (c.text) parts.push(c.text);
        if (c.finishReason) finishReason = c.finishReason;
        if (c.usage) {
          timing.promptTokens = c.usage.prompt_tokens ?? timing.promptTokens;
          timing.completionTokens = c.usage.completion_tokens ?? timing.completionTokens;
        }
      }
      if (read.done) break;
    }
    timing.endMs = performance.now();
    if (!done) {
      throw new ProbeError(`${label}: stream ended without "data: [DONE]" after ${events} events (${sse.lines} lines) — the server closed the connection early`);
    }
    return { text: parts.join(''), finishReason, timing, error: null };
  } catch (err) {
    timing.endMs = performance.now();
    const error = isProbeError(err)
      ? err.message.startsWith(`${label}:`)
        ? err
        : new ProbeError(`${label}: ${err.message}`, err.detail)
      : limit.signal.aborted
        ? stalled()
        : new ProbeError(`${label}: request failed: ${errorMessage(err)} — POST ${url}`, { cause: errorMessage(err) });
    return fail({ text: parts.join(''), finishReason, timing }, error);
  } finally {
    limit.clear();
  }
}

/** Duck-typed: a module probe may carry its own copy of the ProbeError class. */
export function isProbeError(err: unknown): err is ProbeError {
  return err instanceof ProbeError || (err instanceof Error && (err as { code?: unknown }).code === 'ERR_PROBE' && 'detail' in err);
}
