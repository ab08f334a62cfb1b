// vLLM's /metrics for the emulated release: the series the facts say the release declares
// (harness/engines/facts/vllm/metrics.ts: names, types, `_total` on counters; the TPOT histogram
// only up to 0.14), filled from the emulator's own counters, and no family without a fact. A null
// version renders the newest release.
import { factsAt, valuesAt, VLLM_FACTS } from '../../engines/facts/index.ts';
import type { MetricFact } from '../../engines/facts/types.ts';
import { Writer, type Histogram, type ServerMetrics } from './metrics.ts';

type Value =
  | { kind: 'number'; n: number }
  | { kind: 'histogram'; h: Histogram }
  | { kind: 'per-position'; counts: number[] }
  | { kind: 'per-reason'; counts: Record<string, number> };

/** The emulator's value of a declared vLLM series, with its help text; null when it keeps none. */
function valueOf(declared: string, m: ServerMetrics, version: string | null): { help: string; value: Value } | null {
  const n = (help: string, v: number) => ({ help, value: { kind: 'number' as const, n: v } });
  const h = (help: string, v: Histogram) => ({ help, value: { kind: 'histogram' as const, h: v } });
  switch (declared) {
    case 'vllm:num_requests_running': return n('Number of requests in model execution batches.', m.running);
    case 'vllm:num_requests_waiting': return n('Number of requests waiting to be processed.', 0);
    case 'vllm:request_success': {
      // One series per finish reason the release knows (facts: finished-reason), from start-up.
      const counts = Object.fromEntries(valuesAt(VLLM_FACTS, 'finished-reason', version).map((r) => [r, m.requestsByFinish[r] ?? 0]));
      return { help: 'Count of successfully processed requests.', value: { kind: 'per-reason', counts } };
    }
    case 'vllm:prompt_tokens': return n('Number of prefill tokens processed.', m.promptTokens);
    case 'vllm:generation_tokens': return n('Number of generation tokens processed.', m.generationTokens);
    case 'vllm:time_to_first_token_seconds': return h('Histogram of time to first token in seconds.', m.ttft);
    case 'vllm:inter_token_latency_seconds': return h('Histogram of inter-token latency in seconds.', m.itl);
    case 'vllm:time_per_output_token_seconds': return h('Histogram of time per output token in seconds.', m.itl);
    case 'vllm:e2e_request_latency_seconds': return h('Histogram of e2e request latency in seconds.', m.e2e);
    case 'vllm:spec_decode_num_drafts': return n('Number of spec decoding drafts.', m.specDrafts);
    case 'vllm:spec_decode_num_draft_tokens': return n('Number of draft tokens.', m.specDraftTokens);
    case 'vllm:spec_decode_num_accepted_tokens': return n('Number of accepted tokens.', m.specAccepted);
    case 'vllm:spec_decode_num_accepted_tokens_per_pos': return { help: 'Accepted tokens per draft position.', value: { kind: 'per-position', counts: m.specAcceptedPerPos } };
    default: return null;
  }
}

function write(w: Writer, fact: MetricFact, m: ServerMetrics, version: string | null): void {
  const v = valueOf(fact.declared, m, version);
  if (v === null) return;
  if (v.value.kind === 'histogram') w.histogram(fact.exposed, v.help, v.value.h);
  else if (v.value.kind === 'per-position') {
    w.family(fact.exposed, fact.type, v.help);
    v.value.counts.forEach((c, i) => w.sample(fact.exposed, c, [['position', String(i)]]));
  } else if (v.value.kind === 'per-reason') {
    w.family(fact.exposed, fact.type, v.help);
    for (const [reason, c] of Object.entries(v.value.counts)) w.sample(fact.exposed, c, [['finished_reason', reason]]);
  } else if (fact.type === 'gauge') w.gauge(fact.exposed, v.help, v.value.n);
  else w.counter(fact.exposed, v.help, v.value.n);
}

/** vLLM V1's /metrics (labels model_name and engine, in that order) as `version` declares it. */
export function renderVllmMetrics(m: ServerMetrics, modelName: string, speculative: boolean, version: string | null = null): string {
  const w = new Writer([['model_name', modelName], ['engine', '0']]);
  for (const fact of factsAt(VLLM_FACTS, VLLM_FACTS.metrics, version)) {
    if (!speculative && fact.declared.startsWith('vllm:spec_decode')) continue;
    write(w, fact, m, version);
  }
  return w.lines.join('\n') + '\n';
}
