// The probes against the in-process emulator (harness/emulator/server.ts): latency figures by structure,
// acceptance figures equal to the emulator's own counters, and the lossy-speculation fault
// caught against a baseline. The same checks run against the emulator image in test/e2e.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../harness/emulator/server.ts';
import { EmulatorTraits, type EmulatorConfig } from '../../../harness/core/emulator-traits.ts';
import { imageProbe } from '../../../harness/probes/image.ts';
import { mtpProbe } from '../../../harness/probes/mtp.ts';
import { parseMetrics, readValue } from '../../../harness/probes/metrics.ts';
import { streamProbe } from '../../../harness/probes/stream.ts';
import { textProbe } from '../../../harness/probes/text.ts';
import { SGLANG_IMAGE_KERNELS } from '../emulator/fixtures.ts';
import { expectLatencyStructure, expectSummaryStructure } from '../../support/latency-structure.ts';
import { cell, context } from './context.ts';

const MODEL = 'Qwen/Qwen3.5-0.8B';
const SPEC_ARGS = ['--speculative-config', '{"method":"mtp","num_speculative_tokens":2}'];

function config(traits: Record<string, unknown>, modalities: Array<'text' | 'image'> = ['text'], engine: 'vllm' | 'sglang' = 'vllm'): EmulatorConfig {
  return {
    engine,
    traits: EmulatorTraits.parse({ startup: { weights_s: 0, compile_s: 0, graphs_s: 0 }, ...(engine === 'sglang' ? { kernels: SGLANG_IMAGE_KERNELS } : {}), ...traits }),
    gpu: { name: 'h100', computeCapability: '9.0', memoryGiB: 80, driverCuda: '13.0', count: 1 },
    model: { architecture: null, sizeGiB: 2, modalities, mtp: true },
  };
}

const running: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
});

async function emulator(traits: Record<string, unknown>, extraArgs: string[] = [], modalities: Array<'text' | 'image'> = ['text']): Promise<{ h: EmulatorHandle; log: string[] }> {
  const log: string[] = [];
  const h = await startEmulator({ argv: ['vllm', 'serve', MODEL, '--port', '0', ...extraArgs], config: config(traits, modalities), out: (l) => log.push(l), port: 0, host: '127.0.0.1' });
  running.push(h);
  expect(await h.ready).toBe(true);
  return { h, log };
}

