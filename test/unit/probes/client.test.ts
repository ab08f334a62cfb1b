import { afterEach, describe, expect, it } from 'vitest';
import { chat, streamChat } from '../../../harness/probes/client.ts';
import { requestLatency } from '../../../harness/probes/latency.ts';
import { expectLatencyStructure } from '../../support/latency-structure.ts';
import { startFixture, type Fixture, type FixtureOptions } from './fixture-server.ts';

let fixture: Fixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

async function target(o: FixtureOptions, timeoutMs = 5000): Promise<{ baseUrl: string; timeoutMs: number; signal: AbortSignal }> {
  fixture = await startFixture(o);
  return { baseUrl: fixture.url, timeoutMs, signal: new AbortController().signal };
}

const body = { model: 'm', messages: [{ role: 'user' as const, content: 'Say something' }], max_tokens: 8 };

describe('streamChat', () => {
  it('records role, content, other and usage chunks with arrival times, and asks for usage', async () => {
    const t = await target({ ttftMs: 60, itlMs: 20, answer: () => 'one two three four' });
    await streamChat(t, body, 'warmup'); // the process's first fetch loads undici (~100+ ms)
    const out = await streamChat(t, body, 'seq-0');
    expect(out.error).toBeNull();
    expect(out.text).toBe('one two three four');
    expect(fixture!.requests[1]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(out.timing.chunks.map((c) => c.kind)).toEqual(['role', 'content', 'content', 'content', 'content', 'other', 'usage']);
    expect(out.timing).toMatchObject({ label: 'seq-0', status: 200, promptTokens: 7, completionTokens: 4, error: null });
    // The arrival times by structure, never against a time target (accuracy is benchmark B4's).
    expectLatencyStructure([out.timing]);
    expect(requestLatency(out.timing)!.itlMs).toHaveLength(3);
    // The role chunk is sent at once and is stamped before the first content chunk.
    expect(out.timing.chunks[0]!.atMs).toBeLessThan(out.timing.chunks[1]!.atMs);
    expect(out.timing.endMs).toBeGreaterThanOrEqual(out.timing.chunks.at(-1)!.atMs);
  });

  it('a malformed data line yields a precise error and keeps the chunks before it', async () => {
    const ok = '{"choices":[{"delta":{"role":"assistant","content":""}}]}';
    const t = await target({ rawStream: `data: ${ok}\n\ndata: {"choices": [ {"delta"\n\n` });
    const out = await streamChat(t, body, 'seq-1');
    expect(out.error?.message).toMatch(/^seq-1: malformed SSE data in event 2 \(line 3\): not JSON \(.+\): "\{\\"choices\\": \[ \{\\"delta\\""$/);
    expect(out.timing.error).toBe(out.error!.message);
    expect(out.timing.chunks.map((c) => c.kind)).toEqual(['role']);
  });

  it('a line that is not an SSE field is malformed', async () => {
    const t = await target({ rawStream: 'data: {"choices":[]}\n\n<html>oops</html>\n' });
    const out = await streamChat(t, body, 'r');
    expect(out.error?.message).toBe('r: malformed SSE line 3: "<html>oops</html>" is not a data/event/id/retry field or a comment');
  });

  it('a stream that hangs ends at the timeout, saying how far it got', async () => {
    const t = await target({ ttftMs: 5, itlMs: 5, hangAfterChunks: 3, answer: () => 'a b c d e f' }, 400);
    const began = performance.now();
    const out = await streamChat(t, body, 'conc-2');
    // Never before its timeout (a timer does not fire early); how soon after it is not a test's business.
    expect(performance.now() - began).toBeGreaterThanOrEqual(390);
    expect(out.timing.error).toBe(out.error!.message);
    expect(out.error?.message).toMatch(/^conc-2: timed out after 400 ms \(stream stalled after 3 chunks; last at \+\d+\.\d ms\) — POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions$/);
    expect(out.timing.chunks).toHaveLength(3);
  });

  it('a server that answers a stream request with JSON is told apart from a malformed stream', async () => {
    const t = await target({ rawStream: '{"id":"x","choices":[]}', streamType: 'application/json' });
    const out = await streamChat(t, body, 'r');
    expect(out.error?.message).toBe('r: asked for a stream but got application/json (HTTP 200): {"id":"x","choices":[]}');
  });

  it('a stream closed without [DONE] is an error', async () => {
    const t = await target({ rawStream: 'data: {"choices":[{"delta":{"content":"x"}}]}\n\n' });
    const out = await streamChat(t, body, 'r');
    expect(out.error?.message).toBe('r: stream ended without "data: [DONE]" after 1 events (2 lines) — the server closed the connection early');
    expect(out.timing.chunks.map((c) => c.kind)).toEqual(['content']);
  });

  it('an HTTP error carries status and body excerpt', async () => {
    const t = await target({ status: 503, errorBody: 'x'.repeat(2000) });
    const out = await streamChat(t, body, 'r');
    expect(out.error?.detail.status).toBe(503);
    expect(out.error?.detail.body).toHaveLength(500);
    expect(out.error?.message).toMatch(/^r: HTTP 503 from POST .*: x+…$/);
    expect(out.timing.status).toBe(503);
  });

  it('the run signal aborts a request', async () => {
    fixture = await startFixture({ hangAfterChunks: 1 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error('run interrupted')), 100);
    const out = await streamChat({ baseUrl: fixture.url, timeoutMs: 5000, signal: ac.signal }, body, 'r');
    expect(out.error?.message).toBe('r: aborted (run interrupted) (stream stalled after 1 chunks; last at +' + (out.timing.chunks[0]!.atMs - out.timing.startMs).toFixed(1) + ' ms)');
  });

  it('a connection dropped mid-stream is a ProbeError that says so, with the chunks before it', async () => {
    fixture = await startFixture({ resetAfterChunks: 2 });
    const out = await streamChat({ baseUrl: fixture.url, timeoutMs: 5000, signal: new AbortController().signal }, body, 'r');
    expect(out.error?.message).toMatch(/^r: request failed: aborted \(ECONNRESET\) — POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions$/);
    expect(out.timing.chunks.map((c) => c.kind)).toEqual(['role', 'content']);
  });

  it('a refused connection is a ProbeError naming the URL', async () => {
    const closed = await startFixture();
    await closed.close();
    const out = await streamChat({ baseUrl: closed.url, timeoutMs: 2000, signal: new AbortController().signal }, body, 'r');
    expect(out.error?.message).toMatch(/^r: request failed: connect ECONNREFUSED 127\.0\.0\.1:\d+ — POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions$/);
  });
});

describe('chat (openai client)', () => {
  it('returns the text, usage and one content chunk', async () => {
    const t = await target({ ttftMs: 10 });
    const out = await chat(t, { model: 'm', messages: [{ role: 'user', content: 'What is 17 + 25?' }], temperature: 0, max_tokens: 4 }, 'q0');
    expect(out.error).toBeNull();
    expect(out.text).toBe('42');
    expect(out.timing).toMatchObject({ status: 200, promptTokens: 7, completionTokens: 1 });
    expect(out.timing.chunks).toHaveLength(1);
    expect(fixture!.requests[0]).toMatchObject({ temperature: 0, max_tokens: 4, model: 'm' });
  });

  it('an HTTP error becomes a ProbeError with status and the error body', async () => {
    const t = await target({ status: 400, errorBody: '{"error":{"message":"max_tokens is too large","type":"BadRequestError","code":400}}' });
    const out = await chat(t, { model: 'm', messages: [{ role: 'user', content: 'x' }] }, 'q1');
    expect(out.error?.detail.status).toBe(400);
    expect(out.error?.message).toBe(
      `q1: HTTP 400 from POST ${fixture!.url}/v1/chat/completions: {"error":{"message":"max_tokens is too large","type":"BadRequestError","code":400}}`,
    );
    expect(fixture!.requests).toHaveLength(1); // no retries
  });

  it('times out precisely', async () => {
    const t = await target({ ttftMs: 2000 }, 200);
    const out = await chat(t, { model: 'm', messages: [{ role: 'user', content: 'x' }] }, 'q2');
    expect(out.error?.message).toBe(`q2: timed out after 200 ms (waiting for the response) — POST ${fixture!.url}/v1/chat/completions`);
  });
});
