// The entrypoint of the official vllm/vllm-openai image (docker/Dockerfile, stage vllm-openai) and how
// it takes the model.
import type { LauncherFact } from '../types.ts';

export const VLLM_LAUNCHERS: readonly LauncherFact[] = [
  {
    entrypoint: ['python3', '-m', 'vllm.entrypoints.openai.api_server'],
    model: 'flag',
    since: '0.10.2',
    until: '0.11.0',
    note: 'The image runs api_server as a module: its parser takes a positional model_tag but its __main__ never copies it to args.model (only `vllm serve` does), so a positional model is ignored and the server loads ModelConfig\'s default model, Qwen/Qwen3-0.6B. The model must be passed as --model.',
    sources: [
      { release: '0.10.2', path: 'docker/Dockerfile', line: 535, says: 'ENTRYPOINT ["python3", "-m", "vllm.entrypoints.openai.api_server"]' },
      { release: '0.11.0', path: 'docker/Dockerfile', line: 542, says: 'ENTRYPOINT ["python3", "-m", "vllm.entrypoints.openai.api_server"]' },
      { release: '0.10.2', path: 'vllm/entrypoints/openai/cli_args.py', line: 238, says: 'parser.add_argument("model_tag"' },
      { release: '0.11.0', path: 'vllm/entrypoints/openai/cli_args.py', line: 241, says: 'parser.add_argument("model_tag"' },
      { release: '0.10.2', path: 'vllm/entrypoints/openai/api_server.py', line: 2006, says: 'args = parser.parse_args()' },
      { release: '0.11.0', path: 'vllm/entrypoints/openai/api_server.py', line: 1950, says: 'args = parser.parse_args()' },
      { release: '0.10.2', path: 'vllm/entrypoints/cli/serve.py', line: 41, says: 'args.model = args.model_tag' },
      { release: '0.11.0', path: 'vllm/entrypoints/cli/serve.py', line: 48, says: 'args.model = args.model_tag' },
      { release: '0.10.2', path: 'vllm/config/__init__.py', line: 277, says: 'model: str = "Qwen/Qwen3-0.6B"' },
      { release: '0.11.0', path: 'vllm/config/model.py', line: 92, says: 'model: str = "Qwen/Qwen3-0.6B"' },
    ],
  },
  {
    entrypoint: ['vllm', 'serve'],
    model: 'positional',
    since: '0.11.1',
    until: null,
    note: '`vllm serve MODEL`: the CLI copies the positional model_tag to args.model.',
    sources: [
      { release: '0.11.1', path: 'docker/Dockerfile', line: 500, says: 'ENTRYPOINT ["vllm", "serve"]' },
      { release: '0.12.0', path: 'docker/Dockerfile', line: 538, says: 'ENTRYPOINT ["vllm", "serve"]' },
      { release: '0.13.0', path: 'docker/Dockerfile', line: 596, says: 'ENTRYPOINT ["vllm", "serve"]' },
      { release: '0.14.0', path: 'docker/Dockerfile', line: 667, says: 'ENTRYPOINT ["vllm", "serve"]' },
      { release: '0.15.0', path: 'docker/Dockerfile', line: 821, says: 'ENTRYPOINT ["vllm", "serve"]' },
      { release: '0.16.0', path: 'docker/Dockerfile', line: 815, says: 'ENTRYPOINT ["vllm", "serve"]' },
      { release: '0.17.0', path: 'docker/Dockerfile', line: 817, says: 'ENTRYPOINT ["vllm", "serve"]' },
      { release: '0.18.0', path: 'docker/Dockerfile', line: 819, says: 'ENTRYPOINT ["vllm", "serve"]' },
      { release: '0.19.0', path: 'docker/Dockerfile', line: 841, says: 'ENTRYPOINT ["vllm", "serve"]' },
      { release: '0.11.1', path: 'vllm/entrypoints/cli/serve.py', line: 50, says: 'args.model = args.model_tag' },
      { release: '0.12.0', path: 'vllm/entrypoints/cli/serve.py', line: 51, says: 'args.model = args.model_tag' },
      { release: '0.13.0', path: 'vllm/entrypoints/cli/serve.py', line: 51, says: 'args.model = args.model_tag' },
      { release: '0.14.0', path: 'vllm/entrypoints/cli/serve.py', line: 51, says: 'args.model = args.model_tag' },
      { release: '0.15.0', path: 'vllm/entrypoints/cli/serve.py', line: 51, says: 'args.model = args.model_tag' },
      { release: '0.16.0', path: 'vllm/entrypoints/cli/serve.py', line: 51, says: 'args.model = args.model_tag' },
      { release: '0.17.0', path: 'vllm/entrypoints/cli/serve.py', line: 51, says: 'args.model = args.model_tag' },
      { release: '0.18.0', path: 'vllm/entrypoints/cli/serve.py', line: 51, says: 'args.model = args.model_tag' },
      { release: '0.19.0', path: 'vllm/entrypoints/cli/serve.py', line: 46, says: 'args.model = args.model_tag' },
    ],
  },
];
