// Messages an engine logs at ERROR in a format that writes no level, the level recovered from the message's call site.
// SGLang's log format is "[%(asctime)s{prefix}] %(message)s" (configure_logger: BBuf/sglang, upstream's history,
// 65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/utils/common.py:1307-1308): its logger.error records read as bare lines.
// dmlc-core's logging (under TVM, MLC-LLM, MXNet, XGBoost) writes every level alike, "[%H:%M:%S] <file>:<line>: <message>"; only a
// LOG(FATAL) goes on with the stack it was raised at, "Stack trace:" and "  [bt] (0) …" (dmlc/dmlc-core v0.5:include/dmlc/logging.h:
// 84-90, StackTrace, and :394-440, LogMessageFatal, which then aborts or throws the message as dmlc::Error).
// TEI's router logs a backend that failed to start with tracing's header, which a paste may lose. A Rust program's error report in
// anyhow's Debug form, its causes listed under "Caused by:", is written with no level at all: its first line is the error.
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
 * TEI's router trying each backend its build holds in turn, logging each one that fails to start with tracing::error! before it tries the
 * next, "Could not start Candle backend: <its error>", and ending with "Could not start a suitable backend" when none started
 * (huggingface/text-embeddings-inference v1.9.3:backends/src/lib.rs:412,490,516,532-535): an ERROR record also where a paste kept its
 * message without tracing's header (the error it names comes before the wrapper that ends the start). So is the backend's error
 * itself, BackendError::Start's "Could not start backend: <reason>" (backends/core/src/lib.rs:87), where a paste broke the record
 * before it; not the wrapper's "Could not start a suitable backend", whose causes came before it.
 */
export const TEI_BACKEND_FAILED = /^\s*Could not start (?:(?:ORT|Candle|Python) backend: \S|backend: (?!Could not start a suitable backend)\S)/;

/**
 * Whether a line, its message `message` once cleaned of headers, is an ERROR record of a format that writes no level; `shown` gives the
 * line as shown less what a carrier wrote before it, asked for only when the message is one (it runs on every unlevelled line).
 */
export function loggedAtError(message: string, shown: () => string): boolean {
  return (SGLANG_ERRORS.test(message) && SGLANG_HEADER.test(shown())) || SGLANG_DP_DROPPED.test(message) || TEI_BACKEND_FAILED.test(message);
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

/** anyhow's chain of causes under an error (Rust: TGI, mistral.rs, Dynamo, SGLang's model gateway): a blank line, "Caused by:", each cause indented. */
export const CAUSED_BY = /^\s*Caused by:\s*$/;
export const CAUSE = /^\s+(?:\d+: )?\S/;
/** How far below an error report's first line its "Caused by:" may be (the rests a terminal cut off the line, another rank's lines between). */
const REPORT_WITHIN = 12;

/**
 * Marks the first line of an error report in anyhow's Debug form as a FATAL record: the error's message, a blank line, "Caused by:",
 * then each cause indented, numbered when there are several (dtolnay/anyhow 1.0.104:src/fmt.rs:27-40, Indented's `{: >5}: `), as a
 * Rust program prints an error it ends on or hands its caller. The report's first line is an error whatever its words (SGLang's model
 * gateway: "Failed to load Harmony encoding: error downloading or loading vocab file: …"), its causes the rest of its message
 * (root-cause.ts, causedBy); written with no level, it would otherwise read as a bare line.
 */
export function markErrorReports(lines: LogLine[]): void {
  if (!lines.some((l) => CAUSED_BY.test(l.text))) return;
  lines.forEach((l, i) => {
    if (l.level !== null || l.header || l.cont || l.text.trim() === '') return;
    // (read in its own process, past the rests a terminal cut off it; the blank line may be lost with a paste)
    const own = lines.slice(i + 1, i + REPORT_WITHIN).filter((x) => x.proc === l.proc && !x.header);
    let k = 0;
    while (own[k]?.cont) k++;
    if (own[k]?.text.trim() === '') k++;
    if (!CAUSED_BY.test(own[k]?.text ?? '') || !CAUSE.test(own[k + 1]?.text ?? '')) return;
    l.level = 'FATAL';
    l.report = true;
  });
}

/** A dmlc-core LOG(FATAL) record (markFatalRecords), or an error report's first line (markErrorReports): read as an exception's line. */
export const isFatalRecord = (l: LogLine): boolean => l.level === 'FATAL' && (DMLC_TIME.test(l.text) || l.report === true);
