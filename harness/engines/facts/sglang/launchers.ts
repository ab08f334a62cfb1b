// How the official lmsysorg/sglang image starts the server. docker/Dockerfile of every release read has no
// ENTRYPOINT (0.5.9's runtime stage ends with CMD ["/bin/bash"]), so the container command is the whole
// launcher: `python3 -m sglang.launch_server --model-path MODEL`.
import type { LauncherFact } from '../types.ts';

export const SGLANG_LAUNCHERS: readonly LauncherFact[] = [
  {
    entrypoint: ['python3', '-m', 'sglang.launch_server'],
    model: 'flag',
    since: '0.4.0',
    until: null,
    note: 'The module parses sys.argv with ServerArgs (no positional model): the model is only --model-path, which is required=True (--model is an alias from 0.4.10). The image has no entrypoint, so the adapter passes the launcher as the command.',
    sources: [
      { release: '0.4.0', path: 'python/sglang/launch_server.py', line: 11, says: 'server_args = prepare_server_args(sys.argv[1:])' },
      { release: '0.4.6', path: 'python/sglang/launch_server.py', line: 11, says: 'server_args = prepare_server_args(sys.argv[1:])' },
      { release: '0.4.10', path: 'python/sglang/launch_server.py', line: 11, says: 'server_args = prepare_server_args(sys.argv[1:])' },
      { release: '0.5.0', path: 'python/sglang/launch_server.py', line: 11, says: 'server_args = prepare_server_args(sys.argv[1:])' },
      { release: '0.5.2', path: 'python/sglang/launch_server.py', line: 11, says: 'server_args = prepare_server_args(sys.argv[1:])' },
      { release: '0.5.4', path: 'python/sglang/launch_server.py', line: 11, says: 'server_args = prepare_server_args(sys.argv[1:])' },
      { release: '0.5.5', path: 'python/sglang/launch_server.py', line: 24, says: 'server_args = prepare_server_args(sys.argv[1:])' },
      { release: '0.5.6', path: 'python/sglang/launch_server.py', line: 24, says: 'server_args = prepare_server_args(sys.argv[1:])' },
      { release: '0.5.9', path: 'python/sglang/launch_server.py', line: 32, says: 'server_args = prepare_server_args(sys.argv[1:])' },
      { release: '0.4.0', path: 'python/sglang/srt/server_args.py', line: 225, says: '"--model-path"' },
      { release: '0.4.6', path: 'python/sglang/srt/server_args.py', line: 394, says: '"--model-path"' },
      { release: '0.4.10', path: 'python/sglang/srt/server_args.py', line: 592, says: '"--model-path"' },
      { release: '0.5.0', path: 'python/sglang/srt/server_args.py', line: 688, says: '"--model-path"' },
      { release: '0.5.2', path: 'python/sglang/srt/server_args.py', line: 860, says: '"--model-path"' },
      { release: '0.5.4', path: 'python/sglang/srt/server_args.py', line: 1568, says: '"--model-path"' },
      { release: '0.5.5', path: 'python/sglang/srt/server_args.py', line: 1862, says: '"--model-path"' },
      { release: '0.5.6', path: 'python/sglang/srt/server_args.py', line: 2051, says: '"--model-path"' },
      { release: '0.5.9', path: 'python/sglang/srt/server_args.py', line: 2873, says: '"--model-path"' },
    ],
  },
];
