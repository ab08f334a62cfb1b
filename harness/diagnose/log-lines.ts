// Reading a log the way a person does: strip the noise each line carries (ANSI colours, process
// prefixes, logger headers, timestamps, quote and fence marks of a pasted issue) so that patterns
// see the message itself, while the evidence keeps the original line and its 1-based number. Pure.
import { CUT_WIDTH, carriedBody, continuesCut, processKeys, restEnded } from './process-key.ts';
import { asShown, cleanShown, srunCarried, withoutCarrier } from './line-clean.ts';
import { BARE_MESSAGES, ROCBLAS_ABORT, GGML_ABORT_LINE, GGML_ASSERT_FAILED, GGML_FATAL_ABORT, LLAMACPP_ERROR_LINE, VLLM_RS_CAPTURE_FAILED } from './upstream-messages.ts';
import { CHAINED, MODEL_FAILED_WITH, RUNNER_TERMINATED, SYCL_CATCH, TRITON_LOAD_FAILED } from './wrapper-words.ts';
import type { LogLine } from '../core/log-line.ts';
import { CAUSED_BY, isFatalRecord, markErrorReports, markFatalRecords } from './unlevelled-errors.ts';
import { FRAME_AT, isArgparseError, markArgparseErrors, markWarningMessages } from './python-lines.ts';

export { FRAME_AT } from './python-lines.ts';

export { asShown, cleanLine } from './line-clean.ts';

export type { LogLine } from '../core/log-line.ts';

