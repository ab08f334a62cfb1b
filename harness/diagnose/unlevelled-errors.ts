// Messages an engine logs at ERROR in a format that writes no level, the level recovered from the message's call site.
// SGLang's log format is "[%(asctime)s{prefix}] %(message)s" (configure_logger: BBuf/sglang, upstream's history,
// 65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/utils/common.py:1307-1308): its logger.error records read as bare lines.
// dmlc-core's logging (under TVM, MLC-LLM, MXNet, XGBoost) writes every level alike, "[%H:%M:%S] <file>:<line>: <message>"; only a
// LOG(FATAL) goes on with the stack it was raised at, "Stack trace:" and "  [bt] (0) …" (dmlc/dmlc-core v0.5:include/dmlc/logging.h:
// 84-90, StackTrace, and :394-440, LogMessageFatal, which then aborts or throws the message as dmlc::Error).
// Pure.
import type { LogLine } from '../core/log-line.ts';

/** SGLang's header: `[2026-05-21 16:07:41 DP6 TP6] `, with the process tags put before it (Ray's `(SGLangEngine pid=1493437) `), read behind a carrier's prefix. */
const SGLANG_HEADER = /^\s*(?:\([\w.-]+ pid=\d+(?:, ip=[\d.]+)?\)\s*)*\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:[.,]\d+)?(?: (?:(?:DP|PP|TP|EP|CP|ATTN_DP)\d+\s*)+)?\] /;

/**
 * SGLang's ModelRunner reporting a failed weight update or a failed process group for one (the RL trainers' path: verl, slime,
 * OpenRLHF push weights into a running SGLang): each logged with logger.error and returned to the client, the server left up
 * (65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/model_executor/model_runner.py:1703-1704 "Failed to init group: {e}.",
 * :1748-1749 "Failed to send weights: {e}.", :1799-1800 "Failed to initialize custom process group: {e}.", :1812-1813 "Failed to
 * destroy custom process group: {e}.", :1868-1872 and :1899-1903 "Failed to update parameter online: {e}. The full weights of the
 * ModelRunner are partially updated. Please discard the whole weights.", :3474 "IPC weight update failed: {e}").
 */
const SGLANG_ERRORS = /^(?:Failed to (?:init group|send weights|initialize custom process group|destroy custom process group|update parameter online): \S|IPC weight update failed: \S)/;

/**
 * Whether a line, its message `message` once cleaned of headers, is an ERROR record of a format that writes no level; `shown` gives the
 * line as shown less what a carrier wrote before it, asked for only when the message is one (it runs on every unlevelled line).
 */
export function loggedAtError(message: string, shown: () => string): boolean {
  return (SGLANG_ERRORS.test(message) && SGLANG_HEADER.test(shown())) || SGLANG_DP_DROPPED.test(message);
}

/**
 * SGLang 0.2–0.3's data-parallel controller, handed a request type it does not route (a weight update with `--dp-size 2`), logging
 * `logger.error(f"Invalid object: {recv_req}")` and dropping it, the request never answered (fd9ad817ec449592ec58b1cb7b57ac2e55d49b02:
 * python/sglang/srt/managers/controller_multi.py:177-180), under that release's header "[%H:%M:%S] " (python/sglang/srt/utils.py:668-673),
 * which the header reader leaves in the text. Also an error that gives its reason (error-reasons.ts): the request it dropped.
 */
export const SGLANG_DP_DROPPED = /^\[\d\d:\d\d:\d\d(?: TP\d+)?\] Invalid object: [A-Z]\w*(?:Req|Input)\w*\(/;

/** dmlc-core's header: `[11:37:45] /work/cpp/cli_main.cc:378: ` (logging.h, LogMessage and LogMessageFatal::Entry::Init). */
const DMLC_HEADER = /^\s*\[\d\d:\d\d:\d\d\] [^\s:]+:\d+: \S/;
/** Its time of day, which begins the line (the file and line after it may be cut onto the next). */
const DMLC_TIME = /^\s*\[\d\d:\d\d:\d\d\] \S/;
const STACK_TRACE = /^\s*Stack trace:\s*$/;
const FIRST_FRAME = /^\s*\[bt\] \(0\) \S/;
/** How far below its header the stack of a fatal record may begin (its message may run over lines: the paths it searched, …). */
const STACK_WITHIN = 30;

/** Marks dmlc-core's LOG(FATAL) records, a header whose message the stack it was raised at follows, as FATAL records. */
export function markFatalRecords(lines: LogLine[]): void {
  lines.forEach((l, i) => {
    if (l.level !== null || l.header || l.cont || !DMLC_TIME.test(l.text)) return;
    // (the header with the rests a terminal cut off it: the file and line may be in the second piece)
    let whole = l.text;
    for (let k = i + 1; lines[k]?.cont; k++) whole += lines[k]!.text;
    if (!DMLC_HEADER.test(whole)) return;
    // (its message and stack in its own process: another rank's lines may come between)
    const own = lines.slice(i + 1, i + STACK_WITHIN).filter((x) => x.proc === l.proc && !x.cont && x.text.trim() !== '');
    const at = own.findIndex((x) => STACK_TRACE.test(x.text) || DMLC_TIME.test(x.text));
    if (at >= 0 && STACK_TRACE.test(own[at]!.text) && FIRST_FRAME.test(own[at + 1]?.text ?? '')) l.level = 'FATAL';
  });
}

/** A dmlc-core LOG(FATAL) record (markFatalRecords): the error it throws or aborts with, read as an exception's line. */
export const isFatalRecord = (l: LogLine): boolean => l.level === 'FATAL' && DMLC_TIME.test(l.text);
