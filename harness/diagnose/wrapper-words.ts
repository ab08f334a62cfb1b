// Words of messages that wrap a failure told elsewhere, shared by the line reader (log-lines.ts, its WRAPPERS) and the root-cause reader. Pure.

/**
 * Python's separator between a chained exception and the one raised from it ("The above exception was the direct cause of the following
 * exception:", "During handling of the above exception, another exception occurred:", CPython 3.12 Lib/traceback.py `_cause_message`,
 * `_context_message`): a wrapper of the exception above it.
 */
export const CHAINED = /During handling of the above exception|The above exception was the direct cause/;

/** Triton's report at INFO that a model's load failed, its versions' errors logged before it (WRAPPERS): a failure announced. */
export const TRITON_LOAD_FAILED = /^\s*"?failed to load '[^']+'"?\s*$/;

/**
 * Ollama: its runner (llama.cpp's server) exited; after the colon, Go's exit status or signal, or the runner's last stderr line that
 * held an error prefix (v0.17.6:llm/server.go:1360, llm/status.go:23-40; "llama-server process has terminated",
 * v0.33.0-rc2:llm/llama_server.go:1306-1312): a wrapper, whose relayed words root-cause.ts reads for a category (RELAYS_LAST_ERROR).
 */
export const RUNNER_TERMINATED = /\b(?:llama runner|llama-server) process has terminated: /;

/**
 * mistral.rs: a stage's (`step`, `prefill`) failure logged with the error it got (`error!("{} - Model failed with error: {:?}",
 * $stage, &e)`, EricLBuehler/mistral.rs v0.2.4:mistralrs-core/src/utils/mod.rs:96, v0.9.2:…:127): a wrapper, whose quoted error
 * root-cause.ts reads (QUOTES_CAUSE).
 */
export const MODEL_FAILED_WITH = /\b\w+ - Model failed with error: /;

/**
 * ggml-sycl's catch report: CHECK_TRY_ERROR prints the caught exception's what() and then, on a line of its own, "Exception caught at
 * file:<file>, line:<n>, func:<f>"; SYCL_CHECK then prints "SYCL error: <statement>: Exception caught in this line of code." ("Meet error in
 * this line code!" in builds before 2025) and "  in function …", and aborts (GGML_ABORT's "<file>:<line>: SYCL error", GGML_ASSERT(!"SYCL error")
 * before) (ggml-org/llama.cpp 0075fce64f604a91e53f6c01cfcb6c758fd50689:
 * ggml/src/ggml-sycl/common.hpp, CHECK_TRY_ERROR, ggml_sycl_error, SYCL_CHECK). Both wrap the exception's message above them; a what()
 * printed without its newline ("… was foundException caught at file:") is that message, not this wrapper.
 */
export const SYCL_CAUGHT_AT = /^\s*Exception caught at file:\S/;
/** Every line of that report (SYCL_CAUGHT_AT's, SYCL_CHECK's two, the abort's). */
export const SYCL_CATCH = new RegExp(String.raw`${SYCL_CAUGHT_AT.source}.*, line:\d+(?:, func:|\s*$)|^\s*SYCL error: .*: (?:Meet error in this line code!|Exception caught in this line of code\.)\s*$|^\s+in function \w+ at \S+:\d+\s*$|^\s*GGML_ASSERT: \S+: !"SYCL error"\s*$|^\S+:\d+: SYCL error\s*$`);