/** Header lines the harness or a human adds on top of a stored log. */
const SOURCE_HEADER = /^#\s*(?:source|label|note|url|decides|split|category):/i;
const FENCE = /^\s*(?:```|~~~)[\w-]*\s*$/;
/** Markdown and HTML of a pasted issue that carry no log text: `<details>`, `<summary>…</summary>`, `</pre>`. */
const MARKUP = /^\s*(?:<\/?(?:details|summary|pre|p|code|br|div)\b[^>]*>\s*)+(?:[^<]*<\/summary>\s*)?$/i;

/**
 * The indices of the lines to read. A log copied from a page that puts each line in a paragraph of its own comes double-spaced:
 * every line followed by a blank one. There the single blank lines are the copy's, not the log's (a blank line ends a message, and
 * a traceback's frames would fall apart), so they are passed over; a run of blank lines is read as one. Lines keep their numbers.
 */
function linesToRead(all: readonly string[]): number[] {
  const filled = all.flatMap((l, i) => (l.trim() === '' ? [] : [i]));
  const gaps = filled.slice(1).map((i, k) => i - filled[k]!);
  const spaced = gaps.length >= 5 && gaps.filter((g) => g === 2).length >= 0.6 * gaps.length && gaps.filter((g) => g === 1).length <= 0.05 * gaps.length;
  if (!spaced) return all.map((_, i) => i);
  // (a blank line between two filled ones is the copy's; of a longer run, one is kept)
  return all.flatMap((l, i) => (l.trim() !== '' || (all[i - 1]?.trim() === '' && all[i + 1]?.trim() !== '') ? [i] : []));
}

/**
 * An exception Python reports and ignores: its unraisable hook's "Exception ignored in: <object>" (an exception raised in a
 * `__del__`, a Cython `__dealloc__`, a weakref callback, the garbage collector), "Exception ignored in atexit callback: <f>"
 * (3.10+) and "Error in atexit._run_exitfuncs:" (before), each followed by the exception's traceback. CPython writes them and
 * goes on (or is already exiting: atexit callbacks run once the program ended); the traceback is no failure of the process
 * (the labelling guide: rule 2, what it survived). CPython writes its head at the start of a line: a line of its own, never the
 * rest of a long line above it. Written so by CPython 3.11.7 (this machine) and 3.12.3 (the H200), run with a raising `__del__` and
 * atexit callback (Python/errors.c write_unraisable_exc_file, Modules/atexitmodule.c atexit_callfuncs; no line at hand); the form
 * before 3.10, "Error in atexit._run_exitfuncs:", from its Modules/atexitmodule.c (not rendered here).
 */
export const IGNORED_HEAD = /^(?:Exception ignored (?:in\b|on\b|while\b).*|Error in atexit\._run_exitfuncs:\s*)$/;

/**
 * cuDNN 9 failing to open a sub-library it loads by name when first used (libcudnn_ops, libcudnn_cnn, …: an install missing one, or
 * one off the loader path), in its own words, written bare to stderr at a line's start: "Unable to load any of {libcudnn_ops.so.9.1.0,
 * libcudnn_ops.so.9.1, libcudnn_ops.so.9, libcudnn_ops.so}" (libcudnn_graph.so.9's string "Unable to load any of {%s, %s, %s, %s}.")
 * and "Invalid handle. Cannot load symbol cudnnCreateTensorDescriptor" (libcudnn.so.9's "Invalid handle. Cannot load symbol %s").
 * Both strings read with strings(1) in cuDNN 9.19.0 as torch 2.11.0+cu130's wheel ships it; the second printed there by
 * cudnnCreateConvolutionDescriptor (status 3009) with libcudnn_cnn left out of a copy of the wheel's lib/
 * (scripts/device-corpus/cudnn_messages.sh, run on the H100 machine). cuDNN is closed source: no line at hand. A line of its own,
 * never the rest of a long line above it.
 */
export const CUDNN_LOAD_FAILED = /^\s*(?:Unable to load any of \{libcudnn\w*\.so\b|Invalid handle\. Cannot load symbol cudnn\w+)/;

/** Splits a log into numbered, cleaned lines. */
export function readLog(text: string): LogLine[] {
  // (srun's --label read as the carrier it is: each line without it, in its task's process; the line as given kept, for the evidence)
  const given = text.split('\n');
  const shown = given.map(asShown); // (each line read as shown once: srun's lines are taken from these)
  const srun = srunCarried(shown, (l) => SOURCE_HEADER.test(l) || FENCE.test(l) || MARKUP.test(l));
  const all = srun?.lines ?? given;
  const at = linesToRead(all);
  const untrimmed = at.map((i) => (srun ? all[i]! : shown[i]!));
  const raws = untrimmed.map((line) => line.trimEnd());
  const lines = raws.map((raw, k) => {
    const header = (at[k]! < 5 && SOURCE_HEADER.test(raw)) || FENCE.test(raw) || MARKUP.test(raw);
    const { text: cleaned, level } = header ? { text: '', level: null } : cleanShown(raw);
    return { n: at[k]! + 1, raw, ...(srun && { given: shown[at[k]!]!.trimEnd() }), text: cleaned, level, header, proc: null as string | null, cont: false };
  });
  // bare: nothing of its own before the text but what a carrier wrote before the line above too
  const bodies = lines.map((l, i) => carriedBody(l.raw, l.text, raws[i - 1]));
  const bare = lines.map((l, i) => !l.header && l.level === null && l.text.trim() === bodies[i]!.trim());
  const procs = processKeys(untrimmed, bare, bodies); // a cut at a space leaves the trailing space in the width
  let length = 0; // of the line above with the pieces it continues (a line cut twice is as long as all of them)
  let width = 0; // the width the line was first cut at: its first piece's, as shown
  lines.forEach((l, i) => {
    l.proc = srun ? srun.task(at[i]!, procs[i]!) : procs[i]!;
    // the line before held log text (not only markup such as an `<img …>` tag) that a terminal may have cut (at a space, too)
    l.cont = i > 0 && !lines[i - 1]!.header && lines[i - 1]!.text.trim() !== '' && continuesCut(length, bodies[i]!, bare[i]!) && !restEnded(lines[i - 1]!, untrimmed[i - 1]!, width, bodies[i]!) && !srun?.labelled(at[i]!);
    if (!l.cont) width = untrimmed[i]!.length;
    length = (l.cont ? length : 0) + (l.cont ? bodies[i]! : untrimmed[i]!).length;
  });
  joinTableCells(lines);
  readHeadersCutAcross(lines, bodies, untrimmed);
  // a line that begins with a message its engine writes bare to stderr (read from its source) is a line of its own, not the rest of a cut one
  // (… and anyhow's "Caused by:", which it writes after a blank line: unlevelled-errors.ts; cuDNN's loading failures)
  for (const l of lines) if (l.cont && (BARE_MESSAGES.some((m) => m.re.exec(l.text)?.index === 0) || IGNORED_HEAD.test(l.text) || CAUSED_BY.test(l.text) || CUDNN_LOAD_FAILED.test(l.text))) l.cont = false;
  // an exception named by its class, within three lines of a traceback's frame, closes the traceback: a line of its own, even
  // when the line above, with what a carrier put before it, happens to be as long as a terminal's width (a class of any name
  // behind its module's path too: Triton's `triton.runtime.errors.OutOfResources: out of resource: shared memory, …`)
  lines.forEach((l, i) => {
    if (l.cont && (EXCEPTION_CLASS_LINE.test(l.text) || /^(?:[a-z_]\w*\.)+[A-Z]\w*: \S/.test(l.text)) && lines.slice(Math.max(0, i - 3), i).some((x) => FRAME_AT.test(x.text))) l.cont = false;
  });
  // … unless the line above, as long as a terminal is wide, was cut inside the exception's qualified name: its class begun
  // (`… vllm.v1.engine.exceptions.Engine` + `DeadError: EngineCore encountered an issue.`) is completed by this line
  lines.forEach((l, i) => {
    const above = lines[i - 1];
    if (l.cont || !above || above.header || l.header || l.level !== null || untrimmed[i - 1]!.length < CUT_WIDTH) return;
    if (!completesCutClass(above.text, l.text)) return;
    l.cont = true;
    l.proc = above.proc;
  });
  markWarningMessages(lines);
  markFatalRecords(lines);
  markErrorReports(lines);
  markArgparseErrors(lines);
  return lines;
}

/**
 * A logger header that a terminal cut inside it (`… - lmdeploy - E` + `RROR - async_engine.py:710 - [safe_run] exception`):
 * neither piece reads as a header alone, the line joined with its rests does. The joined line's level is the line's and
 * its rests', its message the line's text; the rests keep nothing of their own (their text is in the line's), so a rest
 * is never read as a record of its own and the level the header names is not lost with the cut.
 */
function readHeadersCutAcross(lines: LogLine[], bodies: readonly string[], untrimmed: readonly string[]): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1];
    // a header cut right after it, as long as a terminal is wide: the next bare line is its message, even one that
    // begins as a record of its own would (the level's padding: `… 7 ERROR` + `    [address=…] Error …`); so is it under a
    // warning's or an error's header whose message began with a newline (RAGFlow's `logging.exception("\nFail to access …")`:
    // `… ERROR    14 ` + `Fail to access embedding model(…).Connection error.`), unless it opens a traceback of its own
    // … or cut inside its bracketed source (`… ERROR 08-28 20:53:08 [hermes_tool_par` + `ser.py:148] json.decoder.JSONDecodeError: …`):
    // the rest closes the bracket, the message behind it; the rest has no process tag of its own, it is that line's
    if (!l.header && l.level !== null && CUT_SOURCE.test(l.text) && untrimmed[i]!.length >= CUT_WIDTH && next && !next.header && !next.cont && next.level === null && CLOSES_SOURCE.test(bodies[i + 1]!)) {
      l.text = '';
      Object.assign(next, { cont: true, level: l.level, proc: l.proc });
      continue;
    }
    const cutHere = untrimmed[i]!.length >= CUT_WIDTH || (l.level !== 'INFO' && l.level !== 'DEBUG' && !TRACEBACK_HEAD.test(next?.text ?? ''));
    if (!l.header && l.level !== null && l.text.trim() === '' && cutHere && next && !next.header && !next.cont && next.level === null && next.text.trim() !== '' && next.proc === l.proc && !FRAME_AT.test(next.text)) {
      next.cont = true;
      next.level = l.level;
      continue;
    }
    if (l.header || l.level !== null || !lines[i + 1]?.cont) continue;
    const rests: number[] = [];
    for (let j = i + 1; j < lines.length && lines[j]!.cont && rests.length < 3; j++) rests.push(j);
    const restText = rests.map((j) => bodies[j]!).join('');
    const joined = cleanShown(l.raw + restText);
    // only a header the cut fell inside: the line alone was all header, its message is in the rests
    if (joined.level === null || joined.text.trim() === '' || joined.text.length > restText.length || !restText.endsWith(joined.text)) continue;
    l.text = joined.text;
    l.level = joined.level;
    for (const j of rests) {
      lines[j]!.text = '';
      lines[j]!.level = joined.level;
    }
  }
}

const TRACEBACK_HEAD = /^\s*Traceback \(most recent call last\):/;
/** A vLLM header's bracketed source cut by a terminal (`[hermes_tool_par`), and the rest that closes it (`ser.py:148] `). */
const CUT_SOURCE = /^\[[\w.-]{0,60}(?::\d{0,6})?$/;
const CLOSES_SOURCE = /^[\w.-]{0,60}(?::\d{1,6})?\] \S/;

/** A row of a text table: `| a | b |`. */
const TABLE_ROW = /^\s*\|.*\|\s*$/;
/** A table's rule: `+-------+----+`. */
const TABLE_RULE = /^\s*\+-[-+]*\+\s*$/;
/** A row whose first cells are empty, the last one written on: the rest of the row above, its last cell wrapped. */
const TABLE_REST = /^\s*\|(?:\s*\|)+\s*\S.*\|\s*$/;

/**
 * Triton's tables (its model table: `| model | version | status |`) wrap a cell too long for its column at the
 * column's width, mid-word, onto the next rows, the other cells empty (triton-inference-server/common
 * 83adf7cf88a2f343005974dff3728be746de2d66:src/table_printer.cc, TablePrinter: `line.substr(k * shares_[j], …)`
 * per row, each cell written `" " << setw(width) << piece << " |"`). Such a row is the rest of the row above,
 * read without the cell's closing ` |` (`… operation no |` + `| | t supported (…) |`: "operation not supported").
 */
function joinTableCells(lines: LogLine[]): void {
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!;
    const above = lines[i - 1]!;
    // a row with its first cell written on, or a rule `+----+`, begins a row of its own: never the rest of a line a terminal cut
    const row = withoutCarrier(l.raw);
    if (!l.header && ((TABLE_ROW.test(row) && !TABLE_REST.test(row)) || TABLE_RULE.test(row))) l.cont = false;
    if (l.header || above.header || !TABLE_REST.test(row) || !TABLE_ROW.test(withoutCarrier(above.raw))) continue;
    above.text = above.text.replace(/ \|$/, '');
    l.text = l.text.replace(/ \|$/, '');
    l.cont = true;
  }
}



/**
 * A message broken over lines, read each way it may have been broken: cut inside a word (joined as is), cut at a space,
 * laid out on indented lines (`FlashInfer Internal Error: Invalid configuration :` + `    NUM_MMA_Q=1 …`, read without the indentation).
 */
export const joinedReadings = (texts: readonly string[]): string[] => [texts.join(''), texts.join(' '), texts.map((t) => t.trim()).join(' ')];

/** `pkg.mod.NameError: message` — an exception by its class name alone (lower-case packages and classes too: `nixl_cu13._bindings.nixlBackendError`). */
const EXCEPTION_CLASS_LINE = /^(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception)(?::\s|:?$)/;
/** A line that ends inside an exception's qualified name, its class begun (`… vllm.v1.engine.exceptions.Engine`). */
const CUT_IN_CLASS = /(?:^|\s)(?:[A-Za-z_]\w*\.)+[A-Z]\w*$/;
/** … or inside a bare class begun (`… Val` + `ueError: No CUDA …`): a rest in lower case is no class of its own. */
const CUT_IN_BARE_CLASS = /(?:^|\s)[A-Z]\w*$/;
/** The rest of an exception's class name and its message (`DeadError: …`, `Error: …`). */
const CLASS_REST = /^\w*(?:Error|Exception)(?::\s|:?$)/;

/**
 * Whether `text` completes an exception's class a terminal cut inside its name at the end of `above`: a qualified class begun
 * (`… vllm.v1.engine.exceptions.Engine` + `DeadError: …`), or a bare one whose rest begins in lower case (`… Val` + `ueError: …`).
 */
export const completesCutClass = (above: string, text: string): boolean =>
  CLASS_REST.test(text) && (CUT_IN_CLASS.test(above) || (CUT_IN_BARE_CLASS.test(above) && /^[a-z]/.test(text)));

/** The lines after line `i` that are the rests a terminal cut off it (same process), at most `max`. */
export function cutRests(lines: readonly LogLine[], i: number, max = 3): number[] {
  const out: number[] = [];
  for (let j = i + 1; j < lines.length && out.length < max && lines[j]!.cont && lines[j]!.proc === lines[i]!.proc; j++) out.push(j);
  return out;
}

/** `ValueError: …`, `torch.OutOfMemoryError: …`, `AssertionError`, C++'s `c10::Error: …` — the line that names an exception. */
const EXCEPTION = /^\s*(?:(?:[A-Za-z_][\w]*(?:\.|::))*[A-Z]\w*(?:Error|Exception|Failed|Interrupt)|(?:[A-Za-z_]\w*::)+(?:Error|Exception))(?::\s|:$|$)/;
const NOT_EXCEPTION = /^\s*(?:File "|raise\b|except\b|from\b|import\b|#)/;

/**
 * Errors that are not Python exceptions but end a start all the same: Docker, the CUDA runtime, a
 * C++ exception (`terminate called after throwing…`, `what():`, TensorRT-LLM's `Assertion failed:`; and std::terminate() called with no
 * exception, "terminate called without an active exception" — a joinable std::thread destroyed, a noexcept function that threw —, as
 * libstdc++'s verbose terminate handler writes it before abort(): GCC 12.2's, run here on a destroyed joinable thread),
 * the CUDACHECK of custom kernels (`Failed: Cuda error file:line 'msg'`), argparse (`prog: error:`; a subcommand's `vllm serve: error:` with one
 * of argparse's own messages, CPython 3.11.7:Lib/argparse.py:776,1871,2142,2157,2199,2263, written by ArgumentParser.error at :2630),
 * clap's argument errors of Rust launchers (TGI: `error: invalid value 'True' for '--x'`), getopt's option errors of C and C++ servers
 * (tritonserver: `tritonserver: unrecognized option '--metrics-interval-ms'`, then its usage; bminor/glibc glibc-2.42
 * d2097651cc57834dbfcaa102ddfacae0d86cfb66:posix/getopt.c:278,319,345,360,621,636, process_long_option and _getopt_internal_r), a Rust panic (std's default hook: "thread '<name>'
 * panicked at <location>:", newer std with the thread's id, "thread '<name>' (<tid>) panicked at …": rust-lang/rust master, page captured
 * 2026-06-29, library/std/src/panicking.rs, default_hook's write_msg; its message from an unwrap, "called `Result::unwrap()` on an `Err` value: <e>"
 * or "called `Option::unwrap()` on a `None` value", core's unwrap_failed in rust-lang/rust 0017bfa989dc7863af1e49251acbb131deb0659f:
 * library/core/src/result.rs and option.rs, read at a line's start where a page kept the message without its header), and the panic hook
 * of color-eyre, which Rust programs (Tabby) install in its place: "The application panicked (crashed)." then "Message:  <payload>" and
 * "Location: <file>:<line>" (eyre-rs/eyre d33b9aa74b2338e6ed8deb51b7129792748dd998:color-eyre/src/config.rs:805-820), PyTorch's failed
 * internal assertion (TORCH_INTERNAL_ASSERT: `<cond> INTERNAL ASSERT FAILED at "<file>":<line>, please report a bug to PyTorch.`,
 * 0109fc4eac46a2f56a2197a9f757ed42d5a817aa:c10/util/Exception.h), also where a logger relays it without its exception's name.
 * And Open MPI's help text of a runtime layer whose init failed ("It looks like orte_init failed for some reason; your parallel
 * process is likely to abort", printed bare: v4.1.6:orte/runtime/help-orte-runtime.txt:23, upstream-messages/openmpi.ts).
 * And what native libraries write bare to stderr as they abort or fail: ggml's failed assertion (`<file>:<line>: GGML_ASSERT(x) failed`,
 * and its abort with "fatal error", `<file>:<line>: fatal error`, upstream-messages/ggml.ts,
 * ggml_abort: ollama v0.17.6:ml/backend/ggml/ggml/include/ggml.h:283, src/ggml.c:239; before it, until mid-2024, `GGML_ASSERT: <file>:<line>: x`
 * then abort(): llama.cpp's ggml.h:261 as ikawrakow/ik_llama.cpp carries its history, 1958f7e06ca2d2e3ab5698cc67513ba359144d8e), the CHECK_CUDA of flash-attention's
 * kernels, which then exit(1) (`CUDA error (<file>:<line>): <cudaGetErrorString>`, Dao-AILab/flash-attention v2.8.3.post1:hopper/cuda_check.h:14;
 * FlashMLA's the same), NVSHMEM's error report (`<file>:<line>: non-zero status: <n> <message>`, NVIDIA/nvshmem
 * v3.4.5-0:src/include/non_abi/nvshmemx_error.h:113-121, upstream-messages/nvshmem.ts), glibc's failed assert() before its abort
 * (`<prog>: <file>:<line>: <function>: Assertion \`<expr>' failed.`, bminor/glibc glibc-2.42:assert/assert.c:127) and AscendC's before its
 * abort or trap (`[ASSERT] <file>:<line>: Assertion \`<expr>' <message>`, its CANN build's with `[CANN_VERSION : v][TimeStamp : t] ` first:
 * ASSERT_MSG of the kernel log interface, cannmirror/asc-devkit; the aicore __assert_fail's `[ASSERT] <file>:<line>:<function> Assertion
 * '<expr>'`, 5f1c020861e6:impl/utils/debug/asc_aicore_assert_impl.h:28-32), and ggml's report
 * of a failed CUDA/ROCm/MUSA call before it aborts (`CUDA error: <cudaGetErrorString>` then "  current device: N, in function …",
 * GGML_LOG_ERROR with no level: ollama v0.17.6:ml/backend/ggml/ggml/src/ggml-cuda/ggml-cuda.cu:90-91, ggml_cuda_error).
 * And ROCm's runtime aborting a process on a device exception in a queue (`:0:rocdevice.cpp :3586: 4637341784 us:  Callback: Queue 0x… aborting
 * with error : HSA_STATUS_ERROR_EXCEPTION: An HSAIL operation resulted in a hardware exception. code: 0x1016`, then abort(): ROCm/clr
 * f9f995c6d0aecec28debd3db0f41df0c15ec003d:rocclr/device/rocm/rocdevice.cpp:2999-3002, Device::callbackQueue, ClPrint at LOG_ALWAYS;
 * capitalised, `Aborting … Available Free mem : 0 MB`, when the error is HSA_STATUS_ERROR_OUT_OF_RESOURCES, :2986-2996). And the HSA runtime's
 * VM fault, before it aborts: "Memory access fault by GPU node-6 (Agent handle: 0x…) on address 0x…. Reason: Unknown." (ROCm/ROCR-Runtime
 * c7785a6da1c10c25bc8d527c00b1fe79bfbd84c9:runtime/hsa-runtime/core/runtime/runtime.cpp:1862-1868), and its hardware-exception handler's
 * report of a GPU reset (a hang, or an ECC error) before it aborts: "HW Exception by GPU node-1 (Agent handle: 0x…) reason :GPU Hang"
 * (the same runtime.cpp:1759-1767).
 * (ggml's GGUF reader, whose every message is an error, is read by LLAMACPP_ERROR_LINE, upstream-messages/ggml.ts.) And llama.cpp's loader that caught the exception
 * its model loading threw, which it logs with no level and the exception's words before it gives up on the model ("llama_model_load:
 * error loading model: <what()>", LLAMA_LOG_ERROR: ollama v0.17.6:llama/llama.cpp/src/llama.cpp:799; in 2023 without the function's name,
 * "error loading model: <what>", ikawrakow/ik_llama.cpp 84cfa98c430dd40ea352f9a85da35455fd8eff85:llama.cpp:969, as llama.cpp's history holds it): `other` unless those words name a category. And ggml's SYCL backend catching a SYCL
 * exception, which it writes bare behind the exception's own words before it exits ("<what()>Exception caught at file:<file>, line:<n>",
 * then std::exit(1): the same llama.cpp, app/src/main/cpp/llama/ggml/src/ggml-sycl/ggml-sycl.cpp:3800-3802 and every SYCL entry point's catch),
 * and LLVM's fatal error, "LLVM ERROR: <reason>" written by report_fatal_error before it aborts or exits (llvm/llvm-project
 * llvm/lib/Support/ErrorHandling.cpp, report_fatal_error, as the code index holds it; Triton's compiler runs in the process it kills), and an
 * error diagnostic of LLVM's source manager, "<file>:<line>:<column>: error: <message>" (SMDiagnostic::print, llvm/llvm-project
 * 013587e33607c3523c823ff9fe78fb54286c9a72:llvm/lib/Support/SourceMgr.cpp), the form MLIR's handler gives a failed pass — Triton's kernel
 * compiler writes its errors this way above the "PassManager::run failed" it then raises — and compilers' errors take too. (vllm.rs'
 * bare "Graph capture failed: <error>" is read by VLLM_RS_CAPTURE_FAILED, upstream-messages/serving.ts.)
 * And C's assert() failing, in glibc's words "<program>: <file>:<line>: <function>: Assertion `<expr>' failed." (__assert_fail_base's
 * format "%s%s%s:%u: %s%sAssertion `%s' failed.", as the libc.so.6 of glibc 2.36, Debian 12's libc6 2.36-9+deb12u14, holds it), also where a terminal or
 * a pasted excerpt cut it after the word: the file, line and function before ": Assertion" already say an assert failed and aborted.
 */
const ERROR_LINE = /\bINTERNAL ASSERT FAILED at ["/\w.]|^\s*GGML_ASSERT: \S.*?:\d+: \S|^\s*(?:docker: )?Error response from daemon:|^\s*CUDA error \d+ at |^\s*terminate called (?:after throwing|without an active exception)|^\s*what\(\):|Assertion failed:|^\s*Failed: Cuda error|^[\w./-]+: error: |^[a-z][\w./-]* [a-z][\w-]*: error: (?:argument |unrecognized arguments|the following arguments are required|one of the arguments|ambiguous option|expected one argument)|^error: (?:invalid value|unexpected argument|the following required arguments|a value is required|unrecognized subcommand)\b|^[\w./-]{1,200}: (?:unrecognized option '|invalid option -- '|option '[^']{1,80}' (?:requires an argument|doesn't allow an argument|is ambiguous)|option requires an argument -- ')|\bthread '[^']+'(?: \(\d+\))? panicked at |\bThe application panicked \(crashed\)\.|^\s*called `(?:Result|Option)::unwrap\(\)` on an? `(?:Err|None)` value\b|\bIt looks like \w{1,40} failed for some reason; your parallel process is\b|^\s*CUDA error \([^()]{1,300}:\d+\): \S|^\s*\S{1,300}\.(?:c|cc|cpp|cu|h):\d+: non-zero status: -?\d+ |\bAssertion `[^`']{1,300}' failed\.|\S\.(?:c|cc|cpp|cxx|cu|cuh|h|hpp):\d+: \S.{0,600}?: Assertio?n?(?: `[^`']*)?$|^\s*\[ASSERT\] (?:\[[^\]]{1,80}\]\s*){0,2}\S{1,300}:\d+:\S{0,200} Assertion [`'][^`']{1,300}'(?:\s|$)|^\s*(?:CUDA|ROCm|MUSA) error: \S|\b[Aa]borting with error : HSA_STATUS_ERROR\w*: \S|^\s*(?:Memory access fault|HW Exception) by GPU node-\d+ \(Agent handle: |^\s*(?:llama_model_load: )?error loading model: \S|Exception caught at file:\S+, line:\d+|^\s*LLVM ERROR: \S|^\s*[\w./-]{1,300}:\d+:\d+: error: \S/;
/**
 * The shell not finding a program it was to run (bash's "<script>: line 52: nvidia-smi: command not found", dash's "/bin/sh: 1: x: not
 * found"): it names the program that did not run, so a server seen coming up after it was not that program (served-through.ts).
 */
export const COMMAND_NOT_FOUND = /^\s*[\w./~-]{1,200}: (?:line \d+: )?[^\s:]{1,200}: command not found\s*$|^\s*[\w./~-]{1,200}: \d+: [^\s:]{1,200}: not found\s*$/;
/**
 * What runtimes and tools write bare as a start fails, in their own forms (issue #22, each read from its source):
 * - a failed CHECK of glog and abseil (the C++ logging of XLA/JAX, TensorFlow, PaddlePaddle, Triton's and others' code): the
 *   FATAL record `F1203 10:00:00.000000 123 pjrt.cc:12] Check failed: <condition> <message>`, then "*** Check failure stack
 *   trace: ***" and the abort (google/glog v0.7.1:src/glog/logging.h:603, CHECK's `<< "Check failed: " #condition " "`;
 *   :src/logging.cc:1741; abseil/abseil-cpp 20260817.0:absl/log/internal/log_message.cc:746). A failed assertion: `other`,
 *   unless the message after it names a category (`RESOURCE_EXHAUSTED: Out of memory …`: oom);
 * - Go's panic (Ollama, the NVIDIA container toolkit, Kubernetes' components): `panic: <value>` (a runtime error's value is
 *   "runtime error: …", "invalid memory address or nil pointer dereference"), then `goroutine 1 [running]:` and its stack
 *   (go1.19.8:src/runtime/panic.go:601, printpanics; :256 the nil dereference's words; src/runtime/traceback.go:1028). It
 *   names what failed, as Rust's panic and a Python exception do (a nil dereference is Python's `AttributeError: 'NoneType'
 *   …`): `other` unless its words name a category; not a bare signal (`Segmentation fault`), which names nothing;
 * - the shell not finding the program it runs: bash's `bash: line 1: vllm: command not found` (bminor/bash
 *   bash-5.3:execute_cmd.c:5910, error.c:82-85), dash's `/bin/sh: 1: sglang: not found` (its category in
 *   upstream-messages/runtimes.ts);
 * - uv's resolver finding no versions to install, printed by its error handler (miette) behind `×`: `  × No solution found
 *   when resolving dependencies:` (astral-sh/uv 0.12.5:crates/uv-resolver/src/error.rs:1779; the printed form in its test
 *   snapshot crates/uv/tests/it/auth.rs:68), or behind `error: ` (crates/uv-errors/src/lib.rs:361). pip's own reports carry
 *   its `ERROR: ` level.
 * - tini, the init many images run as their entrypoint, that could not exec the program it was given: `[FATAL tini (7)] exec
 *   /app/entrypoint.sh failed: No such file or directory` (krallin/tini v0.19.0:src/tini.c:216, PRINT_FATAL at :29).
 * - pydantic's rendering of a validator's ValueError under a ValidationError, `Value error, <message> [type=value_error, …]`
 *   (ErrorType::ValueError's template "Value error, {error}", pydantic/pydantic-core c009b0004ea955d874790ee2d0a88164f313c23a:
 *   src/errors/types.rs), read also where a paste begins at it (vLLM's config classes are pydantic dataclasses)
 * - PRRTE, the runtime Open MPI 5 launches its ranks through (TensorRT-LLM's MPI workers), logging an error it returned: `[worker:15806]
 *   PRTE ERROR: Bad parameter in file base/odls_base_default_fns.c at line 962` (openpmix/prrte 52d5e4bb1fb6dab9c46636a797605b9629581cd6:
 *   src/util/error.h:32-38, PRTE_ERROR_LOG: `pmix_output(0, "PRTE ERROR: %s in file %s at line %d", …)`, pmix_output's `[host:pid] ` before it)
 */
const RUNTIME_FAILURE_LINE = new RegExp(String.raw`^\s*Check failed: \S|^\s*Value error, \S|^\s*(?:\[[\w.-]+:\d+\] )?PRTE ERROR: \S.{0,200} in file \S+ at line \d+\s*$|^\s*panic: \S|^\s*\[FATAL tini \(\d+\)\] exec \S+ failed: \S|^\s*(?:×|error:) No solution found when resolving\b|` + COMMAND_NOT_FOUND.source);
/** An exception named inside a line that carries no logger level (prose, a table, a cut line, `inline code`). */
const INLINE_EXCEPTION = /(?:^|[\s:'"(`“‘«])[A-Za-z]*(?:Error|Exception)(?:\([^()]{0,200}\))?: \S/;
/**
 * Error markers inside a line: TensorRT-LLM's `[TensorRT-LLM][ERROR]`, Triton's model table row of a model that failed to load,
 * `UNAVAILABLE: <its status's code>: …` (every code's words: triton-inference-server/common 6f614eb19af5:src/error.cc:42-60, CodeString).
 */
const INLINE_ERROR = /\[(?:TensorRT-LLM|TRT-LLM)\]\s*\[(?:ERROR|E)\]|\bUNAVAILABLE: (?:Internal|Not found|Invalid argument|Unavailable|Unsupported|Already exists|Unknown):|\bloading failed with error:/;

/** An exception logged by its repr at ERROR level: `AssertionError('Only … is supported.')`. */
const EXCEPTION_REPR = /^\s*(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception)\((?:['"]|$)/;

export function isExceptionLine(l: LogLine): boolean {
  if (l.header || NOT_EXCEPTION.test(l.text)) return false;
  if (isFatalRecord(l) || EXCEPTION.test(l.text) || ERROR_LINE.test(l.text) || GGML_ASSERT_FAILED.test(l.text) || GGML_FATAL_ABORT.test(l.text) || GGML_ABORT_LINE.test(l.text) || LLAMACPP_ERROR_LINE.test(l.text) || VLLM_RS_CAPTURE_FAILED.test(l.text) || RUNTIME_FAILURE_LINE.test(l.text) || isArgparseError(l)) return true;
  return isErrorLevel(l) ? EXCEPTION_REPR.test(l.text) : l.level === null && (INLINE_EXCEPTION.test(l.text) || ROCBLAS_ABORT.test(l.text));
}

export function isErrorLevel(l: LogLine): boolean {
  return l.level === 'ERROR' || l.level === 'CRITICAL';
}

/**
 * An INFO line that relays another component's failure with its exception (Triton's Python backend:
 * `I1216 … pb_stub.cc:388] "Failed to initialize Python stub: TypeError: …"`) is that failure.
 */
const RELAYED = /\bFailed to [\w ]{3,60}: (?:[\w.]+\.)?[A-Z]\w*(?:Error|Exception): \S/;
/**
 * NCCL logs the error code a call returned, up its call stack, at INFO (`NCCL INFO init.cc:1337 -> 2`; NVIDIA/nccl
 * v2.30.7-1:src/include/checks.h:113,153): a failure relayed, not information.
 */
const NCCL_RETURNED = /\bNCCL INFO [\w/.-]+\.(?:cc|cu|h):\d+ -> [1-9]\b/;

export function relaysFailure(l: LogLine): boolean {
  return l.level === 'INFO' && (RELAYED.test(l.text) || NCCL_RETURNED.test(l.text) || TRITON_LOAD_FAILED.test(l.text));
}

/** A line logged as an error (by its level or a marker inside it) that is not an exception. */
export function isErrorLine(l: LogLine): boolean {
  return !l.header && !NOT_EXCEPTION.test(l.text) && (isErrorLevel(l) || INLINE_ERROR.test(l.text));
}

/**
 * Errors an engine logs and then catches, going on without what failed: vLLM logs "Cannot use FA
 * version %d is not supported due to %s" and returns no FlashAttention version, its caller picking
 * another backend (22f8d28697322f81fd8bf47790cce714e84ce859:vllm/v1/attention/backends/fa_utils.py:144-154,
 * `except (ImportError, AssertionError): return None`). And Triton's backend input collector, which logs at verbose level each memory type
 * it could not allocate an input buffer in ("unable to create backend memory for type: CPU_PINNED id: 0: …", the allocators' errors on the
 * lines after it) and tries the next allowed one (CPU), failing the request only with "failed to allocate contiguous buffer for input"
 * (triton-inference-server/backend r21.07:src/backend_input_collector.cc:195-232), with the allocators' errors BackendMemory::Create lists
 * on the lines after it, one per memory type tried ("\n\t<type>: <error>", src/backend_memory.cc:133-138). And vLLM's with_retry, which
 * logs each failed attempt but the last at ERROR, "<what>: <error>, retrying <n> of <m>", and tries again; the last logs without
 * "retrying" and raises (2665d4910d814b0affde789ac16e4d4a3bcb4da9:vllm/transformers_utils/config.py:265-283, Yuran-7/vllm-0.11;
 * "Error retrieving file list" at :323, "Error retrieving safetensors" at :985-987). And tpu-inference (vLLM's TPU back-end) asking the
 * GCE metadata server for the TPU's type, which off a TPU VM (Colab, GKE) answers 404: it logs "Unable to poll TPU GCE Metadata. Got status
 * code: 404 and content: …" (or "Unable to poll the TPU GCE Metadata: <e>") at ERROR and returns None, the start going on
 * (vllm-project/tpu-inference 1bc82fb6c31d46c57e3f20d0000933d9d9428883:tpu_inference/tpu_info.py:26-32); a caller that needed the value fails
 * later in words of its own. And Google's tpu-info (which tpu-inference imports), whose canary process imports libtpu apart: any exit but
 * 0, 1 or a segfault is reported as "Check failed with unknown exit code: -6." on stderr, and it proceeds without libtpu — "better to try to run
 * without TPU than to error out" (AI-Hypercomputer/cloud-accelerator-diagnostics fe85c12527bdaee4d0a485010fbb9e4adda5b0bc:
 * tpu_info/tpu_info/cli_helper.py:85-95,143-158). And ggml's CUDA back-end asking for pinned host memory for the layers left on the CPU: when
 * cudaMallocHost fails it logs "ggml_cuda_host_malloc: failed to allocate N MiB of pinned memory: out of memory" and returns null, its caller
 * falling back to an ordinary CPU buffer (unslothai/llama.cpp d32676d77426540327835040d5d3279728f0b4c8:ggml/src/ggml-cuda/ggml-cuda.cu:1273-1298,
 * llama.cpp's as it carries it): the load goes on. Only for host memory it could not pin ("out of memory": cudaMallocHost's, the host's
 * page-locked memory, not the GPU's): a driver that fails every CUDA call (803, "system has unsupported display driver / cuda driver
 * combination") fails there first and names the cause of what fails after. And SGLang's watchdog, which once a scheduler hung past its
 * timeout runs py-spy to dump the schedulers' stacks and logs at ERROR when it cannot ("Pyspy failed to dump PID <pid>. Error: <stderr>",
 * py-spy not installed; "Pyspy failed (<cmd>). Error: …" and "All pyspy dump attempts failed for PID <pid>." since April 2026), then
 * logs the watchdog's timeout and kills the process (sgl-project/sglang 3ebf066d131de7b2e0fdaa0c5b4c7c779dcf61c6:
 * python/sglang/srt/utils/common.py:2339-2350 and utils/watchdog.py:149-156; 7607e4d18055766c45bc019dd354f20b1509e6e6:
 * python/sglang/srt/utils/common.py:2464-2477, as BBuf/sglang carries them): a diagnostic of the hang, not its cause.
 */
export const CAUGHT = /\bPyspy failed (?:to dump PID \d+|\([^()\n]{1,200}\))\. Error: |\bAll pyspy dump attempts failed for PID \d+|\bUnable to poll (?:the )?TPU GCE Metadata\b|^\s*Check failed with unknown exit code: -?\d+\.\s*$|, retrying \d+ of \d+\s*$|\bCannot use FA version \d+ is not supported due to\b|\bunable to create backend memory for type: \w+ id: \d+: |^\s+(?:CPU_PINNED_POOL|CPU_PINNED|GPU_POOL|GPU|CPU): (?:failed to allocate|no pinned memory pool)\b|^\s*ggml_cuda_host_malloc: failed to allocate [\d.]+ MiB of pinned memory: out of memory\b/;

/**
 * An HTTP client's report of an error status of one class (client: 4xx, server: 5xx), in the words of the client that sent the request:
 * requests' raise_for_status "404 Client Error: Not Found for url: …" (2.31.0, as pip 23.2.1 vendors it: pip/_vendor/requests/models.py:1012,
 * 1017), pip's "HTTP error 404 while getting …" (pip 23.2.1:pip/_internal/network/download.py:138), httpx's "Client error '404 Not Found'
 * for url '…'" (0.23.3 as Debian ships it: httpx/_models.py:735-748), reqwest's "HTTP status client error (404 Not Found) for url (…)" as uv
 * and other Rust programs print it (seanmonstar/reqwest 065a5ae5209d27d4f4e3c4409725672c49a8aa39:src/error.rs:276-296).
 */
export function httpStatusError(kind: 'client' | 'server'): RegExp {
  const d = kind === 'client' ? '4' : '5';
  const K = kind === 'client' ? 'Client' : 'Server';
  return new RegExp(String.raw`\b${d}\d\d ${K} Error: .{1,80}? for url: |\bHTTP error ${d}\d\d while getting |\b${K} error '${d}\d\d [^']{1,60}' for url '|\bHTTP status ${kind} error \(${d}\d\d\b[^)]{0,60}\) for url \(`);
}

/** Messages that only announce that something else failed earlier ("see root cause above"). */
const WRAPPERS: RegExp[] = [
  /Engine core initialization failed/i,
  /EngineCore failed to start/i,
  /EngineDeadError/,
  // … and its later words, the same logger.exception in run_engine_core when the busy loop (not the start) raised, its traceback after it
  // (vllm/v1/engine/core.py:716 at 2665d4910d814b0affde789ac16e4d4a3bcb4da9, Yuran-7/vllm-0.11)
  /EngineCore encountered (?:an issue|a fatal error)/i,
  /WorkerProc (?:failed to start|hit an exception)/i,
  /Worker failed with error/i,
  /Exception in worker \S+ while processing method/i,
  // … and vLLM's worker wrapper logging the exception of a method it ran for the executor, then re-raising it: its traceback follows
  // (jinhuang12/vllm v0.16.0:vllm/v1/worker/worker_base.py:331-340, execute_method: `logger.exception(msg)`, then `raise e`)
  /\bError executing method .{1,200}?\. This might cause deadlock in distributed execution\b/,
  /\b\w+ hit an exception\b/i, // SGLang: Scheduler / TokenizerManager / DataParallelController hit an exception
  MODEL_FAILED_WITH,
  // (SGLang from 2025-01 to 2025-03 wrote "proces.": 03464890e0e0d048ebc1aa407e5235d7338f6aff:python/sglang/srt/entrypoints/engine.py:330, BBuf/sglang)
  /Received sigquit from a child proces(?:s\b|\.)/i,
  // any error that says its cause is above: vLLM's handshake raising "Engine core initialization failed. See root cause above. Failed
  // core proc(s): {…}" once a process it started exited (jinhuang12/vllm v0.16.0 2d5be1dd:vllm/v1/engine/utils.py:984-988), the same
  // words for its API-server processes ("Frontend process failed during engine core initialization. See root cause above."); read with
  // the sentence that says what failed, so that a rest a terminal cut off ("d. See root cause above.") is no wrapper of its own
  /\bfailed\b[^.]{0,80}\. See root cause above\b/i,
  // Triton's model lifecycle, once a model's load failed: its versions' errors were logged before it (`E… failed to load 'm' version 1:
  // <reason>`), then at INFO "failed to load '<model>'" alone (triton-inference-server/core 05295b706ae45796a7c9e3b2a58c19afd23f0054:
  // src/model_repository_manager/model_lifecycle.cc:765, ModelLifeCycle::OnLoadFinal, LOG_INFO; the version's error at :630)
  TRITON_LOAD_FAILED,
  // vLLM's model registry catching any exception of loading or inspecting a model's class (its module's import, the subprocess that
  // inspects it) and logging it with its traceback after these words (2a69949bdadf0e8942b7a1619b229cb475beef20:vllm/model_executor/models/
  // registry.py:868-883, `except Exception: logger.exception("Error in inspecting model architecture '%s'", model_arch)`): the traceback's
  // exception is the failure, whatever it is; the words name none
  /\bError in (?:loading|inspecting) model architecture '[\w.-]{1,80}'/,
  // a child program that ended by a signal, told only by its return code: Python's returncode is -N for a child a signal N ended
  // ("A negative value -N indicates that the child was terminated by signal N (POSIX only)": docs.python.org/3/library/subprocess.html,
  // Popen.returncode), and torch-neuronx raises with it alone, "RuntimeError: neuronx-cc failed
  // with -9" (torch_neuronx/xla_impl/trace.py:232, `raise RuntimeError(f'neuronx-cc failed with {status}')`, as a log's own frame shows
  // it): the program was killed (the OOM killer's SIGKILL, most often) and said nothing the log holds
  /\bfailed with -\d{1,2}\s*$/,
  // … and any "initialization failed" that gives no reason of its own (TensorRT-LLM's bare "Executor initialization failed",
  // SGLang's "Initialization failed. warmup error: <traceback>", vLLM's "WorkerProc initialization failed due to an exception
  // in a background process"); not one that says, after a comma or colon, why what it names failed: PyTorch's "CUDA driver
  // initialization failed, you might not have a CUDA gpu." (TORCH_CHECK on cudaErrorInitializationError,
  // pytorch/pytorch 01a6a16d9bb6:c10/cuda/CUDAFunctions.cpp:59, under `case cudaErrorInitializationError` :56) names the driver and why: its words decide
  /Initialization failed(?![,:;]\s*(?!(?:see|please|check|look|refer)\b)[a-z])/i,
  // Ray: an actor that died names no cause (its own traceback, or the OOM killer's line, comes apart from it); RayActorError is
  // ActorDiedError's base class, raised bare by older Ray (ray-project/ray 3c6f7df5c02ea13ed318b8979feb912c80ec9b1b:
  // python/ray/exceptions.py, class ActorDiedError: BASE_ERROR_MSG "The actor died unexpectedly before finishing this task.")
  // … and the raylet's report of a worker that exited on a system error ("A worker died or was killed while executing a task by an
  // unexpected system error. To troubleshoot the problem, check the logs for the dead worker. … Worker exit detail: …", ray-project/ray
  // a3d430a66d7b75bd1433f41f47b07715e7d3fb83:src/ray/raylet/node_manager.cc, NodeManager::DisconnectClient): the detail that may follow
  // (the memory monitor's "Task was killed due to the node running low on memory. Memory on the node … exceeds the memory usage
  // threshold …") is read on its own
  // … and Ray Serve's controller once a replica's start raised: "Exception in Replica(id='…', deployment='…', app='…'), the replica will be
  // stopped." (older: "Exception in replica '<tag>', …"), a logger.exception with the task's RayTaskError and its traceback after it
  // (ray-project/ray python/ray/serve/_private/deployment_state.py, check_ready's `except RayTaskError`, as the code index holds it at 7c360e1b)
  /RayTaskError|ActorDiedError|RayActorError|\bThe actor died unexpectedly before finishing this task\b|\bA worker died or was killed while executing a task by an unexpected system error\b|\bException in (?:Replica\(id='[^']*', deployment='[^']*', app='[^']*'\)|replica '[^']*'), the replica will be stopped\b/,
  // a subprocess's exit status; and torch_npu's task queue once an operator run asynchronously on the NPU failed: "The Inner error is
  // reported as above. The process exits for this inner error, and the current working operator name is <op>." (the NPU's own error was
  // logged before it; what ACL says follows it, read on its own: Ascend/pytorch 9e73e708ab9350d203475609f36f8a43f6a0c2ab:
  // torch_npu/csrc/core/npu/NPUQueue.cpp:321-332,591-594)
  /CalledProcessError|\bThe Inner error is reported as above\. The process exits for this inner error\b/,
  /ChildFailedError/, // torchrun's summary of a rank that failed (its own traceback comes first)
  // PyTorch's C++/CUDA extension build through ninja: _run_ninja_build raises RuntimeError(<error_prefix>) from the CalledProcessError,
  // appending ": <ninja's output>" only where it captured it; setup.py builds (pip) stream the compiler's errors above it and raise the bare
  // words, "Error compiling objects for extension" (torch 2.11.0, 70d99e998b4955e0049d13a98d77ae1b14db1f45:torch/utils/cpp_extension.py:2366
  // the prefix, :2740-2791 _run_ninja_build, read as installed on the device machine); a JIT build (torch.utils.cpp_extension.load) the
  // same with "Error building extension '<name>'" (_write_ninja_file_and_build_library): the compiler's failure is above it, if anywhere
  /^\s*(?:RuntimeError: )?Error (?:compiling objects for extension|building extension '[\w.-]{1,80}')\s*$/,
  // vLLM's model registry: the subprocess's own traceback follows; Xinference's worker: `logger.error(f"Failed to load model {model_uid}",
  // exc_info=True)`, the traceback after it (xorbitsai/inference v1.9.0:xinference/core/worker.py:1132; 7ecec16b63383e18e4af790c4b522fb7d79f7e77:…:3947,4078)
  // … and LMDeploy's PyTorch engine's rank that raised: "Rank[N] failed." logged, then print_exc() writes the traceback that holds the
  // cause (InternLM/lmdeploy 83eed6ed26df22528edd5920cdfd057fafded795:lmdeploy/pytorch/engine/model_agent.py:452-458)
  /Error raised in subprocess|^\s*Failed to load model [\w.-]+\s*$|^\s*Rank\[\d+\] failed\.\s*$/,
  // vLLM's registry: a supported architecture whose class could not be loaded in the inspection subprocess; the
  // subprocess's own error is logged apart, "Please check the logs" (22f8d28697322f81fd8bf47790cce714e84ce859:vllm/model_executor/models/registry.py:940-947)
  /\bModel architectures? .{0,200}\bfailed to be inspected\b/,
  // SGLang: this rank loaded the model, others did not: their failure is elsewhere ("It is likely due to unexpected
  // failures (e.g., OOM) or a slow node": 65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/model_executor/model_runner.py:1430)
  /\bTP rank \d+ could finish the model loading, but there are other ranks/,
  // vLLM v0.6–0.8 vllm/entrypoints/openai/api_server.py (build_async_engine_client_from_engine_args)
  /Engine process failed to start/i,
  // vLLM v1 vllm/v1/engine/core_client.py and vllm/v1/executor/multiproc_executor.py
  /died unexpectedly, shutting down|Executor failed\b/i,
  /AsyncEngineDeadError|MQEngineDeadError|Background loop has errored already/,
  // vLLM's AsyncLLMEngine (V0, until 0.10): its background loop's exception logged with its traceback after it, then AsyncEngineDeadError
  // (Yuran-7/vllm-0.11 505805b645649be6a8e788a1f048b851fa123ef1:vllm/engine/async_llm_engine.py:61-68, _log_task_completion)
  /\bEngine background task failed\b/,
  // llama-server's main once load_model returned false, having logged why (mmkurodan/llama d582f0cb50fe92f23c1eac180e22785af5f23e3b:
  // app/src/main/cpp/llama/tools/server/server.cpp:4947-4951, LOG_ERR, printed with no level by default)
  // … and llama.cpp's tools once llama_model_load_from_file returned NULL, its loader having logged why ("llama_model_load: error loading
  // model: …"): "<fn>: error: failed to load model '<path>'" (ikawrakow/ik_llama.cpp 8337e4cd3861406fc04e0854b1409cd1b027fbc9:
  // examples/llama-bench/llama-bench.cpp:2207-2210, common/common.cpp:4070-4072, as llama.cpp carries them)
  /\bexiting due to model loading error\b|\b\w+: error: failed to load model '[^']{1,300}'\s*$/,
  // an exception whose message is a traceback that follows it, its own message at that traceback's end: TVM's FFI errors (MLC-LLM),
  // "tvm._ffi.base.TVMError: Traceback (most recent call last):" then the C++ frames, then the message (apache/tvm v0.14.0
  // 7315c9d5b46408a047409f1e047cb6b7779c668e:python/tvm/_ffi/base.py:240-280, c2pyerror: out_msg = "Traceback (most recent call
  // last):\n" + the frames + the message); cut before its end, it names no cause (the guide's rule 4)
  /^\s*[\w.]+(?:Error|Exception): Traceback \(most recent call last\):\s*$/,
  // vLLM 0.6.2–0.6.3's MQLLMEngine: its heartbeat thread found the engine loop not alive within its threshold (stuck or dead, no cause
  // of its own: 6e0c9d6bd07464b311eb098e2dac8196eed16721:vllm/engine/multiprocessing/engine.py:309-316), and the client logs it as
  // `logger.exception(repr(e))`, "RuntimeError('Engine loop has died')" (04cef2c6ab0ea47bb1dfa73d3343985499fe1c4b:vllm/engine/multiprocessing/client.py:278-279)
  /\bEngine loop has died\b/,
  // SGLang python/sglang/srt/entrypoints/engine.py (_launch_subprocesses): `Rank 0 scheduler is dead.`
  /scheduler is dead\. Please check/i,
  // (not a ZMQ socket that could not bind: "Address already in use" (EADDRINUSE), "Cannot assign requested address" (EADDRNOTAVAIL, an
  // address that is not this host's: another node's IP given to bind), "Operation not supported" (ENOTSUP, an ipc:// endpoint
  // where the filesystem has no Unix sockets): pyzmq raises ZMQError(errno), its text libzmq's strerror of it, zeromq/pyzmq
  // v26.2.0:zmq/error.py:28-61, at the bind itself, a cause of its own; glibc's strerror text of each, bminor/glibc
  // glibc-2.42:sysdeps/gnu/errlist.h:346 for EADDRNOTAVAIL)
  /BrokenPipeError|ConnectionResetError|ZMQError(?!: (?:Address already in use|Cannot assign requested address|Operation not supported)\b)/,
  // … and a bare EOFError: multiprocessing's pipe read when the process at its other end is gone (CPython 3.11.7:
  // Lib/multiprocessing/connection.py:395-399, `raise EOFError` with no message; SGLang's launcher reading its schedulers' pipes)
  /^\s*EOFError\s*$/,
  /^\s*(?:RuntimeError|Exception): *$/,
  // TGI's launcher ends with its LauncherError after a shard or the webserver failed (its output comes first):
  // huggingface/text-generation-inference launcher/src/main.rs (enum LauncherError; tag and line not checked)
  // (DownloadError too: "Download encountered an error: {err}" is logged before it with the download's stderr,
  // v3.3.7-1-gdb931fcf (db931fcf42da018a3657580c64bf2720f167f9ab):launcher/src/main.rs:1415-1432, :1560-1567)
  // … and, before it, its heading of the exited shard's standard error, which follows it on the next lines (v3.3.7:launcher/src/main.rs:1210-1217,
  // `tracing::error!("Shard complete standard error output:\n{err}")`, err the shard's stderr lines, each after a newline)
  /^\s*Error: (?:ShardCannotStart|ShardDisconnected|ShardFailed|WebserverFailed|WebserverCannotStart|DownloadError)\s*$|\bShard complete standard error output:\s*$/,
  CHAINED, SYCL_CATCH,
  // Triton's TensorRT backend: deserializing the plan returned no engine; TensorRT's logger wrote why before it
  // (28de1ecacf80f045216dab2dd58ee8ec570d911e:src/loader.cc:58 of triton-inference-server/tensorrt_backend). Newer
  // backends append TensorRT's last error ("unable to create TensorRT engine: <why>", e2ef6d790ba8:src/loader.cc:88-90): that one is read
  /\bunable to create TensorRT engine\s*(?:\|\s*)?$/,
  // a launcher that waited for the server and gave up, or saw its process exit: the labelling guide's rule 4 ("a timeout
  // waiting for the server", an exit code); the server's own output, if any, says why. SGLang's engine launcher and test
  // launcher (BBuf/sglang d72314808fae:python/sglang/srt/entrypoints/http_server_engine.py:46, python/sglang/test/test_utils.py:846,865,869,
  // raised as TimeoutError at :1014,1028; multimodal: runtime/entrypoints/http_server.py:72, test/server/test_server_utils.py:492) and
  // vLLM's RemoteOpenAIServer, which its CI and many users' scripts start servers with (local-inference-lab/vllm
  // 396c8fee5071117914104244cc962db805ab0af0:tests/utils.py:652)
  /\bServer failed to start (?:within the timeout period|in time)\b/,
  /\bServer (?:process exited with code |unexpectedly exited \(return_code=)-?\d+/,
  /\bServer not ready within \d+(?:\.\d+)?s\b|\bHTTP server did not become ready at \S+/,
  // … SGLang's disaggregation tests: the load balancer's health never answered ("Server {url} failed to start in {timeout}s", BBuf/sglang
  // 65d3b47f630f86262781702109b56d3290af39cf:test/manual/ascend/disaggregation_utils.py:72-84, wait_server_ready), the router's nodes never
  // all ready ("Failed to wait for all nodes to be ready", raised in launch_router of test/nightly/ascend/performance/
  // test_ascend_disaggregation_utils.py:146, newer than the mirror: its raise line is in the traceback of unknown/for-debug-sglang-ascend-…),
  // and the retry helper around such a test giving up, each try's own traceback printed before it (python/sglang/srt/utils/common.py:2768-2778)
  /\bServer \S+ failed to start in \d+(?:\.\d+)?s\b|\bFailed to wait for all nodes to be ready\b|\bretry\(\) exceed maximum number of retries\b/,
  // … and any launcher's own timeout waiting for a server's ready line, in its words ("TimeoutError: timed out waiting for '[pflash-daemon]
  // ready'", a benchmark harness's `raise TimeoutError(f"timed out waiting for {needle!r}; …")`, shown in its traceback at noonghunna/club-3090
  // 4a29ab57d42a1d587de1042fa5dfd9535f94a063:results/lucebox-pflash-niah-20260504-145351/pflash-niah-bench.log:16): the guide's rule 4
  /\btimed out waiting for ['"]?[^'"\n]{0,80}\bready\b/i,
  // AReaL's remote inference engine polled its SGLang or vLLM rollout server's health until its setup timeout (inclusionAI/AReaL
  // v0.3.4:areal/engine/sglang_remote.py:61 and vllm_remote.py:65 as RuntimeError; v1.0.4:areal/infra/remote_inf_engine.py:379 as TimeoutError)
  /(?:^|Error: )server launch failed\s*$/,
  // vLLM's engine core waited for the API server's answer to its handshake and gave up: the front end died or hung before it, and
  // the core says only that it timed out (jinhuang12/vllm 2a69949bdadf0e8942b7a1619b229cb475beef20, v0.19.0:vllm/v1/engine/core.py:1019-1024,
  // HANDSHAKE_TIMEOUT_MINS = 5 at :82): the guide's rule 4
  /\bDid not receive response from front-end process within \d+ minutes\b/,
  // Triton's Python backend: its stub process (the model's Python interpreter) died or stopped answering; what killed it
  // is the stub's own output, logged before (triton-inference-server/python_backend 47f9e030ea1e:src/python_be.cc:1353, 2681-2685)
  /\bStub process (?:'[^']{1,200}' )?is not healthy\b/,
  // ---- read from the engines' and launchers' source (issue #22): what they raise or log once a child, worker, rank,
  // subprocess or runner failed, naming only that it died (an exit status, a signal), never why ----
  // vLLM v1's API-server supervisor: a child that exited non-zero, an engine core that died
  // (local-inference-lab/vllm 28be48fa944d8c58aeffd1ab1b56e27828c6b268:vllm/v1/utils.py:308-317)
  /\bProcess \S{1,80} \(PID: \d+\) died with exit code -?\d+/,
  /\bEngine core process \S{1,80} died unexpectedly\b/,
  // vLLM's Ray executor v2: no worker started; a worker's init answered without its READY status (a dict of status and
  // queue handle, no error: same commit, vllm/v1/executor/ray_executor_v2.py:181-187, :407-408, :433)
  /\bRay workers have not started successfully\b/,
  /\bWorker \d+ failed to initialize: \{/,
  // vLLM V0: the multiprocessing worker pool's future of a worker that died (12dbd834cf33b539a50d65516e44327caff9d824:
  // vllm/executor/multiproc_worker_utils.py:88, :175), the MQ client's engine process found dead
  // (58d4c705a88adc3187591b4b2e651eae3b190061:vllm/engine/multiprocessing/client.py:165-166, :183)
  /\bChildProcessError: worker died\b/,
  /\bEngine process \(pid \d+\) died\b/,
  // SGLang: a scheduler whose pipe closed during init; the message names its exit code and, as advice, the OOM killer
  // for -9 ("Run `dmesg -T | grep -i oom` to check"): no cause of its own (BBuf/sglang
  // 65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/entrypoints/engine.py:1310-1318); its HTTP-server
  // engine's child server that exited (same commit, python/sglang/srt/entrypoints/http_server_engine.py:41)
  /\bRank \d+ scheduler died during initialization \(exit code: -?\d+\)/,
  /\bServer process terminated unexpectedly\b/,
  // LMDeploy's DP launcher: a server process that exited non-zero (InternLM/lmdeploy v0.16.0-5-g1263d5cd8
  // (1263d5cd889b7ad500e85b8eb20401327a4516ab):lmdeploy/serve/openai/launch_server.py:180-182)
  /\bServer process \d+ exited with code -?\d+/,
  // TensorRT-LLM's executor proxy: the MPI worker ended before it signalled, or signalled an error whose trace it logged
  // first ("Executor worker initialization error: <trace>"): NVIDIA/TensorRT-LLM b93e14ca093e446615f3009cae6ca5a33c4f2f56:
  // tensorrt_llm/executor/proxy.py:336-345 (_start_executor_workers; lines counted in the code index's copy)
  /\bExecutor worker (?:returned error|died during initialization)\b/,
  // Ollama: the runner ended with no error text of its own, only an exit code, or nothing (ollama/ollama v0.25.0-rc0-10-gf63eea3d2
  // (f63eea3d273816ffc27fbeb0662ab44d236abc45):llm/server.go:1394-1404); after a colon it relays Go's exit status or signal of the
  // process (cmd.Wait()'s "exit status N" / "signal: killed") or the runner's last error line (RUNNER_TERMINATED).
  // Likewise "llama runner process no longer running: <code> " with no message after the code (:1307, :1420)
  /\bllama runner process has terminated(?: with exit code -?\d+\b)?(?!:|\s*\w)/,
  /\bllama runner process no longer running: -?\d+\s*(?=["'}]|$)/,
  // torch.multiprocessing.spawn: a child that exited without an error on its queue ("process N terminated with exit
  // code N" / "… with signal SIGKILL", ProcessExitedException in newer releases), and ProcessRaisedException, whose
  // message is the child's own traceback, printed after it ("-- Process N terminated with the following error:"),
  // read on its own (pytorch/pytorch 20ac7362009dd8e0aca6e72fc9357773136a83b8:torch/multiprocessing/spawn.py:106, :111, :116)
  /\bprocess \d+ terminated with (?:exit code -?\d+|signal SIG[A-Z]+)\b/,
  /\bProcess(?:Exited|Raised)Exception\b/,
  /^\s*-- Process \d+ terminated with the following error:\s*$/,
  // Ollama's runner panics with the error of llama.cpp's loader that returned no model, which names only the model's path
  // ("unable to load model: %s": ollama/ollama v0.5.7:llama/llama.go:313, `panic(err)` at llama/runner/runner.go:852;
  // v0.17.6:llama/llama.go:310): llama.cpp logged why before it ("error loading model: unable to allocate CUDA0 buffer")
  /\bpanic: unable to load model: [^\s:]+\s*$/,
  // ninja stopping a build (a JIT extension's: torch.utils.cpp_extension, FlashInfer) because a command failed: the
  // command's own error (the compiler's, the linker's, the shell's) is printed before it (ninja-build/ninja
  // v1.13.2:src/ninja.cc:1638, "build stopped: %s." of src/build.cc:810's "subcommand failed")
  /^\s*ninja: build stopped: subcommand failed\b/,
  // an HTTP client told that the server failed (5xx): the failure is the server's, and its cause is in the server's log, not this one
  httpStatusError('server'),
  // a deployment waited on that never became ready: kubectl's wait and rollout status give up with the apimachinery's ErrWaitTimeout,
  // "timed out waiting for the condition" (kubernetes/kubernetes bb425a86ee4c22ffeb889fcaf73d406682c34c6c:
  // staging/src/k8s.io/apimachinery/pkg/util/wait/wait.go, ErrWaitTimeout), and scripts around it say the deployment "failed to become
  // ready within N minutes": a timeout waiting for the server (the labelling guide, rule 4)
  /\btimed out waiting for the condition\b|\bfailed to become ready within \d/,
  // a wait that timed out or was cancelled, with no message of its own: the log shows a hang, not its cause (the labelling guide,
  // rule 4: "a hang, a timeout"); vLLM's V0 engine loop logs "Engine iteration timed out. This should never happen!" when one step
  // outlived ENGINE_ITERATION_TIMEOUT_S and re-raises the timeout (e19bce40a1660cb7c03b790d0b000db155cf925d^:vllm/engine/async_llm_engine.py:738,758-760)
  /\bEngine iteration timed out\b|^\s*(?:asyncio\.(?:exceptions\.)?|concurrent\.futures\.(?:_base\.)?)?(?:CancelledError|TimeoutError)\s*$/,
  // Open MPI's help text of a rank that called MPI_Abort: the rank's own error comes before it (open-mpi/ompi
  // v4.1.6:ompi/mpi/help-mpi-api.txt:16, `[mpi-abort]`: "MPI_ABORT was invoked on rank %d in communicator %s" + "with errorcode %d.")
  /\bMPI_ABORT was invoked on rank \d+ in communicator\b/,
  // LMDeploy's vision-model builder logging the vision model whose construction raised, then re-raising it: the exception and its
  // traceback follow ("matching vision model: CogVLMVisionModel failed", InternLM/lmdeploy e8a1a33aa826646420ed2e67250d8eb97cf5cea9:
  // lmdeploy/vl/model/builder.py:51-58, `logger.error(…)` and `raise` in load_vl_model)
  /\bmatching vision model: \w+ failed\b/,
  RUNNER_TERMINATED,
];

export function isWrapperLine(l: LogLine): boolean {
  return WRAPPERS.some((w) => w.test(l.text));
}

/** Messages (not exceptions) by which an engine announces that its start failed. */
// (… and those read from source that announce a start that failed: SGLang's "Rank N scheduler died during initialization",
// TensorRT-LLM's "Executor worker died during initialization", vLLM's "Ray workers have not started successfully";
// sources at WRAPPERS)
const START_FAILED = /EngineCore failed to start|WorkerProc (?:failed to start|hit an exception)|\b\w+ hit an exception|Engine core initialization failed|Received sigquit from a child proces(?:s\b|\.)|Engine process failed to start|died unexpectedly, shutting down|scheduler is dead|\bscheduler died during initialization\b|\bExecutor worker died during initialization\b|\bRay workers have not started successfully\b/i;

/** A process that crashed without a Python exception: a signal, a fatal interpreter error, an exit code. */
const CRASHED = /Segmentation fault|\(core dumped\)|Fatal Python error|\bSIG(?:SEGV|ABRT|BUS|ILL)\b|exited with (?:code|status) [1-9]|exit code:? -?[1-9]/i;

/** A line that shows a crash that names no cause: never healthy, cause unknown. */
export function isCrashLine(l: LogLine): boolean {
  return !l.header && !isInfoOrDebug(l) && CRASHED.test(l.text);
}

/**
 * Slurm's step daemon ending a job or step it was told to end — its time limit, a preemption, a requeue, a signal sent (`scancel`) —
 * logged as an error though "not really errors": "slurmstepd: error: *** JOB 5858 ON gpuh05 CANCELLED AT 2025-12-21T02:31:17 DUE TO
 * TIME LIMIT ***" (SchedMD/slurm 284c3b95f08a2dc2478499837b03355e1b9c5c75:src/slurmd/slurmstepd/req.c:1117-1147; before 2025-03,
 * "… CANCELLED AT %s ***" for a signal, c9f68f5fa9cdce76aa0a7355513b729c7132fd12:…:1144-1148). Not its node's or a task's failure
 * ("DUE TO NODE FAILURE", "DUE TO TASK FAILURE"): a failure elsewhere. (The line cleaner keeps one `*` of the closing three.) Also cut by a
 * terminal after its time or its "DUE TO" (what is cut off is the reason: a failure elsewhere, whose cause the log does not hold either).
 */
const SLURM_CANCELLED = String.raw`\*\*\* (?:JOB|STEP) \S+ ON \S+ CANCELLED AT \S+(?:(?: DUE TO (?:TIME LIMIT|PREEMPTION|JOB REQUEUE)| DUE to SIGNAL [A-Za-z ]{1,40})? \*|(?: DUE TO)?\s*$)`;
/**
 * A signal from outside ended the server (an orchestrator's SIGTERM, the OOM killer's SIGKILL, Slurm ending the job); a stop asked for,
 * not a SIGKILL, is also a shutdown line after ready (isShutdownLine), Slurm's included.
 */
const KILLED = new RegExp(String.raw`received SIGTERM|received signal (?:9|15)\b|Received signal SIGTERM|\bKilled$|killed by signal|\bterminated by signal SIGKILL\b|^\s*KeyboardInterrupt\b|${SLURM_CANCELLED}`, 'i');

/**
 * The shell's report of a child ended by SIGKILL (strsignal(9), `Killed`): alone, or as a script's job status, `<script>: line 23: 427394
 * Killed   uvicorn api_main:app …` (bminor/bash bash-5.3:jobs.c:4641-4642, notify_of_job_status: the line, then the job with its pid, signal and command; siglist.c:87).
 */
// … and fish's, "fish: Job 1, 'python serve.py' terminated by signal SIGKILL (Forced quit)" (fish-shell/fish-shell
// 040ec88407f03657b0d0c4bc6e4ec989a99bed5a:share/functions/fish_job_summary.fish, fish_job_summary: "fish: Job %s, '%s' terminated by signal %s (%s)")
const SIGKILLED = /\bKilled\s*$|: line \d+: +\d+ Killed\b|^\s*fish: (?:Job \d+|Process \d+), .{0,300}' terminated by signal SIGKILL\b/;

/** A line, written with no level, in which the shell reports its child killed by SIGKILL (no stop asked for: the OOM killer's, most often). */
export function isSigkillLine(l: LogLine): boolean {
  return !l.header && l.level === null && SIGKILLED.test(l.text);
}

/** A line with the rest a terminal cut off it (the next line, when it continues it). */
export const withRest = (lines: readonly LogLine[], i: number): LogLine => (lines[i + 1]?.cont ? { ...lines[i]!, text: lines[i]!.text + lines[i + 1]!.text } : lines[i]!);

/** A line that says the process was stopped from outside; a failed start unless it was ready. */
export function isKilledLine(l: LogLine): boolean {
  return !l.header && !isInfoOrDebug(l) && KILLED.test(l.text);
}

function isInfoOrDebug(l: LogLine): boolean {
  return l.level === 'INFO' || l.level === 'DEBUG';
}

/** A line that says the start failed without naming why (it points at a root cause elsewhere). */
export function isStartFailedLine(l: LogLine): boolean {
  return !l.header && (l.level === null || l.level === 'ERROR' || l.level === 'CRITICAL') && START_FAILED.test(l.text);
}

/** Lines that say the server came up. */
const READY = [/Application startup complete/i, /The server is fired up and ready to roll/i, /Uvicorn running on/i];

/**
 * SGLang's scheduler, out of KV cache for the next decode step, retracting requests of the running batch and queueing them again to go
 * on decoding the rest: "Decode out of memory happened. #retracted_reqs: …" at INFO (361971b8593431aa572b3a5b2aa12b250ec09b03:
 * python/sglang/srt/managers/scheduler.py:1142-1156, in update_running_batch), "KV cache pool is full. Retract requests. #retracted_reqs: …"
 * as a warning (65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/managers/scheduler.py:2782,2815-2830). The engine at work,
 * and no failure (root-cause.ts, GOES_ON).
 */
export const RETRACTED = /^(?:Decode out of memory happened|KV cache pool is full\. Retract requests)\. #retracted_reqs: [1-9]/;

/**
 * Lines that show the server serving, so up, even in an excerpt without its ready line: an access-log
 * line of a request answered 200 (uvicorn), the HTTP routes vLLM lists once its engine is built
 * (22f8d28697322f81fd8bf47790cce714e84ce859:vllm/entrypoints/launcher.py:46, called from
 * vllm/entrypoints/openai/api_server.py:684 inside `build_async_engine_client`), vLLM's periodic
 * throughput line (…:vllm/v1/metrics/loggers.py:220) and SGLang's decode batches with their
 * throughput (65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/managers/scheduler_components/metrics_reporter.py:660,701)
 * and its prefill batches of requests (same commit, metrics_reporter.py:491: "Prefill batch, #new-seq: …";
 * older releases wrote "Prefill batch. #new-seq: …"), and its scheduler retracting requests of the running decode batch (RETRACTED).
 * And vLLM V1's speculative-decoding metrics, "SpecDecoding metrics: … Drafted: N tokens …", which its stat logger writes only for an
 * interval in which drafts were made and verified (`if not self.num_drafts: return`: 2a69949bdadf0e8942b7a1619b229cb475beef20:
 * vllm/v1/spec_decode/metrics.py:74-76,101-110): the target and draft models ran requests, as the throughput line's tokens say.
 */
const SERVING = [/"(?:GET|POST|PUT|DELETE) \/\S* HTTP\/[\d.]+" 200\b/, /^Route: \/\S*, (?:Methods|Endpoint): /, /\bAvg prompt throughput: [\d.]+ tokens\/s/, /^Decode batch\b.*gen throughput \(token\/s\): [\d.]+/, /^Prefill batch\b.{0,12}#new-seq: \d+, #new-token: \d+/, RETRACTED, /\bSpecDecoding metrics: .*\bDrafted: [1-9]\d* tokens\b/];

/** A line that says the server is up: its ready line, or a line that only a serving server writes. */
export function isReadyLine(l: LogLine): boolean {
  return !l.header && (isStartedLine(l) || SERVING.some((r) => r.test(l.text)) || LLAMACPP_TASK_DONE.test(l.text));
}

/** A start's own ready line (a server that came up, also again after a restart), not a line of its serving. */
export function isStartedLine(l: LogLine): boolean {
  return !l.header && READY.some((r) => r.test(l.text));
}

/**
 * A request answered with success that shows the engine alive (uvicorn's access log): a generating
 * request (`"POST /v1/chat/completions HTTP/1.1" 200 OK`), or vLLM's /health, which answers 200 only
 * while its engine has not failed (22f8d28697322f81fd8bf47790cce714e84ce859:vllm/entrypoints/serve/instrumentator/health.py:22-33,
 * vllm/v1/engine/async_llm.py:874-877); not /metrics or /v1/models, which the HTTP server answers alone. And a benchmark client's report
 * that the server answered its check: llama-benchy's "Coherence test PASSED." once a chat completion came back holding "Paris"
 * (eugr/llama-benchy 218200c692be21c0c87986e0f9fc4fa16b54d086:src/llama_benchy/client.py, run_coherence_test).
 */
export const COHERENCE_PASSED = /^Coherence test PASSED\.$/;
const ANSWERED = new RegExp(String.raw`"(?:POST \/\S*|GET \/health) HTTP\/[\d.]+" 2\d\d\b|${COHERENCE_PASSED.source}`);
/**
 * vLLM's throughput line: the API server logs it every interval whether the engine works or not
 * (22f8d28697322f81fd8bf47790cce714e84ce859:vllm/entrypoints/openai/server_utils.py:449-452, `_force_log`),
 * at INFO also for the first idle interval (vllm/v1/metrics/loggers.py:198-217): only tokens counted show work.
 */
const THROUGHPUT = /\bAvg prompt throughput: ([\d.]+) tokens\/s, Avg generation throughput: ([\d.]+) tokens\/s/;
/**
 * The engine a throughput line reports on, when it is one: vLLM counts the tokens made since its previous throughput line
 * (V1: `_reset(now)` after each log, `_get_throughput` over `now - last_log_time`, 22f8d28697322f81fd8bf47790cce714e84ce859:
 * vllm/v1/metrics/loggers.py:126-131,146-149,192-197; V0 likewise, 352c0c8a285414b11373e65fef095af7b07b94d8:vllm/engine/metrics.py:445-518),
 * so its first line after a failure counts tokens partly made before it. "Engine 000: …" names the engine of a data-parallel server.
 */
export function intervalReportOf(l: LogLine): string | null {
  return THROUGHPUT.test(l.text) ? (ENGINE_ID.exec(l.text)?.[1] ?? '') : null;
}
const ENGINE_ID = /\bEngine (\d+):/;
/** SGLang's decode and prefill batches: logged only when the engine ran a batch. */
const BATCHES = SERVING.slice(3);

/**
 * What shows a server SERVING at a line, not only up: `engine`, the engine's own work (vLLM's
 * throughput line with tokens counted, SGLang's decode and prefill batches; sources at SERVING);
 * `request`, a request answered with success that shows the engine alive (ANSWERED).
 */
export function servingShown(l: LogLine): 'engine' | 'request' | null {
  if (l.header || isErrorLevel(l)) return null;
  const t = THROUGHPUT.exec(l.text);
  if (t ? Number(t[1]) > 0 || Number(t[2]) > 0 : BATCHES.some((r) => r.test(l.text)) || LLAMACPP_TASK_DONE.test(l.text)) return 'engine';
  return ANSWERED.test(l.text) || LLAMACPP_ANSWERED.test(l.text) ? 'request' : null;
}
/**
 * llama.cpp's server: a slot's timings, logged when it finished a task, tokens generated ("slot print_timing: id  0 | task 3 |
 * eval time =  283.69 ms /  4 tokens", server_slot::print_timings behind SLT_INF, 006639c3ff51a3dbde5f52ebf4c5a55ad5306caf:
 * tools/server/server-common.h:18) — the engine's own work, as SGLang's decode batch; and its request log answering a generating
 * request ("srv  log_server_r: request: POST /v1/chat/completions 127.0.0.1 200", aa6192d38defc9a5d9fb2987413f71b18f214270:
 * tools/server/server-http.cpp:30-38). Both are health-evidence.ts's signs of a server that served.
 */
const LLAMACPP_TASK_DONE = /^slot +print_timing: id +\d+ \| task \d+ \| +eval time = +[\d.]+ ms \/ +[1-9]\d* tokens\b/;
/** llama-server's request log before its method, path, client and status (SRV_INF's "srv  %12.*s: " prefix cut to `log_server_r`). */
export const LLAMACPP_REQUEST_LOG = String.raw`^(?:srv +log_server_r: )?request: `;
const LLAMACPP_ANSWERED = new RegExp(String.raw`${LLAMACPP_REQUEST_LOG}POST \/\S* \S+ 2\d\d$`);

/**
 * A server told to stop: a stop signal received or the HTTP server shutting down. vLLM turns SIGTERM
 * into `KeyboardInterrupt("terminated")` (22f8d28697322f81fd8bf47790cce714e84ce859:vllm/entrypoints/openai/api_server.py:556)
 * and logs "Shutting down FastAPI HTTP server." (…:vllm/entrypoints/launcher.py:137); SGLang logs
 * "SIGTERM received. … Draining requests and shutting down..." (65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/managers/tokenizer_manager.py:2866);
 * uvicorn "Shutting down" and "Waiting for application shutdown." (encode/uvicorn e6c7ce79:uvicorn/server.py:264, uvicorn/lifespan/on.py:67).
 * Newer vLLM tags its shutdown steps `[shutdown]` ("[shutdown] EngineCore: trigger received signal=SIGTERM",
 * "[shutdown] API server: shutdown triggered": core.py:1214 and launcher.py:100 of a release newer than
 * the mirrors, shown in healthy/vllm-dgxspark-laguna-ready-enginedead-at-shutdown.log:494-495).
 */
const SHUTDOWN = /\bSIG(?:TERM|INT) received\b|\breceived signal[= ]SIG(?:TERM|INT)\b|^KeyboardInterrupt(?::|$)|Shutting down FastAPI HTTP server|^Shutting down$|Waiting for application shutdown|^\[shutdown\] /;

/** SIGKILL (the kernel's OOM killer, `docker kill` after its grace): the process is not asked to stop, it is ended. */
const SIGKILL = /\bKilled$|\bsignal 9\b|\bSIGKILL\b/i;

/**
 * A line that says the server was told to stop (what fails after it, once the server was up, is its
 * shutdown). A SIGKILL tells nothing: what fails after it (the workers it killed) is a failure.
 */
export function isShutdownLine(l: LogLine): boolean {
  return !l.header && !isErrorLevel(l) && (SHUTDOWN.test(l.text) || (isKilledLine(l) && !SIGKILL.test(l.text)));
}

/** uvicorn's lines of a server that shuts down (a failed start when it never became ready). */
const STOPPED = /\b(?:Waiting for application shutdown|Application shutdown complete|Finished server process)\b/;
/**
 * Python's multiprocessing resource tracker warns of what it cleans up when the interpreter exits
 * (CPython Lib/multiprocessing/resource_tracker.py, "resource_tracker: There appear to be %d leaked
 * %s objects to clean up at shutdown"; line 279 in the 3.12.13 of a corpus log): the process ended, at any level.
 */
const EXITED = /\bleaked \w+ objects to clean up at shutdown\b/;

/** Python's resource tracker reporting what it cleans up as an interpreter exits (EXITED): some process ended. */
export const isExitedLine = (l: LogLine): boolean => !l.header && EXITED.test(l.text);

export function isStoppedLine(l: LogLine): boolean {
  return !l.header && (((l.level === null || l.level === 'INFO') && STOPPED.test(l.text)) || EXITED.test(l.text));
}
