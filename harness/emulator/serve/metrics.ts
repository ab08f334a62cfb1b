// Counters and histograms of the emulated server, rendered in Prometheus text format 0.0.4 the
// way Python's prometheus_client writes them (vLLM and SGLang both use it): counter families
// named with `_total`, histogram `_bucket{le=…}` / `_count` / `_sum`, float values ("1.0").
// SGLang's families and their types, per release, come from engines/facts/sglang/metrics.ts.
import { sglangDefault, sglangRelease, SGLANG_FACTS } from '../../engines/sglang-facts.ts';
import { factsAt } from '../../engines/facts/query.ts';

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
  /** SGLang's scheduler sums since its last decode log (accepted tokens with the bonus one, verify steps). */
  readonly specWindow = { tokens: 0, steps: 0, batches: 0 };
  /** SGLang's gauges as the last decode log set them (0 before the first). */
  specAcceptLengthGauge = 0;
  specAcceptRateGauge = 0;
  constructor(
    readonly numSpeculativeTokens: number,
    /** SGLang decode_log_interval: the gauges are set every this many decode batches. */
    readonly decodeLogInterval: number = sglangDecodeLogInterval(null),
  ) {
    this.specAcceptedPerPos = Array.from({ length: numSpeculativeTokens }, () => 0);
  }

  /** One decoding step that verified `drafted` draft tokens and accepted the first `accepted`. */
  recordSpecStep(drafted: number, accepted: number): void {
    this.specDrafts++;
    this.specDraftTokens += drafted;
    this.specAccepted += accepted;
    for (let i = 0; i < accepted; i++) this.specAcceptedPerPos[i]!++;
    this.sglangDecodeBatch(drafted, accepted);
  }

  /**
   * SGLang (scheduler_metrics_mixin.py): each decode batch adds accepted + 1 tokens and one verify
   * step; every decode_log_interval batches the log sets spec_accept_length = tokens / steps and
   * spec_accept_rate = tokens / (steps × draft tokens per step, the root included), then resets.
   */
  private sglangDecodeBatch(drafted: number, accepted: number): void {
    const w = this.specWindow;
    w.tokens += accepted + 1;
    w.steps++;
    w.batches++;
    if (w.batches % this.decodeLogInterval !== 0) return;
    this.specAcceptLengthGauge = w.tokens / w.steps;
    this.specAcceptRateGauge = w.tokens / (w.steps * (drafted + 1));
    w.tokens = 0;
    w.steps = 0;
  }
}

/** decode_log_interval's default at `version` (facts: spec-metrics-window, "decode_log_interval=40"). */
export function sglangDecodeLogInterval(version: string | null): number {
  const value = sglangDefault('spec-metrics-window', version) ?? sglangDefault('spec-metrics-window', null);
  const n = /decode_log_interval=(\d+)/.exec(value ?? '');
  if (!n) throw new Error('sglang facts give no decode_log_interval');
  return Number(n[1]);
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

/** The SGLang metric families `version` declares, by name, with their types. */
function sglangFamilies(version: string | null): Map<string, 'counter' | 'gauge' | 'histogram'> {
  const release = sglangRelease(version);
  return new Map(factsAt(SGLANG_FACTS, SGLANG_FACTS.metrics, release).map((m) => [m.exposed, m.type]));
}

/**
 * SGLang's /metrics (served only with --enable-metrics): tokenizer-side counters and histograms
 * labelled engine_type and model_name; scheduler gauges also tp_rank. The speculative gauges are the
 * last decode log's values (see ServerMetrics.sglangDecodeBatch). Only the families `version` declares.
 */
export function renderSglangMetrics(m: ServerMetrics, modelName: string, speculative: boolean, version: string | null = null): string {
  const has = sglangFamilies(version);
  const s = new Writer([['engine_type', 'unified'], ['model_name', modelName], ['tp_rank', '0']], true);
  const gauge = (name: string, help: string, v: number) => {
    if (has.get(name) === 'gauge') s.gauge(name, help, v);
  };
  gauge('sglang:num_running_reqs', 'The number of running requests.', m.running);
  gauge('sglang:num_queue_reqs', 'The number of requests in the waiting queue.', 0);
  gauge('sglang:num_used_tokens', 'The number of used tokens.', 0);
  gauge('sglang:token_usage', 'The token usage.', 0);
  gauge('sglang:gen_throughput', 'The generation throughput (token/s).', 0);
  gauge('sglang:cache_hit_rate', 'The prefix cache hit rate.', 0);
  if (speculative) {
    gauge('sglang:spec_accept_length', 'The average acceptance length of speculative decoding.', m.specAcceptLengthGauge);
    gauge('sglang:spec_accept_rate', 'The average acceptance rate of speculative decoding (`accepted tokens / total draft tokens` in batch).', m.specAcceptRateGauge);
  }
  const w = new Writer([['engine_type', 'unified'], ['model_name', modelName]], true);
  const counter = (name: string, help: string, v: number) => {
    if (has.get(name) === 'counter') w.counter(name, help, v);
  };
  const histogram = (name: string, help: string, h: Histogram) => {
    if (has.get(name) === 'histogram') w.histogram(name, help, h);
  };
  counter('sglang:prompt_tokens_total', 'Number of prefill tokens processed.', m.promptTokens);
  counter('sglang:generation_tokens_total', 'Number of generation tokens processed.', m.generationTokens);
  counter('sglang:num_requests_total', 'Number of requests processed.', Object.values(m.requestsByFinish).reduce((a, b) => a + b, 0));
  histogram('sglang:time_to_first_token_seconds', 'Histogram of time to first token in seconds.', m.ttft);
  histogram('sglang:time_per_output_token_seconds', 'Histogram of time per output token in seconds.', m.itl);
  histogram('sglang:inter_token_latency_seconds', 'Histogram of inter-token latency in seconds.', m.itl);
  histogram('sglang:e2e_request_latency_seconds', 'Histogram of End-to-end request latency in seconds', m.e2e);
  return [...s.lines, ...w.lines].join('\n') + '\n';
}
