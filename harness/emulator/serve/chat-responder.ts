// Answers one chat completion for real time: the first content after ttft_ms, then one decoding
// step every itl_ms (with MTP a step carries the accepted drafts too), as SSE or one JSON body.
// Honours the per-request faults (hang mid-stream, malformed SSE, answers corrupted in a batch).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { answerFor, wrongInBatch } from './answers.ts';
import type { ChatRequest } from './chat-request.ts';
import { planGeneration, type AcceptanceState, type SpecSettings } from './generation.ts';
import type { ServerMetrics } from './metrics.ts';
import { chatCompletion, chunk, completionId, sse, SSE_DONE, usageChunk, usageOf, type ChunkBase } from './openai-shapes.ts';
import type { EmulatorTraits } from '../../core/emulator-traits.ts';

export interface ResponderContext {
  traits: EmulatorTraits;
  modelName: string;
  spec: SpecSettings | null;
  acceptance: AcceptanceState;
  metrics: ServerMetrics;
  /** Resolves at the given performance.now() time, or never once the emulator closes. */
  at(t: number): Promise<void>;
  /** Streams that hang forever (hang_mid_stream_after_chunks), destroyed on close. */
  hung: Set<ServerResponse>;
  /** The CUDA graph mode decoding runs under (FULL_AND_PIECEWISE decodes with FULL graphs). */
  graphs: 'full' | 'piecewise' | 'off';
}

/** Whether faults.corrupt_batched corrupts an answer decoded in a batch of `batch` requests under `graphs`. */
export function corruptsInBatch(faults: EmulatorTraits['faults'], graphs: ResponderContext['graphs'], batch: number): boolean {
  const f = faults.corrupt_batched;
  return f !== undefined && f.graphs === graphs && batch >= f.min_batch;
}

/** Counts a request as running; the function returned counts it finished (tokens, reason, e2e latency). */
function countRequest(m: ServerMetrics, chat: ChatRequest, t0: number): (emitted: number, reason: string) => void {
  m.running++;
  m.promptTokens += chat.promptTokens;
  return (emitted, reason) => {
    m.running--;
    m.generationTokens += emitted;
    m.requestsByFinish[reason] = (m.requestsByFinish[reason] ?? 0) + 1;
    m.e2e.observe((performance.now() - t0) / 1000);
  };
}

export async function respondChat(req: IncomingMessage, res: ServerResponse, chat: ChatRequest, ctx: ResponderContext): Promise<void> {
  const t0 = performance.now();
  const base: ChunkBase = { id: completionId(), created: Math.floor(Date.now() / 1000), model: ctx.modelName };
  const { faults } = ctx.traits;
  const ttft = ctx.traits.ttft_ms + (faults.slow_first_token_ms ?? 0);
  const itl = ctx.traits.itl_ms + (faults.slow_tokens_ms ?? 0);
  const m = ctx.metrics;
  const finish = countRequest(m, chat, t0);
  let aborted = false;
  req.on('close', () => {
    if (!res.writableFinished) aborted = true;
  });

  if (chat.stream) {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(sse(chunk(base, { role: 'assistant', content: '' })));
  }
  let emitted = 0;
  let last = t0;
  // The answer is decided when decoding begins, after prefill: by then the requests sent together
  // share the batch (m.running counts them), which faults.corrupt_batched looks at.
  await ctx.at(t0 + ttft);
  const answer = answerFor(chat.question);
  const plan = planGeneration(corruptsInBatch(faults, ctx.graphs, m.running) ? wrongInBatch(answer) : answer, chat.maxTokens, ctx.spec, ctx.acceptance);
  for (let i = 0; i < plan.groups.length; i++) {
    // On schedule, but never catching up in a burst after a stall: a real engine's steps keep their pace.
    if (i > 0) await ctx.at(Math.max(t0 + ttft + i * itl, last + itl - 1));
    if (aborted) {
      finish(emitted, 'abort');
      return;
    }
    const now = performance.now();
    if (i === 0) m.ttft.observe((now - t0) / 1000);
    else m.itl.observe((now - last) / 1000);
    last = now;
    const step = plan.specSteps[i - 1];
    if (step) m.recordSpecStep(step.drafted, step.accepted);
    emitted += plan.groups[i]!.length;
    const hang = faults.hang_mid_stream_after_chunks !== undefined && i >= faults.hang_mid_stream_after_chunks;
    if (hang) {
      ctx.hung.add(res);
      return; // streamed: never another byte; not streamed: an answer that never comes
    }
    if (!chat.stream) continue;
    res.write(sse(chunk(base, { content: plan.groups[i]!.join('') })));
    if (faults.malformed_sse && i === 0) res.write('data: {"id": "' + base.id + '", "object": "chat.completion.chunk", "choices": [{"delta": {"content": \n\n');
  }
  finish(emitted, plan.finishReason);
  sendEnd(res, chat, base, plan);
}

/** The answer's end: the whole JSON body, or the stream's finish chunk, its usage when asked, and [DONE]. */
function sendEnd(res: ServerResponse, chat: ChatRequest, base: ChunkBase, plan: ReturnType<typeof planGeneration>): void {
  const usage = usageOf(chat.promptTokens, plan.completionTokens);
  if (!chat.stream) {
    const body = JSON.stringify(chatCompletion(base, plan.text, plan.finishReason, usage));
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  res.write(sse(chunk(base, {}, plan.finishReason)));
  if (chat.includeUsage) res.write(sse(usageChunk(base, usage)));
  res.end(SSE_DONE);
}
