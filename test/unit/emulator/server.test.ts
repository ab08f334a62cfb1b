// The in-process emulator: real HTTP on a free port, real timers.
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../harness/emulator/server.ts';
import type { EmulatorConfig } from '../../../harness/core/emulator-traits.ts';
import { config, solidJpeg, solidPng } from './fixtures.ts';

const MODEL = 'Qwen/Qwen3-VL-8B-Instruct';
let handles: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(handles.map((h) => h.close()));
  handles = [];
});

async function start(flags: string[] = [], cfg: EmulatorConfig = config({ model: { modalities: ['text', 'image'] } }), argv = ['vllm', 'serve', MODEL]) {
  const lines: string[] = [];
  const h = await startEmulator({ argv: [...argv, ...flags], config: cfg, port: 0, host: '127.0.0.1', out: (l) => lines.push(l), env: {} });
  handles.push(h);
  return { h, lines };
}

function chat(h: EmulatorHandle, body: object) {
  return fetch(`${h.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: MODEL, ...body }) });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

interface Event {
  at: number;
  data: string;
}

async function readSse(res: Response, t0: number): Promise<Event[]> {
  const events: Event[] = [];
  const decoder = new TextDecoder();
  let buf = '';
  for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) {
    buf += decoder.decode(part, { stream: true });
    let i: number;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      events.push({ at: performance.now() - t0, data: buf.slice(0, i).replace(/^data: /, '') });
      buf = buf.slice(i + 2);
    }
  }
  return events;
}

/**
 * The server keeps its schedule from the request (content chunk i not before ttft + i·itl), so the
 * client can never see a chunk sooner; how close to it they come is benchmark B4's business (a
 * timer may fire up to 1 ms before performance.now() says its time has come).
 */
function expectNeverSooner(contentAt: number[], configured: { ttftMs: number; itlMs: number }): void {
  contentAt.forEach((at, i) => expect(at, `content chunk ${i}`).toBeGreaterThanOrEqual(configured.ttftMs + i * configured.itlMs - 1));
  for (let i = 1; i < contentAt.length; i++) expect(contentAt[i]!).toBeGreaterThanOrEqual(contentAt[i - 1]!);
}

describe('startEmulator (vLLM personality)', () => {
  it('serves /health, /version and /v1/models once ready', async () => {
    const { h, lines } = await start(['--max-model-len', '4096']);
    expect(await h.ready).toBe(true);
    expect((await fetch(`${h.url}/health`)).status).toBe(200);
    expect(await (await fetch(`${h.url}/version`)).json()).toEqual({ version: '0.19.0' });
    const models = (await (await fetch(`${h.url}/v1/models`)).json()) as { data: Array<{ id: string; max_model_len: number }> };
    expect(models.data[0]).toMatchObject({ id: MODEL, max_model_len: 4096 });
    const order = ['vLLM API server version', 'Loading weights took', 'Model loading took', 'torch.compile took', 'Available KV cache memory', 'GPU KV cache size', 'Graph capturing finished', 'Starting vLLM server on', 'Application startup complete.'];
    const idx = order.map((s) => lines.findIndex((l) => l.includes(s.replace('vLLM API server version', 'version 0.19.0'))));
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
  });

  it('answers arithmetic and image questions, with usage', async () => {
    const { h } = await start();
    const r = await chat(h, { messages: [{ role: 'user', content: 'What is 17 + 25? Answer with just the number.' }], temperature: 0 });
    const body = (await r.json()) as { choices: Array<{ message: { content: string }; finish_reason: string }>; usage: { completion_tokens: number } };
    expect(body.choices[0]!.message.content).toBe('42');
    expect(body.choices[0]!.finish_reason).toBe('stop');
    expect(body.usage.completion_tokens).toBe(1);
    const img = await chat(h, {
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Name the colour of each image.' }, { type: 'image_url', image_url: { url: solidPng(255, 0, 0) } }, { type: 'image_url', image_url: { url: solidJpeg(0, 0, 255) } }] }],
    });
    expect(((await img.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content).toBe('red, blue');
  });

  it('streams role chunk, content chunks, finish chunk, usage chunk and [DONE], never sooner than the configured latencies', async () => {
    const { h } = await start([], config({ traits: { ttft_ms: 60, itl_ms: 15 } }), ['vllm', 'serve', MODEL]);
    const t0 = performance.now();
    const res = await chat(h, { messages: [{ role: 'user', content: 'Tell me a story' }], max_tokens: 8, stream: true, stream_options: { include_usage: true } });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const ev = await readSse(res, t0);
    expect(ev.at(-1)!.data).toBe('[DONE]');
    const chunks = ev.slice(0, -1).map((e) => ({ at: e.at, json: JSON.parse(e.data) as { choices: Array<{ delta: { role?: string; content?: string }; finish_reason: string | null }>; usage?: { completion_tokens: number } } }));
    expect(chunks[0]!.json.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
    const content = chunks.filter((c) => c.json.choices[0]?.delta.content);
    expect(content).toHaveLength(8);
    expectNeverSooner(content.map((c) => c.at), { ttftMs: 60, itlMs: 15 });
    expect(chunks.at(-2)!.json.choices[0]!.finish_reason).toBe('length');
    expect(chunks.at(-1)!.json.choices).toEqual([]);
    expect(chunks.at(-1)!.json.usage!.completion_tokens).toBe(8);
  });

  it('slows the first token and every token after it under the latency faults', async () => {
    const { h } = await start([], config({ traits: { ttft_ms: 5, itl_ms: 2, faults: { slow_first_token_ms: 80, slow_tokens_ms: 20 } } }), ['vllm', 'serve', MODEL]);
    const t0 = performance.now();
    const ev = await readSse(await chat(h, { messages: [{ role: 'user', content: 'Tell me a story' }], max_tokens: 6, stream: true }), t0);
    const content = ev.filter((e) => e.data !== '[DONE]' && (JSON.parse(e.data) as { choices: Array<{ delta: { content?: string } }> }).choices[0]?.delta.content);
    expect(content).toHaveLength(6);
    expectNeverSooner(content.map((c) => c.at), { ttftMs: 5 + 80, itlMs: 2 + 20 });
  });

  it('answers OpenAI-style errors: unknown model 404, too many images 400', async () => {
    const { h } = await start(['--limit-mm-per-prompt', '{"image":1}']);
    const r = await fetch(`${h.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'nope', messages: [{ role: 'user', content: 'hi' }] }) });
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: { message: 'The model `nope` does not exist.', type: 'NotFoundError', param: 'model', code: 404 } });
    const two = await chat(h, { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: solidPng(1, 2, 3) } }, { type: 'image_url', image_url: { url: solidPng(1, 2, 3) } }] }] });
    expect(two.status).toBe(400);
    expect(await two.json()).toEqual({ error: { message: 'At most 1 image(s) may be provided in one prompt. Set `--limit-mm-per-prompt` to increase this limit.', type: 'BadRequestError', param: 'image', code: 400 } });
  });

  it('counts tokens and speculative decoding in /metrics; greedy text unchanged by MTP', async () => {
    const flags = ['--speculative-config', '{"method":"mtp","num_speculative_tokens":2}'];
    const { h } = await start(flags, config({ traits: { ttft_ms: 1, itl_ms: 1, mtp_acceptance: 0.5 }, model: { mtp: true } }));
    const { h: plain } = await start([], config({ traits: { ttft_ms: 1, itl_ms: 1 } }));
    const ask = async (x: EmulatorHandle) => ((await (await chat(x, { messages: [{ role: 'user', content: 'Write something long' }], temperature: 0 })).json()) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content;
    expect(await ask(h)).toBe(await ask(plain));
    const text = await (await fetch(`${h.url}/metrics`)).text();
    const value = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('vllm:generation_tokens_total')).toBe(48);
    expect(value('vllm:spec_decode_num_draft_tokens_total')).toBe(2 * value('vllm:spec_decode_num_drafts_total'));
    expect(value('vllm:spec_decode_num_accepted_tokens_total') / value('vllm:spec_decode_num_draft_tokens_total')).toBeCloseTo(0.5, 1);
    expect(text).toContain('vllm:spec_decode_num_accepted_tokens_per_pos_total{model_name="Qwen/Qwen3-VL-8B-Instruct",engine="0",position="1"}');
  });

  it('does not listen before it is ready', async () => {
    const cfg = config({ traits: { startup: { weights_s: 0.3, compile_s: 0, graphs_s: 0 } } });
    const port = await freePort();
    const p = startEmulator({ argv: ['vllm', 'serve', MODEL, '--port', String(port)], config: cfg, host: '127.0.0.1', env: {} });
    void p.then((h) => handles.push(h));
    await new Promise((r) => setTimeout(r, 100));
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    const h = await p;
    expect((await fetch(`${h.url}/health`)).status).toBe(200);
  });

  it('prints argparse errors and exits 2 on an unknown flag', async () => {
    const { h, lines } = await start(['--no-such-flag']);
    expect(await h.exited).toBe(2);
    expect(lines.join('\n')).toMatch(/unrecognized arguments: --no-such-flag/);
  });
});

