// Error lines that give their reason: the failure they describe, not a wrapper that points elsewhere (root-cause.ts reads them
// as the exception they report). Pure.
import { isErrorLine, joinedReadings, withRest, type LogLine } from './log-lines.ts';
import type { ProcessView } from './processes.ts';
import { closesTraceback, EXCEPTION_SHAPE, TRACEBACK_HEAD } from './traceback-close.ts';
import { CHAINED, SYCL_CAUGHT_AT } from './wrapper-words.ts';
import { SGLANG_DP_DROPPED, TEI_BACKEND_FAILED } from './unlevelled-errors.ts';

/**
 * An error that gives its reason after a colon — `Failed to start model server: integer division or modulo by zero`,
 * `failed to load model: invalid config`, `Failed to load model weights from /models/x: file is corrupted`, `Error while
 * loading …: …` (the guide's rule 4 asks only that the root cause be in the log; a reason that points elsewhere, "see root
 * cause above", gives none) —, Triton's model
 * status row of a model that failed to load (`| m | 1 | UNAVAILABLE: Internal: unable to create TensorRT engine |`),
 * and the error tritonserver logs when it does (`failed to load 'm' version 1: Internal: ValueError: …`, the status's
 * code and message: triton-inference-server/core e6fcb0c78e07:src/model_repository_manager/model_lifecycle.cc:654-655;
 * the codes' words at triton-inference-server/common 83adf7c:src/error.cc:50-60), and the error it logs when a model directory of the
 * repository could not be read (`Poll failed for model directory 'm': <the status's message>`: triton-inference-server/core
 * 73aad7c3348d040c7087d57837d75822c488495e:src/model_repository_manager/model_repository_manager.cc:1508-1511; the model is then not polled).
 * So does Xinference's log of a model call that raised, "[request …] Leave chat, error: <the exception's message>, elapsed time: N s"
 * (xorbitsai/inference 7ecec16b63383e18e4af790c4b522fb7d79f7e77:xinference/core/utils.py:118-123, logged at ERROR with its traceback).
 * So does SGLang 0.2–0.3's data-parallel controller's "Invalid object: <the request>", the request it dropped (unlevelled-errors.ts, SGLANG_DP_DROPPED).
 * So does TEI's record of a backend that failed to start, "Could not start Candle backend: Could not start backend: <reason>", or
 * the backend's error alone (unlevelled-errors.ts, TEI_BACKEND_FAILED: huggingface/text-embeddings-inference v1.9.3:backends/src/lib.rs:490).
 */
