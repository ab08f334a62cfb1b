// Injected faults, for the harness's own tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../../harness/emulator/server.ts';
import { isInjected500 } from '../../../../harness/emulator/startup/faults.ts';
import { config } from '../fixtures.ts';

let handles: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(handles.map((h) => h.close()));
  handles = [];
});

async function start(faults: Record<string, unknown>, env: Record<string, string> = {}) {
  const lines: string[] = [];
  const h = await startEmulator({ argv: ['vllm', 'serve', 'm'], config: config({ traits: { faults, ttft_ms: 1, itl_ms: 1 } }), port: 0, host: '127.0.0.1', out: (l) => lines.push(l), env });
  handles.push(h);
  return { h, lines };
}

const ask = (h: EmulatorHandle, extra: object = {}) =>
  fetch(`${h.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'What is 2 + 2?' }], ...extra }) });

describe('faults', () => {
  it('crash_after_requests: exits 1 with an engine-dead log after N requests', async () => {
    const { h, lines } = await start({ crash_after_requests: 2 });
    expect((await ask(h)).status).toBe(200);
    expect((await ask(h)).status).toBe(200);
    expect(await h.exited).toBe(1);
    expect(lines.join('\n')).toContain('EngineDeadError: EngineCore encountered an issue.');
    await expect(ask(h)).rejects.toThrow();
  });

  it('http_500_rate: every k-th request fails with an OpenAI error body', async () => {
    expect([1, 2, 3, 4, 5, 6].map((k) => isInjected500(k, 1 / 3))).toEqual([false, false, true, false, false, true]);
    const { h } = await start({ http_500_rate: 0.5 });
    expect((await ask(h)).status).toBe(200);
    const r = await ask(h);
    expect(r.status).toBe(500);
    expect(((await r.json()) as { error: { type: string } }).error.type).toBe('InternalServerError');
  });

  it('hang_mid_stream_after_chunks: the stream stops sending', async () => {
    const { h } = await start({ hang_mid_stream_after_chunks: 2 });
    const res = await fetch(`${h.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'story' }] }) });
    const reader = res.body!.getReader();
    let text = '';
    const deadline = Date.now() + 300;
    while (Date.now() < deadline) {
      const r = await Promise.race([reader.read(), new Promise<null>((ok) => setTimeout(() => ok(null), 150))]);
      if (r === null || r.done) break;
      text += new TextDecoder().decode(r.value);
    }
    expect(text.match(/"content":"[^"]+"/g)).toHaveLength(2);
    expect(text).not.toContain('[DONE]');
    void reader.cancel().catch(() => {});
  });

  it('hang_mid_stream_after_chunks: a non-streamed answer never comes', async () => {
    const { h } = await start({ hang_mid_stream_after_chunks: 1 });
    await expect(fetch(`${h.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'story' }] }), signal: AbortSignal.timeout(300) })).rejects.toThrow(/timeout|aborted/i);
  });

  it('malformed_sse: a garbage data line in the stream', async () => {
    const { h } = await start({ malformed_sse: true });
    const res = await fetch(`${h.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'story' }] }) });
    const events = (await res.text()).split('\n\n').filter(Boolean);
    const bad = events.filter((e) => {
      try {
        const d = e.replace(/^data: /, '');
        if (d !== '[DONE]') JSON.parse(d);
        return false;
      } catch {
        return true;
      }
    });
    expect(bad).toHaveLength(1);
  });

  it('fail_first_starts: the first N starts crash, counted in MATRIX_EMULATOR_STATE_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-state-'));
    try {
      const env = { MATRIX_EMULATOR_STATE_DIR: dir };
      const first = await start({ fail_first_starts: 1 }, env);
      expect(await first.h.exited).toBe(1);
      expect(first.lines.join('\n')).toContain('CUDA error: unspecified launch failure');
      const second = await start({ fail_first_starts: 1 }, env);
      expect(await second.h.ready).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('slow_start_s delays readiness; log_flood_mb prints that much', async () => {
    const t0 = Date.now();
    const { h, lines } = await start({ slow_start_s: 0.3, log_flood_mb: 1 });
    expect(await h.ready).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    const bytes = lines.reduce((n, l) => n + l.length + 1, 0);
    expect(bytes).toBeGreaterThan(1024 * 1024);
  });

  it('log_flood_mb waits for the output to drain: ready only once the whole flood is out', async () => {
    let written = 0;
    let drains = 0;
    let at = { bytes: -1, drains: -1 };
    const h = await startEmulator({
      argv: ['vllm', 'serve', 'm'], config: config({ traits: { faults: { log_flood_mb: 1 }, ttft_ms: 1, itl_ms: 1 } }), port: 0, host: '127.0.0.1', env: {},
      out: (l) => (written += l.length + 1),
      // A slow reader: each batch waits for the next timer tick.
      drained: () => new Promise((r) => setTimeout(() => (drains++, r()), 1)),
    });
    handles.push(h);
    void h.ready.then(() => (at = { bytes: written, drains }));
    expect(await h.ready).toBe(true);
    // ~1 MiB in ~64 KiB batches, each waited for, all of them before the server was ready.
    expect(at.drains).toBeGreaterThanOrEqual(16);
    expect(at.bytes).toBeGreaterThan(1024 * 1024);
    await new Promise((r) => setTimeout(r, 20));
    expect(drains).toBe(at.drains);
  });
});

describe('error bodies per engine', () => {
  it('SGLang answers flat error objects', async () => {
    const h = await startEmulator({ argv: ['python3', '-m', 'sglang.launch_server', '--model-path', 'm'], config: config({ engine: 'sglang' }), port: 0, host: '127.0.0.1', env: {} });
    handles.push(h);
    await h.ready;
    const r = await fetch(`${h.url}/v1/chat/completions`, { method: 'POST', body: '{"model":"m"' });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ object: 'error', type: 'BadRequestError', code: 400 });
  });
});
