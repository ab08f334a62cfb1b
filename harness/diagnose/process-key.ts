// Which process (or rank) wrote a log line: the tag an engine puts in front of every line of a
// worker — `(VllmWorker rank=1 pid=242)`, `(Worker_TP1 pid=9)`, `(EngineCore_DP0 pid=73)`,
// `[rank1]:`, SGLang's `[2025-01-01 10:00:00 TP6]`, journald's `python3[28059]:`. Lines of one key
// form one process's output, so interleaved tracebacks of several ranks can be read apart. Pure.

import type { LogLine } from '../core/log-line.ts';
import { PROG_ERROR } from './python-lines.ts';

/** Tags that name a process; every one found on a line is part of its key. */
const TAGS: RegExp[] = [
  /\(([\w.-]+(?:\s+rank=\d+)?)\s+pid=(\d+)(?:,\s*ip=[\d.]+)?\)/, // (VllmWorker rank=1 pid=2), (RayWorkerWrapper pid=1, ip=…)
  /^\s*(?:\S+\s+\|\s)?\((APIServer|EngineCore(?:_DP\d+)?|Worker(?:_\w+)?)\)/, // (APIServer) without pid
  /\[(rank\d+)\]:/, // torch.distributed's [rank1]:
  /^\s*\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:[.,]\d+)? ((?:(?:DP|PP|TP|EP)\d+\s*)+)\]/, // SGLang [… DP0 TP6]
  /^\s*\S{3,5} {1,2}\d{1,2} \d\d:\d\d:\d\d (?:[\w.-]+ )?[\w.-]+\[(\d+)\]:/, // journald python3[28059]: (its host, too, may be left out)
];

/** SGLang logs a traceback as one multi-line message: only its first line carries the tag. */
const MULTILINE_TAG = /^(?:(?:DP|PP|TP|EP)\d+\s*)+$/;

/** The process key of a raw line (ANSI already removed), or null when the line names none. */
export function processKey(raw: string): string | null {
  const parts: string[] = [];
  for (const re of TAGS) {
    const m = re.exec(raw);
    if (m) parts.push(m.slice(1).filter(Boolean).join(' ').trim());
  }
  return parts.length ? parts.join('/') : null;
}

/** A terminal's width: a tagged line at least this long may have been cut, its rest untagged. */
export const CUT_WIDTH = 80;
/**
 * How a line of its own starts (so it is not the rest of a cut line); a cut at a space leaves one. A
 * module path of one letter is the rest of a cut one (`vllm.v1.engine.exception` + `s.EngineDeadError: …`).
 * llama.cpp and ggml begin every line with the C function that logs it (`LLAMA_LOG_ERROR("%s: error loading model: %s\n",
 * __func__, …)`, v0.17.6:llama/llama.cpp/src/llama.cpp:799 of ollama/ollama, which vendors it): `llama_model_load: …`; llama-server
 * behind SLT_INF's "slot <its function, 12 wide>: id N | task N | " or SRV_INF's "srv  <function>: " (006639c3ff51a3dbde5f52ebf4c5a55ad5306caf:
 * tools/server/server-common.h:18): `slot print_timing: id  0 | task 0 | …`, `srv  update_slots: …`. Their errors say so behind a function
 * of any name, "%s: error: …" with __func__ (ggml-org/ggml d99724f2b141fed9e1a9f402213506c081433465:src/ggml-cann/ggml-cann.cpp:3028,
 * src/ggml-metal/ggml-metal-device.m:180), so llama-bench's `main: error: failed to load model '…'` too: the shape of argparse's
 * error line (python-lines.ts PROG_ERROR), read with it.
 */
