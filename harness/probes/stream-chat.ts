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
import type { RequestTiming } from '../core/probe-result.ts';
import { excerpt, SseDecoder } from './sse.ts';

export async function streamChat(target: RequestTarget, body: ChatRequest, label: string): Promise<ChatOutcome> {
  const s = new ChatStream(target, label);
  try {
    const response = await post(new URL(s.url), JSON.stringify({ ...body, stream: true, stream_options: { include_usage: true } }), s.limit.signal, () => {
      s.timing.startMs = performance.now();
    });
    s.limit.onAbort(() => response.destroy());
    s.timing.status = response.statusCode ?? null;
    const refused = await s.refusal(response);
    if (refused) return fail({ text: '', finishReason: s.finishReason, timing: s.timing }, refused);
    await s.read(response);
    return { text: s.parts.join(''), finishReason: s.finishReason, timing: s.timing, error: null };
  } catch (err) {
    s.timing.endMs = performance.now();
    return fail({ text: s.parts.join(''), finishReason: s.finishReason, timing: s.timing }, s.errorOf(err));
  } finally {
    s.limit.clear();
  }
}

/** One streamed request: its timings, the text and events so far, and the words for where it broke. */
class ChatStream {
  readonly url: string;
  readonly timing: RequestTiming;
  readonly parts: string[] = [];
  readonly limit: ReturnType<typeof deadline>;
  finishReason: string | null = null;
  private events = 0;
  private done = false;

  constructor(private readonly target: RequestTarget, private readonly label: string) {
    this.url = `${target.baseUrl}/v1/chat/completions`;
    this.timing = newTiming(label, performance.now());
    this.limit = deadline(target);
  }

  /** The timeout or abort, with how far the stream had come. */
  stalled(): ProbeError {
    const { timing, label } = this;
    const last = timing.chunks[timing.chunks.length - 1];
    const where =
      timing.status === null
        ? 'waiting for response headers'
        : last === undefined
          ? 'stream open, no chunk received'
          : `stream stalled after ${timing.chunks.length} chunks; last at +${(last.atMs - timing.startMs).toFixed(1)} ms`;
    return this.limit.timedOut()
      ? new ProbeError(`${label}: timed out after ${this.target.timeoutMs} ms (${where}) — POST ${this.url}`)
      : new ProbeError(`${label}: aborted (${abortReason(this.limit.signal)}) (${where})`);
  }

  /** A response that is no stream: an HTTP error, or another content type (its body read, the request ended). */
  async refusal(response: http.IncomingMessage): Promise<ProbeError | null> {
    const { timing, label } = this;
    const ok = timing.status !== null && timing.status >= 200 && timing.status < 300;
    const type = response.headers['content-type'] ?? '';
    if (ok && type.includes('text/event-stream')) return null;
    const text = await readText(response).catch((e: unknown) => (ok ? '' : `(body unreadable: ${errorMessage(e)})`));
    timing.endMs = performance.now();
    const detail = { status: response.statusCode, body: excerpt(text, 500) };
    return ok
      ? new ProbeError(`${label}: asked for a stream but got ${type || 'no content-type'} (HTTP ${response.statusCode}): ${excerpt(text, 300)}`, detail)
      : new ProbeError(`${label}: HTTP ${response.statusCode} from POST ${this.url}: ${excerpt(text, 300)}`, detail);
  }

  /** Each network read, stamped the moment it is handed over; every event decoded from it gets that time. */
  async read(response: http.IncomingMessage): Promise<void> {
    const decoder = new TextDecoder();
    const sse = new SseDecoder();
    for await (const read of response as AsyncIterable<Buffer>) {
      const atMs = performance.now();
      if (this.limit.signal.aborted) throw this.stalled();
      this.take(sse.push(decoder.decode(read, { stream: true })), atMs);
    }
    this.take(sse.end(), performance.now());
    this.timing.endMs = performance.now();
    if (!this.done) {
      throw new ProbeError(`${this.label}: stream ended without "data: [DONE]" after ${this.events} events (${sse.lines} lines) — the server closed the connection early`);
    }
  }

  private take(decoded: ReturnType<SseDecoder['push']>, atMs: number): void {
    const { timing } = this;
    for (const event of decoded) {
      if (this.done) throw new ProbeError(`${this.label}: data after [DONE] in event ${this.events + 1} (line ${event.line}): ${JSON.stringify(excerpt(event.data, 200))}`);
      const chunk = parseChunkEvent(event, this.events);
      this.events++;
      if (chunk === 'done') {
        this.done = true;
        continue;
      }
      const c = classifyChunk(chunk);
      const generated = c.text || c.reasoning;
      timing.chunks.push(generated ? { atMs, kind: c.kind, text: generated } : { atMs, kind: c.kind });
      if (c.text) this.parts.push(c.text);
      if (c.finishReason) this.finishReason = c.finishReason;
      if (c.usage) {
        timing.promptTokens = c.usage.prompt_tokens ?? timing.promptTokens;
        timing.completionTokens = c.usage.completion_tokens ?? timing.completionTokens;
      }
    }
  }

  /** Any failure as a ProbeError that starts with the request's label. */
  errorOf(err: unknown): ProbeError {
    const { label } = this;
    if (isProbeError(err)) return err.message.startsWith(`${label}:`) ? err : new ProbeError(`${label}: ${err.message}`, err.detail);
    if (this.limit.signal.aborted) return this.stalled();
    return new ProbeError(`${label}: request failed: ${errorMessage(err)}${codeOf(err)} — POST ${this.url}`, { cause: errorMessage(err) });
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
