import { afterEach, describe, expect, it } from 'vitest';
import { answerFor, corruptAnswer } from '../../../harness/emulator/serve/answers.ts';
import { imageProbe } from '../../../harness/probes/image.ts';
import { mtpProbe } from '../../../harness/probes/mtp.ts';
import { streamProbe } from '../../../harness/probes/stream.ts';
import { textProbe } from '../../../harness/probes/text.ts';
import { DEFAULT_QUESTIONS } from '../../../harness/probes/questions.ts';
import { expectLatencyStructure, expectSummaryStructure } from '../../support/latency-structure.ts';
import { cell, context } from './context.ts';
import { startFixture, type Fixture, type FixtureOptions } from './fixture-server.ts';

let fixture: Fixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});
async function serve(o: FixtureOptions = {}): Promise<string> {
  fixture = await startFixture({ answer: (text, images) => answerFor({ text, images }), ...o });
  return fixture.url;
}

describe('applies', () => {
  it('follows the applicability rules', () => {
    expect(textProbe.applies(cell())).toBe(true);
    expect(streamProbe.applies(cell())).toBe(true);
    expect(imageProbe.applies(cell())).toBe('model has no image modality');
    expect(imageProbe.applies(cell({ modalities: ['text', 'image'] }))).toBe(true);
    expect(mtpProbe.applies(cell())).toBe('speculative decoding not enabled');
    expect(mtpProbe.applies(cell({ options: { speculative: { method: 'mtp', tokens: 2 } } }))).toBe(true);
  });
});

describe('text probe', () => {
  it('passes on right answers, records usage and the outputs for a baseline', async () => {
    const res = await textProbe.run(context(await serve()));
    expect(res.verdict).toBe('pass');
    expect(res.assertions.map((a) => a.name)).toEqual(['q0', 'q1', 'q2']);
    expect(res.outputs?.['What is 17 + 25? Answer with just the number.']).toBe('42');
    expect(Object.keys(res.outputs!)).toEqual(DEFAULT_QUESTIONS.map((q) => q.prompt));
    expect(res.metrics.completion_tokens).toBeGreaterThan(3);
    expect(res.requests).toHaveLength(4);
    expect(fixture!.requests.every((b) => b.temperature === 0)).toBe(true);
  });

  it('fails with the prompt, the answer and the expectation', async () => {
    const res = await textProbe.run(context(await serve({ answer: (t) => (t.includes('9 times 8') ? 'It is 420' : answerFor({ text: t, images: [] })) })));
    expect(res.verdict).toBe('fail');
    expect(res.assertions.find((a) => !a.ok)?.message).toBe('"What is 9 times 8? Answer with just the number." → "It is 420" (expected 72)');
  });

  it('switches thinking off through the chat template and ignores a think block in the answer', async () => {
    const res = await textProbe.run(context(await serve({ answer: (t) => `<think>\nThe user asks. 1 + 1 = 2.\n</think>\n\n${answerFor({ text: t, images: [] })}` })));
    expect(fixture!.requests[0]).toMatchObject({ chat_template_kwargs: { enable_thinking: false } });
    expect(res.verdict).toBe('pass');
  });

  it('says when the answer was cut at max_tokens', async () => {
    const res = await textProbe.run(context(await serve({ answer: () => '<think> one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen' })));
    expect(res.assertions[0]!.message).toMatch(/\(expected 42\) — cut at max_tokens 16 \(finish_reason length\)$/);
  });

  it('takes questions from the options; bad options fail precisely', async () => {
    const url = await serve();
    const res = await textProbe.run(context(url, { options: { questions: [{ prompt: 'What is 6 times 7?', expect: '42' }] } }));
    expect(res.verdict).toBe('pass');
    expect(res.requests).toHaveLength(1);
    const bad = await textProbe.run(context(url, { options: { questons: [] } }));
    expect(bad.verdict).toBe('fail');
    expect(bad.error).toMatch(/^invalid options for probe "text": .*questons/);
  });

  it('an HTTP error fails the question with status and body', async () => {
    const res = await textProbe.run(context(await serve({ status: 500 })));
    expect(res.verdict).toBe('fail');
    expect(res.assertions[0]!.message).toMatch(/^text-0: HTTP 500 from POST .*"boom"/);
    expect(res.requests[0]!.status).toBe(500);
  });
});

