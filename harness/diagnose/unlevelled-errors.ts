// Messages an engine logs at ERROR in a format that writes no level, the level recovered from the message's call site.
// SGLang's log format is "[%(asctime)s{prefix}] %(message)s" (configure_logger: BBuf/sglang, upstream's history,
// 65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/utils/common.py:1307-1308): its logger.error records read as bare lines.
// Pure.

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
  return SGLANG_ERRORS.test(message) && SGLANG_HEADER.test(shown());
}
