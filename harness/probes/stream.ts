// The stream probe: streamed chat requests, sequential then concurrent, storing every chunk's
// arrival time; TTFT, ITL, TPOT and e2e percentiles come from latency.ts.
// Options: { sequential: 5, concurrent: 4, max_tokens: 32, prompt, warmup: true }.
// A warm-up request (label "warmup", stored but left out of every figure) goes first: the
// process's first fetch pays for loading the HTTP stack, compiling the streaming path and
// opening the connection (~100 ms measured), which is the harness's cost, not the server's.
// Figures: seq_ttft_p50_ms … seq_e2e_p99_ms, seq_output_tokens_per_s, and the same with conc_.
import { z } from 'zod';
import { streamChat } from './client.ts';
import { summarizeLatency } from './latency.ts';
import { defineBuiltinProbe } from './define.ts';
import { parseOptions } from './options.ts';
import type { Probe, ProbeContext } from './probe.ts';
import type { ProbeResult } from '../core/probe-result.ts';
import type { ChatOutcome } from './request.ts';
import type { ResultBuilder } from './result.ts';

export const STREAM_PROMPT = 'Write a short paragraph about how graphics processors speed up machine learning.';

export const StreamOptions = z
  .object({
    sequential: z.number().int().nonnegative().default(5),
    concurrent: z.number().int().nonnegative().default(4),
    max_tokens: z.number().int().positive().default(32),
    prompt: z.string().min(1).default(STREAM_PROMPT),
    warmup: z.boolean().default(true),
  })
  .strict()
  .refine((o) => o.sequential + o.concurrent > 0, 'sequential + concurrent must be at least 1');

export const streamProbe: Probe = defineBuiltinProbe('stream', runStream);

async function runStream(ctx: ProbeContext, r: ResultBuilder): Promise<ProbeResult> {
  const o = parseOptions('stream', StreamOptions, ctx.options);
  const body = { model: ctx.model, messages: [{ role: 'user' as const, content: o.prompt }], temperature: 0, max_tokens: o.max_tokens };
  if (o.warmup) {
    const w = await streamChat(ctx, body, 'warmup');
    r.requests.push(w.timing);
    if (w.error) r.evidence.push(`warm-up request failed: ${w.error.message}`);
  }
  const sequential: ChatOutcome[] = [];
  for (let i = 0; i < o.sequential; i++) {
    sequential.push(await streamChat(ctx, body, `seq-${i}`));
    if (ctx.signal.aborted) break;
  }
  const concurrent = await Promise.all(Array.from({ length: o.concurrent }, (_, i) => streamChat(ctx, body, `conc-${i}`)));
  for (const [prefix, group] of [['seq_', sequential], ['conc_', concurrent]] as const) {
    if (group.length === 0) continue;
    const timings = group.map((g) => g.timing);
    r.requests.push(...timings);
    Object.assign(r.metrics, summarizeLatency(timings.filter((t) => t.error === null), prefix));
  }
  for (const g of [...sequential, ...concurrent]) check(r, g);
  return r.build();
}

function check(r: ResultBuilder, g: ChatOutcome): void {
  const t = g.timing;
  if (g.error) {
    r.assert(t.label, false, g.error.message);
    return;
  }
  const counts = { role: 0, content: 0, usage: 0, other: 0 };
  for (const c of t.chunks) counts[c.kind]++;
  const shape = `${counts.role} role, ${counts.content} content, ${counts.other} other, ${counts.usage} usage chunks`;
  if (counts.content === 0) {
    r.assert(t.label, false, `no content chunk in the stream (${shape})`);
  } else if (t.completionTokens === null) {
    r.assert(t.label, false, `no usage reported although stream_options.include_usage was set (${shape})`);
  } else {
    r.assert(t.label, true, `${t.completionTokens} tokens in ${shape}`);
  }
}
