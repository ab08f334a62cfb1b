// Reading a log the way a person does: strip the noise each line carries (ANSI colours, process
// prefixes, logger headers, timestamps, quote and fence marks of a pasted issue) so that patterns
// see the message itself, while the evidence keeps the original line and its 1-based number. Pure.
import { processKeys } from './process-key.ts';

export interface LogLine {
  /** 1-based line number in the original text. */
  n: number;
  /** The original line (right-trimmed, ANSI escapes removed). */
  raw: string;
  /** The message with prefixes, logger header and quote marks removed. */
  text: string;
  /** Logger level when the line carries one (INFO, WARNING, ERROR, …), upper case. */
  level: string | null;
  /** A header line such as `# source: <url>` that is not part of the log. */
  header: boolean;
  /** The process or rank that wrote it (see process-key.ts); null for the main, untagged output. */
  proc: string | null;
}

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*(?:\x07|\x1b\\)/g;

/** Leading prefixes, removed repeatedly in any order. */
const PREFIXES: RegExp[] = [
  /^\s*>\s?/, // markdown quote of a pasted log
  /^\s*[│|]\s?/, // box-drawing frames and `docker compose` column separators
  /^\s*\*\*/, // bold marks around pasted lines
  /^\s*[-*+] (?=\S)/, // a markdown bullet in front of a pasted line
  /^\s*(?:<\/?[a-zA-Z][^>]*>\s*)+/, // HTML colour tags of a log copied from a terminal page
  /^\s*\S{3,5} {1,2}\d{1,2} \d\d:\d\d:\d\d [\w.-]+ [\w.-]+\[\d+\]:\s/, // journald / syslog: `Aug 18 14:15:04 host python3[1]: `
  /^\s*\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?\s+/, // docker --timestamps
  /^\s*[\w.-]+-\d+\s+\|\s/, // docker compose service prefix: `runner-llm-1  | `
  /^\s*\((?:[\w.-]+(?:\s+rank=\d+)?\s+)?pid=[^)]*\)\s?/, // (EngineCore_DP0 pid=1) (VllmWorker rank=1 pid=2)
  /^\s*\([\w.-]+(?:\s+pid=\d+)?(?:,\s*ip=[\d.]+)?\)\s?/, // (RayWorkerWrapper pid=1, ip=…) (APIServer)
  /^\s*\[rank\d+\]:\s?/, // [rank0]:
  /^\s*\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:[.,]\d+)?(?: [^\]]*)?\]\s?/, // SGLang: [2025-01-01 10:00:00 TP0]
  /^\s*\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?\s+/, // generic timestamps
];

