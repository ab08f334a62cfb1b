// A log line written as a JSON record (NIM, structured Python logging, Kubernetes log shippers):
// its message (first line) is the line's text and its level the line's level; when the message is
// empty, the last line of the traceback it carries (`exc_info`, `stack_trace`) is. A record a terminal or a
// paste cut off is read field by field, as far as it goes. Pure.

const FIELD = (names: string): RegExp => new RegExp(`"(?:${names})"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)`);
const MESSAGE = FIELD('message|msg|log|text');
const LEVEL = FIELD('level|levelname|severity|lvl');
const TRACE = FIELD('exc_info|exception|stack_trace|stacktrace|traceback');

/** JSON string escapes (`\n`, `\"`, `\u00e9`) of a field that may be cut off inside one. */
function unescape(s: string): string {
  return s.replace(/\\(?:u([0-9a-fA-F]{4})|(.))/g, (_m, hex: string | undefined, c: string | undefined) =>
    hex ? String.fromCharCode(parseInt(hex, 16)) : c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '' : (c ?? ''),
  );
}

const lines = (s: string): string[] => s.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
const firstLine = (s: string): string => lines(s)[0] ?? '';
const lastLine = (s: string): string => lines(s).at(-1) ?? '';

/**
 * An OpenAI-compatible server's error response, as a client prints its body: vLLM's ErrorResponse, `{"object":"error","message":…,
 * "type":"BadRequestError","param":…,"code":400}` (Yuran-7/vllm-0.11 a88081bf768fcc1c662e4f588bd01ca9ddcc6aad:vllm/entrypoints/openai/protocol.py:14-19)
 * and, since its error moved under a key of its own, `{"error":{"message":…,"type":…,"param":…,"code":…}}` (jinhuang12/vllm v0.16.0
 * 2d5be1dd:vllm/entrypoints/openai/engine/protocol.py:58-66). Read as the exception its type names, with its message: a request failed.
 */
const ERROR_RESPONSE = /^\s*\{\s*"(?:object"\s*:\s*"error"|error"\s*:\s*\{)/;
const ERROR_TYPE = /"type"\s*:\s*"([A-Z]\w*(?:Error|Exception))"/;

/** The message and level of a JSON log record, or null when the line is not one. */
export function jsonRecord(s: string): { text: string; level: string | null } | null {
  if (!/^\s*\{\s*"/.test(s)) return null;
  const message = MESSAGE.exec(s);
  const trace = TRACE.exec(s);
  if (!message && !trace) return null;
  const type = ERROR_RESPONSE.test(s) ? ERROR_TYPE.exec(s) : null;
  if (message && type) return { text: `${type[1]}: ${firstLine(unescape(message[1]!))}`, level: 'ERROR' };
  const level = LEVEL.exec(s)?.[1]?.toUpperCase() ?? null;
  let text = message ? firstLine(unescape(message[1]!)) : '';
  if (text === '' && trace && !/^None$/i.test(trace[1]!)) text = lastLine(unescape(trace[1]!));
  return { text, level: level && /^(?:DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL|FATAL)$/.test(level) ? level.replace(/^WARN$/, 'WARNING').replace(/^FATAL$/, 'CRITICAL') : null };
}