const RECORD_START = /^(?:\s{2}|\t|Traceback|File "|(?:[a-z_]\w+\.)*[A-Z]\w*(?:Error|Exception|Warning)\b|[[(<#`>|]|(?:DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL)\b|\d{4}-\d\d|Process |Loading |During handling|The above|[a-z][a-z\d]*(?:_[a-z\d]+)+: |slot +[\w()]{1,12}: id +-?\d+ \| task -?\d+ \| |srv +[\w()]{1,12}: )/;

/**
 * A rest of a cut line (the piece above, itself a continuation) that ended the line: a terminal fills each row to its width
 * (the first piece's) before it starts the next, cutting inside a word or, wrapping words, before the word that would not fit.
 * A rest with room left for this line's first word did not go on into it ("eek-R1)" after a link cut at 80 columns, then a
 * sentence of its own).
 */
export function restEnded(above: LogLine, aboveShown: string, width: number, body: string): boolean {
  if (!above.cont) return false;
  const word = /^\S*/.exec(body.trimStart())![0];
  return aboveShown.length + (aboveShown.endsWith(' ') ? 0 : 1) + word.length <= width;
}

/**
 * Whether a line may be the rest of the line before it, cut by a terminal: the line before (its
 * length with the trailing spaces a cut at a space leaves) is as long as a terminal is wide, and
 * this one is bare (no prefix or header of its own) and does not start a record of its own.
 */
export function continuesCut(prevLength: number, raw: string, bare: boolean): boolean {
  return prevLength >= CUT_WIDTH && bare && raw.trim() !== '' && !RECORD_START.test(raw) && !PROG_ERROR.test(raw);
}

/** A logger's own header that is a bracketed date and time alone (SGLang's untagged `[2026-06-12 04:54:55] `), also after a carrier's prefix. */
const LOGGER_TIMESTAMP = /(?:^|\s)\[\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?\] $/;

/**
 * A line without the prefix that a carrier (compose, journald, kubectl, a markdown quote, docker's
 * timestamps) wrote before it and before the line above alike: what a terminal wrote, whose rest may
 * continue the line above. `text` is the line cleaned of every prefix; the line itself when no such prefix.
 */
export function carriedBody(raw: string, text: string, prevRaw: string | undefined): string {
  const at = text.trim() === '' ? -1 : raw.lastIndexOf(text.trimStart());
  if (at <= 0 || prevRaw === undefined) return raw;
  const p = raw.slice(0, at);
  // a logger's own header with its tag (SGLang's `[… TP0] ` on both lines) is not a carrier's prefix
  const key = processKey(p);
  if (key !== null && processKey(prevRaw) === key) return raw;
  // … nor is its untagged header, a bracketed timestamp (SGLang's `[2026-06-12 04:54:55] `): two records logged in the
  // same second share it, and a terminal's rest of a line has no header of its own
  if (LOGGER_TIMESTAMP.test(p)) return raw;
  // the same prefix, timestamp included: the rest of a line is written at the moment the line was
  return prevRaw.startsWith(p) ? raw.slice(at) : raw;
}

/**
 * The process of every line: its own tag; for an untagged line right after a line whose logger
 * tags only the first line of a message (SGLang), the tag of the message it continues; for the rest
 * of a long tagged line that a terminal cut (a bare line: no prefix or header of its own), the tag
 * of that line.
 */
export function processKeys(raws: readonly string[], bare: readonly boolean[] = raws.map(() => true), bodies: readonly string[] = raws): Array<string | null> {
  const keys: Array<string | null> = [];
  let carried: string | null = null;
  let prev: { key: string | null; length: number } = { key: null, length: 0 };
  raws.forEach((raw, i) => {
    const own = processKey(raw);
    if (own !== null) carried = MULTILINE_TAG.test(own) ? own : null;
    // a carrier's own tag (journald's `python3[1234]:`) written before the line above too is not the line's own
    const carrierOnly = own === null || (prev.key !== null && prev.key !== own && prev.key.split('/').includes(own));
    const rest = carrierOnly && raw.trim() !== '' && prev.key !== null && prev.length >= CUT_WIDTH && bare[i]! && !RECORD_START.test(bodies[i]!);
    const key = rest ? prev.key : own ?? (raw.trim() === '' ? null : carried);
    keys.push(key);
    // a line cut twice (at 100 columns, then at 80) is as long as all its pieces
    prev = { key, length: rest ? prev.length + bodies[i]!.length : raw.length };
  });
  return keys;
}
