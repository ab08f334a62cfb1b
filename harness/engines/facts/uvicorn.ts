// uvicorn's own startup lines, which both vLLM's and SGLang's OpenAI servers print through it (uvicorn
// is a library, not the engine: its lines come from its source, read at a uvicorn tag). Neither
// engine pins uvicorn: vLLM requires `fastapi[standard] >= 0.115.0` (2a69949bdadf:requirements/common.txt:13,
// the same line in every release read from 0.10.2), which pulls uvicorn in unpinned; SGLang lists
// "uvicorn" unpinned (0c006b8809cd:python/pyproject.toml:71). An image holds whatever pip resolved on
// the day it was built; these four lines have kept their words across the uvicorn releases read.
import type { LogLineFact, ReleaseRead } from './types.ts';

export const UVICORN_READ: ReleaseRead = {
  version: '0.35.0',
  commit: 'daecb45327702efe8f702f46fb0870c2d6357837',
  kind: 'tag',
  mirror: 'encode/uvicorn',
  note: 'tag 0.35.0, the newest the mirror carries',
};

const U = UVICORN_READ.version;

export const UVICORN_LOG_LINES: readonly LogLineFact[] = [
  {
    phase: 'serve',
    text: 'Started server process [%d]',
    since: U,
    until: null,
    definedIn: ['uvicorn/server.py'],
    sources: [{ release: U, path: 'uvicorn/server.py', line: 82, says: 'message = "Started server process [%d]"' }],
  },
  {
    phase: 'serve',
    text: 'Waiting for application startup.',
    since: U,
    until: null,
    definedIn: ['uvicorn/lifespan/on.py'],
    sources: [{ release: U, path: 'uvicorn/lifespan/on.py', line: 48, says: 'self.logger.info("Waiting for application startup.")' }],
  },
  {
    phase: 'serve',
    text: 'Application startup complete.',
    since: U,
    until: null,
    definedIn: ['uvicorn/lifespan/on.py'],
    sources: [{ release: U, path: 'uvicorn/lifespan/on.py', line: 62, says: 'self.logger.info("Application startup complete.")' }],
  },
  {
    phase: 'serve',
    text: 'Uvicorn running on %s (Press CTRL+C to quit)',
    since: U,
    until: null,
    note: 'Logged only when uvicorn binds the socket itself (SGLang: uvicorn.run(host, port)); a server handed its sockets, as vLLM\'s serve_http does, skips it.',
    definedIn: ['uvicorn/server.py'],
    sources: [
      { release: U, path: 'uvicorn/server.py', line: 214, says: 'message = f"Uvicorn running on {addr_format} (Press CTRL+C to quit)"' },
      { release: U, path: 'uvicorn/server.py', line: 180, says: 'if sockets is None:' },
    ],
  },
];
