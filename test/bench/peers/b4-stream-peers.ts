// B4's peers: the harness stream probe's requests (its defaults: a first request, then 5 sequential
// and 4 concurrent streamed requests of 32 tokens, the same prompt and body) against the same
// container, timed the way a team without the harness times them:
//  - script: plain-peer.sh (docker run -d, curl /health every 1 s), then b4-curl-stream.sh:
//    TTFT = curl's time_starttransfer, ITL = (time_total − time_starttransfer) / (tokens − 1);
//  - testcontainers: GenericContainer + Wait.forHttp('/health'), then the `openai` SDK's streaming
//    client: TTFT = the first chunk the SDK yields, ITL = the mean gap between the chunks it yields.
// Neither knows a role-only chunk from a token: the emulator, like vLLM, sends one at once.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { StreamOptions } from '../../../harness/probes/stream.ts';
import { benchDir } from '../support/emulated.ts';
import { median } from '../support/stats.ts';
import type { PeerContainer } from './container.ts';
import { scriptPeer } from './script-peer.ts';
import { testcontainersPeer } from './testcontainers-peer.ts';

const CURL_SCRIPT = join(import.meta.dirname, 'b4-curl-stream.sh');

export interface PeerRequest {
  label: string;
  ttftMs: number;
  itlMs: number;
}

export interface StreamPlan {
  first: boolean;
  sequential: number;
  concurrent: number;
  body: OpenAI.Chat.ChatCompletionCreateParamsStreaming;
}

/** The stream probe's default requests: the body it sends (usage included) and how many. */
export function streamPlan(model: string): StreamPlan {
  const o = StreamOptions.parse({});
  return {
    first: o.warmup, sequential: o.sequential, concurrent: o.concurrent,
    body: { model, messages: [{ role: 'user', content: o.prompt }], temperature: 0, max_tokens: o.max_tokens, stream: true, stream_options: { include_usage: true } },
  };
}

export async function curlStreamPeer(c: PeerContainer, plan: StreamPlan): Promise<PeerRequest[]> {
  const bodyFile = join(benchDir('matrix-bench-b4-'), 'body.json');
  writeFileSync(bodyFile, JSON.stringify(plan.body));
  const env = { BODY_FILE: bodyFile, FIRST: plan.first ? '1' : '0', SEQUENTIAL: String(plan.sequential), CONCURRENT: String(plan.concurrent) };
  const r = await scriptPeer(c, { requests: false, afterReady: { command: CURL_SCRIPT, env } });
  if (!r.ready || r.error) throw new Error(`B4: curl peer failed (${r.error ?? 'never ready'}):\n${r.output}`);
  const requests = [...r.output.matchAll(/^STREAM (\S+) (\S+) (\S+) (\d+)$/gm)].map(([, label, start, total, tokens]) => ({
    label: label!,
    ttftMs: Number(start) * 1000,
    itlMs: ((Number(total) - Number(start)) * 1000) / (Number(tokens) - 1),
  }));
  if (requests.length !== Number(plan.first) + plan.sequential + plan.concurrent) throw new Error(`B4: curl peer timed ${requests.length} requests:\n${r.output}`);
  return requests;
}

export async function sdkStreamPeer(c: PeerContainer, plan: StreamPlan): Promise<PeerRequest[]> {
  const out: PeerRequest[] = [];
  const use = async (baseUrl: string) => {
    const client = new OpenAI({ baseURL: `${baseUrl}/v1`, apiKey: 'EMPTY', maxRetries: 0 });
    const one = async (label: string): Promise<PeerRequest> => {
      const t0 = performance.now();
      const stream = await client.chat.completions.create(plan.body);
      const at: number[] = [];
      for await (const _chunk of stream) at.push(performance.now());
      if (at.length < 2) throw new Error(`B4: ${label}: the SDK yielded ${at.length} chunk(s)`);
      return { label, ttftMs: at[0]! - t0, itlMs: (at[at.length - 1]! - at[0]!) / (at.length - 1) };
    };
    if (plan.first) out.push(await one('first'));
    for (let i = 0; i < plan.sequential; i++) out.push(await one(`seq-${i}`));
    out.push(...(await Promise.all(Array.from({ length: plan.concurrent }, (_, i) => one(`conc-${i}`)))));
  };
  const r = await testcontainersPeer(c, { requests: false, use });
  if (!r.ready || r.error) throw new Error(`B4: testcontainers peer failed: ${r.error ?? 'never ready'}`);
  return out;
}

/** Median TTFT and ITL over a peer's requests of one group ('seq-' or 'conc-'), as the harness's p50s. */
export function peerMedians(requests: PeerRequest[], group: 'seq-' | 'conc-'): { ttft: number; itl: number } {
  const g = requests.filter((r) => r.label.startsWith(group));
  return { ttft: median(g.map((r) => r.ttftMs)), itl: median(g.map((r) => r.itlMs)) };
}
