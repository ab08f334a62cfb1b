// Counters and histograms of the emulated server, rendered in Prometheus text format 0.0.4 the
// way Python's prometheus_client writes them (vLLM and SGLang both use it): counter families
// named with `_total`, histogram `_bucket{le=…}` / `_count` / `_sum`, float values ("1.0").

const TTFT_BUCKETS = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0];
const ITL_BUCKETS = [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0];
const E2E_BUCKETS = [0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0];

export class Histogram {
  readonly counts: number[];
  count = 0;
  sum = 0;
  constructor(readonly buckets: readonly number[]) {
    this.counts = buckets.map(() => 0);
  }
  observe(v: number): void {
    this.count++;
    this.sum += v;
    this.buckets.forEach((b, i) => {
      if (v <= b) this.counts[i]!++;
    });
  }
}

export class ServerMetrics {
  promptTokens = 0;
  generationTokens = 0;
  requestsByFinish: Record<string, number> = { stop: 0, length: 0, abort: 0 };
  running = 0;
  ttft = new Histogram(TTFT_BUCKETS);
  itl = new Histogram(ITL_BUCKETS);
  e2e = new Histogram(E2E_BUCKETS);
  specDrafts = 0;
  specDraftTokens = 0;
  specAccepted = 0;
  specAcceptedPerPos: number[];
  constructor(readonly numSpeculativeTokens: number) {
    this.specAcceptedPerPos = Array.from({ length: numSpeculativeTokens }, () => 0);
  }

  /** One decoding step that verified `drafted` draft tokens and accepted the first `accepted`. */
  recordSpecStep(drafted: number, accepted: number): void {
    this.specDrafts++;
    this.specDraftTokens += drafted;
    this.specAccepted += accepted;
    for (let i = 0; i < accepted; i++) this.specAcceptedPerPos[i]!++;
  }
}

function num(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  return Number.isInteger(v) ? `${v}.0` : String(v);
}

function labels(base: ReadonlyArray<readonly [string, string]>, extra: ReadonlyArray<readonly [string, string]> = [], sorted = false): string {
  const all = [...base, ...extra];
  if (sorted) all.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return all.length ? `{${all.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}` : '';
}

/** Prometheus text of one scrape, as prometheus_client writes it. */
export class Writer {
  lines: string[] = [];
  constructor(
    private readonly base: ReadonlyArray<readonly [string, string]>,
    /** SGLang's collectors print labels in name order (le among them). */
    private readonly sorted = false,
  ) {}
  family(name: string, type: 'counter' | 'gauge' | 'histogram', help: string): void {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  }
  sample(name: string, value: number, extra: ReadonlyArray<readonly [string, string]> = []): void {
    this.lines.push(`${name}${labels(this.base, extra, this.sorted)} ${num(value)}`);
  }
  counter(name: string, help: string, value: number): void {
    this.family(name, 'counter', help);
    this.sample(name, value);
  }
  gauge(name: string, help: string, value: number): void {
    this.family(name, 'gauge', help);
    this.sample(name, value);
  }
  histogram(name: string, help: string, h: Histogram): void {
    this.family(name, 'histogram', help);
    h.buckets.forEach((b, i) => this.sample(`${name}_bucket`, h.counts[i]!, [['le', num(b)]]));
    this.sample(`${name}_bucket`, h.count, [['le', '+Inf']]);
    this.sample(`${name}_count`, h.count);
    this.sample(`${name}_sum`, h.sum);
  }
}

/**
 * SGLang's /metrics (--enable-metrics): tokenizer-side counters and histograms labelled
 * engine_type and model_name; scheduler gauges also tp_rank. spec_accept_length is a gauge
 * (mean tokens per verification step, the bonus token included).
 */
export function renderSglangMetrics(m: ServerMetrics, modelName: string, speculative: boolean): string {
  const s = new Writer([['engine_type', 'unified'], ['model_name', modelName], ['tp_rank', '0']], true);
  s.gauge('sglang:num_running_reqs', 'The number of running requests.', m.running);
  s.gauge('sglang:num_queue_reqs', 'The number of requests in the waiting queue.', 0);
  s.gauge('sglang:num_used_tokens', 'The number of used tokens.', 0);
  s.gauge('sglang:token_usage', 'The token usage.', 0);
  s.gauge('sglang:gen_throughput', 'The generation throughput (token/s).', 0);
  s.gauge('sglang:cache_hit_rate', 'The prefix cache hit rate.', 0);
  if (speculative) {
    const len = m.specDrafts > 0 ? 1 + m.specAccepted / m.specDrafts : 0;
    s.gauge('sglang:spec_accept_length', 'The average acceptance length of speculative decoding.', len);
    s.gauge('sglang:spec_accept_rate', 'The average acceptance rate of speculative decoding.', m.specDraftTokens > 0 ? m.specAccepted / m.specDraftTokens : 0);
  }
  const w = new Writer([['engine_type', 'unified'], ['model_name', modelName]], true);
  w.counter('sglang:prompt_tokens_total', 'Number of prefill tokens processed.', m.promptTokens);
  w.counter('sglang:generation_tokens_total', 'Number of generation tokens processed.', m.generationTokens);
  w.counter('sglang:num_requests_total', 'Number of requests processed.', Object.values(m.requestsByFinish).reduce((a, b) => a + b, 0));
  w.histogram('sglang:time_to_first_token_seconds', 'Histogram of time to first token in seconds.', m.ttft);
  w.histogram('sglang:inter_token_latency_seconds', 'Histogram of inter-token latency in seconds.', m.itl);
  w.histogram('sglang:e2e_request_latency_seconds', 'Histogram of End-to-end request latency in seconds', m.e2e);
  return [...s.lines, ...w.lines].join('\n') + '\n';
}
