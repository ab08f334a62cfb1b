// Python packages vLLM pins that decide which checkpoints load (requirements/common.txt).
import type { PinFact } from '../types.ts';

export const VLLM_PINS: readonly PinFact[] = [
  {
    package: 'transformers',
    requirement: '>= 4.55.2',
    since: '0.10.2',
    until: '0.11.0',
    definedIn: ['requirements/common.txt'],
    sources: [
      { release: '0.10.2', path: 'requirements/common.txt', line: 10, says: 'transformers >= 4.55.2' },
      { release: '0.11.0', path: 'requirements/common.txt', line: 10, says: 'transformers >= 4.55.2' },
    ],
  },
  {
    package: 'transformers',
    requirement: '>= 4.56.0, < 5',
    since: '0.11.1',
    until: null,
    definedIn: ['requirements/common.txt'],
    sources: [
      { release: '0.11.1', path: 'requirements/common.txt', line: 10, says: 'transformers >= 4.56.0, < 5' },
      { release: '0.12.0', path: 'requirements/common.txt', line: 10, says: 'transformers >= 4.56.0, < 5' },
      { release: '0.13.0', path: 'requirements/common.txt', line: 10, says: 'transformers >= 4.56.0, < 5' },
      { release: '0.14.0', path: 'requirements/common.txt', line: 10, says: 'transformers >= 4.56.0, < 5' },
      { release: '0.15.0', path: 'requirements/common.txt', line: 10, says: 'transformers >= 4.56.0, < 5' },
      { release: '0.16.0', path: 'requirements/common.txt', line: 10, says: 'transformers >= 4.56.0, < 5' },
      { release: '0.17.0', path: 'requirements/common.txt', line: 10, says: 'transformers >= 4.56.0, < 5' },
      { release: '0.18.0', path: 'requirements/common.txt', line: 10, says: 'transformers >= 4.56.0, < 5' },
      { release: '0.19.0', path: 'requirements/common.txt', line: 10, says: 'transformers >= 4.56.0, < 5' },
    ],
  },
];