describe('image probe', () => {
  it('passes when the colours are named, with a JPEG and a multi-image request when allowed', async () => {
    const url = await serve();
    const res = await imageProbe.run(context(url, { modalities: ['text', 'image'], cellOptions: { limit_mm_per_prompt: { image: 4 } } }));
    expect(res.assertions.map((a) => [a.name, a.ok])).toEqual([
      ['png-red', true],
      ['png-green', true],
      ['png-blue', true],
      ['jpeg-blue', true],
      ['multi-3', true],
    ]);
    expect(res.verdict).toBe('pass');
    const multi = fixture!.requests[4]!.messages as Array<{ content: Array<{ type: string; image_url?: { url: string } }> }>;
    expect(multi[0]!.content.filter((p) => p.type === 'image_url')).toHaveLength(3);
    expect(multi[0]!.content[0]!.image_url!.url).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(res.outputs?.['multi-3']).toBe('yellow, blue, red');
  });

  it('one image per prompt by default; a wrong colour fails', async () => {
    const res = await imageProbe.run(context(await serve({ answer: () => 'Purple.' }), { modalities: ['text', 'image'] }));
    expect(res.requests).toHaveLength(4);
    expect(res.verdict).toBe('fail');
    expect(res.assertions[0]!.message).toBe('1 image(s) → "Purple." (expected red)');
  });
});

