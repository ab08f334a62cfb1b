// How a NIM for LLMs container starts: the image's own entrypoint runs the server (nim-serve in 2.x);
// a command, when given, is handed to it as vLLM-style arguments.
import type { LauncherFact } from '../types.ts';

export const NIM_LAUNCHERS: readonly LauncherFact[] = [
  {
    entrypoint: ['nim-serve'],
    model: 'positional',
    since: '2.0.0',
    until: null,
    note: 'The adapter passes no command: the image serves its own model (or NIM_MODEL_PATH). Arguments after the image reach nim-serve in vLLM CLI format; a positional model overrides NIM_MODEL_PATH.',
    sources: [
      { release: '2.0.0', path: 'https://docs.nvidia.com/nim/large-language-models/2.0.0/reference/advanced-configuration.html', line: 0, says: 'Command-line arguments passed to the container after nim-serve. These use vLLM’s CLI argument format' },
      { release: '2.0.0', path: 'https://docs.nvidia.com/nim/large-language-models/2.0.0/deployment/model-free-nim.html', line: 0, says: 'Supply the model via either of these methods. If both are provided, the CLI positional argument takes precedence.' },
    ],
  },
];
