// Streamed chat completions with per-chunk arrival times.
//
// Why not the openai client here: its Stream yields parsed objects only — a malformed data line
// surfaces as a bare SyntaxError (logged to the console), and an aborted stream (our timeout)
// ends the iteration silently as if the server had finished. A probe must tell those apart and
// say exactly where the stream broke, so this file speaks SSE over node:http itself, stamping every
// network read with performance.now() the moment it is handed over; every event decoded from that
// read gets that arrival time. The request's start is stamped when it has been written (post()).
import http from 'node:http';
import https from 'node:https';
import { text as readText } from 'node:stream/consumers';
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
    const response = await post(new URL(url), JSON.stringify({ ...body, stream: true, stream_options: { include_usage: true } }), limit.signal, () => {
      timing.startMs = performance.now();
    });
    limit.onAbort(() => response.destroy());
    timing.status = response.statusCode ?? null;
    const ok = timing.status !== null && timing.status >= 200 && timing.status < 300;
    if (!ok) {
      const text = await readText(response).catch((e: unknown) => `(body unreadable: ${errorMessage(e)})`);
      const err = new ProbeError(`${label}: HTTP ${response.statusCode} from POST ${url}: ${excerpt(text, 300)}`, {
        status: response.statusCode,
        body: excerpt(text, 500),
      });
      timing.endMs = performance.now();
      return fail({ text: '', finishReason, timing }, err);
    }
    const type = response.headers['content-type'] ?? '';
    if (!type.includes('text/event-stream')) {
      const text = await readText(response).catch(() => '');
      timing.endMs = performance.now();
      const err = new ProbeError(`${label}: asked for a stream but got ${type || 'no content-type'} (HTTP ${response.statusCode}): ${excerpt(text, 300)}`, {
        status: response.statusCode,
        body: excerpt(text, 500),
      });
      return fail({ text: '', finishReason, timing }, err);
    }
    const decoder = new TextDecoder();
    const sse = new SseDecoder();
    const take = (decoded: ReturnType<SseDecoder['push']>, atMs: number): void => {
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
    };
    // Each network read, stamped the moment it is handed over; every event decoded from it gets that time.
    for await (const read of response as AsyncIterable<Buffer>) {
      const atMs = performance.now();
      if (limit.signal.aborted) throw stalled();
      take(sse.push(decoder.decode(read, { stream: true })), atMs);
    }
    take(sse.end(), performance.now());
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
        : new ProbeError(`${label}: request failed: ${errorMessage(err)}${codeOf(err)} — POST ${url}`, { cause: errorMessage(err) });
    return fail({ text: parts.join(''), finishReason, timing }, error);
  } finally {
    limit.clear();
  }
}

/** Keep-alive connections for the probes' streams, as fetch's pool had (idle ones never hold a process). */
const agents: Record<string, http.Agent> = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/**
 * POSTs a JSON body; resolves with the response once its headers arrive. `onSent` runs when the
 * whole request has been handed to the socket (after a new connection's setup): the moment TTFT
 * counts from. Over fetch the clock started before fetch built and wrote the request, ~0.5–0.8 ms
 * on the bench machine that B4 then counted as the server's.
 */
function post(url: URL, body: string, signal: AbortSignal, onSent: () => void): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', accept: 'text/event-stream', authorization: 'Bearer EMPTY', 'content-length': Buffer.byteLength(body) };
    const req = (url.protocol === 'https:' ? https : http).request(url, { method: 'POST', headers, agent: agents[url.protocol], signal }, resolve);
    req.on('error', reject);
    req.on('finish', onSent);
    req.end(body);
  });
}

/** " (ECONNRESET)" where the error has a code its message does not already say. */
function codeOf(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && !errorMessage(err).includes(code) ? ` (${code})` : '';
}

/** Duck-typed: a module probe may carry its own copy of the ProbeError class. */
export function isProbeError(err: unknown): err is ProbeError {
  return err instanceof ProbeError || (err instanceof Error && (err as { code?: unknown }).code === 'ERR_PROBE' && 'detail' in err);
}
