// Environment variables SGLang honours that change what the harness sees.
import type { EnvFact } from '../types.ts';

export const SGLANG_ENV: readonly EnvFact[] = [
  {
    name: 'SGLANG_ENABLE_HEALTH_ENDPOINT_GENERATION',
    effect: 'Default true: GET /health also generates one token (like /health_generate); false makes /health answer 200 without generating once the server is Up.',
    definedIn: ['python/sglang/srt/environ.py', 'python/sglang/srt/entrypoints/http_server.py'],
    since: '0.5.6',
    until: null,
    sources: [
      { release: '0.5.6', path: 'python/sglang/srt/environ.py', line: 335, says: 'SGLANG_ENABLE_HEALTH_ENDPOINT_GENERATION = EnvBool(True)' },
      { release: '0.5.9', path: 'python/sglang/srt/environ.py', line: 462, says: 'SGLANG_ENABLE_HEALTH_ENDPOINT_GENERATION = EnvBool(True)' },
      { release: '0.5.6', path: 'python/sglang/srt/entrypoints/http_server.py', line: 427, says: 'not envs.SGLANG_ENABLE_HEALTH_ENDPOINT_GENERATION.get()' },
      { release: '0.5.9', path: 'python/sglang/srt/entrypoints/http_server.py', line: 471, says: 'not envs.SGLANG_ENABLE_HEALTH_ENDPOINT_GENERATION.get()' },
    ],
  },
];
