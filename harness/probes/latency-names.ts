// What other tools call each latency figure this harness computes (latency.ts), read from their
// sources, for the report's Formulas tab: the same word means different figures across tools
// (GuideLLM, AIPerf and genai-perf call vLLM's TPOT "ITL"), and the same figure has different
// names. null: the tool reports no such figure (or its source was not read — said in `notes`).

export const LATENCY_TOOLS = ['vllm bench serve', 'GuideLLM', 'AIPerf', 'genai-perf'] as const;
export type LatencyTool = (typeof LATENCY_TOOLS)[number];

export interface LatencyName {
  /** Our metric prefix (latency.ts: `<prefix>_p50_ms` …). */
  metric: string;
  figure: string;
  names: Record<LatencyTool, string | null>;
  /** Where a tool's definition differs from ours, and how. */
  notes: string[];
}

/** Where each tool's definitions were read. */
export const LATENCY_TOOL_SOURCES: Record<LatencyTool, string> = {
  'vllm bench serve': 'vLLM 0.19.0 (2a69949bdadf): vllm/benchmarks/serve.py, vllm/benchmarks/lib/endpoint_request_func.py',
  GuideLLM: 'vllm-project/guidellm@ef589a015c6d: src/guidellm/schemas/request_stats.py (GenerativeRequestStats)',
  AIPerf: 'ai-dynamo/aiperf: src/aiperf/metrics/types/ttft_metric.py@58028d5b, inter_chunk_latency_metric.py@58028d5b, inter_token_latency_metric.py@d2d69500',
  'genai-perf': 'triton-inference-server/perf_analyzer: genai-perf/genai_perf/profile_data_parser/llm_profile_data_parser.py (the ITL formula only)',
};

export const LATENCY_NAMES: readonly LatencyName[] = [
  {
    metric: 'ttft',
    figure: 'TTFT: first content chunk − request start',
    names: { 'vllm bench serve': 'TTFT', GuideLLM: 'time_to_first_token_ms', AIPerf: 'time_to_first_token (TTFT)', 'genai-perf': null },
    notes: ['vllm bench serve (chat) stops the clock at the first chunk with choices, the role-only chunk included (endpoint_request_func.py:347–352); AIPerf at the first content response, as here'],
  },
  {
    metric: 'itl',
    figure: 'ITL per chunk: gaps between consecutive content chunks, pooled',
    names: { 'vllm bench serve': 'ITL', GuideLLM: null, AIPerf: 'inter_chunk_latency (ICL)', 'genai-perf': null },
    notes: ['vllm bench serve pools every request\'s chunk gaps as ITL (endpoint_request_func.py:356, serve.py:450); with speculative decoding one chunk holds several tokens, so this is not a per-token latency', 'genai-perf keeps per-chunk gaps only for its ITL-by-position plot'],
  },
  {
    metric: 'itl_token',
    figure: 'ITL per token: each chunk gap / mean tokens per chunk of its request',
    names: { 'vllm bench serve': null, GuideLLM: null, AIPerf: null, 'genai-perf': null },
    notes: ['GuideLLM makes the same even-split assumption for its token timings: iter_tokens_per_iteration = (output tokens − 1) / (iterations − 1)'],
  },
  {
    metric: 'tpot',
    figure: 'TPOT: (e2e − TTFT) / (output tokens − 1), one value per request',
    names: { 'vllm bench serve': 'TPOT', GuideLLM: 'inter_token_latency_ms', AIPerf: 'inter_token_latency (ITL)', 'genai-perf': 'inter_token_latency' },
    notes: ['vllm bench serve: serve.py:446', 'GuideLLM\'s own time_per_output_token_ms is (last token − request start) / output tokens: TTFT included', 'AIPerf divides by output tokens − the first chunk\'s tokens when the server reports per-chunk usage'],
  },
  {
    metric: 'e2e',
    figure: 'e2e: last content chunk − request start',
    names: { 'vllm bench serve': 'E2EL', GuideLLM: null, AIPerf: null, 'genai-perf': null },
    notes: ['vllm bench serve ends at the last chunk read, a usage-only chunk included (endpoint_request_func.py:362–366, serve.py:452)'],
  },
  {
    metric: 'output_tokens_per_s',
    figure: 'output tokens/s: Σ output tokens / (last end − first start) of the group',
    names: { 'vllm bench serve': 'Output token throughput', GuideLLM: 'output_tokens_per_second', AIPerf: null, 'genai-perf': null },
    notes: ['vllm bench serve divides by the whole benchmark\'s duration (serve.py:569); GuideLLM\'s is per request: output tokens / request latency'],
  },
];
