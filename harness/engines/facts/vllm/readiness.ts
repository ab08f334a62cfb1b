// How the OpenAI server of vLLM says it is ready.
import type { ReadinessFact } from '../types.ts';

export const VLLM_READINESS: readonly ReadinessFact[] = [
  {
    path: '/health',
    okStatus: 200,
    since: '0.10.2',
    until: null,
    note: 'GET /health answers 200 once the engine client is up; the HTTP server only listens after the engine has started (weights, profiling, KV cache and graph capture are done before uvicorn starts).',
    sources: [
      { release: '0.10.2', path: 'vllm/entrypoints/openai/api_server.py', line: 447, says: '@router.get("/health"' },
      { release: '0.11.0', path: 'vllm/entrypoints/openai/api_server.py', line: 345, says: '@router.get("/health"' },
      { release: '0.11.1', path: 'vllm/entrypoints/openai/api_server.py', line: 361, says: '@router.get("/health"' },
      { release: '0.12.0', path: 'vllm/entrypoints/openai/api_server.py', line: 368, says: '@router.get("/health"' },
      { release: '0.13.0', path: 'vllm/entrypoints/serve/instrumentator/health.py', line: 22, says: '@router.get("/health"' },
      { release: '0.14.0', path: 'vllm/entrypoints/serve/instrumentator/health.py', line: 22, says: '@router.get("/health"' },
      { release: '0.15.0', path: 'vllm/entrypoints/serve/instrumentator/health.py', line: 22, says: '@router.get("/health"' },
      { release: '0.16.0', path: 'vllm/entrypoints/serve/instrumentator/health.py', line: 22, says: '@router.get("/health"' },
      { release: '0.17.0', path: 'vllm/entrypoints/serve/instrumentator/health.py', line: 22, says: '@router.get("/health"' },
      { release: '0.18.0', path: 'vllm/entrypoints/serve/instrumentator/health.py', line: 22, says: '@router.get("/health"' },
      { release: '0.19.0', path: 'vllm/entrypoints/serve/instrumentator/health.py', line: 22, says: '@router.get("/health"' },
    ],
  },
];