describe('stream probe against the emulator', () => {
  it('measures TTFT, ITL, TPOT and e2e of every request; role and usage chunks never count', async () => {
    const { h } = await emulator({ ttft_ms: 80, itl_ms: 15 });
    const res = await streamProbe.run(context(h.url, { model: MODEL, options: { sequential: 9, concurrent: 4, max_tokens: 32 } }));
    expect(res.verdict, JSON.stringify(res.assertions)).toBe('pass');
    // How close the figures come to 80/15 ms is a benchmark (B4), not a pass/fail test: here the
    // figures are checked by structure.
    const measured = res.requests.filter((x) => x.label !== 'warmup');
    expect(measured.map((r) => r.label)).toEqual([...Array.from({ length: 9 }, (_, i) => `seq-${i}`), ...Array.from({ length: 4 }, (_, i) => `conc-${i}`)]);
    expectLatencyStructure(measured);
    for (const prefix of ['seq_', 'conc_']) expectSummaryStructure(res.metrics, prefix);
    // Role and usage chunks arrive but never count: 32 content chunks per request, TPOT over 31 gaps.
    for (const r of measured) {
      expect(r.chunks[0]!.kind).toBe('role');
      expect(r.chunks.at(-1)!.kind).toBe('usage');
      expect(r.chunks.filter((c) => c.kind === 'content')).toHaveLength(32);
      expect(r.completionTokens).toBe(32);
    }
  });

  it('the malformed-SSE and hang faults fail the probe with precise messages', async () => {
    const { h } = await emulator({ faults: { malformed_sse: true } });
    const bad = await streamProbe.run(context(h.url, { model: MODEL, options: { sequential: 1, concurrent: 0, warmup: false } }));
    expect(bad.assertions[0]!.message).toMatch(/^seq-0: malformed SSE data in event 3 \(line 5\): not JSON/);
    const { h: h2 } = await emulator({ faults: { hang_mid_stream_after_chunks: 2 } });
    const hung = await streamProbe.run(context(h2.url, { model: MODEL, timeoutMs: 500, options: { sequential: 1, concurrent: 0, warmup: false } }));
    expect(hung.assertions[0]!.message).toMatch(/^seq-0: timed out after 500 ms \(stream stalled after 3 chunks/);
  });
});

describe('text and image probes against the emulator', () => {
  it('text passes; image passes on a vision model with 3 images per prompt', async () => {
    const { h } = await emulator({}, ['--limit-mm-per-prompt', '{"image":3}'], ['text', 'image']);
    expect((await textProbe.run(context(h.url, { model: MODEL }))).verdict).toBe('pass');
    const res = await imageProbe.run(context(h.url, { model: MODEL, modalities: ['text', 'image'], cellOptions: { limit_mm_per_prompt: { image: 3 } } }));
    expect(res.assertions.map((a) => `${a.name}:${a.ok}`)).toEqual(['png-red:true', 'png-green:true', 'png-blue:true', 'jpeg-blue:true', 'multi-3:true']);
    expect(res.verdict).toBe('pass');
  });

  it('a server that allows one image per prompt rejects two with HTTP 400, which the probe reports', async () => {
    const { h } = await emulator({}, ['--limit-mm-per-prompt', '{"image":1}'], ['text', 'image']);
    const res = await imageProbe.run(context(h.url, { model: MODEL, modalities: ['text', 'image'], cellOptions: { limit_mm_per_prompt: { image: 2 } }, options: { colours: ['red'], jpeg: false } }));
    expect(res.assertions[0]!.ok).toBe(true);
    expect(res.verdict).toBe('fail');
    expect(res.assertions[1]).toMatchObject({ name: 'multi-2', ok: false });
    expect(res.assertions[1]!.message).toMatch(/^multi-2: HTTP 400 from POST /);
    expect(res.requests[1]!.status).toBe(400);
  });
});

describe('mtp probe against the emulator', () => {
  const spec = cell({ options: { speculative: { method: 'mtp', tokens: 2 } } });

  it('reports acceptance equal to the emulator counters and keeps the capture lines', async () => {
    const { h, log } = await emulator({ mtp_acceptance: 0.6 }, SPEC_ARGS);
    const before = parseMetrics(await (await fetch(`${h.url}/metrics`)).text());
    const res = await mtpProbe.run(context(h.url, { model: MODEL, cell: spec, logTail: () => log }));
    const after = parseMetrics(await (await fetch(`${h.url}/metrics`)).text());
    expect(res.verdict, JSON.stringify(res.assertions)).toBe('pass');
    const d = (n: string): number => readValue(after, n)! - (readValue(before, n) ?? 0);
    const drafts = d('vllm:spec_decode_num_drafts_total');
    const draftTokens = d('vllm:spec_decode_num_draft_tokens_total');
    const accepted = d('vllm:spec_decode_num_accepted_tokens_total');
    expect(drafts).toBeGreaterThan(10);
    expect(res.metrics).toMatchObject({ spec_drafts: drafts, spec_draft_tokens: draftTokens, spec_accepted_tokens: accepted });
    expect(res.metrics.acceptance_rate).toBe(accepted / draftTokens);
    expect(res.metrics.mean_acceptance_length).toBe(1 + accepted / drafts);
    expect(res.metrics.acceptance_rate).toBeCloseTo(0.6, 1);
    expect(res.metrics.acceptance_pos_0! + res.metrics.acceptance_pos_1!).toBeCloseTo(accepted / drafts, 12);
    expect(res.evidence.some((l) => l.includes('Capturing CUDA graphs'))).toBe(true);
    expect(res.evidence.some((l) => l.includes('Graph capturing finished'))).toBe(true);
  });

  const SGLANG_MTP = ['python3', '-m', 'sglang.launch_server', '--model-path', MODEL, '--port', '0', '--enable-metrics', '--decode-log-interval', '4', '--speculative-algorithm', 'NEXTN', '--speculative-num-steps', '2', '--speculative-eagle-topk', '1', '--speculative-num-draft-tokens', '3'];
  async function sglangMtp(version: string) {
    const log: string[] = [];
    const h = await startEmulator({ argv: SGLANG_MTP, config: config({ mtp_acceptance: 0.5, version }, ['text'], 'sglang'), out: (l) => log.push(l), port: 0, host: '127.0.0.1' });
    running.push(h);
    expect(await h.ready).toBe(true);
    const res = await mtpProbe.run(context(h.url, { model: MODEL, cell: cell({ engine: 'sglang', options: { speculative: { method: 'mtp', tokens: 2 } } }), logTail: () => log }));
    expect(res.verdict, JSON.stringify(res.assertions)).toBe('pass');
    const gauge = readValue(parseMetrics(await (await fetch(`${h.url}/metrics`)).text()), 'sglang:spec_accept_length');
    return { res, gauge };
  }

  it("SGLang 0.5.6: acceptance from each request's meta_info (accepted tokens / verify steps), the gauge kept beside it", async () => {
    const { res, gauge } = await sglangMtp('0.5.6');
    expect(res.evidence).toContain("acceptance from 4 requests' own counts (/generate meta_info): mean acceptance length = 1 + Σaccepted / Σverify steps");
    expect(res.requests.filter((q) => q.label.startsWith('mtp-native-'))).toHaveLength(4);
    expect(res.metrics.spec_verify_steps).toBeGreaterThan(10);
    // the emulator accepts 0.5 of 2 drafts per step: 1 + 0.5 × 2 tokens a step
    expect(res.metrics.mean_acceptance_length).toBeCloseTo(2, 1);
    expect(res.metrics.acceptance_rate).toBeCloseTo(0.5, 1);
    expect(res.metrics.gauge_mean_acceptance_length).toBe(gauge);
    expect(res.evidence.some((l) => l.includes('Capture cuda graph end'))).toBe(true);
  });

  it('SGLang 0.5.2 (meta_info has verify steps, no accepted count): (completion tokens − 1) / verify steps', async () => {
    const { res } = await sglangMtp('0.5.2');
    expect(res.evidence.some((l) => l.endsWith('mean acceptance length = Σ(completion tokens − 1) / Σverify steps'))).toBe(true);
    expect(res.metrics.mean_acceptance_length).toBeCloseTo(2, 1);
  });

  it('catches lossy speculation against the baseline of the same model without speculation', async () => {
    const { h: plain } = await emulator({});
    const base = await textProbe.run(context(plain.url, { model: MODEL }));
    expect(base.verdict).toBe('pass');
    const { h: healthy, log } = await emulator({}, SPEC_ARGS);
    const ok = await mtpProbe.run(context(healthy.url, { model: MODEL, cell: spec, logTail: () => log, baseline: () => base.outputs! }));
    expect(ok.assertions.find((a) => a.name === 'lossless')).toMatchObject({ ok: true, message: '4 greedy outputs equal the baseline' });
    const { h: lossy, log: log2 } = await emulator({ faults: { lossy_speculation: true } }, SPEC_ARGS);
    const res = await mtpProbe.run(context(lossy.url, { model: MODEL, cell: spec, logTail: () => log2, baseline: () => base.outputs! }));
    expect(res.verdict).toBe('fail');
    const a = res.assertions.find((x) => x.name === 'lossless')!;
    expect(a.ok).toBe(false);
    expect(a.message).toContain('prompt "What is 17 + 25? Answer with just the number.": baseline "42" ≠ speculative "43"');
  });
});
