// How a NIM for LLMs container says it is ready (NIM management endpoints, 2.x API reference).
import type { ReadinessFact } from '../types.ts';

export const NIM_READINESS: readonly ReadinessFact[] = [
  {
    path: '/v1/health/ready',
    okStatus: 200,
    since: '2.0.0',
    until: null,
    note: 'GET /v1/health/live answers 200 as soon as the container runs; /v1/health/ready only once the model is loaded.',
    sources: [
      { release: '2.0.0', path: 'https://docs.nvidia.com/nim/large-language-models/2.0.0/reference/api-reference.html', line: 0, says: 'Returns 200 OK when the model is loaded and ready to accept inference requests.' },
      { release: '2.0.0', path: 'https://docs.nvidia.com/nim/large-language-models/2.0.0/reference/api-reference.html', line: 0, says: 'Returns 200 OK when the container is running.' },
    ],
  },
];
