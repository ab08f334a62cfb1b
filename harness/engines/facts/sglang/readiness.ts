// How SGLang's HTTP server says it is ready. launch_server starts the scheduler and detokenizer processes
// and waits for them (weights, KV cache, CUDA graph capture) before uvicorn listens; a warm-up thread
// then sends one /generate request and logs "The server is fired up and ready to roll!".
import type { ReadinessFact } from '../types.ts';

export const SGLANG_READINESS: readonly ReadinessFact[] = [
  {
    path: '/health',
    okStatus: 200,
    since: '0.4.0',
    until: '0.4.10',
    note: 'GET /health answers 200 as soon as uvicorn listens, which is after the model is loaded and graphs are captured but before the warm-up request has run.',
    sources: [
      { release: '0.4.0', path: 'python/sglang/srt/server.py', line: 115, says: '@app.get("/health")' },
      { release: '0.4.6', path: 'python/sglang/srt/entrypoints/http_server.py', line: 148, says: '@app.get("/health")' },
      { release: '0.4.10', path: 'python/sglang/srt/entrypoints/http_server.py', line: 232, says: '@app.get("/health")' },
      { release: '0.4.0', path: 'python/sglang/srt/server.py', line: 118, says: 'return Response(status_code=200)' },
      { release: '0.4.6', path: 'python/sglang/srt/entrypoints/http_server.py', line: 151, says: 'return Response(status_code=200)' },
      { release: '0.4.10', path: 'python/sglang/srt/entrypoints/http_server.py', line: 235, says: 'return Response(status_code=200)' },
    ],
  },
  {
    path: '/health',
    okStatus: 200,
    since: '0.5.0',
    until: null,
    note: 'GET /health shares the handler of /health_generate: 503 while the server status is Starting, which the warm-up sets to Up just before "fired up and ready to roll". Since 0.5.6 plain /health skips the one-token generation only when SGLANG_ENABLE_HEALTH_ENDPOINT_GENERATION is false (default true).',
    sources: [
      { release: '0.5.0', path: 'python/sglang/srt/entrypoints/http_server.py', line: 266, says: '@app.get("/health")' },
      { release: '0.5.2', path: 'python/sglang/srt/entrypoints/http_server.py', line: 344, says: '@app.get("/health")' },
      { release: '0.5.4', path: 'python/sglang/srt/entrypoints/http_server.py', line: 403, says: '@app.get("/health")' },
      { release: '0.5.5', path: 'python/sglang/srt/entrypoints/http_server.py', line: 405, says: '@app.get("/health")' },
      { release: '0.5.6', path: 'python/sglang/srt/entrypoints/http_server.py', line: 409, says: '@app.get("/health")' },
      { release: '0.5.9', path: 'python/sglang/srt/entrypoints/http_server.py', line: 453, says: '@app.get("/health")' },
      { release: '0.5.0', path: 'python/sglang/srt/entrypoints/http_server.py', line: 280, says: 'if _global_state.tokenizer_manager.server_status == ServerStatus.Starting:' },
      { release: '0.5.2', path: 'python/sglang/srt/entrypoints/http_server.py', line: 358, says: 'if _global_state.tokenizer_manager.server_status == ServerStatus.Starting:' },
      { release: '0.5.4', path: 'python/sglang/srt/entrypoints/http_server.py', line: 417, says: 'if _global_state.tokenizer_manager.server_status == ServerStatus.Starting:' },
      { release: '0.5.5', path: 'python/sglang/srt/entrypoints/http_server.py', line: 419, says: 'if _global_state.tokenizer_manager.server_status == ServerStatus.Starting:' },
      { release: '0.5.6', path: 'python/sglang/srt/entrypoints/http_server.py', line: 423, says: 'if _global_state.tokenizer_manager.server_status == ServerStatus.Starting:' },
      { release: '0.5.9', path: 'python/sglang/srt/entrypoints/http_server.py', line: 467, says: 'if _global_state.tokenizer_manager.server_status == ServerStatus.Starting:' },
    ],
  },
  {
    path: '/health_generate',
    okStatus: 200,
    since: '0.4.0',
    until: null,
    note: 'Generates one token through the scheduler; 200 once any output arrives within the health-check timeout, else 503.',
    sources: [
      { release: '0.4.0', path: 'python/sglang/srt/server.py', line: 121, says: '@app.get("/health_generate")' },
      { release: '0.4.6', path: 'python/sglang/srt/entrypoints/http_server.py', line: 154, says: '@app.get("/health_generate")' },
      { release: '0.4.10', path: 'python/sglang/srt/entrypoints/http_server.py', line: 238, says: '@app.get("/health_generate")' },
      { release: '0.5.0', path: 'python/sglang/srt/entrypoints/http_server.py', line: 267, says: '@app.get("/health_generate")' },
      { release: '0.5.2', path: 'python/sglang/srt/entrypoints/http_server.py', line: 345, says: '@app.get("/health_generate")' },
      { release: '0.5.4', path: 'python/sglang/srt/entrypoints/http_server.py', line: 404, says: '@app.get("/health_generate")' },
      { release: '0.5.5', path: 'python/sglang/srt/entrypoints/http_server.py', line: 406, says: '@app.get("/health_generate")' },
      { release: '0.5.6', path: 'python/sglang/srt/entrypoints/http_server.py', line: 410, says: '@app.get("/health_generate")' },
      { release: '0.5.9', path: 'python/sglang/srt/entrypoints/http_server.py', line: 454, says: '@app.get("/health_generate")' },
    ],
  },
];
