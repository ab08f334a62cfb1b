// NIM for LLMs defaults the harness relies on: the model cache directory and the metrics endpoint.
import type { DefaultFact } from '../types.ts';

export const NIM_DEFAULTS: readonly DefaultFact[] = [
  {
    id: 'cache-dir',
    value: '/opt/nim/.cache',
    since: '2.0.9',
    until: null,
    note: 'The model cache inside the container; the documented docker run mounts the host cache there.',
    sources: [
      { release: '2.0.9', path: 'https://docs.nvidia.com/nim/large-language-models/2.0.9/reference/environment-variables.html', line: 0, says: '-v "$LOCAL_NIM_CACHE:/opt/nim/.cache"' },
    ],
  },
  {
    id: 'metrics-endpoint',
    value: '/v1/metrics',
    since: '2.0.0',
    until: null,
    note: 'Prometheus metrics at GET /v1/metrics. The page names no metric; NIM 2.x serves through vLLM, whose names the adapter reads (an assumption the docs read do not state).',
    sources: [
      { release: '2.0.0', path: 'https://docs.nvidia.com/nim/large-language-models/2.0.0/reference/api-reference.html', line: 0, says: 'Prometheus-compatible metrics including request latency, throughput, queue depth, and GPU utilization.' },
      { release: '2.0.0', path: 'https://docs.nvidia.com/nim/large-language-models/2.0.0/reference/api-reference.html', line: 0, says: 'NIM for LLMs exposes an OpenAI-compatible inference API backed by vLLM' },
    ],
  },
];
