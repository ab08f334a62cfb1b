// Environment variables NIM for LLMs documents that the adapter or the emulator uses.
import type { EnvFact } from '../types.ts';

export const NIM_ENV: readonly EnvFact[] = [
  {
    name: 'NGC_API_KEY',
    since: '2.0.9',
    until: null,
    definedIn: ['deployment/model-download.html'],
    effect: 'Authenticates the download of the model profile from NGC; NGC_CLI_API_KEY is read first when both are set.',
    sources: [
      { release: '2.1.6', path: 'https://docs.nvidia.com/nim/large-language-models/latest/deployment/model-download.html', line: 0, says: 'NGC uses API key authentication. NIM checks the following environment variables in order of priority' },
      { release: '2.0.9', path: 'https://docs.nvidia.com/nim/large-language-models/2.0.9/reference/environment-variables.html', line: 0, says: '-e NGC_API_KEY' },
    ],
  },
  {
    name: 'NIM_MODEL_PROFILE',
    since: '2.0.9',
    until: null,
    definedIn: ['reference/environment-variables.html'],
    effect: 'Picks a profile (variant, precision, parallelism); unset, NIM auto-selects one for the GPUs it detects.',
    sources: [
      { release: '2.0.9', path: 'https://docs.nvidia.com/nim/large-language-models/2.0.9/reference/environment-variables.html', line: 0, says: 'Selects which model profile to use. Profiles define a validated combination of model variant, precision, and parallelism settings for a given GPU configuration.' },
      { release: '2.0.9', path: 'https://docs.nvidia.com/nim/large-language-models/2.0.9/reference/environment-variables.html', line: 0, says: 'auto-selected based on detected GPU hardware' },
    ],
  },
  {
    name: 'NIM_MAX_MODEL_LEN',
    since: '1.10.0',
    until: null,
    definedIn: ['configuration.html'],
    effect: 'Overrides the model context length (the vLLM --max-model-len). Only the Model Configuration table\'s introduction was read ("set the context length"); the table row itself was not in the text read, and the 2.x pages read do not name it (2.x maps NIM_* variables to vLLM arguments; deployments of 2.0.12 set it).',
    sources: [
      { release: '1.10.0', path: 'https://docs.nvidia.com/nim/large-language-models/1.10.0/configuration.html', line: 0, says: 'Use them to select a model profile, load a custom model, set the context length' },
    ],
  },
  {
    name: 'NIM_SERVER_PORT',
    since: '2.0.9',
    until: null,
    definedIn: ['reference/environment-variables.html'],
    effect: 'Port of the HTTP API inside the container; the documented examples publish 8000.',
    sources: [
      { release: '2.0.9', path: 'https://docs.nvidia.com/nim/large-language-models/2.0.9/reference/environment-variables.html', line: 0, says: '-e NIM_SERVER_PORT=8000' },
      { release: '2.0.9', path: 'https://docs.nvidia.com/nim/large-language-models/2.0.9/reference/environment-variables.html', line: 0, says: '-p 8000:8000' },
    ],
  },
  {
    name: 'NIM_PASSTHROUGH_ARGS',
    since: '2.0.0',
    until: null,
    definedIn: ['reference/advanced-configuration.html'],
    effect: 'vLLM CLI-style arguments; below arguments after nim-serve and above NIM_* variables in priority.',
    sources: [
      { release: '2.0.0', path: 'https://docs.nvidia.com/nim/large-language-models/2.0.0/reference/advanced-configuration.html', line: 0, says: 'NIM_PASSTHROUGH_ARGS environment variable, parsed as CLI-style arguments' },
    ],
  },
];