describe('startEmulator (SGLang personality), per release (engines/facts/sglang)', () => {
  const sglang = (version: string) => config({ engine: 'sglang', traits: { version, startup: { weights_s: 0.05, compile_s: 0, graphs_s: 0.05 } } });
  const SGL = ['python3', '-m', 'sglang.launch_server', '--model-path', MODEL];
  const firedUp = (lines: string[]) => lines.findIndex((l) => l.endsWith('The server is fired up and ready to roll!'));

  it('0.5.5: ready (/health 200) only after the warm-up; /metrics is 404 without --enable-metrics', async () => {
    const { h, lines } = await start([], sglang('0.5.5'), SGL);
    const seenAtReady = h.ready.then(() => lines.length);
    expect(await h.ready).toBe(true);
    expect(firedUp(lines)).toBeGreaterThanOrEqual(0);
    expect(firedUp(lines)).toBeLessThan(await seenAtReady);
    expect((await fetch(`${h.url}/health`)).status).toBe(200);
    const metrics = await fetch(`${h.url}/metrics`);
    expect(metrics.status).toBe(404);
    expect(await metrics.json()).toEqual({ detail: 'Not Found' });
    expect(lines.join('\n')).toContain('enable_metrics=False');
  });

  it('0.5.5 with --enable-metrics serves the metric families', async () => {
    const { h } = await start(['--enable-metrics'], sglang('0.5.5'), SGL);
    expect(await h.ready).toBe(true);
    expect(await (await fetch(`${h.url}/metrics`)).text()).toContain('sglang:prompt_tokens_total');
  });

  it('0.4.6: /health is 200 once uvicorn listens, before the warm-up logs "fired up"', async () => {
    const { h, lines } = await start([], sglang('0.4.6'), SGL);
    const seenAtReady = await h.ready.then(() => lines.length);
    expect(firedUp(lines.slice(0, seenAtReady))).toBe(-1);
    expect((await fetch(`${h.url}/health`)).status).toBe(200);
  });

  it.each<[string, string, RegExp | null]>([
    ['0.4.6 prints no default-backend line', '0.4.6', null],
    ['0.5.4 logs it from the TP0 scheduler (model_runner.py)', '0.5.4', /TP0\] Attention backend not explicitly specified\. Use fa3 backend by default\.$/],
    ['0.5.5 logs it from the launcher (server_args.py)', '0.5.5', /\d\] Attention backend not explicitly specified\. Use fa3 backend by default\.$/],
    ['0.5.9 words it "not specified"', '0.5.9', /\] Attention backend not specified\. Use fa3 backend by default\.$/],
  ])('on an H100, %s', async (_name, version, line) => {
    const { h, lines } = await start([], sglang(version), SGL);
    expect(await h.ready).toBe(true);
    const found = lines.filter((l) => /Attention backend not (explicitly )?specified/.test(l));
    if (line === null) expect(found).toEqual([]);
    else expect(found).toEqual([expect.stringMatching(line)]);
  });

  it.each<[string, string[], string]>([
    ['0.4.6 has no --mm-attention-backend', ['--mm-attention-backend', 'sdpa'], '0.4.6'],
    ['0.5.2 has no --enable-piecewise-cuda-graph', ['--enable-piecewise-cuda-graph'], '0.5.2'],
  ])('refuses a flag the release lacks: %s', async (_name, flags, version) => {
    const { h, lines } = await start(flags, sglang(version), SGL);
    expect(await h.exited).toBe(2);
    expect(lines.join('\n')).toContain(`unrecognized arguments: ${flags.join(' ')}`);
  });

  it("refuses a value outside the release's choices (flex_attention before 0.5.4)", async () => {
    const { h, lines } = await start(['--attention-backend', 'flex_attention'], sglang('0.5.2'), SGL);
    expect(await h.exited).toBe(2);
    expect(lines.join('\n')).toMatch(/argument --attention-backend: invalid choice: 'flex_attention' \(choose from 'triton', 'torch_native'/);
  });
});
