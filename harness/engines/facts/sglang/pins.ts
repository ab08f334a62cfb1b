// Python packages SGLang pins that decide which checkpoints load (python/pyproject.toml). 0.4.0 pins no
// transformers itself: it takes whatever its vllm requirement brings.
import type { PinFact } from '../types.ts';

export const SGLANG_PINS: readonly PinFact[] = [
  {
    package: 'transformers',
    requirement: '==4.51.1',
    since: '0.4.6',
    until: '0.4.6',
    definedIn: ['python/pyproject.toml'],
    sources: [
      { release: '0.4.6', path: 'python/pyproject.toml', line: 41, says: '"transformers==4.51.1"' },
    ],
  },
  {
    package: 'transformers',
    requirement: '==4.54.1',
    since: '0.4.10',
    until: '0.4.10',
    definedIn: ['python/pyproject.toml'],
    sources: [
      { release: '0.4.10', path: 'python/pyproject.toml', line: 48, says: '"transformers==4.54.1"' },
    ],
  },
  {
    package: 'transformers',
    requirement: '==4.55.2',
    since: '0.5.0',
    until: '0.5.0',
    definedIn: ['python/pyproject.toml'],
    sources: [
      { release: '0.5.0', path: 'python/pyproject.toml', line: 53, says: '"transformers==4.55.2"' },
    ],
  },
  {
    package: 'transformers',
    requirement: '==4.56.1',
    since: '0.5.2',
    until: '0.5.2',
    definedIn: ['python/pyproject.toml'],
    sources: [
      { release: '0.5.2', path: 'python/pyproject.toml', line: 53, says: '"transformers==4.56.1"' },
    ],
  },
  {
    package: 'transformers',
    requirement: '==4.57.1',
    since: '0.5.4',
    until: null,
    definedIn: ['python/pyproject.toml'],
    sources: [
      { release: '0.5.4', path: 'python/pyproject.toml', line: 68, says: '"transformers==4.57.1"' },
      { release: '0.5.5', path: 'python/pyproject.toml', line: 70, says: '"transformers==4.57.1"' },
      { release: '0.5.6', path: 'python/pyproject.toml', line: 72, says: '"transformers==4.57.1"' },
      { release: '0.5.9', path: 'python/pyproject.toml', line: 74, says: '"transformers==4.57.1"' },
    ],
  },
  {
    package: 'vllm',
    requirement: '>=0.6.3.post1',
    since: '0.4.0',
    until: '0.4.0',
    definedIn: ['python/pyproject.toml'],
    sources: [
      { release: '0.4.0', path: 'python/pyproject.toml', line: 26, says: '"vllm>=0.6.3.post1"' },
    ],
  },
];
