// A tiny OpenAI-compatible server for the probes' request-level tests: scripted answers, timed
// SSE chunks, /metrics text and injected faults. Not the emulator — just enough to pin the
// client's behaviour down exactly.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureOptions {
  /** Answer for a request (last user message text and image URLs). */
  answer?: (text: string, images: string[], body: Record<string, unknown>) => string;
  ttftMs?: number;
  itlMs?: number;
  /** Raw SSE text to send instead of a generated stream. */
  rawStream?: string;
  /** Content type of streamed responses (default text/event-stream). */
  streamType?: string;
  /** Stop sending (but keep the connection open) after this many chunks. */
  hangAfterChunks?: number;
  /** Drop the connection (a crashed server) after this many chunks. */
  resetAfterChunks?: number;
  status?: number;
  errorBody?: string;
  metrics?: () => string;
}

export interface Fixture {
  url: string;
  requests: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function lastUser(body: Record<string, unknown>): { text: string; images: string[] } {
  const messages = (body.messages ?? []) as Array<{ role: string; content: unknown }>;
  const m = [...messages].reverse().find((x) => x.role === 'user');
  if (!m) return { text: '', images: [] };
  if (typeof m.content === 'string') return { text: m.content, images: [] };
  const parts = m.content as Array<{ type: string; text?: string; image_url?: { url: string } }>;
  return {
    text: parts.filter((p) => p.type === 'text').map((p) => p.text).join(' '),
    images: parts.filter((p) => p.type === 'image_url').map((p) => p.image_url!.url),
  };
}

export function words(answer: string): string[] {
  return answer.match(/\s*\S+/g) ?? [];
}

export async function startFixture(o: FixtureOptions = {}): Promise<Fixture> {
  const requests: Array<Record<string, unknown>> = [];
  const open = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => void handle(req, res, raw));
  });
  async function handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    if (req.url === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(o.metrics?.() ?? '');
      return;
    }
    const body = JSON.parse(raw || '{}') as Record<string, unknown>;
    requests.push(body);
    if (o.status && o.status !== 200) {
      res.writeHead(o.status, { 'content-type': 'application/json' }).end(o.errorBody ?? '{"error":{"message":"boom","type":"InternalServerError","code":500}}');
      return;
    }
    const q = lastUser(body);
    const answer = (o.answer ?? ((t) => (t.includes('17 + 25') ? '42' : 'Some words for you here')))(q.text, q.images, body);
    const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : 1000;
    const all = words(answer);
    const toks = all.slice(0, maxTokens);
    const finish = toks.length < all.length ? 'length' : 'stop';
    const text = toks.join('');
    const usage = { prompt_tokens: 7, completion_tokens: toks.length, total_tokens: 7 + toks.length };
    if (!body.stream) {
      await sleep((o.ttftMs ?? 0) + (o.itlMs ?? 0) * Math.max(0, toks.length - 1));
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ id: 'x', object: 'chat.completion', created: 1, model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finish }], usage }),
      );
      return;
    }
    open.add(res);
    res.on('close', () => open.delete(res));
    res.writeHead(200, { 'content-type': o.streamType ?? 'text/event-stream', 'cache-control': 'no-cache' });
    if (o.rawStream !== undefined) {
      res.end(o.rawStream);
      return;
    }
    const base = { id: 'x', object: 'chat.completion.chunk', created: 1, model: body.model };
    const events: string[] = [JSON.stringify({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })];
    for (const t of toks) events.push(JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: t }, finish_reason: null }] }));
    events.push(JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: '' }, finish_reason: finish }] }));
    const opts = body.stream_options as { include_usage?: boolean } | undefined;
    if (opts?.include_usage) events.push(JSON.stringify({ ...base, choices: [], usage }));
    events.push('[DONE]');
    for (const [i, e] of events.entries()) {
      if (o.hangAfterChunks !== undefined && i >= o.hangAfterChunks) return; // keep the socket open, send nothing
      if (o.resetAfterChunks !== undefined && i >= o.resetAfterChunks) {
        await sleep(20); // the chunks before it reach the client first
        return void res.socket?.destroy();
      }
      if (i === 1) await sleep(o.ttftMs ?? 0);
      else if (i > 1 && i <= toks.length) await sleep(o.itlMs ?? 0);
      if (res.destroyed) return;
      res.write(`data: ${e}\n\n`);
    }
    res.end();
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        for (const res of open) res.destroy();
        server.close(() => r());
      }),
  };
}