/** vLLM's logger header: `ERROR 07-07 15:19:51 [core.py:515] ` or the older `INFO 12-25 12:06:02 file.py:123] `. */
const VLLM_HEADER = /^\s*(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\s+\d\d-\d\d\s+\d\d:\d\d:\d\d(?:\.\d+)?\s+(?:\[?[\w./-]+(?::\d+)?\]\s?|core\.py[^\]]*\]\s?)?/;
/** Python logging default / SGLang header: `ERROR:root:`, `WARNING:sglang…:`, `INFO: `. */
const PY_HEADER = /^\s*(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL):(?:[\w.]*:)?\s?/;
/** Header lines the harness or a human adds on top of a stored log. */
const SOURCE_HEADER = /^#\s*(?:source|label|note|url|decides|split|category):/i;
const FENCE = /^\s*(?:```|~~~)[\w-]*\s*$/;
/** Markdown and HTML of a pasted issue that carry no log text: `<details>`, `<summary>…</summary>`, `</pre>`. */
const MARKUP = /^\s*(?:<\/?(?:details|summary|pre|p|code|br|div)\b[^>]*>\s*)+(?:[^<]*<\/summary>\s*)?$/i;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

/** The message of one line, without its noise. */
export function cleanLine(line: string): { text: string; level: string | null } {
  let s = stripAnsi(line).replace(/\r$/, '');
  let level: string | null = null;
  for (let guard = 0; guard < 8; guard++) {
    const before = s;
    for (const p of PREFIXES) s = s.replace(p, '');
    const v = VLLM_HEADER.exec(s) ?? PY_HEADER.exec(s);
    if (v) {
      level ??= v[1]!.toUpperCase().replace(/^WARN$/, 'WARNING');
      s = s.slice(v[0].length);
    }
    if (s === before) break;
  }
  return { text: s.replace(/\*\*\s*$/, '').trimEnd(), level };
}

/** Splits a log into numbered, cleaned lines. */
export function readLog(text: string): LogLine[] {
  const raws = text.split('\n').map((line) => stripAnsi(line).replace(/\r$/, '').trimEnd());
  const procs = processKeys(raws);
  return raws.map((raw, i) => {
    const header = (i < 5 && SOURCE_HEADER.test(raw)) || FENCE.test(raw) || MARKUP.test(raw);
    const { text: cleaned, level } = header ? { text: '', level: null } : cleanLine(raw);
    return { n: i + 1, raw, text: cleaned, level, header, proc: procs[i]! };
  });
}

/** `ValueError: …`, `torch.OutOfMemoryError: …`, `AssertionError` — the line that names an exception. */
const EXCEPTION = /^\s*(?:[A-Za-z_][\w]*\.)*[A-Z]\w*(?:Error|Exception|Failed|Interrupt)(?::\s|:$|$)/;
const NOT_EXCEPTION = /^\s*(?:File "|raise\b|except\b|from\b|import\b|#)/;

/** Errors that are not Python exceptions but end a start all the same (Docker, the CUDA runtime). */
const ERROR_LINE = /^\s*(?:docker: )?Error response from daemon:|^\s*CUDA error \d+ at /;

/** An exception logged by its repr at ERROR level: `AssertionError('Only … is supported.')`. */
const EXCEPTION_REPR = /^\s*(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception)\((?:['"]|$)/;

export function isExceptionLine(l: LogLine): boolean {
  if (l.header || NOT_EXCEPTION.test(l.text)) return false;
  return EXCEPTION.test(l.text) || ERROR_LINE.test(l.text) || ((l.level === 'ERROR' || l.level === 'CRITICAL') && EXCEPTION_REPR.test(l.text));
}

/** Messages that only announce that something else failed earlier ("see root cause above"). */
const WRAPPERS: RegExp[] = [
  /Engine core initialization failed/i,
  /EngineCore failed to start/i,
  /EngineDeadError/,
  /EngineCore encountered an issue/i,
  /WorkerProc (?:failed to start|hit an exception)/i,
  /Worker failed with error/i,
  /Exception in worker \S+ while processing method/i,
  /Scheduler hit an exception/i,
  /Received sigquit from a child process/i,
  /Initialization failed\. See root cause above/i,
  /Initialization failed/i,
  /RayTaskError|ActorDiedError/,
  /CalledProcessError/,
  /Error raised in subprocess/, // vLLM's model registry: the subprocess's own traceback follows

  /BrokenPipeError|ConnectionResetError|ZMQError/,
  /^\s*(?:RuntimeError|Exception): *$/,
  /During handling of the above exception|The above exception was the direct cause/,
];

export function isWrapperLine(l: LogLine): boolean {
  return WRAPPERS.some((w) => w.test(l.text));
}

/** Messages (not exceptions) by which an engine announces that its start failed. */
const START_FAILED = /EngineCore failed to start|WorkerProc (?:failed to start|hit an exception)|Scheduler hit an exception|Engine core initialization failed|Received sigquit from a child process/i;

/** A line that says the start failed without naming why (it points at a root cause elsewhere). */
export function isStartFailedLine(l: LogLine): boolean {
  return !l.header && (l.level === null || l.level === 'ERROR' || l.level === 'CRITICAL') && START_FAILED.test(l.text);
}

/** Lines that say the server came up. */
const READY = [/Application startup complete/i, /The server is fired up and ready to roll/i, /Uvicorn running on/i];

export function isReadyLine(l: LogLine): boolean {
  return READY.some((r) => r.test(l.text));
}