const GIVES_REASON_WORDS =
  /^\s*(?:[Ff]ailed to|[Ee]rror (?:while |when )?(?:loading|initiali[sz]ing|starting|creating|running|reading|parsing|downloading|fetching|opening))\b[^:]{3,120}: (?!.*\b(?:see|check) (?:the )?(?:root cause|above|logs?)\b)[\w'"/.([-][^:]{0,40}\s\S.{4,}|\bUNAVAILABLE: (?:Internal|Not found|Invalid argument|Unavailable|Unsupported|Already exists|Unknown): (?:\d\. )?[a-zA-Z][\w ]{8,}|\bfailed to load '[^']{1,200}' version \d+: (?:Internal|Not found|Invalid argument|Unavailable|Unsupported|Already exists): \S.{7,}|\bPoll failed for model directory '[^']{1,200}': \S.{4,}|\bLeave \w+, error: (?!, elapsed time)\S.{7,}/;
/**
 * A call that failed with the C library's words for its errno — `connect(fd=120, dest_addr=…) failed: Connection refused`,
 * `ibv_create_ah(…) for UD mlx5 connect on mlx5_0 failed: No such device`, `send(110) failed: Input/output error`, as UCX logs
 * them (its UCX_HEADER is in line-clean.ts) and C and C++ libraries alike: the reason is the errno, strerror's text
 * (bminor/glibc 3d7d5c10c806ee24f8e35014e41e203002609a3f:sysdeps/gnu/errlist.h, its `_S(E…, N_("…"))` entries).
 */
const ERRNO_TEXT = [
  'Operation not permitted', 'No such file or directory', 'Input/output error', 'No such device or address', 'Bad file descriptor',
  'Cannot allocate memory', 'Permission denied', 'Bad address', 'Device or resource busy', 'No such device', 'Invalid argument',
  'Too many open files', 'No space left on device', 'Read-only file system', 'Broken pipe', 'Resource temporarily unavailable',
  'Operation not supported', 'Address already in use', 'Cannot assign requested address', 'Network is down', 'Network is unreachable',
  'Connection reset by peer', 'Software caused connection abort', 'Transport endpoint is not connected', 'Connection timed out',
  'Connection refused', 'No route to host', 'Host is down', 'Remote I/O error',
].join('|');
const CALL_FAILED = new RegExp(String.raw`\b[A-Za-z_]\w{1,60}\([^()]{0,300}\)[^:]{0,120}?\bfailed: (?:${ERRNO_TEXT})\b`);
/**
 * A work request an RDMA transport posted that completed with an error, its reason ibverbs' words for the completion's status —
 * `send completion[0] with error on rdmap132s0/0x55cf…: Work Request Flushed Error, vendor_err 0x1`, as UCX logs it — (linux-rdma/rdma-core
 * 691953d8d502f54088f776c5ba2aeed0a5ac945d:libibverbs/enum_strs.c:104-128, ibv_wc_status_str): the transfer failed, and why.
 */
const WC_STATUS_TEXT = [
  'local length error', 'local QP operation error', 'local EE context operation error', 'local protection error', 'Work Request Flushed Error',
  'memory management operation error', 'bad response error', 'local access error', 'remote invalid request error', 'remote access error',
  'remote operation error', 'transport retry counter exceeded', 'RNR retry counter exceeded', 'local RDD violation error', 'remote invalid RD request',
  'aborted error', 'fatal error', 'response timeout error', 'general error',
].join('|');
const COMPLETED_WITH_ERROR = new RegExp(String.raw`\bcompletion\b[^:\n]{0,80}?\bwith error\b[^\n]{0,200}?: (?:${WC_STATUS_TEXT})\b`);
const GIVES_REASON = new RegExp(`${GIVES_REASON_WORDS.source}|${SGLANG_DP_DROPPED.source}|${CALL_FAILED.source}|${COMPLETED_WITH_ERROR.source}|${TEI_BACKEND_FAILED.source}`);

/**
 * An error line that gives its reason (GIVES_REASON, VALIDATION_ERRORS) is the failure it describes, not a wrapper. So is such a line
 * with no level right before the traceback it describes: Python's logging writes a record of a logger with no handler through its
 * last-resort handler as the bare message (CPython 3.11.7:Lib/logging/__init__.py:1254-1255, `lastResort = _StderrHandler(WARNING)`,
 * no formatter), as SGLang's router logs "Error starting router: {e}" and re-raises
 * (65d3b47f630f86262781702109b56d3290af39cf:sgl-model-gateway/bindings/python/src/sglang_router/launch_router.py:50-52).
 * The line is read from its pieces (`pieces`: it and the rests a terminal cut off it) every way they join (joinedReadings: a cut at a
 * space took the space). Null when the line is no such error; else the traceback header it is read for (shown with it), null for an error line.
 */
export function reasonGiven(lines: readonly LogLine[], view: ProcessView, pos: number, w: LogLine, pieces: readonly string[]): { traceback: number | null } | null {
  const readings = joinedReadings(pieces);
  const gives = readings.some((t) => GIVES_REASON.test(t));
  if (isErrorLine(w)) return gives || readings.some((t) => VALIDATION_ERRORS.test(t)) || raisedByC10(lines, view, pos) ? { traceback: null } : null;
  if (lines[view.index[pos]!]!.level !== null || !gives) return null;
  const next = view.index.slice(pos + 1, pos + 6).find((i) => !lines[i]!.cont && lines[i]!.text.trim() !== '');
  return next !== undefined && TRACEBACK_HEAD.test(lines[next]!.text) ? { traceback: next } : null;
}

/**
 * PyTorch's C++ error (c10::Error, a TORCH_CHECK that failed) as a logger writes its what(): the message, then "Exception raised from
 * <function> at <file>:<line> (most recent call first):" and the C++ frames (pytorch/pytorch 178be9b434aa4f28cff4221b8496f18dbf3cdc7a:
 * c10/util/Logging.cpp:81-87, Error::Error(SourceLocation, msg)); torch_npu logs an operator's failure so: "[rank0]:[E623 13:46:28…
 * compiler_depend.ts:429] ReshapeAndCacheOperation setup failed!" over "Exception raised from OperationSetup at …". The message is the
 * exception's, whatever its words.
 */
const C10_RAISED = /^\s*Exception raised from \S.{0,300} at \S+:\d+ \(most recent call first\):\s*$/;
function raisedByC10(lines: readonly LogLine[], view: ProcessView, pos: number): boolean {
  const next = view.index.slice(pos + 1, pos + 3).find((i) => lines[i]!.text.trim() !== ''); // (the message's next line, read as its rest or not)
  return next !== undefined && C10_RAISED.test(lines[next]!.text);
}

/**
 * An error message that names nothing: a few words that say something failed and no more — no value, path, quote, number or
 * reason after a colon. Engines log such a fixed message with the traceback it describes after it (`logger.exception(msg)`):
 * TGI's "Error when initializing model" and "Method {name} encountered an error." (huggingface/text-generation-inference
 * v3.0.0:server/text_generation_server/server.py:283, interceptor.py:27), text-generation-webui's "Failed to load the model."
 * (oobabooga/text-generation-webui 1dcde41d:modules/ui_model_menu.py:228). When that traceback is cut before its exception, the
 * message does not hold the cause (the labelling guide, rule 4): the traceback's exception would have. (A logger's name may lead it,
 * "text_generation_launcher: …", or its name and level, "infinity_emb ERROR: …", or what a terminal left of that name on the line it cut;
 * or the function's name and "error:" as llama.cpp's examples write it, "main: error: unable to load model": ikawrakow/ik_llama.cpp
 * 8337e4cd3861406fc04e0854b1409cd1b027fbc9:examples/main/main.cpp:224, `"%s: error: unable to load model\n", __func__`.)
 */
const NAMES_NOTHING = /^\s*(?:[\w.-]+(?: (?:ERROR|CRITICAL|FATAL))?:\s+)?(?:error:\s+(?=unable\b))?(?=[^:'"`\d[\]{}()=/\\<>|]*$)(?=.*\b(?:fail(?:ed|ure|s)?|errors?|exceptions?|errored|crash(?:ed)?|unable)\b)\s*(?:\S+\s+){0,7}\S+\s*$/i;

/**
 * Whether an error's message (its lines) names nothing but that something failed (NAMES_NOTHING). Rich's RichHandler ends a record's first
 * line with its source in a right-aligned path column (`…   batch_handler.py:434`, rich 13.7.1:rich/_log_render.py:53-54): that is where it
 * was logged, not what it says.
 */
export function namesNothing(texts: readonly string[]): boolean {
  return NAMES_NOTHING.test(texts.join(' ').replace(RICH_PATH, ''));
}
const RICH_PATH = /\s{3,}[\w.-]+\.py:\d+\s*$/;

/**
 * An error line that names nothing but that something failed (namesNothing), after an unlevelled line of its process that named a
 * failure (`hint`): that line came first and is the cause (the labelling guide, rule 1). llama.cpp logs its own errors with no level
 * (LLAMA_LOG_ERROR: "llama_new_context_with_model: V cache quantization requires flash_attn", ik_llama.cpp
 * 8337e4cd3861406fc04e0854b1409cd1b027fbc9:src/llama.cpp:8021), then its example's "main: error: unable to load model".
 */
export function namedBefore<F extends { index: number; sig: unknown; generic: unknown; block: readonly number[] }>(lines: readonly LogLine[], view: ProcessView, failure: F, hint: F | null): F {
  return hint && hint.index < failure.index && !failure.sig && !failure.generic && namesNothing(failure.block.map((p) => lines[view.index[p]!]!.text)) ? hint : failure;
}

/**
 * pydantic's ValidationError as a logger writes it (`logger.error(f"Error in engine context: {e}")`): its str, "2 validation errors for
 * LlmArgs", then each field and its error ("  Value error, AutoDeploy only supports …"): pydantic-core's display of the error, "{count}
 * validation error{plural} for {title}" (pydantic/pydantic-core 383eb95a19433754c0cecf7025b50c26b6d97a36:src/errors/validation_exception.rs:105). An error whose message follows, read with it.
 */
const VALIDATION_ERRORS = /\b\d+ validation errors? for [\w.]+\s*$/;

/**
 * asyncio's default exception handler logs one record: its message ("Exception in callback …", "Task exception was never retrieved"),
 * then a line per key of the context (`handle: <Handle …>`, `future: <Task …>`), then the traceback (CPython 3.11.7:Lib/asyncio/
 * base_events.py:1754-1771, `log_lines.append(f'{key}: {value}')`): such a line is the record's context, it describes no exception.
 */
export const ASYNCIO_CONTEXT = /^\s*(?:handle|future|task|transport|protocol|socket|asyncgen|handle_traceback|source_traceback): \\?</;

/**
 * A refusal an engine logs as an error and catches (one of log-lines.ts's CAUGHT): vLLM's "Cannot use FA version %d is not supported due
 * to %s" (22f8d28697322f81fd8bf47790cce714e84ce859:vllm/v1/attention/backends/fa_utils.py:144-154, `return None`: the caller picks another
 * backend). When the start then fails and the log does not hold why, and shows no sign of health, the refusal is the only cause it names.
 */
export const CAUGHT_REFUSAL = /\bCannot use FA version \d+ is not supported due to\b/;

/**
 * pybind11_protobuf's casters setting up in an extension module (XLA's and TensorFlow's, imported beside an engine in Kaggle and
 * Colab images): before ba9b6799 (2023-04-04) their GlobalState looked up `MessageFactory(pool).GetPrototype`, which protobuf's
 * Python package dropped in 6.30 (protobuf.dev/support/migration, "Changes in v30.0"); the AttributeError is caught, printed with
 * PyErr_Print (no Python frame, so no traceback: the bare exception line), the casters are left unset and the import goes on
 * (pybind/pybind11_protobuf d824311a3416232ee1892d0d6270960765e141b5, ba9b6799's parent: pybind11_protobuf/proto_cast_util.cc:191-213).
 * Printed once per module that links them, then the engine starts: no failure of the process (the labelling guide, rule 2).
 */
const PROTOBUF_CASTER_PRINTED = /^AttributeError: 'MessageFactory' object has no attribute 'GetPrototype'\s*$/;

/**
 * XLA's CUDA plugins (cuDNN, cuFFT, cuBLAS) registering themselves from a module initializer when TensorFlow and JAX (or two copies of
 * XLA) are loaded in one process: the second registration is refused, logged ("Unable to register cuDNN factory: Attempting to register
 * factory for plugin cuDNN when one has already been registered", glog's E level in the releases Kaggle and Colab ship) and dropped, the
 * first factory kept; initialize_cudnn() returns and the import goes on (openxla/xla a51b0f552430fd60df6680c84e94219a39c0b459:
 * xla/stream_executor/cuda/cuda_dnn.cc, initialize_cudnn, which now logs it at INFO). No failure of the process.
 */
const XLA_PLUGIN_REREGISTERED = /\bUnable to register cu(?:DNN|FFT|BLAS) factory: Attempting to register factory for plugin\b/;

/** A line a library printed as an error and went on from: PROTOBUF_CASTER_PRINTED outside a traceback, XLA_PLUGIN_REREGISTERED (read with
 * the rest a terminal cut off it). */
export function printedAndGoneOn(lines: readonly LogLine[], view: ProcessView, pos: number): boolean {
  const at = view.index[pos]!;
  return (PROTOBUF_CASTER_PRINTED.test(lines[at]!.text) && !closesTraceback(lines, view, pos)) || XLA_PLUGIN_REREGISTERED.test(withRest(lines, at).text);
}

/** The view position where the exception reported after an IGNORED_HEAD at `pos` ends (its traceback and its message). */
export function ignoredEnd(lines: readonly LogLine[], view: ProcessView, pos: number): number {
  let sawException = false;
  let p = pos + 1;
  for (; p < view.index.length && p < pos + 120; p++) {
    const l = lines[view.index[p]!]!;
    if (l.header || l.cont || l.text.trim() === '') continue;
    if (sawException && !/^\s/.test(l.text)) break;
    if (/^Traceback \(most|^\s/.test(l.text) || CHAINED.test(l.text)) continue;
    if (!EXCEPTION_SHAPE.test(l.text)) break;
    sawException = true;
  }
  return p - 1;
}

/**
 * Whether the line at `pos` is the message of an exception ggml-sycl's CHECK_TRY_ERROR caught: it prints the exception's what() and,
 * on the next line, "Exception caught at file:…" (wrapper-words.ts SYCL_CATCH). Read as the exception it reports.
 */
export function caughtBySycl(lines: readonly LogLine[], view: ProcessView, pos: number): boolean {
  const next = lineAfterRests(lines, view, pos);
  return next !== undefined && SYCL_CAUGHT_AT.test(next.text);
}

/** The line of the process after the one at `pos` and the rests a terminal cut off it. */
export function lineAfterRests(lines: readonly LogLine[], view: ProcessView, pos: number): LogLine | undefined {
  let after = pos + 1;
  while (view.index[after] !== undefined && lines[view.index[after]!]!.cont) after++;
  const next = view.index[after];
  return next === undefined ? undefined : lines[next];
}