describe('stream probe', () => {
  it('measures sequential and concurrent requests; role and usage chunks never count', async () => {
    const url = await serve({ ttftMs: 30, itlMs: 8 });
    const res = await streamProbe.run(context(url, { options: { sequential: 3, concurrent: 3, max_tokens: 10 } }));
    expect(res.verdict).toBe('pass');
    expect(res.requests.map((r) => r.label)).toEqual(['warmup', 'seq-0', 'seq-1', 'seq-2', 'conc-0', 'conc-1', 'conc-2']);
    for (const r of res.requests.slice(1)) {
      expect(r.chunks[0]!.kind).toBe('role');
      expect(r.chunks.at(-1)!.kind).toBe('usage');
      expect(r.chunks.filter((c) => c.kind === 'content')).toHaveLength(10);
      expect(r.completionTokens).toBe(10);
    }
    // By structure, never against a time target (accuracy is benchmark B4's).
    expectLatencyStructure(res.requests.slice(1));
    for (const prefix of ['seq_', 'conc_']) expectSummaryStructure(res.metrics, prefix);
    expect(res.metrics.seq_requests).toBe(3);
    expect(res.metrics.conc_requests).toBe(3);
    expect(res.metrics.conc_output_tokens_per_s).toBeGreaterThan(0);
    expect(Object.keys(res.metrics)).toEqual(expect.arrayContaining(['seq_ttft_p99_ms', 'seq_tpot_p90_ms', 'seq_e2e_p50_ms', 'conc_itl_p99_ms']));
  });

  it('fails when a stream hangs, naming the request', async () => {
    const url = await serve({ hangAfterChunks: 2 });
    const res = await streamProbe.run(context(url, { timeoutMs: 300, options: { sequential: 1, concurrent: 0, warmup: false } }));
    expect(res.verdict).toBe('fail');
    expect(res.assertions[0]!.message).toMatch(/^seq-0: timed out after 300 ms \(stream stalled after 2 chunks/);
  });

  it('fails when no content arrives', async () => {
    const url = await serve({ answer: () => '' });
    const res = await streamProbe.run(context(url, { options: { sequential: 1, concurrent: 0, warmup: false } }));
    expect(res.assertions[0]).toMatchObject({ ok: false, message: 'no content chunk in the stream (1 role, 0 content, 1 other, 1 usage chunks)' });
  });
});

/** vLLM-style spec-decode counters that grow with each request the fixture serves. */
function specMetrics(perRequest: { drafts: number; draftTokens: number; accepted: number; pos: number[] }) {
  let n = 0;
  const text = (): string => {
    const m = 'model_name="qwen"';
    return [
      '# TYPE vllm:spec_decode_num_drafts counter',
      `vllm:spec_decode_num_drafts_total{engine="0",${m}} ${n * perRequest.drafts}`,
      '# TYPE vllm:spec_decode_num_draft_tokens counter',
      `vllm:spec_decode_num_draft_tokens_total{engine="0",${m}} ${n * perRequest.draftTokens}`,
      '# TYPE vllm:spec_decode_num_accepted_tokens counter',
      `vllm:spec_decode_num_accepted_tokens_total{engine="0",${m}} ${n * perRequest.accepted}`,
      '# TYPE vllm:spec_decode_num_accepted_tokens_per_pos counter',
      ...perRequest.pos.map((p, i) => `vllm:spec_decode_num_accepted_tokens_per_pos_total{engine="0",${m},position="${i}"} ${n * p}`),
      '',
    ].join('\n');
  };
  return { text, count: () => n++ };
}

const CAPTURE_LOG = [
  'INFO 03-10 13:58:27 [kv_cache_utils.py:1314] GPU KV cache size: 323,680 tokens',
  'Capturing CUDA graphs (mixed prefill-decode, PIECEWISE): 50%|█████ | 24/49\rCapturing CUDA graphs (mixed prefill-decode, PIECEWISE): 100%|██████████| 49/49 [00:01<00:00, 31.31it/s]',
  'Capturing CUDA graphs (decode, FULL): 100%|██████████| 49/49 [00:11<00:00, 4.22it/s]',
  'INFO 03-10 13:58:40 [gpu_model_runner.py:4700] Graph capturing finished in 13 secs, took 0.45 GiB',
];

describe('mtp probe', () => {
  const spec = { options: { speculative: { method: 'mtp' as const, tokens: 2 } } };

  async function mtpServer(o: FixtureOptions = {}, per = { drafts: 10, draftTokens: 20, accepted: 14, pos: [9, 5] }) {
    const m = specMetrics(per);
    const url = await serve({ metrics: m.text, answer: (t, i) => (m.count(), answerFor({ text: t, images: i })), ...o });
    return url;
  }

  it('computes acceptance from counter deltas and keeps capture lines as evidence', async () => {
    const url = await mtpServer();
    const res = await mtpProbe.run(context(url, { cell: cell(spec), logTail: () => CAPTURE_LOG }));
    expect(res.verdict).toBe('pass');
    // 4 generations × (10 drafts, 20 draft tokens, 14 accepted, 9/5 per position)
    expect(res.metrics).toMatchObject({ spec_drafts: 40, spec_draft_tokens: 80, spec_accepted_tokens: 56, generations: 4 });
    expect(res.metrics.acceptance_rate).toBeCloseTo(0.7, 12);
    expect(res.metrics.mean_acceptance_length).toBeCloseTo(2.4, 12);
    expect(res.metrics.acceptance_pos_0).toBeCloseTo(0.9, 12);
    expect(res.metrics.acceptance_pos_1).toBeCloseTo(0.5, 12);
    expect(res.evidence).toEqual([
      'Capturing CUDA graphs (mixed prefill-decode, PIECEWISE): 100%|██████████| 49/49 [00:01<00:00, 31.31it/s]',
      'Capturing CUDA graphs (decode, FULL): 100%|██████████| 49/49 [00:11<00:00, 4.22it/s]',
      'INFO 03-10 13:58:40 [gpu_model_runner.py:4700] Graph capturing finished in 13 secs, took 0.45 GiB',
      'no baseline without speculation in this run: losslessness not checked',
    ]);
  });

  it('fails without capture lines unless CUDA graphs are off', async () => {
    const url = await mtpServer();
    const res = await mtpProbe.run(context(url, { cell: cell(spec), logTail: () => ['INFO ready'] }));
    expect(res.assertions[0]).toEqual({ name: 'cuda-graphs-captured', ok: false, message: 'no CUDA graph capture line in the server log (1 lines searched) although CUDA graphs are on by default' });
    const eager = await mtpProbe.run(context(url, { cell: cell({ options: { ...spec.options, cuda_graphs: 'off' } }) }));
    expect(eager.verdict).toBe('pass');
  });

  it('fails on the seed-002 capture error in the log', async () => {
    const url = await mtpServer();
    const log = [...CAPTURE_LOG.slice(0, 2), 'RuntimeError: Triton Error [CUDA]: operation not permitted when stream is capturing'];
    const res = await mtpProbe.run(context(url, { cell: cell(spec), logTail: () => log }));
    expect(res.assertions[0]!.message).toBe('CUDA graph capture failed: RuntimeError: Triton Error [CUDA]: operation not permitted when stream is capturing');
  });

  it('fails when no draft token is accepted, and when the counters are missing', async () => {
    const none = await mtpProbe.run(context(await mtpServer({}, { drafts: 5, draftTokens: 10, accepted: 0, pos: [0, 0] }), { cell: cell(spec), logTail: () => CAPTURE_LOG }));
    expect(none.assertions[1]).toEqual({ name: 'drafts-accepted', ok: false, message: 'no draft token was accepted (40 draft tokens in 20 drafts)' });
    await fixture!.close();
    fixture = null;
    const missing = await mtpProbe.run(context(await serve({ metrics: () => 'vllm:num_requests_running{model_name="qwen"} 0\n' }), { cell: cell(spec), logTail: () => CAPTURE_LOG }));
    expect(missing.assertions[1]!.message).toBe(
      'speculative-decoding counters missing from /metrics: none of vllm:spec_decode_num_drafts_total, vllm:spec_decode_num_draft_tokens_total, vllm:spec_decode_num_accepted_tokens_total found for model qwen',
    );
  });

  it('reads an accept-length gauge where the engine has one', async () => {
    const url = await serve({ metrics: () => 'sglang:spec_accept_length{model_name="qwen"} 2.5\n' });
    const res = await mtpProbe.run(context(url, { cell: cell({ ...spec, engine: 'sglang' }), logTail: () => ['Capture cuda graph end. Time elapsed: 3.10 s. mem usage=0.21 GB'] }));
    expect(res.verdict).toBe('pass');
    expect(res.metrics.mean_acceptance_length).toBe(2.5);
    expect(res.metrics.acceptance_rate).toBe(0.75);
  });

  it('lossless against the baseline; a lossy speculation names the prompt and both texts', async () => {
    const baseline = Object.fromEntries(DEFAULT_QUESTIONS.map((q) => [q.prompt, answerFor({ text: q.prompt, images: [] }).split(/(?<=\S)(?=\s)/).slice(0, q.max_tokens).join('')]));
    const ok = await mtpProbe.run(context(await mtpServer(), { cell: cell(spec), logTail: () => CAPTURE_LOG, baseline: () => baseline }));
    expect(ok.assertions.find((a) => a.name === 'lossless')).toEqual({ name: 'lossless', ok: true, message: '4 greedy outputs equal the baseline' });
    await fixture!.close();
    fixture = null;
    const lossy = await mtpProbe.run(
      context(await mtpServer({ answer: (t) => corruptAnswer(answerFor({ text: t, images: [] })) }), { cell: cell(spec), logTail: () => CAPTURE_LOG, baseline: () => baseline }),
    );
    const a = lossy.assertions.find((x) => x.name === 'lossless')!;
    expect(a.ok).toBe(false);
    expect(a.message).toContain('speculation changed greedy output — prompt "What is 17 + 25? Answer with just the number.": baseline "42" ≠ speculative "43"');
  });
});
